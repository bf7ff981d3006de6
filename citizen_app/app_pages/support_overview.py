"""The support person's start page: their citizens, most urgent first."""
from __future__ import annotations

import streamlit as st

from citizen_app import session, ui
from citizen_app.i18n import _, date_time, ngettext
from citizen_app.labels import status_label
from storage import caseload, citizens
from storage.db import write_session

actor = session.current_actor()
st.title(_("Mine borgere"))

with write_session() as s:
    rows = caseload.overview(s, actor=actor)

flagged = sum(1 for r in rows if r.needs_help_since)
st.write(ngettext("Du har {n} borger.", "Du har {n} borgere.", len(rows)))
if flagged:
    st.warning(ngettext("{n} borger har trykket på 'Jeg har det svært lige nu'.",
                        "{n} borgere har trykket på 'Jeg har det svært lige nu'.", flagged),
               icon=":material/emergency:")

for row in rows:
    with st.container(border=True):
        ui.plain(row.display_name)
        st.caption(_("{ref} · {status}", ref=row.internal_ref, status=status_label(row.status)))
        if row.needs_help_since:
            st.error(_("Har det svært (siden {when})", when=date_time(row.needs_help_since)))
        if row.waiting_since:
            st.write(_("Plan sendt {when}. Venter på dit svar.", when=date_time(row.waiting_since)))
        if row.locked:
            st.warning(_("Koden er låst efter for mange forkerte forsøg."))
            if st.button(_("Lås koden op"), key=f"unlock_{row.citizen_id}"):
                ui.attempt(lambda s, cid=row.citizen_id: citizens.unlock(s, actor=actor, citizen_id=cid),
                           success=_("Koden er låst op."))
        if st.button(_("Lav en ny kode"), key=f"newcode_{row.citizen_id}"):
            code = ui.attempt(lambda s, cid=row.citizen_id: citizens.reissue_access_code(s, actor=actor,
                                                                                          citizen_id=cid))
            if code:
                st.write(_("Den nye kode er:"))
                st.code(code, language=None)
                st.write(_("Den gamle kode virker ikke mere. Borgeren vælger en ny PIN-kode."))
