"""The coordinator's programme set-up: budget size, period, promised answer time, and staff."""
from __future__ import annotations

import streamlit as st

from citizen_app import session, ui
from citizen_app.amounts import kroner_to_ore, ore_to_input
from citizen_app.i18n import _
from citizen_app.labels import staff_role_label
from storage import programmes
from storage.db import write_session
from storage.statuses import StaffRole

actor = session.current_actor()
with write_session() as s:
    programme = programmes.get_programme(s, actor=actor)
    staff = [(u.display_name, u.username, u.role) for u in programmes.list_staff(s, actor=actor)]

st.title(_("Programmet"))
with st.form("programme"):
    name = st.text_input(_("Navn"), value=programme.name, max_chars=200)
    budget = st.text_input(_("Budget pr. borger i kroner"), value=ore_to_input(programme.default_budget_ore))
    months = st.number_input(_("Periode i måneder"), min_value=1, max_value=60, value=programme.period_months)
    days = st.number_input(_("Svartid i hverdage"), min_value=1, max_value=60, value=programme.answer_working_days,
                           help=_("Så mange hverdage lover I borgeren, at et svar højst tager."))
    if st.form_submit_button(_("Gem"), type="primary"):
        ui.attempt(lambda s: programmes.update_programme(
            s, actor=actor, name=name, default_budget_ore=kroner_to_ore(budget), period_months=int(months),
            answer_working_days=int(days)), success=_("Gemt."))

st.header(_("Medarbejdere"))
for display_name, username, role in staff:
    ui.plain(f"{display_name} ({username}) – {staff_role_label(role)}")

with st.form("new_staff", clear_on_submit=True):
    st.subheader(_("Ny medarbejder"))
    new_name = st.text_input(_("Navn"), max_chars=200)
    new_username = st.text_input(_("Brugernavn"), max_chars=100)
    new_role = st.selectbox(_("Rolle"), [r.value for r in StaffRole], format_func=staff_role_label,
                            placeholder=_("Vælg"))
    new_password = st.text_input(_("Første adgangskode"), type="password", autocomplete="new-password")
    if st.form_submit_button(_("Opret medarbejder")):
        ui.attempt(lambda s: programmes.create_staff(
            s, programme_id=actor.programme_id, username=new_username, display_name=new_name,
            role=StaffRole(new_role), password=new_password or None, actor=actor),
            success=_("Medarbejderen er oprettet."))
