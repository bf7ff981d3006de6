"""Log in: citizens with their code and PIN, staff with username and password (or the municipality's login)."""
from __future__ import annotations

import streamlit as st

from citizen_app import session, ui
from citizen_app.client import client_address
from citizen_app.i18n import _
from storage import auth, citizens, devices
from storage.config import load_config
from storage.db import write_session
from storage.errors import DomainError

STEP_KEY = "login_step"
CITIZEN_KEY = "login_citizen_id"
REMEMBERED_KEY = "login_remembered"   # this phone knows the citizen: only the PIN is asked for


def _finish_citizen_login(actor, remember: bool) -> None:
    with write_session() as s:
        language = citizens.get_profile(s, actor=actor, citizen_id=actor.id).language
        token = devices.remember(s, actor=actor) if remember else None
    session.log_in(actor, language=language)
    if token:
        session.write_device_cookie_later(token)
    st.rerun()


def _forget_this_phone() -> None:
    with write_session() as s:
        devices.forget(s, session.device_token())
    session.write_device_cookie_later("")
    st.session_state.pop(REMEMBERED_KEY, None)
    st.session_state[STEP_KEY] = "code"
    st.rerun()


def _citizen_code_step() -> None:
    with st.form("citizen_code"):
        code = st.text_input(_("Din kode"), placeholder="ABCD-EFGH-JKMN", autocomplete="off")
        st.caption(_("Koden står på det papir, du fik af din støtteperson."))
        sent = st.form_submit_button(_("Videre"), type="primary")
    if sent:
        try:
            with write_session() as s:
                check = auth.check_access_code(s, code, client=client_address())
        except DomainError as error:
            ui.show_domain_error(error)
            return
        st.session_state[CITIZEN_KEY] = check.citizen_id
        st.session_state[STEP_KEY] = "new_pin" if check.needs_new_pin else "pin"
        st.rerun()


def _citizen_pin_step(new: bool) -> None:
    citizen_id = st.session_state[CITIZEN_KEY]
    remembered = st.session_state.get(REMEMBERED_KEY, False)
    if remembered:
        st.write(_("Din telefon kan huske din kode. Skriv din PIN-kode."))
    with st.form("citizen_pin"):
        if new:
            st.write(_("Vælg en PIN-kode med 4 tal. Den skal du bruge, hver gang du logger ind."))
            pin = st.text_input(_("Ny PIN-kode"), type="password", max_chars=4, autocomplete="new-password")
            again = st.text_input(_("Skriv PIN-koden igen"), type="password", max_chars=4,
                                  autocomplete="new-password")
        else:
            pin = st.text_input(_("Din PIN-kode"), type="password", max_chars=4, autocomplete="current-password")
        remember = False
        if not remembered and devices.enabled():
            remember = st.checkbox(_("Husk min kode på denne telefon"),
                                   help=_("Så skal du kun skrive din PIN-kode næste gang. "
                                          "Gør det kun på din egen telefon. Ikke på en computer, som andre bruger."))
        sent = st.form_submit_button(_("Log ind"), type="primary")
    if remembered:
        if st.button(_("Det er ikke min telefon")):
            _forget_this_phone()
    elif st.button(_("Tilbage")):
        st.session_state[STEP_KEY] = "code"
        st.rerun()
    if sent:
        try:
            with write_session() as s:
                actor = (auth.choose_pin(s, citizen_id, pin, again, client=client_address()) if new
                         else auth.verify_pin(s, citizen_id, pin, client=client_address()))
        except DomainError as error:
            ui.show_domain_error(error)
            return
        _finish_citizen_login(actor, remember)


def _remembered_citizen() -> int | None:
    with write_session() as s:
        return devices.recognise(s, session.device_token())


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


def staff_login() -> None:
    if load_config().staff_auth == "oidc":
        if not st.user.is_logged_in:
            st.button(_("Log ind med kommunens login"), on_click=st.login, type="primary")
        return
    with st.form("staff_login"):
        username = st.text_input(_("Brugernavn"), autocomplete="username")
        password = st.text_input(_("Adgangskode"), type="password", autocomplete="current-password")
        sent = st.form_submit_button(_("Log ind"), type="primary")
    if sent:
        try:
            with write_session() as s:
                actor = auth.staff_login(s, username, password, client=client_address())
        except DomainError as error:
            ui.show_domain_error(error)
            return
        session.log_in(actor)
        st.rerun()


def _staff_oidc_login() -> None:
    """Single sign-on. Streamlit keeps the identity provider's login in its own cookie; only a fresh one
    (seconds old, just back from the provider) is taken as a login, so a shared PC's old cookie lets
    nobody in. Our own login session (storage.sessions) is what keeps the person logged in."""
    if not auth.fresh_identity(st.user.to_dict()):
        st.logout()
        return
    try:
        with write_session() as s:
            actor = auth.staff_actor_for_oidc(s, st.user.to_dict())
    except DomainError as error:
        ui.show_domain_error(error)
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
