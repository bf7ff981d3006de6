"""A staff member's own password: change it (and must, after a one-time password)."""
from __future__ import annotations

import streamlit as st

from citizen_app import session, ui
from citizen_app.i18n import _
from storage import notifications, staff
from storage.db import read_session

actor = session.current_actor()


def _change(s) -> None:
    form = st.session_state
    staff.change_own_password(s, actor=actor, current=form["password_current"], new=form["password_new"],
                              again=form["password_again"])


st.title(_("Min adgangskode"))
if session.must_change_password():
    st.info(_("Du er logget ind med en engangsadgangskode. Vælg din egen adgangskode for at fortsætte."),
            icon=":material/key:")
st.caption(_("Mindst {count} tegn. Brug gerne fire tilfældige ord, som ikke hører sammen.",
             count=staff.MIN_PASSWORD_LENGTH))
with st.form("own_password", clear_on_submit=True):
    st.text_input(_("Nuværende adgangskode"), type="password", autocomplete="current-password",
                  key="password_current")
    st.text_input(_("Ny adgangskode"), type="password", autocomplete="new-password", key="password_new")
    st.text_input(_("Skriv den nye adgangskode igen"), type="password", autocomplete="new-password",
                  key="password_again")
    # On success the next run reads the session again: with the one-time password gone, every page is back.
    st.form_submit_button(_("Skift adgangskode"), type="primary", on_click=ui.on_click(
        _change, _("Din adgangskode er skiftet."), errors="own_password"))
ui.show_errors("own_password")

if not session.must_change_password():
    with read_session() as s:
        address = notifications.own_email(s, actor=actor)
    st.subheader(_("Min e-mail til besked"))
    st.caption(_("Appen sender en kort e-mail, når der er nyt til dig: aldrig navne eller det, borgeren har "
                 "skrevet."))
    with st.form("own_email"):
        st.text_input(_("E-mailadresse"), value=address or "", key="own_email_address", autocomplete="email")
        st.form_submit_button(_("Gem e-mailadresse"), on_click=ui.on_click(
            lambda s: notifications.set_staff_email(s, actor=actor, staff_id=actor.id,
                                                    email=st.session_state.get("own_email_address")),
            _("Din e-mailadresse er gemt."), errors="own_email"))
    ui.show_errors("own_email")
