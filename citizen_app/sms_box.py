"""The citizen's SMS choice on the start page: a mobile number and a yes, or 'Slå SMS fra'.

Shown only when the municipality has an SMS gateway (or the citizen has SMS on and wants it off).
"""
from __future__ import annotations

import streamlit as st

from citizen_app import ui
from citizen_app.i18n import _
from dialogs.phone import shown
from storage import notifications
from storage.access import Actor
from storage.db import read_session

MOBILE_KEY, CONSENT_KEY, OPEN_KEY = "sms_mobile", "sms_consent", "sms_box_open"


def _keep_open() -> None:
    """After a change the box stays open, so the citizen sees what it says now."""
    st.session_state[OPEN_KEY] = True


def sms_box(actor: Actor) -> None:
    with read_session() as s:
        choice = notifications.sms_choice(s, actor=actor)
    if not choice.available and not choice.on:
        return
    keep_open = st.session_state.pop(OPEN_KEY, False) or "sms" in st.session_state.get(ui.ERRORS_KEY, {})
    with st.expander(_("Besked på SMS"), icon=":material/sms:", expanded=keep_open):
        st.write(_("Få en SMS, når der er nyt til dig i appen. Der står aldrig noget om dig i den."))
        if choice.on and choice.mobile:
            st.write(_("Du får SMS på dette nummer:"))
            ui.plain(shown(choice.mobile))
            st.button(_("Slå SMS fra"), key="sms_off", icon=":material/notifications_off:", on_click=ui.on_click(
                lambda s: notifications.turn_sms_off(s, actor=actor),
                _("SMS er slået fra. Vi har slettet dit nummer."), after=_keep_open, errors="sms"))
        else:
            with st.form("sms_on"):
                st.text_input(_("Mobilnummer"), key=MOBILE_KEY, max_chars=20, autocomplete="tel")
                st.checkbox(_("Ja tak, send mig en SMS, når der er nyt."), key=CONSENT_KEY)
                st.form_submit_button(_("Slå SMS til"), on_click=ui.on_click(
                    lambda s: notifications.turn_sms_on(s, actor=actor, mobile=st.session_state.get(MOBILE_KEY, ""),
                                                        consent=bool(st.session_state.get(CONSENT_KEY))),
                    _("SMS er slået til."), after=lambda: (ui.clear_keys(MOBILE_KEY, CONSENT_KEY), _keep_open()), errors="sms"))
        if choice.quiet:
            st.caption(_("Vi sender ikke SMS om natten. Fra kl. {start} til kl. {end} venter de til morgen.",
                         start=int(choice.quiet[0]), end=int(choice.quiet[1])))
        ui.show_errors("sms")
