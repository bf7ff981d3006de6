"""Who is logged in, and the idle logout for shared café computers.

Only ids live in the session (no personal data in URLs or session keys).
Every page gets the actor from here and passes it to the services.
"""
from __future__ import annotations

import time

import streamlit as st

from citizen_app.i18n import DEFAULT_LANGUAGE, LANG_KEY
from storage import devices
from storage.access import Actor
from storage.config import load_config

ACTOR_KEY = "actor"
LAST_ACTIVITY_KEY = "last_activity"
NOTICE_KEY = "notice"


def current_actor() -> Actor | None:
    return st.session_state.get(ACTOR_KEY)


def log_in(actor: Actor, language: str | None = None) -> None:
    # A fresh session state: nothing from the previous person survives.
    lang = language or st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    st.session_state.clear()
    st.session_state[ACTOR_KEY] = actor
    st.session_state[LANG_KEY] = lang
    st.session_state[LAST_ACTIVITY_KEY] = time.monotonic()


def log_out(notice: str | None = None) -> None:
    """Forget everything about the person; keep only the language and a message for the login page."""
    lang = st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    st.session_state.clear()
    st.session_state[LANG_KEY] = lang
    if notice:
        st.session_state[NOTICE_KEY] = notice
    if _oidc_configured() and st.user.is_logged_in:
        st.logout()  # also end the identity-provider session in Streamlit's cookie


def _oidc_configured() -> bool:
    return load_config().staff_auth == "oidc"


def idle_seconds_allowed() -> float:
    return load_config().idle_minutes * 60


def is_idle_expired(now: float | None = None) -> bool:
    last = st.session_state.get(LAST_ACTIVITY_KEY)
    if last is None or current_actor() is None:
        return False
    return ((now or time.monotonic()) - last) > idle_seconds_allowed()


def touch() -> None:
    st.session_state[LAST_ACTIVITY_KEY] = time.monotonic()


# --- a citizen's own phone remembers the code (storage.devices) ---------------------------------------

DEVICE_COOKIE_KEY = "device_cookie"   # a cookie to write on the next run: a token, or "" to clear it


def device_token() -> str | None:
    """The token this browser sent when the session began; unchanged until the page is loaded again."""
    value = st.context.cookies.get(devices.COOKIE_NAME)
    return value if isinstance(value, str) else None  # (AppTest's context has no real cookies)


def write_device_cookie_later(token: str) -> None:
    """Ask the browser to keep ``token`` ("" forgets it); done by ui.write_pending_device_cookie()."""
    st.session_state[DEVICE_COOKIE_KEY] = token
