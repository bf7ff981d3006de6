"""'Borgerne': the coordinator's overview of the programme's citizens, most urgent first, a page at a time.

The figures are counted by the database and the list is read one page at a time (storage/caseload.py),
so the page costs the same at 100 or 100 000 citizens. Names are shown as table cells: plain text.
"""
from __future__ import annotations

import streamlit as st

from citizen_app import pager, session
from citizen_app import staff_words as words
from citizen_app.i18n import _, date_time, local_today
from citizen_app.labels import status_label
from storage import caseload
from storage.db import write_session

PAGE_KEY = "programme_citizens_page"

actor = session.current_actor()
st.title(_("Borgerne i programmet"))
today = local_today()
with write_session() as s:  # the list's read is audited, one event per citizen shown
    totals = caseload.overview_counts(s, actor=actor, today=today)
    page = pager.current(PAGE_KEY, totals.citizens, caseload.PAGE_SIZE)
    rows = caseload.overview(s, actor=actor, limit=caseload.PAGE_SIZE, offset=page * caseload.PAGE_SIZE)

counts = st.container(horizontal=True)
counts.metric(_("Borgere"), totals.citizens)
counts.metric(_("Har det svært"), totals.needs_help)
counts.metric(_("Planer venter"), totals.waiting)
counts.metric(_("Over tiden"), totals.overdue)

if not rows:
    st.write(_("Der er ingen borgere i programmet endnu."))
else:
    st.caption(_("Dem, der har det svært, står først. Så de planer, der har ventet længst på svar."))
    st.dataframe([{
        _("Navn"): row.display_name,
        _("Nummer"): row.internal_ref,
        _("Støtteperson"): row.support_person,
        _("Status"): status_label(row.status),
        _("Har det svært"): date_time(row.needs_help_since) if row.needs_help_since else "",
        _("Plan venter"): words.waiting_text(waiting) if (waiting := row.waiting(today)) else "",
    } for row in rows], hide_index=True)
pager.show(PAGE_KEY, page=page, shown=len(rows), total=totals.citizens, size=caseload.PAGE_SIZE)
