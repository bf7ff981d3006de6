"""A staff member's own password: change it (and must, after a one-time password)."""
from __future__ import annotations

import streamlit as st

from citizen_app import session, ui
from citizen_app.i18n import _
from storage import staff

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
