"""The citizen's side of a guided workshop: join with the code, see which part the group is at.

The workshop's title is written by staff, so it is shown as plain text like everything people write.
"""
from __future__ import annotations

import streamlit as st

from citizen_app import ui
from citizen_app.client import client_address
from citizen_app.i18n import _
from dialogs import engine
from storage import workshops
from storage.access import Actor
from storage.db import read_session

CODE_KEY = "workshop_code"


def module_titles() -> dict[str, str]:
    """The course's parts in order, id -> title in the session's language."""
    return {m.id: _(m.title) for m in engine.load_course().modules}


def joined_workshop(actor: Actor) -> workshops.MyWorkshop | None:
    with read_session() as s:
        return workshops.mine(s, actor=actor)


def status(actor: Actor, mine: workshops.MyWorkshop, *, can_leave: bool = True) -> None:
    """'You are in the workshop …; the group is talking about …' and (on the start page) a way out."""
    with st.container(border=True):
        st.write(_("Du er med på værkstedet:"))
        ui.plain(mine.title)
        part = module_titles().get(mine.current_module_id)
        if part:
            st.write(_("Nu taler I om: {part}", part=part))
        st.caption(_("Dine svar er kun dine. Den, der holder værkstedet, ser dem ikke."))
        if can_leave:
            st.button(_("Forlad værkstedet"), key="workshop_leave", icon=":material/logout:",
                      on_click=ui.on_click(lambda s: workshops.leave(s, actor=actor, workshop_id=mine.id)))


def join_form(actor: Actor) -> None:
    """For the start page: 'Er du på et værksted?' with the code the facilitator says aloud."""
    with st.expander(_("Er du på et værksted?"), icon=":material/groups:"):
        with st.form("workshop_join"):
            st.text_input(_("Værkstedets kode"), key=CODE_KEY, max_chars=20,
                          help=_("Den, der holder værkstedet, siger koden."))
            st.form_submit_button(_("Vær med"), on_click=ui.on_click(
                lambda s: workshops.join(s, actor=actor, code=st.session_state.get(CODE_KEY, ""),
                                         client=client_address()),
                after=lambda: ui.clear_keys(CODE_KEY), errors="workshop_join"))
        ui.show_errors("workshop_join")
