"""Which pages each role sees. Access itself is enforced in storage/, not here.

Every known address is in every navigation: the pages that are not the person's own are hidden and show
the login page (logged out) or lead to the person's start page. So a reload of /samtale by someone whose
session has ended shows the login, and after it /samtale itself, never Streamlit's English "Page not
found" box.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import streamlit as st

from citizen_app.i18n import _
from storage.access import Actor, ActorKind
from storage.config import load_config
from storage.errors import N_
from storage.statuses import StaffRole

PAGES = Path(__file__).resolve().parent / "app_pages"


class PageSpec(NamedTuple):
    file: str
    title: str       # msgid
    url_path: str
    icon: str


LOGIN = PageSpec("login.py", N_("Log ind"), "log-ind", ":material/login:")
ACCOUNT = PageSpec("account.py", N_("Min adgangskode"), "min-adgangskode", ":material/key:")
CITIZEN = (
    PageSpec("citizen_home.py", N_("Forside"), "forside", ":material/home:"),
    PageSpec("course.py", N_("Samtale"), "samtale", ":material/chat:"),
    PageSpec("plan.py", N_("Min plan"), "plan", ":material/checklist:"),
    PageSpec("submit.py", N_("Send og se svar"), "send", ":material/send:"),
    PageSpec("progress.py", N_("Sådan går det"), "saadan-gaar-det", ":material/trending_up:"),
    PageSpec("access_log.py", N_("Hvem har set min plan"), "hvem-har-set", ":material/visibility:"),
    PageSpec("closing.py", N_("Afslutning"), "afslutning", ":material/flag:"),
)
NEW_CITIZEN = PageSpec("citizen_setup.py", N_("Ny borger"), "ny-borger", ":material/person_add:")
STAFF = {
    StaffRole.SUPPORT: (
        PageSpec("support_overview.py", N_("Mine borgere"), "mine-borgere", ":material/groups:"),
        PageSpec("support_citizen.py", N_("Borger"), "borger", ":material/person:"),
        PageSpec("review.py", N_("Svar på plan"), "svar", ":material/rule:"),
        NEW_CITIZEN,
    ),
    StaffRole.COORDINATOR: (
        PageSpec("programme.py", N_("Programmet"), "programmet", ":material/settings:"),
        PageSpec("programme_citizens.py", N_("Borgerne"), "borgerne", ":material/groups:"),
        PageSpec("second_opinions.py", N_("Spørgsmål"), "spoergsmaal", ":material/help:"),
        PageSpec("report.py", N_("Rapport"), "rapport", ":material/monitoring:"),
        PageSpec("evidence.py", N_("Evidens"), "evidens", ":material/insights:"),
        NEW_CITIZEN,
        PageSpec("staff_admin.py", N_("Medarbejdere"), "medarbejdere", ":material/badge:"),
        PageSpec("audit_export.py", N_("Log over opslag"), "log", ":material/history:"),
        PageSpec("data_lifetime.py", N_("Data og sletning"), "data", ":material/delete_sweep:"),
    ),
    StaffRole.FINANCE: (PageSpec("payments.py", N_("Betalinger"), "betalinger", ":material/payments:"),),
    StaffRole.FACILITATOR: (PageSpec("facilitator_home.py", N_("Værksted"), "vaerksted", ":material/forum:"),),
}
ALL_PATHS = tuple(dict.fromkeys(p.url_path for p in (LOGIN, ACCOUNT, *CITIZEN, *(s for v in STAFF.values()
                                                                                  for s in v))))


def own_pages(actor: Actor | None, must_change_password: bool = False) -> tuple[PageSpec, ...]:
    if actor is None:
        return (LOGIN,)
    if actor.kind is ActorKind.CITIZEN:
        return CITIZEN
    if must_change_password:
        return (ACCOUNT,)
    own = STAFF[actor.role]  # type: ignore[index]
    return (*own, ACCOUNT) if load_config().staff_auth == "password" else own


def pages_for(actor: Actor | None, must_change_password: bool = False) -> list[st.Page]:
    """The person's own pages (the first is the start page), then every other known address, hidden."""
    own = own_pages(actor, must_change_password)
    pages = [st.Page(PAGES / spec.file, title=_(spec.title), url_path=spec.url_path, icon=spec.icon,
                     default=i == 0) for i, spec in enumerate(own)]
    start = pages[0]

    def to_start_page() -> None:
        st.switch_page(start)

    taken = {spec.url_path for spec in own}
    for path in (p for p in ALL_PATHS if p not in taken):
        target = PAGES / LOGIN.file if actor is None else to_start_page
        pages.append(st.Page(target, title=_(LOGIN.title) if actor is None else start.title, url_path=path,
                             visibility="hidden"))
    return pages
