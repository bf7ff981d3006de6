"""At the top of the support person's overview: which citizens the app showed help to, and when.

Never what they wrote, unless the citizen chose to share it (storage/safety_signals.py; reads are audited).
"""
from __future__ import annotations

import streamlit as st

from citizen_app import ui
from citizen_app.i18n import _, date_time, ngettext
from storage import citizens, safety_signals
from storage.access import Actor
from storage.db import write_session
from storage.errors import N_


def show(actor: Actor) -> int:
    """The notices, newest first; returns how many there are."""
    with write_session() as s:  # the read is audited
        notices = safety_signals.open_help_notices(s, actor=actor)
    if not notices:
        return 0
    st.error(ngettext("Appen har vist hjælp til {n} borger. Kontakt borgeren i dag.",
                      "Appen har vist hjælp til {n} borgere. Kontakt dem i dag.", len(notices)),
             icon=":material/emergency:")
    for notice in notices:
        cid = notice.citizen_id
        with st.container(border=True, key=f"help_notice_{cid}"):
            ui.say(N_("{name} fik vist hjælp {when}."), name=notice.display_name,
                   when=date_time(notice.last_at or notice.since))
            how = []
            if notice.by_button:
                how.append(_("Borgeren trykkede på 'Jeg har det svært lige nu'."))
            if notice.by_signal:
                how.append(_("Appen så tegn på krise i noget, borgeren skrev."))
            if notice.times > 1:
                how.append(_("Det er sket {n} gange siden {when}.", n=notice.times, when=date_time(notice.since)))
            if how:
                st.caption(" ".join(how))
            if notice.shared_words:
                st.caption(_("Borgeren har valgt at dele det, der stod:"))
                for words in notice.shared_words:
                    ui.plain(words)
            else:
                st.caption(_("Du kan ikke se, hvad borgeren skrev. Spørg borgeren selv."))
            st.button(_("Jeg har set det"), key=f"help_seen_{cid}", icon=":material/done:", on_click=ui.on_click(
                lambda s, cid=cid: citizens.clear_needs_help(s, actor=actor, citizen_id=cid),
                _("Markeret som set. Husk at tale med borgeren.")))
    return len(notices)
