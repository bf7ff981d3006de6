"""The coordinator's staff: create, reset a forgotten password, change a role, close or reopen access."""
from __future__ import annotations

import streamlit as st

from citizen_app import session, ui
from citizen_app.i18n import _
from citizen_app.labels import staff_role_label
from dialogs import limits
from storage import programmes, staff
from storage.config import load_config
from storage.errors import N_
from storage.db import read_session
from storage.statuses import StaffRole

actor = session.current_actor()
ONE_TIME_KEY = "one_time_password"   # (username, password) to show once, after a create or a reset
ROLES = [r.value for r in StaffRole]
with_passwords = load_config().staff_auth == "password"
with read_session() as s:  # a read: no write lock
    people = [(u.id, u.display_name, u.username, u.role, u.active) for u in programmes.list_staff(s, actor=actor)]


def _show_once(username: str, password: str | None) -> None:
    if password:
        st.session_state[ONE_TIME_KEY] = (username, password)


def _create(s) -> None:
    form = st.session_state
    user = programmes.create_staff(s, programme_id=actor.programme_id, username=form["staff_username"],
                                   display_name=form["staff_name"], role=StaffRole(form["staff_role"]),
                                   password=None, actor=actor)
    _show_once(user.username, staff.reset_password(s, actor=actor, staff_id=user.id) if with_passwords else None)


def _reset(staff_id: int, username: str):
    return lambda s: _show_once(username, staff.reset_password(s, actor=actor, staff_id=staff_id))


def _set_role(staff_id: int):
    return lambda s: staff.set_role(s, actor=actor, staff_id=staff_id,
                                    role=StaffRole(st.session_state[f"role_{staff_id}"]))


def _set_active(staff_id: int, active: bool):
    return lambda s: staff.set_active(s, actor=actor, staff_id=staff_id, active=active)


st.title(_("Medarbejdere"))
shown = st.session_state.pop(ONE_TIME_KEY, None)
if shown:
    with st.container(border=True):  # the username is staff-entered text: plain, never in a markdown alert
        ui.say(N_("Engangsadgangskode til {username}. Den vises kun nu. Medarbejderen vælger sin egen ved "
                  "første login:"), username=shown[0])
    st.code(shown[1], language=None)

for staff_id, display_name, username, role, active in people:
    with st.container(border=True):
        ui.plain(f"{display_name} ({username})")
        st.caption(_("{role}. Adgangen er åben.", role=staff_role_label(role)) if active
                   else _("{role}. Adgangen er lukket.", role=staff_role_label(role)))
        if staff_id == actor.id:
            continue
        with st.expander(_("Ret adgang")):
            st.selectbox(_("Rolle"), ROLES, index=ROLES.index(role), format_func=staff_role_label, placeholder=_("Vælg"),
                         key=f"role_{staff_id}")
            row = st.container(horizontal=True)
            row.button(_("Gem rolle"), key=f"save_role_{staff_id}",
                       on_click=ui.on_click(_set_role(staff_id), _("Gemt."), errors=f"staff_{staff_id}"))
            if with_passwords and active:
                row.button(_("Ny engangsadgangskode"), key=f"reset_{staff_id}",
                           on_click=ui.on_click(_reset(staff_id, username), errors=f"staff_{staff_id}"))
            row.button(_("Luk adgangen") if active else _("Åbn adgangen igen"), key=f"active_{staff_id}",
                       on_click=ui.on_click(_set_active(staff_id, not active), _("Gemt."),
                                            errors=f"staff_{staff_id}"))
            ui.show_errors(f"staff_{staff_id}")

with st.form("new_staff", clear_on_submit=True):
    st.subheader(_("Ny medarbejder"))
    st.text_input(_("Navn"), max_chars=limits.NAME, key="staff_name")
    st.text_input(_("Brugernavn"), max_chars=limits.NAME, key="staff_username",
                  help=_("Med kommunens login: personens e-mail eller brugernavn dér."))
    st.selectbox(_("Rolle"), ROLES, format_func=staff_role_label, placeholder=_("Vælg"), key="staff_role")
    st.form_submit_button(_("Opret medarbejder"), on_click=ui.on_click(
        _create, _("Medarbejderen er oprettet."), errors="new_staff"))
ui.show_errors("new_staff")
