"""Small shared widgets. User text is always shown with st.text: never HTML, never markdown."""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from citizen_app import session
from citizen_app.i18n import LANGUAGES, _, current_language, money, set_language
from storage import devices
from storage.config import load_config
from storage.db import write_session
from storage.errors import DomainError
from sqlalchemy.orm import Session

T = TypeVar("T")

log = logging.getLogger("borgerbudget")


def plain(text: str | None) -> None:
    """Show text exactly as written (no markdown, no HTML)."""
    if text:
        st.text(text)


def message_params(params: dict) -> dict:
    """Amounts travel as integer øre named '<x>_ore'; show them as kroner in '{x}'."""
    shown = dict(params)
    for key, value in params.items():
        if key.endswith("_ore") and isinstance(value, int):
            shown[key[:-4]] = money(value)
    return shown


def translate_error(error: DomainError) -> str:
    return _(error.message, **message_params(error.params))


def show_domain_error(error: DomainError) -> None:
    st.error(translate_error(error), icon=":material/info:")


def attempt(work: Callable[[Session], T], success: str | None = None) -> T | None:
    """One user action = one transaction. A refusal becomes calm guidance and leaves data untouched."""
    try:
        with write_session() as s:
            result = work(s)
    except DomainError as error:
        show_domain_error(error)
        return None
    if success:
        st.success(success, icon=":material/check:")
    return result


def act(work: Callable[[Session], object], success: str | None = None) -> bool:
    """Like attempt(), for actions with no result: True when it went through."""
    return attempt(lambda s: work(s) or True, success) is not None


def set_html_lang() -> None:
    """Tell screen readers the page language (Streamlit's index.html says 'en')."""
    lang = current_language()
    st.html(f"<script>document.documentElement.lang = '{lang}';</script>", unsafe_allow_javascript=True)


def write_pending_device_cookie() -> None:
    """Set or clear the remembering cookie asked for by session.write_device_cookie_later(). JavaScript
    because Streamlit cannot set cookies; the token is checked to be URL-safe base64 before it is embedded."""
    token = st.session_state.pop(session.DEVICE_COOKIE_KEY, None)
    if token is None:
        return
    if token and not devices.TOKEN_PATTERN.match(token):
        raise ValueError("not a device token")
    age = load_config().remember_days * 86400 if token else 0
    st.html(f"<script>document.cookie = '{devices.COOKIE_NAME}={token}; Max-Age={age}; Path=/; SameSite=Strict'"
            " + (location.protocol === 'https:' ? '; Secure' : '');</script>", unsafe_allow_javascript=True)


def _switch_language(lang: str) -> None:
    set_language(lang)
    actor = session.current_actor()
    if actor is not None and not actor.is_staff:
        from storage import citizens
        with write_session() as s:
            citizens.set_language(s, actor=actor, language=lang)


def top_bar(show_logout: bool) -> None:
    """The language switch and 'Log ud', at the top of every page."""
    other = "en" if current_language() == "da" else "da"
    # A horizontal container keeps both buttons on one line on a phone (columns would stack).
    bar = st.container(horizontal=True, horizontal_alignment="right", vertical_alignment="center")
    bar.button(LANGUAGES[other], key="switch_language", on_click=_switch_language, args=(other,),
               icon=":material/translate:")
    if show_logout:
        bar.button(_("Log ud"), key="log_out", on_click=session.log_out, type="primary", icon=":material/logout:")


def footer() -> None:
    url = load_config().accessibility_url
    st.divider()
    st.markdown(f"[{_('Tilgængelighedserklæring')}]({url})")


def idle_watch(every_seconds: float) -> Callable[[], None]:
    """A fragment that reruns the whole app once the idle time has passed, so the page locks itself."""

    @st.fragment(run_every=every_seconds)
    def _watch() -> None:
        if session.is_idle_expired():
            st.rerun(scope="app")

    return _watch
