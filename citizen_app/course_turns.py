"""The guide's side of a free-text turn on the course page: what was said besides the answers ("ved ikke",
a question, the guide's reply and examples), the short reflections, and the goodbye after "pause".

Every text the citizen wrote is shown with st.text, never markdown or HTML.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from citizen_app.course_widgets import guide_text, has_own_words, show_citizen
from citizen_app.i18n import _
from citizen_app.read_aloud import read_aloud
from dialogs import reflect
from dialogs.engine import Course
from dialogs.text import isolate
from dialogs.replies import MSG_EXAMPLES

PAUSED_KEY = "course_paused"


def show_asides(said: Sequence[tuple[str, str]], params: Mapping[str, object], *, key: str) -> None:
    """The turns about a step that were not its answer, in order: the citizen's words, then the guide's reply
    (msgids; the examples after "Her er nogle eksempler" as a list). ``key``: unique on the page (the step)."""
    guide: list[str] = []
    replies = 0

    def flush() -> None:
        nonlocal replies
        if guide:
            with st.chat_message("assistant", avatar=":material/support_agent:"):
                examples, texts = False, []
                for line in guide:
                    text = guide_text(line, dict(params))
                    st.text(f"• {text}" if examples else text)
                    texts.append(text)
                    examples = examples or line == MSG_EXAMPLES
                replies += 1
                read_aloud(" ".join(texts), key=f"aside_{key}_{replies}", personal=has_own_words(guide, params))
            guide.clear()

    for speaker, text in said:
        if speaker == "guide":
            guide.append(text)
        else:
            flush()
            show_citizen(text)
    flush()


def show_reflection(course: Course, path: Sequence[str], answers: Mapping[str, object], step_id: str,
                    words: str | None) -> None:
    """The guide's short reflection on an answer, when there is one (dialogs/reflect.py decides)."""
    found = reflect.reflection(course, path, answers, step_id, words)
    if found is None:
        return
    with st.chat_message("assistant", avatar=":material/support_agent:"):
        line = _(found.said, words=isolate(found.words))
        shown = f"{line} {_(found.tone)}" if found.tone else line
        st.text(shown)
        read_aloud(shown, key=f"reflection_{step_id}", personal=True)  # it repeats the citizen's words


def show_goodbye() -> None:
    """After "pause": a kind goodbye and the way back (the answers are saved: every answer is saved at once)."""
    if not st.session_state.get(PAUSED_KEY):
        return
    with st.container(border=True):
        st.text(_("Du kan lukke appen nu. Når du kommer tilbage, står samtalen her."))
        row = st.container(horizontal=True)
        if row.button(_("Gå til forsiden"), key="paused_home"):
            st.session_state.pop(PAUSED_KEY, None)
            st.switch_page("app_pages/citizen_home.py")
        row.button(_("Fortsæt samtalen nu"), key="paused_go_on", on_click=st.session_state.pop, args=(PAUSED_KEY, None))
