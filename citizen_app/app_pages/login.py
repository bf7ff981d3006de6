"""Log in: citizens with their code and PIN, staff with username and password (or the municipality's login).

Each step is a form whose button runs a callback, so a step costs one script run (the callback checks and
the run draws the next step or the person's start page). The check runs through storage.db.transaction: a
lock that timed out is tried once more, then said plainly; the slow hash itself runs with no transaction
open (storage/auth.py)."""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from citizen_app import session, ui
from citizen_app.client import client_address
from citizen_app.i18n import _
from storage import auth, citizens, db, devices
from storage.config import load_config
from storage.db import transaction
from storage.errors import DomainError

T = TypeVar("T")
log = logging.getLogger("borgerbudget")

STEP_KEY = "login_step"
CITIZEN_KEY = "login_citizen_id"
REMEMBERED_KEY = "login_remembered"   # this phone knows the citizen: only the PIN is asked for
CODE, PIN, PIN_AGAIN, REMEMBER = "login_code", "login_pin", "login_pin_again", "login_remember"
USERNAME, PASSWORD = "login_username", "login_password"


def _attempt(work: Callable[..., T], place: str) -> T | None:
    """One login step in a transaction (tried once more after a transient error). A refusal is kept for
    ``place`` (shown under its form by ui.show_errors) and None returned."""
    db.begin_action()
    try:
        return transaction(work)
    except DomainError as error:
        st.session_state.setdefault(ui.ERRORS_KEY, {})[place] = ui.translate_error(error)
    except Exception:  # noqa: BLE001 - the error boundary for callbacks, like the page's own
        log.exception("unhandled error in a login step")
        st.session_state.setdefault(ui.ERRORS_KEY, {})[place] = ui.unexpected_error()
    return None


def _finish_citizen_login(actor, remember: bool) -> None:
    def finish(s):
        language = citizens.get_profile(s, actor=actor, citizen_id=actor.id).language
        return language, devices.remember(s, actor=actor) if remember else None
    done = _attempt(finish, "citizen_pin")
    if done is None:
        return
    language, token = done
    session.log_in(actor, language=language)
    if token:
        session.write_device_cookie_later(token)


def _forget_this_phone() -> None:
    if _attempt(lambda s: devices.forget(s, session.device_token()) or True, "citizen_pin") is None:
        return
    session.write_device_cookie_later("")
    st.session_state.pop(REMEMBERED_KEY, None)
    st.session_state[STEP_KEY] = "code"


def _back_to_code() -> None:
    st.session_state[STEP_KEY] = "code"


def _send_code() -> None:
    typed = st.session_state.get(CODE) or ""
    check = _attempt(lambda s: auth.check_access_code(s, typed, client=client_address()), "citizen_code")
    if check is not None:
        st.session_state[CITIZEN_KEY] = check.citizen_id
        st.session_state[STEP_KEY] = "new_pin" if check.needs_new_pin else "pin"


def _citizen_code_step() -> None:
    with st.form("citizen_code"):
        st.text_input(_("Din kode"), placeholder="ABCD-EFGH-JKMN", autocomplete="off", key=CODE)
        st.caption(_("Koden står på det papir, du fik af din støtteperson."))
        st.form_submit_button(_("Videre"), type="primary", on_click=_send_code)
    ui.show_errors("citizen_code")


def _send_pin(new: bool) -> None:
    citizen_id, pin = st.session_state.get(CITIZEN_KEY), st.session_state.get(PIN) or ""
    if citizen_id is None:  # the tab's state was reset since the form was drawn: the code step is shown again
        return
    again, remember = st.session_state.get(PIN_AGAIN) or "", bool(st.session_state.get(REMEMBER))
    actor = _attempt(lambda s: auth.choose_pin(s, citizen_id, pin, again, client=client_address()) if new
                     else auth.verify_pin(s, citizen_id, pin, client=client_address()), "citizen_pin")
    if actor is not None:
        _finish_citizen_login(actor, remember)


