"""The home page's box for a programme that has ended: that it has ended, why, and what the citizen can still do."""
from __future__ import annotations

from datetime import datetime

import streamlit as st

from citizen_app import ui
from citizen_app.i18n import _, long_date
from storage.messages import writes_until


def ended_box(reason: str | None, ended_at: datetime | None) -> None:
    with st.container(border=True):
        st.markdown("#### " + _("Dit forløb er slut"))
        st.markdown(_("Din plan kan ikke ændres mere, og der kan ikke købes mere for budgettet."))
        if reason:
            st.caption(_("Din støtteperson skrev:"))
            ui.plain(reason)
        st.markdown(_("Det kan du stadig:"))
        st.markdown(_("Du kan læse din plan og dine svar."))
        st.markdown(_("Du kan hente dit forløb som PDF og gemme det."))
        until = writes_until(ended_at)
        if until is not None:
            st.markdown(_("Du kan skrive til din støtteperson indtil {date}.", date=long_date(until)))
        st.page_link("app_pages/closing.py", label=_("Se tilbage og hent din PDF"), icon=":material/flag:")
