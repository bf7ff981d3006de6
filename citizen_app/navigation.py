"""Which pages each role sees. Access itself is enforced in storage/, not here."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from citizen_app.i18n import _
from storage.access import Actor, ActorKind
from storage.statuses import StaffRole

PAGES = Path(__file__).resolve().parent / "app_pages"


def _page(file: str, title: str, url_path: str, icon: str, default: bool = False) -> st.Page:
    return st.Page(PAGES / file, title=title, url_path=url_path, icon=icon, default=default)


def pages_for(actor: Actor | None) -> list:
    if actor is None:
        return [_page("login.py", _("Log ind"), "log-ind", ":material/login:", default=True)]
    if actor.kind is ActorKind.CITIZEN:
        return [
            _page("citizen_home.py", _("Forside"), "forside", ":material/home:", default=True),
            _page("course.py", _("Samtale"), "samtale", ":material/chat:"),
            _page("plan.py", _("Min plan"), "plan", ":material/checklist:"),
            _page("submit.py", _("Send og se svar"), "send", ":material/send:"),
            _page("access_log.py", _("Hvem har set min plan"), "hvem-har-set", ":material/visibility:"),
        ]
    if actor.role is StaffRole.SUPPORT:
        return [
            _page("support_overview.py", _("Mine borgere"), "mine-borgere", ":material/groups:", default=True),
            _page("support_citizen.py", _("Borger"), "borger", ":material/person:"),
            _page("review.py", _("Svar på plan"), "svar", ":material/rule:"),
            _page("citizen_setup.py", _("Ny borger"), "ny-borger", ":material/person_add:"),
        ]
    if actor.role is StaffRole.COORDINATOR:
        return [
            _page("programme.py", _("Programmet"), "programmet", ":material/settings:", default=True),
            _page("second_opinions.py", _("Spørgsmål"), "spoergsmaal", ":material/help:"),
            _page("report.py", _("Rapport"), "rapport", ":material/monitoring:"),
            _page("citizen_setup.py", _("Ny borger"), "ny-borger", ":material/person_add:"),
            _page("audit_export.py", _("Log over opslag"), "log", ":material/history:"),
            _page("data_lifetime.py", _("Data og sletning"), "data", ":material/delete_sweep:"),
        ]
    if actor.role is StaffRole.FINANCE:
        return [_page("payments.py", _("Betalinger"), "betalinger", ":material/payments:", default=True)]
    return [_page("facilitator_home.py", _("Værksted"), "vaerksted", ":material/forum:", default=True)]
