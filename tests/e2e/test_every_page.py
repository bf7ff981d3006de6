"""Every page in every role's navigation opens without an error, links the accessibility statement,
shows no English default of Streamlit's and passes axe (WCAG 2.1 A/AA).

New pages are covered as soon as they appear in citizen_app/navigation.py. The journeys in the other
modules go deeper (forms, results); this sweep makes sure nothing a role can reach is left unscanned.
"""
from __future__ import annotations

import re

import pytest

from storage.demo import DEMO_PIN
from tests.e2e.helpers import (
    accessibility_report,
    expect_accessibility_statement_link,
    expect_no_error,
    expect_no_streamlit_english,
    go_to,
    login_citizen,
    login_staff,
    nav_pages,
    open_app,
)

# (who, how to log in). Mette is left out: her first login chooses a PIN (test_citizen_journeys.py).
LOGINS = {
    "citizen-jonas": lambda page: login_citizen(page, "HAVE-DEMA-3333", DEMO_PIN),
    "citizen-aisha": lambda page: login_citizen(page, "PAAN-DEMA-4444", DEMO_PIN),
    "support-sara": lambda page: login_staff(page, "sara"),
    "support-ole": lambda page: login_staff(page, "ole"),
    "coordinator-karin": lambda page: login_staff(page, "karin"),
    "finance-finn": lambda page: login_staff(page, "finn"),
    "facilitator-frida": lambda page: login_staff(page, "frida"),
}


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9æøå]+", "-", title.lower()).strip("-")


def _check(page, name: str, artifacts) -> list[str]:
    """Everything wrong with the page as it is now (so one run reports every broken page)."""
    problems = []
    for check in (expect_no_error, expect_accessibility_statement_link, expect_no_streamlit_english):
        try:
            check(page)
        except AssertionError as error:
            problems.append(f"{name}: {check.__name__}: {str(error).splitlines()[0]}")
    report = accessibility_report(page, name, artifacts)
    if report:
        problems.append(report)
    return problems


@pytest.mark.parametrize("who", LOGINS)
def test_every_page_in_the_navigation_opens_and_passes_axe(phone, app, artifacts, who):
    open_app(phone, app.url)
    LOGINS[who](phone)
    problems = _check(phone, f"sweep-{who}-start", artifacts)
    for title, current in nav_pages(phone):
        if not current:
            go_to(phone, title)
            problems += _check(phone, f"sweep-{who}-{_slug(title)}", artifacts)
    assert not problems, "\n".join(problems)
