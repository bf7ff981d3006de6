"""The citizen's start page: who they are, their budget period, and where to go next."""
from __future__ import annotations

import streamlit as st

from citizen_app import session
from citizen_app.i18n import _, long_date, money
from storage import citizens
from storage.db import write_session

actor = session.current_actor()
with write_session() as s:
    me = citizens.get_profile(s, actor=actor, citizen_id=actor.id)

st.title(_("Hej {name}", name=me.display_name))
st.write(_("Dit budget: {amount}", amount=money(me.budget_total_ore)))
st.write(_("Dit budget gælder til {date}.", date=long_date(me.end_date)))
if me.status == "paused":
    st.info(_("Din plan holder pause lige nu. Intet er væk. Tal med din støtteperson om, hvornår I går videre."))
elif me.status == "ended":
    st.info(_("Dit forløb er slut."))
