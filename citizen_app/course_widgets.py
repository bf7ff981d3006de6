"""Pieces of the course page: the help panel, guide text, and one input per answer kind.

Every text a citizen wrote, and every guide message that may contain it
(e.g. "{goal}"), is shown with st.text: never markdown, never HTML.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import streamlit as st

from citizen_app.i18n import _, money
from citizen_app.labels import category_label, material_icon
from citizen_app.read_aloud import read_aloud
from dialogs import limits
from dialogs.answers import KINDS
from dialogs.engine import Step, is_skipped
from dialogs.text import for_display, isolate
from storage.errors import N_

HELP_KEY = "course_help_open"
ANSWER_LABEL = N_("Dit svar")


def guide_text(message: str, params: dict) -> str:
    """A guide line; the citizen's own words in it (a goal) are isolated, so right-to-left text keeps it in order."""
    return _(message, **{k: isolate(v) if isinstance(v, str) else v for k, v in params.items()}) if params \
        else _(message)


OWN_WORDS = ("goal", "subgoal")  # the placeholders of dialogs.engine.step_params filled with the citizen's text


def has_own_words(messages: Sequence[str], params: Mapping[str, object]) -> bool:
    """Whether these guide messages, filled in, hold the citizen's own words (their audio is kept off the disk)."""
    return any(params.get(name) and "{" + name + "}" in message for message in messages for name in OWN_WORDS)


def show_guide(step: Step, params: dict) -> None:
    with st.chat_message("assistant", avatar=":material/support_agent:"):
        said = []
        for message in step.messages:
            if text := guide_text(message, params):  # a message that is only a fact not known ("") is left out
                st.text(text)
                said.append(text)
        if step.hint:
            st.caption(_(step.hint))
            said.append(_(step.hint))
        read_aloud(" ".join(said), key=f"guide_{step.id}", personal=has_own_words(step.messages, params))


def show_citizen(words: str) -> None:
    with st.chat_message("user", avatar=":material/person:"):
        st.text(for_display(words))


def describe_answer(step: Step, value: object, words: str | None) -> str:
    """What the citizen said, in the session's language, as the answer kind reads it back (KINDS.said_as)."""
    if is_skipped(value):
        return _("Det vil jeg ikke svare på nu.")
    said_as = KINDS[step.kind].said_as
    labels = {o.value: _(o.label) for o in step.options}
    if said_as == "option":
        return labels.get(value, str(value))
    if said_as == "options" and isinstance(value, (list, tuple)):
        return ", ".join(labels.get(v, str(v)) for v in value)
    if said_as == "yesno":
        return _("Ja") if value else _("Nej")
    if said_as == "wish" and isinstance(value, dict):  # one wish, or several from one sentence ("also")
        return "; ".join(_("{title} – ca. {price}", title=w["title"], price=money(w["price_ore"]))
                         if w.get("price_ore") else str(w["title"]) for w in [value, *value.get("also", [])])
    if said_as == "money" and isinstance(value, int):
        return money(value)
    if said_as == "field" and isinstance(value, dict):
        return str(value.get("text", ""))
    return words or str(value)


Submit = Callable[[Callable[[], tuple[object, str]]], Callable[[], None]]


def _buttons(step: Step) -> list[tuple[object, str, str | None]]:
    """(value, label, pictogram) for a step answered with a tap: its options, yes/no, or its numbers."""
    if step.options:
        return [(o.value, _(o.label), material_icon(o.icon)) for o in step.options]
    if step.kind == "yesno":
        return [(True, _("Ja"), None), (False, _("Nej"), None)]
    low, high = step.min or 1, step.max or 5
    return [(n, str(n), None) for n in range(low, high + 1)]


def answer_input(step: Step, categories: list[dict], submit: Submit, *, chat: bool, initial: object = None,
                 draft: object = None) -> None:
    """The right input for the step's kind (KINDS.ask_with). `submit(read)` makes the widget's callback;
    `read()` gives (raw answer, the citizen's words) from the widget's value when the callback runs.
    `draft` (a goal step: dialogs.goal_draft.GoalDraft) fills the fields when there is no answer yet."""
    key = f"in_{step.id}"
    kind = KINDS[step.kind]
    if kind.ask_with == "buttons" and (chat or step.kind != "rating"):
        row = st.container(horizontal=True)
        for n, (value, label, icon) in enumerate(_buttons(step)):
            row.button(label, key=f"{key}_{n}", icon=icon, on_click=submit(lambda v=value, w=label: (v, w)))
        if chat and step.kind == "yesno":  # after a read-back: "nej, det er 3000" can be typed here
            yesno_key = f"{key}_chat"
            chat_input_never_lost(_("Tryk ja eller nej, eller skriv"), yesno_key, limits.PARSED_TEXT,
                                  submit(lambda: (st.session_state.get(yesno_key) or "",
                                                  st.session_state.get(yesno_key) or "")))
        elif chat:
            idle_chat_input(_("Vælg et svar ovenfor"))
        return
    if chat and kind.ask_with == "text":
        chat_key = f"{key}_chat"

        def typed() -> tuple[object, str]:
            text = st.session_state.get(chat_key) or ""
            return ({"text": text} if kind.typed_as == "field" else text), text
        chat_input_never_lost(_("Skriv dit svar her"), chat_key, step.max_length, submit(typed))
        return
    with st.form(key, clear_on_submit=False, border=not chat):
        read = _form_fields(step, categories, initial, key, draft)
        st.form_submit_button(_("Send svar") if chat else _("Gem og gå videre"), type="primary",
                              on_click=submit(read))
    if chat:
        idle_chat_input(_("Skriv dit svar ovenfor"))


