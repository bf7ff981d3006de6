"""The coordinator's programme set-up: budget size, period, promised answer time, and staff."""
from __future__ import annotations

import streamlit as st

from citizen_app import session, ui
from citizen_app.i18n import _
from citizen_app.labels import staff_role_label
from dialogs import limits
from dialogs.amounts import ore_to_input, parse_amount
from storage import programmes
from storage.db import write_session
from storage.statuses import StaffRole

actor = session.current_actor()
with write_session() as s:
    programme = programmes.get_programme(s, actor=actor)
    staff = [(u.display_name, u.username, u.role) for u in programmes.list_staff(s, actor=actor)]



def _save_programme(s) -> None:
    form = st.session_state
    programmes.update_programme(s, actor=actor, name=form["programme_name"],
                                default_budget_ore=parse_amount(form["programme_budget"]),
                                period_months=int(form["programme_months"]),
                                answer_working_days=int(form["programme_days"]))


def _create_staff(s) -> None:
    form = st.session_state
    programmes.create_staff(s, programme_id=actor.programme_id, username=form["staff_username"],
                            display_name=form["staff_name"], role=StaffRole(form["staff_role"]),
                            password=form["staff_password"] or None, actor=actor)


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

st.header(_("Medarbejdere"))
for display_name, username, role in staff:
    ui.plain(f"{display_name} ({username}) – {staff_role_label(role)}")

with st.form("new_staff", clear_on_submit=True):
    st.subheader(_("Ny medarbejder"))
    st.text_input(_("Navn"), max_chars=limits.NAME, key="staff_name")
    st.text_input(_("Brugernavn"), max_chars=limits.NAME, key="staff_username")
    st.selectbox(_("Rolle"), [r.value for r in StaffRole], format_func=staff_role_label, placeholder=_("Vælg"),
                 key="staff_role")
    st.text_input(_("Første adgangskode"), type="password", autocomplete="new-password", key="staff_password")
    st.form_submit_button(_("Opret medarbejder"), on_click=ui.on_click(
        _create_staff, _("Medarbejderen er oprettet."), errors="new_staff"))
ui.show_errors("new_staff")
