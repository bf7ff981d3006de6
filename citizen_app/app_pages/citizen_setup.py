"""Enrol a citizen and hand over a printable access code."""
from __future__ import annotations

import streamlit as st

from citizen_app import session, ui
from citizen_app.i18n import LANGUAGES, _, local_today
from dialogs import limits
from dialogs.amounts import ore_to_input, parse_amount
from storage import citizens, programmes
from storage.db import read_session
from storage.statuses import StaffRole

actor = session.current_actor()
with read_session() as s:  # a read: no write lock
    programme = programmes.get_programme(s, actor=actor)
    supporters = [(u.id, u.display_name) for u in programmes.support_persons(s, programme_id=actor.programme_id)]

st.title(_("Ny borger"))
st.write(_("Borgeren får en kode, som du giver videre på papir. Første gang vælger borgeren selv en PIN-kode."))
with st.form("new_citizen", clear_on_submit=False):
    name = st.text_input(_("Navn, som borgeren vil kaldes"), max_chars=limits.NAME,
                         help=_("Kun et navn. Skriv ikke CPR-nummer."))
    support_id = actor.id
    if actor.role is StaffRole.COORDINATOR:
        support_id = st.selectbox(_("Støtteperson"), [sid for sid, _n in supporters],
                                  format_func=dict(supporters).get, placeholder=_("Vælg"))
    budget = st.text_input(_("Budget i kroner"), value=ore_to_input(programme.default_budget_ore))
    start = st.date_input(_("Startdato"), value=local_today(), format="DD.MM.YYYY")
    language = st.selectbox(_("Sprog"), list(LANGUAGES), format_func=LANGUAGES.get, placeholder=_("Vælg"))
    sent = st.form_submit_button(_("Opret borger"), type="primary")

if sent:
    created = ui.attempt(lambda s: citizens.create_citizen(
        s, actor=actor, display_name=name, support_person_id=support_id, budget_total_ore=parse_amount(budget),
        start_date=start, language=language))
    if created:
        st.success(_("Borgeren er oprettet."), icon=":material/check:")
        with st.container(border=True):
            ui.plain(" ".join(name.split()))
            st.write(_("Din kode til Borgerbudget:"))
            st.code(created.access_code, language=None)
            st.write(_("Gå til Borgerbudget, og skriv koden. Første gang vælger du en PIN-kode med 4 tal."))
        st.caption(_("Koden vises kun nu. Skriv den ned, eller print siden. Mister borgeren koden, kan du lave en ny."))
