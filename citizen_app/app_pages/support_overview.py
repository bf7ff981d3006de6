"""'Mine borgere': the support person's citizens, most urgent first, in a constant number of queries."""
from __future__ import annotations

import streamlit as st

from citizen_app import help_notices, pager, session, ui
from citizen_app import staff_nav as nav
from citizen_app import staff_words as words
from citizen_app.i18n import _, date_time, local_today, ngettext
from citizen_app.labels import status_label
from citizen_app.support_sections import follow_up as follow_up_block
from citizen_app.support_sections import messages as message_block
from storage import caseload, citizens
from storage.caseload import CaseRow, Waiting
from storage.db import write_session

CONFIRM_CODE_KEY = "confirm_new_code_for"
PAGE_KEY = "overview_page"

actor = session.current_actor()
st.title(_("Mine borgere"))

today = local_today()
with write_session() as s:  # the figures are counted by the database; the list comes a page at a time
    totals = caseload.overview_counts(s, actor=actor, today=today)
    page_no = pager.current(PAGE_KEY, totals.citizens, caseload.PAGE_SIZE)
    rows = caseload.overview(s, actor=actor, limit=caseload.PAGE_SIZE, offset=page_no * caseload.PAGE_SIZE)
course = words.load_course_or_none()
waits: dict[int, Waiting | None] = {r.citizen_id: r.waiting(today) for r in rows}
flagged, overdue_count = totals.needs_help, totals.overdue

counts = st.container(horizontal=True)
counts.metric(_("Borgere"), totals.citizens)
counts.metric(_("Har det svært"), flagged)
counts.metric(_("Planer venter"), totals.waiting)
counts.metric(_("Over tiden"), overdue_count)
if not rows:
    st.write(_("Du har ingen borgere endnu. Opret en på siden Ny borger."))
# --- Help shown (issue 12, safety): at the top, that and when; the words only if the citizen shared them ---
if flagged:
    help_notices.show(actor)
# --- end of help shown ---
if overdue_count:
    st.warning(ngettext("{n} plan har ventet længere end lovet.", "{n} planer har ventet længere end lovet.",
                        overdue_count), icon=":material/schedule:")

message_block.overview_block(actor)  # messages waiting for an answer (issue 16): all of it in that module
follow_up_block.overview_block(actor)  # milestones due or overdue (issue 15)


def _confirm_code(cid: int | None) -> None:
    st.session_state[CONFIRM_CODE_KEY] = cid


def _new_code(row: CaseRow) -> None:
    cid = row.citizen_id
    if st.session_state.get(CONFIRM_CODE_KEY) != cid:
        st.button(_("Lav en ny kode"), key=f"new_code_{cid}", icon=":material/key:", on_click=_confirm_code,
                  args=(cid,))
        return
    st.warning(_("Den gamle kode holder op med at virke, og borgeren vælger en ny PIN-kode. Vil du lave en ny kode?"))
    bar = st.container(horizontal=True)
    if bar.button(_("Ja, lav en ny kode"), key=f"new_code_yes_{cid}", type="primary"):
        st.session_state.pop(CONFIRM_CODE_KEY, None)
        code = ui.attempt(lambda s: citizens.reissue_access_code(s, actor=actor, citizen_id=cid))
        if code:
            st.write(_("Den nye kode er:"))
            st.code(code, language=None)
            st.caption(_("Koden vises kun nu. Giv den til borgeren på papir. Den gamle kode virker ikke mere."))
    bar.button(_("Fortryd"), key=f"new_code_no_{cid}", on_click=_confirm_code, args=(None,))


def _card(row: CaseRow) -> None:
    cid = row.citizen_id
    waiting = waits[cid]
    with st.container(border=True):
        if row.needs_help_since:
            st.error(_("Appen viste borgeren hjælp {when}.", when=date_time(row.needs_help_since)),
                     icon=":material/emergency:")
        ui.plain(row.display_name)
        st.caption(_("Nummer {ref}. Status: {status}.", ref=row.internal_ref, status=status_label(row.status)))
        if not row.is_open and row.status_reason:
            st.caption(_("Grunden, som borgeren kan se:"))
            ui.plain(row.status_reason)
        st.write(words.course_progress_text(course, row.course_step, row.course_done))
        if waiting:
            words.show_waiting(waiting)
        if row.locked:
            st.warning(_("Koden er låst efter for mange forkerte forsøg."), icon=":material/lock:")
        actions = st.container(horizontal=True)
        if actions.button(_("Åbn borgerens side"), key=f"open_{cid}", type="primary", icon=":material/person:"):
            nav.open_page(cid, nav.CITIZEN_PAGE)
        if waiting and actions.button(_("Svar på planen"), key=f"review_{cid}", icon=":material/rule:"):
            nav.open_page(cid, nav.REVIEW_PAGE)
        if row.needs_help_since:
            actions.button(_("Jeg har set det"), key=f"seen_{cid}", icon=":material/done:", on_click=ui.on_click(
                lambda s: citizens.clear_needs_help(s, actor=actor, citizen_id=cid),
                _("Markeret som set. Husk at tale med borgeren.")))
        if row.locked:
            actions.button(_("Lås koden op"), key=f"unlock_{cid}", icon=":material/lock_open:", on_click=ui.on_click(
                lambda s: citizens.unlock(s, actor=actor, citizen_id=cid),
                _("Koden er låst op. Borgeren kan logge ind igen.")))
        _new_code(row)


for case_row in rows:
    _card(case_row)
pager.show(PAGE_KEY, page=page_no, shown=len(rows), total=totals.citizens, size=caseload.PAGE_SIZE,
           count_one_page=False)
