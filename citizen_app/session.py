"""Who is logged in: the login session kept in the database (storage.sessions), with Streamlit's session
state as its cache for one browser tab.

Every run starts with :func:`restore`: the person is read again from the database, so a reload, a restored
tab, a dropped websocket or another replica finds them (through the ``bb_session`` cookie), and a revoked
or narrowed login takes effect on the next action. Only ids live in the session (no personal data in URLs
or session keys). Every page gets the actor from here and passes it to the services.
"""
from __future__ import annotations

from contextlib import nullcontext
from datetime import datetime
from typing import TYPE_CHECKING

import streamlit as st

from citizen_app.i18n import DEFAULT_LANGUAGE, LANG_KEY
from storage import devices, sessions
from storage.access import Actor
from storage.config import load_config
from storage.db import read_session, write_session
from storage.errors import N_

if TYPE_CHECKING:  # the action's own database session, passed through to storage.sessions
    from sqlalchemy.orm import Session

ACTOR_KEY = "actor"
TOKEN_KEY = "session_token"
DEADLINE_KEY = "idle_deadline"
MUST_CHANGE_KEY = "must_change_password"
COOKIE_SEEN_KEY = "session_cookie_seen"   # the browser's cookie is read once per Streamlit session
NOTICE_KEY = "notice"
PENDING_COOKIES_KEY = "pending_cookies"   # {cookie name: token, or "" to clear}, written by ui.write_pending_cookies
KEPT_ON_LOG_OUT = (LANG_KEY, COOKIE_SEEN_KEY)

# Shown on the login page (msgids, translated there) when a session ended without the person pressing 'Log ud'.
IDLE_NOTICE = N_("Du er logget ud, fordi der ikke skete noget et stykke tid. Dine svar er gemt.")
ENDED_NOTICES = {
    sessions.Ended.IDLE: IDLE_NOTICE,
    sessions.Ended.EXPIRED: N_("Du har været logget ind i mange timer, så du er logget ud. Log ind igen."),
    sessions.Ended.REVOKED: N_("Du er logget ud, fordi din adgang er ændret. Tal med din koordinator."),
}


def current_actor() -> Actor | None:
    return st.session_state.get(ACTOR_KEY)


def idle_deadline() -> datetime | None:
    return st.session_state.get(DEADLINE_KEY)


def must_change_password() -> bool:
    return bool(st.session_state.get(MUST_CHANGE_KEY))


def _browser_token() -> str | None:
    value = st.context.cookies.get(sessions.COOKIE_NAME)
    return value if isinstance(value, str) else None  # (AppTest's context has no real cookies)


def restore(db: Session | None = None) -> Actor | None:
    """At the start of every run: who holds this tab's login session now (one small query). With ``db``, the
    check (and the write it may need) is part of that transaction instead of transactions of its own."""
    token = st.session_state.get(TOKEN_KEY)
    if token is None and not st.session_state.get(COOKIE_SEEN_KEY):
        st.session_state[COOKIE_SEEN_KEY] = True
        token = _browser_token()
    if token is None:
        st.session_state.pop(ACTOR_KEY, None)
        return None
    with nullcontext(db) if db is not None else read_session() as s:
        checked = sessions.check(s, token)
    if checked.needs_write:
        with nullcontext(db) if db is not None else write_session() as s:
            sessions.record_activity(s, token, checked)
    if checked.actor is None:
        _forget(ENDED_NOTICES.get(checked.ended))  # type: ignore[arg-type]
        return None
    if ACTOR_KEY not in st.session_state and not checked.actor.is_staff:  # a new tab: the citizen's language
        with read_session() as s:
            from storage import citizens
            profile = citizens.get_profile(s, actor=checked.actor, citizen_id=checked.actor.id)
        st.session_state.setdefault(LANG_KEY, profile.language)
    st.session_state[TOKEN_KEY] = token
    st.session_state[ACTOR_KEY] = checked.actor
    st.session_state[DEADLINE_KEY] = checked.idle_deadline
    st.session_state[MUST_CHANGE_KEY] = checked.must_change_password
    return checked.actor


def still_valid(db: Session | None = None) -> bool:
    """For widget callbacks, which Streamlit runs before the script (and so before restore()): is the person
    who drew this page still logged in, with the same role? If not, the callback must do nothing. With
    ``db`` (the action's own write transaction: ui.on_click), the check costs no transaction of its own."""
    drawn_for = current_actor()
    return drawn_for is not None and restore(db) == drawn_for


def log_in(actor: Actor, language: str | None = None) -> None:
    """A person proved who they are: a new login session, and its cookie written on the next run."""
    with write_session() as s:
        token = sessions.start(s, actor=actor)
    lang = language or st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    kept = {k: st.session_state[k] for k in (COOKIE_SEEN_KEY,) if k in st.session_state}
    st.session_state.clear()  # nothing from the previous person survives
    st.session_state.update(kept)
    st.session_state[LANG_KEY] = lang
    st.session_state[TOKEN_KEY] = token
    st.session_state[ACTOR_KEY] = actor
    _write_cookie_later(sessions.COOKIE_NAME, token)


def log_out(notice: str | None = None) -> None:
    """'Log ud': the login session ends here and on the server; only the language and a message (a msgid)
    stay."""
    token = st.session_state.get(TOKEN_KEY)
    if token:
        with write_session() as s:
            sessions.end(s, token)
    _forget(notice)
    if _oidc_configured() and st.user.is_logged_in:
        st.logout()  # also end Streamlit's own login cookie for the identity provider


def _forget(notice: str | None) -> None:
    kept = {k: st.session_state[k] for k in KEPT_ON_LOG_OUT if k in st.session_state}
    st.session_state.clear()
    st.session_state.update(kept)
    st.session_state.setdefault(LANG_KEY, DEFAULT_LANGUAGE)
    st.session_state[COOKIE_SEEN_KEY] = True
    if notice:
        st.session_state[NOTICE_KEY] = notice
    _write_cookie_later(sessions.COOKIE_NAME, "")


def _oidc_configured() -> bool:
    return load_config().staff_auth == "oidc"


def cookies_written() -> None:
    """The run that wrote the pending cookies reached its end (see ui.write_pending_cookies)."""
    st.session_state.pop(PENDING_COOKIES_KEY, None)


def _write_cookie_later(name: str, token: str) -> None:
    st.session_state[PENDING_COOKIES_KEY] = {**st.session_state.get(PENDING_COOKIES_KEY, {}), name: token}


# --- a citizen's own phone remembers the code (storage.devices) ---------------------------------------

def device_token() -> str | None:
    """The token this browser sent when the session began; unchanged until the page is loaded again."""
    value = st.context.cookies.get(devices.COOKIE_NAME)
    return value if isinstance(value, str) else None  # (AppTest's context has no real cookies)


def write_device_cookie_later(token: str) -> None:
    """Ask the browser to keep ``token`` ("" forgets it); done by ui.write_pending_cookies()."""
    _write_cookie_later(devices.COOKIE_NAME, token)