def chat_input_never_lost(placeholder: str, key: str, max_chars: int, callback: Callable[[], None]) -> None:
    """st.chat_input whose text is never dropped. When a tab reconnects to another replica (the one that drew
    it died), the new server has not drawn this widget yet, so Streamlit returns the text without running the
    callback; it is then replayed as the callback would have run: before the page is drawn, then a fresh run."""
    ran, replay = f"{key}_ran", f"{key}_replay"
    if replay in st.session_state:
        st.session_state[key] = st.session_state.pop(replay)
        callback()
        st.rerun()

    def on_submit() -> None:
        st.session_state[ran] = True
        callback()
    value = st.chat_input(placeholder, key=key, max_chars=max_chars, on_submit=on_submit)
    if value and not st.session_state.pop(ran, False):
        st.session_state[replay] = value
        st.rerun()


def idle_chat_input(placeholder: str) -> None:
    """A switched-off chat box for steps answered with buttons or a form.

    The chat box lives in a bar at the bottom of the screen. If that bar came and went from step to
    step, the page would change height, and Streamlit (which keeps a chat glued to its bottom) would
    scroll a keyboard user's next Tab stop out of sight. With the bar always there, it stays put."""
    st.chat_input(placeholder, key="course_chat_idle", disabled=True)


def _start_with(field: str, value: object) -> None:
    """Put the first value in a field through its key, not `value=`: what the citizen typed then stays in the
    field through a refused answer and every rerun (a changed `value=` would make Streamlit start it afresh)."""
    if field not in st.session_state:
        st.session_state[field] = value


def _form_fields(step: Step, categories: list[dict], initial: object, key: str,
                 draft: object = None) -> Callable[[], tuple[object, str]]:
    """Draw the fields for the step; returns how to read (raw, words) from them when the form is sent."""
    field = f"{key}_value"
    state = st.session_state
    ask_with = KINDS[step.kind].ask_with
    if ask_with == "choices":
        # Tappable choices with our own Danish labels: a multiselect's list opens with Streamlit's English
        # "Select all" and needs two taps per choice on a phone.
        labels = {o.value: _(o.label) for o in step.options}
        icons = {o.value: material_icon(o.icon) for o in step.options}
        shown = {value: f"{icons[value]} {label}" if icons[value] else label for value, label in labels.items()}
        st.pills(_("Vælg et eller flere svar"), list(labels), selection_mode="multi", format_func=shown.get,
                 key=field, default=[v for v in (initial or []) if v in labels])
        return lambda: (state.get(field) or [], ", ".join(labels[v] for v in state.get(field) or []))
    if ask_with == "buttons":  # a rating in form mode
        low, high = step.min or 1, step.max or 5
        st.radio(_("Vælg et tal"), list(range(low, high + 1)), horizontal=True, key=field,
                 index=(initial - low) if isinstance(initial, int) else None)
        return lambda: (state.get(field), str(state.get(field)))
    if ask_with == "goal":
        given = initial if isinstance(initial, dict) else {"text": getattr(draft, "text", ""),
                                                           "category": getattr(draft, "category", None)}
        keys = [c["key"] for c in categories]
        label_of = {c["key"]: category_label(c) for c in categories}
        _start_with(field, given.get("text") or "")
        _start_with(f"{field}_category", given.get("category") if given.get("category") in keys else None)
        st.text_area(_("Dit mål"), max_chars=limits.GOAL_TEXT, key=field)
        st.selectbox(_("Hvad handler målet om?"), keys, format_func=label_of.get, key=f"{field}_category",
                     placeholder=_("Vælg"))
        return lambda: ({"text": state.get(field, ""), "category": state.get(f"{field}_category")},
                        state.get(field, ""))
    said_as = KINDS[step.kind].said_as
    if said_as == "field":
        st.text_input(_(ANSWER_LABEL), value=(initial or {}).get("text", "") if isinstance(initial, dict) else "",
                      max_chars=limits.GOAL_TEXT, key=field)
        return lambda: ({"text": state.get(field, "")}, state.get(field, ""))
    if said_as == "wish":
        st.text_input(_(ANSWER_LABEL), placeholder=_("Fx: en brugt cykel til ca. 2.000 kr."),
                      max_chars=limits.PARSED_TEXT, key=field)
    elif said_as == "money":
        st.text_input(_("Beløb i kroner"), placeholder=_("Fx 3.000"), key=field)
    else:
        st.text_area(_(ANSWER_LABEL), value=initial if isinstance(initial, str) else "", max_chars=step.max_length,
                     key=field)
    return lambda: (state.get(field, ""), state.get(field, ""))
