"""Messages on the support person's pages: the thread with an answer box (the citizen's page), and the citizens
whose messages wait for an answer, the longest waiting first (the overview's block)."""
from __future__ import annotations

import streamlit as st

from citizen_app import message_widgets, ui
from citizen_app import staff_nav as nav
from citizen_app.i18n import _, date_time, local_today, long_date, ngettext
from storage import messages
from storage.access import Actor
from storage.db import write_session
from storage.errors import N_
from storage.statuses import StaffRole

SECTION = "messages"


def show(actor: Actor, cid: int, profile) -> None:
    """The citizen's page, section 'Beskeder': reading it marks the citizen's messages read (audited)."""
    thread = nav.load_or_refuse(lambda s: messages.thread(s, actor=actor, citizen_id=cid))
    if thread is None:
        return
    if thread.answer_by:
        late = local_today() > thread.answer_by
        (st.error if late else st.info)(
            _("Borgeren venter på svar. Lovet svar senest {date}.", date=long_date(thread.answer_by)),
            icon=":material/schedule:")
    message_widgets.show_thread(thread, for_citizen=False, key=f"support_thread_{cid}")
    if actor.role is StaffRole.SUPPORT:
        message_widgets.write_box(cid, key=f"answer_{cid}", label=_("Dit svar til borgeren"),
                                  button=_("Send svaret"))
        st.caption(_("Borgeren ser svaret på sin forside og i samtalen."))


def overview_block(actor: Actor) -> None:
    """'Beskeder, der venter på svar' on Mine borgere: one line per citizen, the longest waiting first."""
    if actor.role is not StaffRole.SUPPORT:
        return
    with write_session() as s:
        waiting = messages.waiting_threads(s, actor=actor)
    if not waiting:
        return
    today = local_today()
    st.subheader(_("Beskeder, der venter på svar"))
    unread = sum(row.unread for row in waiting)
    st.write(ngettext("{n} borger venter på svar.", "{n} borgere venter på svar.", len(waiting)) + " " +
             ngettext("{n} ulæst besked i alt.", "{n} ulæste beskeder i alt.", unread))
    for row in waiting:  # one box each, so "Svar" belongs to the name above it
        with st.container(border=True):
            ui.say(N_("{name} (nummer {ref}) har skrevet {when}."), name=row.display_name, ref=row.internal_ref,
                   when=date_time(row.waiting_since))
            line = ngettext("{n} ulæst besked.", "{n} ulæste beskeder.", row.unread) if row.unread else \
                _("Læst, men ikke besvaret.")
            promise = _("Lovet svar senest {date}.", date=long_date(row.answer_by))
            (st.warning if row.overdue(today) else st.caption)(f"{line} {promise}")
            if st.button(_("Svar"), key=f"answer_messages_{row.citizen_id}", icon=":material/reply:"):
                open_messages(row.citizen_id)


def open_messages(citizen_id: int) -> None:
    """The citizen's page with the 'Beskeder' section open."""
    st.session_state[nav.OPEN_SECTION_KEY] = SECTION
    nav.open_page(citizen_id, nav.CITIZEN_PAGE)