def _citizen_pin_step(new: bool) -> None:
    remembered = st.session_state.get(REMEMBERED_KEY, False)
    if remembered:
        st.write(_("Din telefon kan huske din kode. Skriv din PIN-kode."))
    with st.form("citizen_pin"):
        if new:
            st.write(_("Vælg en PIN-kode med 4 tal. Den skal du bruge, hver gang du logger ind."))
            st.text_input(_("Ny PIN-kode"), type="password", max_chars=4, autocomplete="new-password", key=PIN)
            st.text_input(_("Skriv PIN-koden igen"), type="password", max_chars=4, autocomplete="new-password",
                          key=PIN_AGAIN)
        else:
            st.text_input(_("Din PIN-kode"), type="password", max_chars=4, autocomplete="current-password", key=PIN)
        if not remembered and devices.enabled():
            st.checkbox(_("Husk min kode på denne telefon"), key=REMEMBER,
                        help=_("Så skal du kun skrive din PIN-kode næste gang. "
                               "Gør det kun på din egen telefon. Ikke på en computer, som andre bruger."))
        st.form_submit_button(_("Log ind"), type="primary", on_click=_send_pin, args=(new,))
    ui.show_errors("citizen_pin")
    if remembered:
        st.button(_("Det er ikke min telefon"), on_click=_forget_this_phone)
    else:
        st.button(_("Tilbage"), on_click=_back_to_code)


def _remembered_citizen() -> int | None:
    """The citizen this phone remembers; no transaction at all when it sends no token (most visits)."""
    token = session.device_token()
    if token is None or not devices.enabled():
        return None
    return _attempt(lambda s: devices.recognise(s, token), "citizen_pin")


def citizen_login() -> None:
    step = st.session_state.get(STEP_KEY)
    if step is None:  # a new visit: does this phone remember someone?
        citizen_id = _remembered_citizen()
        if citizen_id is not None:
            st.session_state[CITIZEN_KEY] = citizen_id
            st.session_state[REMEMBERED_KEY] = True
        step = st.session_state[STEP_KEY] = "pin" if citizen_id is not None else "code"
    if step == "code":
        _citizen_code_step()
    else:
        _citizen_pin_step(new=step == "new_pin")


def _send_staff_login() -> None:
    username, password = st.session_state.get(USERNAME) or "", st.session_state.get(PASSWORD) or ""
    actor = _attempt(lambda s: auth.staff_login(s, username, password, client=client_address()), "staff_login")
    if actor is not None:
        session.log_in(actor)


def staff_login() -> None:
    if load_config().staff_auth == "oidc":
        if not st.user.is_logged_in:
            st.button(_("Log ind med kommunens login"), on_click=st.login, type="primary")
        return
    with st.form("staff_login"):
        st.text_input(_("Brugernavn"), autocomplete="username", key=USERNAME)
        st.text_input(_("Adgangskode"), type="password", autocomplete="current-password", key=PASSWORD)
        st.form_submit_button(_("Log ind"), type="primary", on_click=_send_staff_login)
    ui.show_errors("staff_login")


def _staff_oidc_login() -> None:
    """Single sign-on. Streamlit keeps the identity provider's login in its own cookie; only a fresh one
    (seconds old, just back from the provider) is taken as a login, so a shared PC's old cookie lets
    nobody in. Our own login session (storage.sessions) is what keeps the person logged in."""
    if not auth.fresh_identity(st.user.to_dict()):
        st.logout()
        return
    actor = _attempt(lambda s: auth.staff_actor_for_oidc(s, st.user.to_dict()), "oidc")
    if actor is None:
        ui.show_errors("oidc")
        st.button(_("Log ud af kommunens login"), on_click=st.logout)
        return
    session.log_in(actor)
    st.rerun()


st.title(_("Log ind"))
notice = st.session_state.pop(session.NOTICE_KEY, None)
if notice:
    st.info(_(notice), icon=":material/lock:")
if load_config().staff_auth == "oidc" and st.user.is_logged_in:
    _staff_oidc_login()  # back from the identity provider: finish the login, or say why not, above the tabs
citizen_tab, staff_tab = st.tabs([_("Borger"), _("Medarbejder")])
with citizen_tab:
    citizen_login()
with staff_tab:
    staff_login()
