"""Notes: the support person's dated journal (notatpligt). The citizen never sees it."""
from __future__ import annotations

import streamlit as st

from citizen_app import staff_nav as nav
from citizen_app import ui
from citizen_app.i18n import _, date_time
from dialogs import limits
from dialogs.i18n_markers import N_
from storage import notes


def show(actor, cid: int, profile) -> None:
    key = f"note_text_{cid}"
    st.write(_("Dit journalnotat om borgeren. Skriv kort, hvad der skete, og hvad I aftalte. Borgeren kan ikke se det."))
    with st.form(f"new_note_{cid}"):
        st.text_area(_("Nyt notat"), key=key, max_chars=limits.JOURNAL_NOTE)
        st.form_submit_button(_("Gem notat"), type="primary", on_click=ui.on_click(
            lambda s: notes.add(s, actor=actor, citizen_id=cid, text=st.session_state.get(key, "")),
            _("Notatet er gemt."), after=lambda: ui.clear_keys(key), errors=key))
    ui.show_errors(key)
    journal = nav.load_or_refuse(lambda s: notes.list_notes(s, actor=actor, citizen_id=cid))
    if journal is None:
        return
    if not journal:
        st.write(_("Der er ingen notater endnu."))
    for note in journal:
        with st.container(border=True):
            ui.say(N_("Skrevet {when} af {author}."), when=date_time(note.created_at), author=note.author)
            ui.plain(note.text)
