"""Finance: payment requests to handle. Citizens appear only by their internal number."""
from __future__ import annotations

import streamlit as st

from citizen_app import session, ui
from citizen_app.i18n import _, long_date, money
from storage import payments
from storage.db import write_session

actor = session.current_actor()
st.title(_("Betalinger"))
with write_session() as s:
    rows = payments.list_for_finance(s, actor=actor, status="requested")
if not rows:
    st.write(_("Der er ingen betalinger, som venter."))
for row in rows:
    with st.container(border=True):
        st.write(_("{ref}: {amount}", ref=row.citizen_ref, amount=money(row.amount_ore)))
        ui.plain(row.vendor)
        st.caption(_("Købt {date}", date=long_date(row.purchase_date)))
