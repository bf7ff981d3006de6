"""'Det er ændret': what a sent version changes since the plan before it, on 'Svar på plan'.

Titles and goals are the citizen's own text: shown with ui.plain, never in markdown.
"""
from __future__ import annotations

import streamlit as st

from citizen_app import ui
from citizen_app.i18n import _, money
from citizen_app.labels import item_status_label
from storage.version_changes import VersionChanges


def changes_box(changes: VersionChanges, *, first_version: bool) -> None:
    """Nothing for a first plan (everything is new); otherwise every change, the money, and what stays."""
    if first_version:
        return
    with st.container(border=True):
        st.markdown("#### " + _("Det er ændret siden sidst"))
        for wish in changes.wishes:
            if wish.kind == "change":
                st.markdown(_("Ændret ønske fra {old} til {new}:", old=money(wish.before_ore or 0),
                              new=money(wish.price_ore)))
                st.caption(_("Før:"))
                ui.plain(wish.before_title)
                st.caption(_("Nu:"))
                ui.plain(wish.title)
            elif wish.kind == "drop":
                st.markdown(_("Borgeren vil fjerne et godkendt ønske. Det giver {amount} tilbage, hvis du godkender.",
                              amount=money(wish.price_ore)))
                ui.plain(wish.title)
            else:
                st.markdown(_("Nyt ønske til {amount}:", amount=money(wish.price_ore)))
                ui.plain(wish.title)
        for goal in changes.goals:
            if goal.before is None:
                st.markdown(_("Nyt mål:"))
                ui.plain(goal.after)
            elif goal.after is None:
                st.markdown(_("Fjernet mål:"))
                ui.plain(goal.before)
            else:
                st.markdown(_("Ændret mål. Før:"))
                ui.plain(goal.before)
                st.markdown(_("Nu:"))
                ui.plain(goal.after)
        delta = changes.delta_ore
        if delta > 0:
            st.markdown(_("Hvis du godkender alt, bliver planen {amount} dyrere.", amount=money(delta)))
        elif delta < 0:
            st.markdown(_("Hvis du godkender alt, bliver planen {amount} billigere.", amount=money(-delta)))
        if changes.kept:
            st.markdown(_("Det her er godkendt før og bliver ikke rørt:"))
            for kept in changes.kept:
                ui.plain(kept.title)
                st.caption(_("{status}: {amount}", status=item_status_label(kept.status),
                             amount=money(kept.approved_ore)))
