"""The read-back of a wish read from the citizen's own words, before it is stored:
"Jeg skriver: en seng til 1.200 kr. Passer det?" with "Ja", "Ret prisen", "Ret navnet" (and, for several
things in one sentence, "Skriv dem som to ønsker" / "Skriv det som ét ønske").

Thin: the reading waits in storage (storage.course.PendingWish, so a reload keeps it); the rules are in
dialogs.extract and storage.course. The citizen's words are shown with st.text, never as markdown.
"""
from __future__ import annotations

import streamlit as st

from citizen_app import ui
from citizen_app.i18n import _, money
from citizen_app.read_aloud import read_aloud
from dialogs import limits
from dialogs.extract import WishPart, in_sentence, wishes_of
from dialogs.text import for_display
from storage import course
from storage.access import Actor

EDIT_KEY = "wish_readback_edit"  # which field is open: "price" or "title", and which wish (None: the only one)
ERRORS = "wish_readback"


def said(wish: WishPart) -> str:
    """One wish as the guide says it back: "en seng til 1.200 kr." or "en seng"."""
    title = in_sentence(wish.title)
    return _("{title} til {price}", title=title, price=money(wish.price_ore)) if wish.price_ore else title


def _close() -> None:
    st.session_state.pop(EDIT_KEY, None)


def _open(what: str, part: int | None) -> None:
    st.session_state[EDIT_KEY] = (what, part)


def show(actor: Actor, pending: course.PendingWish) -> None:
    """The read-back for the wish waiting at the current step."""
    reading, step_id = pending.reading, pending.step_id
    wishes = wishes_of(reading)
    several = len(wishes) > 1
    with st.chat_message("user", avatar=":material/person:"):
        st.text(for_display(pending.words))
    with st.chat_message("assistant", avatar=":material/support_agent:"):
        if not several:
            if reading.question:
                lines = [_("Jeg skriver: {wish}.", wish=said(wishes[0]).rstrip(".")),
                         _(reading.question, **ui.message_params(dict(reading.question_params)))]
            elif wishes[0].price_ore:
                lines = [_("Jeg skriver: {wish}. Passer det?", wish=said(wishes[0]).rstrip("."))]  # "kr." ends it
            else:
                lines = [_("Jeg skriver: {wish}. Der er ingen pris på. Passer det?", wish=said(wishes[0]).rstrip("."))]
        else:
            lines = [_("Jeg skriver {count} ønsker:", count=len(wishes)), *("– " + said(wish) for wish in wishes),
                     _("Passer det?")]
        for line in lines:
            st.text(line)
        read_aloud(" ".join(lines), key=f"readback_{step_id}", personal=True)  # the wish in the citizen's words

    edit = st.session_state.get(EDIT_KEY)
    if reading.question and not edit:
        edit = ("price", None)
    if edit:
        _edit_form(actor, step_id, wishes, *edit, asked=bool(reading.question))
    ui.show_errors(ERRORS)
    if reading.question:
        return  # the price is asked back first: no "Ja" until it is clear
    with st.container(key="wish_readback_buttons", horizontal=True):
        st.button(_("Ja"), type="primary", key="wish_yes", on_click=ui.on_click(
            lambda s: course.confirm_wish(s, actor=actor, step_id=step_id), errors=ERRORS, after=_close))
        if not several:
            st.button(_("Ret prisen"), key="wish_fix_price", on_click=_open, args=("price", None))
            st.button(_("Ret navnet"), key="wish_fix_title", on_click=_open, args=("title", None))
        if len(reading.parts) >= 2 and not reading.split:
            label = (_("Skriv dem som to ønsker") if len(reading.parts) == 2
                     else _("Skriv dem som {count} ønsker", count=len(reading.parts)))
            st.button(label, key="wish_split", on_click=ui.on_click(
                lambda s: course.set_wish_split(s, actor=actor, step_id=step_id, split=True), errors=ERRORS,
                after=_close))
        if reading.split:
            st.button(_("Skriv det som ét ønske"), key="wish_join", on_click=ui.on_click(
                lambda s: course.set_wish_split(s, actor=actor, step_id=step_id, split=False), errors=ERRORS,
                after=_close))
    if several:
        for n, wish in enumerate(wishes):
            with st.container(key=f"wish_readback_part_{n}", horizontal=True):
                st.text(wish.title)
                st.button(_("Ret prisen"), key=f"wish_fix_price_{n}", on_click=_open, args=("price", n))
                st.button(_("Ret navnet"), key=f"wish_fix_title_{n}", on_click=_open, args=("title", n))


def _edit_form(actor: Actor, step_id: str, wishes: list[WishPart], what: str, part: int | None, *,
               asked: bool) -> None:
    """The one field being changed: the price (read by the one amount parser) or the name."""
    key = f"wish_readback_{what}"
    wish = wishes[part] if part is not None and part < len(wishes) else wishes[0]
    with st.form(f"{key}_form", border=True):
        if what == "price":
            st.text_input(_("Hvad koster det?"), placeholder=_("Fx 1.200 kr."), key=key,
                          max_chars=limits.PARSED_TEXT)
            submit = lambda s: course.set_wish_price(s, actor=actor, step_id=step_id,
                                                     text=st.session_state.get(key) or "", part=part)
            label = _("Gem prisen")
        else:
            st.text_input(_("Hvad skal ønsket hedde?"), value=wish.title, key=key, max_chars=limits.WISH_TITLE)
            submit = lambda s: course.set_wish_title(s, actor=actor, step_id=step_id,
                                                     text=st.session_state.get(key) or "", part=part)
            label = _("Gem navnet")
        st.form_submit_button(label, type="primary", on_click=ui.on_click(submit, errors=ERRORS, after=_close))
    row = st.container(horizontal=True)
    if what == "price":
        row.button(_("Jeg kender ikke prisen"), key="wish_no_price", on_click=ui.on_click(
            lambda s: course.set_wish_price(s, actor=actor, step_id=step_id, text=None, part=part), errors=ERRORS,
            after=_close))
    if not asked:
        row.button(_("Fortryd"), key="wish_edit_cancel", on_click=_close)
