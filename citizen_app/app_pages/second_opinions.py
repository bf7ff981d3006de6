"""'Spørgsmål': the coordinator answers support persons' hard calls. The support person still decides."""
from __future__ import annotations

import streamlit as st

from citizen_app import message_widgets, session, ui
from citizen_app.i18n import _, date_time, money, ngettext
from dialogs import limits
from storage import messages, second_opinions
from storage.db import write_session
from storage.second_opinions import OpinionView

actor = session.current_actor()
st.title(_("Spørgsmål"))
st.write(_("Støttepersonerne spørger om råd, før de beslutter. Dit svar er et råd. Borgeren ser det ikke."))

with write_session() as s:
    waiting = second_opinions.open_questions(s, actor=actor)
    answered = second_opinions.answered_questions(s, actor=actor)


def _facts(opinion: OpinionView) -> None:
    st.caption(_("Borgernummer {ref}. Spurgt {when}.", ref=opinion.citizen_ref, when=date_time(opinion.asked_at)))
    ui.plain(opinion.item_title)
    if opinion.item_total_ore is not None:
        st.caption(_("Pris: {amount}", amount=money(opinion.item_total_ore)))
    st.caption(_("Spørgsmålet:"))
    ui.plain(opinion.question)


def _thread(opinion: OpinionView) -> None:
    """The citizen's messages with their support person, read only and only when the coordinator opens them
    (each opening is audited and shows in the citizen's 'Hvem har set min plan')."""
    if not st.toggle(_("Vis beskeder mellem borgeren og støttepersonen"), key=f"show_thread_{opinion.id}"):
        return
    thread = ui.attempt(lambda s: messages.thread(s, actor=actor, citizen_id=opinion.citizen_id))
    if thread is not None:
        message_widgets.show_thread(thread, for_citizen=False, key=f"opinion_thread_{opinion.id}")


st.subheader(_("Venter på dit svar"))
if not waiting:
    st.write(_("Der er ingen spørgsmål, som venter."))
else:
    st.write(ngettext("{n} spørgsmål venter på dit svar.", "{n} spørgsmål venter på dit svar.", len(waiting)))
for opinion in waiting:
    with st.container(border=True):
        _facts(opinion)
        key = f"answer_{opinion.id}"
        with st.form(f"answer_form_{opinion.id}"):
            st.text_area(_("Dit svar"), key=key, max_chars=limits.NOTE)
            st.form_submit_button(_("Send svar til støttepersonen"), type="primary", on_click=ui.on_click(
                lambda s, oid=opinion.id, key=key: second_opinions.answer(s, actor=actor, opinion_id=oid,
                                                                          text=st.session_state.get(key, "")),
                _("Dit svar er sendt til støttepersonen."), after=lambda key=key: ui.clear_keys(key), errors=key))
        ui.show_errors(key)
        _thread(opinion)

st.subheader(_("Besvarede spørgsmål"))
if not answered:
    st.write(_("Du har ikke besvaret nogen spørgsmål endnu."))
for opinion in answered:
    with st.container(border=True):
        _facts(opinion)
        st.caption(_("Svaret {when}:", when=date_time(opinion.answered_at)))
        ui.plain(opinion.answer)
