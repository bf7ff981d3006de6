"""The message thread between a citizen and their support person, for both sides (storage/messages.py).

Message text is the person's own words: always plain text (ui.plain → st.text), never markdown or HTML.
"""
from __future__ import annotations

import streamlit as st

from citizen_app import help_panel, session, ui
from citizen_app.i18n import _, date_time, long_date
from dialogs import limits
from storage import messages
from storage.db import transaction
from storage.errors import N_
from storage.messages import MessageView, Thread

SHOWN = 20                      # the newest messages shown on the page; older ones under 'Ældre beskeder'


def _bubble(view: MessageView, *, for_citizen: bool, delete_key: str) -> None:
    with st.container(border=True):
        if view.author_kind == messages.CITIZEN:
            who = _("Du skrev {when}.", when=date_time(view.created_at)) if for_citizen else \
                _("Borgeren skrev {when}.", when=date_time(view.created_at))
            ui.plain(who)
        elif for_citizen:
            ui.say(N_("{name} skrev {when}."), name=view.author_name or _("Din støtteperson"),
                   when=date_time(view.created_at))
        else:
            ui.say(N_("{name} svarede {when}."), name=view.author_name, when=date_time(view.created_at))
        if view.from_course:
            st.caption(_("Spurgt i samtalen."))
        if view.about_title:
            ui.say(N_("Om: {title}"), title=view.about_title)
        if view.deleted:
            st.caption(_("Beskeden er slettet."))
            return
        ui.plain(view.text)
        if view.mine and view.read_by_other:
            st.caption(_("Læst."))
        if view.can_change:
            actor = session.current_actor()
            st.button(_("Slet beskeden"), key=f"{delete_key}_{view.id}", icon=":material/delete:",
                      on_click=ui.on_click(lambda s: messages.delete(s, actor=actor, message_id=view.id),
                                           _("Beskeden er slettet.")))


def show_thread(thread: Thread, *, for_citizen: bool, key: str) -> None:
    """The thread, oldest first; the newest SHOWN messages in view, older ones folded away."""
    if not thread.messages:
        st.write(_("Der er ingen beskeder endnu.") if not for_citizen else
                 _("Der er ingen beskeder endnu. Skriv, hvis du har et spørgsmål."))
        return
    older, newest = thread.messages[:-SHOWN], thread.messages[-SHOWN:]
    if older:
        with st.expander(_("Ældre beskeder"), key=f"{key}_older"):
            for view in older:
                _bubble(view, for_citizen=for_citizen, delete_key=f"{key}_delete")
    for view in newest:
        _bubble(view, for_citizen=for_citizen, delete_key=f"{key}_delete")
    if thread.answer_by and for_citizen:
        st.info(_("Din støtteperson svarer senest {date}.", date=long_date(thread.answer_by)),
                icon=":material/schedule:")


def write_box(citizen_id: int, *, key: str, label: str, button: str, about_wish_id: int | None = None,
              initial: str = "", close_key: str | None = None) -> None:
    """A form to write in the thread. A citizen's message is read for crisis signals first (help_panel.check)."""
    actor = session.current_actor()
    field = f"{key}_text"
    if initial and field not in st.session_state:
        st.session_state[field] = initial

    def send(s) -> None:
        sent = messages.write(s, actor=actor, citizen_id=citizen_id, text=st.session_state.get(field, ""),
                              about_wish_id=about_wish_id)
        st.session_state[f"{key}_answer_by"] = sent.answer_by

    def after() -> None:
        # Assign, not pop: a popped text area keeps showing the sent text in the browser (its widget is unchanged)
        if close_key:  # the box closes: its field is not drawn on the next run, so forgetting it is enough
            ui.clear_keys(close_key, field)
        else:
            st.session_state[field] = ""
        answer_by = st.session_state.pop(f"{key}_answer_by", None)
        ui.flash(_("Beskeden er sendt. Du får svar senest {date}.", date=long_date(answer_by)) if answer_by
                 else _("Svaret er sendt til borgeren."))

    with st.form(f"{key}_form"):
        st.text_area(label, key=field, max_chars=limits.MESSAGE)
        save = ui.on_click(send, after=after, errors=field)
        st.form_submit_button(button, type="primary", icon=":material/send:",
                              on_click=save if actor.is_staff else help_panel.checking(actor, "message", [field], save))
    ui.show_errors(field)


def ask_about_wish(item_id: int, citizen_id: int) -> None:
    """'Jeg forstår ikke svaret' under a declined wish: a message about that wish to the support person."""
    open_key = f"ask_about_{item_id}"
    if not st.session_state.get(open_key):
        st.button(_("Jeg forstår ikke svaret"), key=f"{open_key}_open", icon=":material/help:",
                  on_click=lambda: st.session_state.__setitem__(open_key, True))
        return
    write_box(citizen_id, key=f"about_wish_{item_id}", label=_("Skriv, hvad du vil spørge om"),
              button=_("Send til min støtteperson"), about_wish_id=item_id, initial=_("Jeg forstår ikke svaret."),
              close_key=open_key)
    help_panel.show_if_needed()


def new_answers_box(unread: int) -> None:
    """In the course: the support person's new answers, once (they are then read; the home page keeps them).
    `unread` comes from the page's own read, so a course turn with nothing new takes no write transaction."""
    if not unread:
        return
    actor = session.current_actor()
    answers = transaction(lambda s: messages.new_answers(s, actor=actor))
    if not answers:
        return
    with st.container(border=True):
        st.subheader(_("Svar fra din støtteperson"))
        for view in answers:
            _bubble(view, for_citizen=True, delete_key="course_answer_delete")
        st.caption(_("Du kan altid se svarene på din forside."))
