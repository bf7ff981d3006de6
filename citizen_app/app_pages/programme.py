"""The coordinator's programme set-up: budget size, period and promised answer time (staff: staff_admin.py)."""
from __future__ import annotations

import streamlit as st

from citizen_app import session, ui
from citizen_app.i18n import _
from dialogs import limits
from dialogs.amounts import ore_to_input, parse_amount
from storage import programmes
from storage.db import read_session

actor = session.current_actor()
with read_session() as s:  # a read: no write lock
    programme = programmes.get_programme(s, actor=actor)



def _save_programme(s) -> None:
    form = st.session_state
    programmes.update_programme(s, actor=actor, name=form["programme_name"],
                                default_budget_ore=parse_amount(form["programme_budget"]),
                                period_months=int(form["programme_months"]),
                                answer_working_days=int(form["programme_days"]))


st.title(_("Programmet"))
with st.form("programme"):
    st.text_input(_("Navn"), value=programme.name, max_chars=limits.TITLE, key="programme_name")
    st.text_input(_("Budget pr. borger i kroner"), value=ore_to_input(programme.default_budget_ore),
                  key="programme_budget")
    st.number_input(_("Periode i måneder"), min_value=1, max_value=60, value=programme.period_months,
                    key="programme_months")
    st.number_input(_("Svartid i hverdage"), min_value=1, max_value=60, value=programme.answer_working_days,
                    help=_("Så mange hverdage lover I borgeren, at et svar højst tager."), key="programme_days")
    st.form_submit_button(_("Gem"), type="primary", on_click=ui.on_click(_save_programme, _("Gemt."),
                                                                          errors="programme"))
ui.show_errors("programme")
