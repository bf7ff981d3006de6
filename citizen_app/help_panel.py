"""Where help is, on every citizen page: the crisis check on what the citizen writes, and the help panel.

Pages call `check(actor, texts, where)` with every free text the citizen sent (before saving it: a text that
cannot be saved is still read), and draw `panel()` (the course) or `show_if_needed()` (other pages).
The rule itself (what is a crisis signal, what is recorded, what the support person sees) is in
storage/safety_signals.py; the phrases are in dialogs/safety_phrases.toml.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable

import streamlit as st

from citizen_app import session
from citizen_app.i18n import _
from dialogs import safety
from storage import safety_signals
from storage.access import Actor
from storage.db import transaction
from storage.errors import N_

log = logging.getLogger("borgerbudget")

SHOWN_KEY = "help_shown"      # {"source": "signal"|"button", "help_id": int | None, "words": str | None}
SHARE_KEY = "help_share_words"
PRIVACY_LINES = (
    N_("Viser appen dig hjælp? Så får din støtteperson besked. Også om hvornår."),
    N_("Din støtteperson ser ikke, hvad du skrev. Kun hvis du selv vælger at dele det."),
)


def check(actor: Actor, texts: str | Iterable[object], where: str) -> bool:
    """Read what the citizen wrote for crisis signals; on one, record it (the support person sees that help
    was shown) and remember it for the panel. True when help should be shown. Never stops the save."""
    words = [t for t in ([texts] if isinstance(texts, str) else texts) if isinstance(t, str) and t.strip()]
    text = "\n".join(words)
    # Most words carry no signal: then there is nothing to record and no transaction to open (issue 18).
    if not words or safety.detect_crisis(text) is None or not session.still_valid():
        return False
    try:
        help_id = transaction(lambda s: safety_signals.check_citizen_text(s, actor=actor, text=text, where=where))
        if help_id is None:
            return False
    except Exception:  # noqa: BLE001 - the panel is still shown if it could not be recorded
        log.exception("could not record that help was shown")
        help_id = None
    shared = "\n".join(t for t in words if safety.detect_crisis(t)) or text  # the words the citizen may share
    st.session_state[SHOWN_KEY] = {"source": safety_signals.SIGNAL, "help_id": help_id, "words": shared}
    st.session_state.pop(SHARE_KEY, None)
    return True


def checking(actor: Actor, where: str, keys: Iterable[str], callback):
    """A widget callback that first reads the fields `keys` (st.session_state) for crisis signals, then runs
    `callback` (the save). The text is read even when the save is refused."""
    def run() -> None:
        check(actor, [st.session_state.get(k) for k in keys], where)
        callback()
    return run


def pressed_hard_now(where: str | None = None) -> None:
    """'Jeg har det svært lige nu': record it (the support person sees it) and show the panel."""
    actor = session.current_actor()
    if actor is None:
        return
    help_id = transaction(lambda s: safety_signals.help_button(s, actor=actor, where=where))
    st.session_state[SHOWN_KEY] = {"source": safety_signals.BUTTON, "help_id": help_id, "words": None}
    st.session_state.pop(SHARE_KEY, None)


def _share_changed() -> None:
    shown = st.session_state.get(SHOWN_KEY) or {}
    if not shown.get("help_id"):
        return
    actor = session.current_actor()
    words = shown.get("words") if st.session_state.get(SHARE_KEY) else None
    try:
        transaction(lambda s: safety_signals.share_words(s, actor=actor, help_id=shown["help_id"], words=words))
    except Exception:  # noqa: BLE001
        log.exception("could not share the words")
        st.session_state[SHARE_KEY] = False


def privacy_lines() -> None:
    """What the support person sees when help is shown: for every place the privacy is explained."""
    for line in PRIVACY_LINES:
        st.caption(_(line))


def panel() -> None:
    """Where help is: 112, Livslinien, 1813, Sind, Den Blå Linje, and that the app is no emergency service.
    Then what the support person sees, and the choice to share the words that made the app show help."""
    shown = st.session_state.get(SHOWN_KEY) or {}
    with st.container(border=True, key="help_panel"):
        st.subheader(_("Hjælp lige nu"))
        st.write(_(safety.HELP_INTRO))
        for line in safety.HELP_LINES:
            st.markdown(f"**{_(line.name)}**: [{line.phone}](tel:{line.tel})  \n{_(line.description)}")
        st.warning(_(safety.NOT_EMERGENCY), icon=":material/emergency:")
        if shown.get("help_id"):
            st.info(_("Din støtteperson kan nu se, at du fik vist hjælp. Ikke hvad du skrev."),
                    icon=":material/visibility:")
        if shown.get("help_id") and shown.get("words"):
            st.toggle(_("Del mine ord med min støtteperson"), key=SHARE_KEY, on_change=_share_changed)
            if st.session_state.get(SHARE_KEY):
                st.caption(_("Din støtteperson kan læse det, du skrev. Slå fra, hvis du fortryder."))


def close() -> None:
    st.session_state.pop(SHOWN_KEY, None)
    st.session_state.pop(SHARE_KEY, None)


def hard_now_button(where: str) -> None:
    """The always-there 'Jeg har det svært lige nu' on a citizen page other than the course."""
    st.button(_("Jeg har det svært lige nu"), icon=":material/sos:", key=f"hard_now_{where}",
              on_click=lambda: session.still_valid() and pressed_hard_now(where))


def show_if_needed() -> None:
    """On pages other than the course: the panel after a crisis signal, until the citizen closes it."""
    if st.session_state.get(SHOWN_KEY):
        panel()
        st.button(_("Luk hjælpen"), key="close_help_panel", on_click=close)
