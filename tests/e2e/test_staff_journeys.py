"""Staff in a real browser: each role lands on its own pages, and every page passes axe."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.helpers import (
    assert_accessible,
    choose_first_pin,
    click,
    expect_heading,
    go_to,
    log_out,
    login_staff,
    main_text,
    open_app,
)

ACCESS_CODE = re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")


def test_support_person_sees_only_own_citizens_and_enrols_one_who_then_logs_in(phone, app, artifacts):
    open_app(phone, app.url)
    login_staff(phone, "sara")
    expect_heading(phone, "Mine borgere")
    text = main_text(phone)
    assert "Jonas" in text and "Mette" in text
    assert "Aisha" not in text  # Ole's citizen
    assert_accessible(phone, "support-my-citizens", artifacts)

    go_to(phone, "Ny borger")
    expect_heading(phone, "Ny borger")
    assert_accessible(phone, "support-new-citizen", artifacts)

    phone.get_by_label("Navn, som borgeren vil kaldes", exact=True).fill("Bo")
    click(phone, "Opret borger")
    expect(phone.get_by_text("Borgeren er oprettet.")).to_be_visible()
    code_block = phone.locator('[data-testid="stCode"]')
    expect(code_block).to_have_count(1)
    code = code_block.inner_text().strip()
    assert ACCESS_CODE.match(code), f"not a printable access code: {code!r}"
    assert_accessible(phone, "support-new-citizen-code", artifacts)

    log_out(phone)
    choose_first_pin(phone, code, "4711")
    expect_heading(phone, "Hej Bo")


def test_coordinator_sets_up_the_programme_and_exports_the_log(phone, app, artifacts):
    open_app(phone, app.url)
    login_staff(phone, "karin")
    expect_heading(phone, "Programmet")
    assert_accessible(phone, "coordinator-programme", artifacts)

    go_to(phone, "Log over opslag")
    expect_heading(phone, "Log over opslag")
    assert_accessible(phone, "coordinator-audit-log", artifacts)
    click(phone, "Lav eksport")
    expect(phone.get_by_role("button", name="Hent loggen som CSV")).to_be_visible()
    assert_accessible(phone, "coordinator-audit-export", artifacts)


def test_finance_sees_payments_by_internal_number_only(phone, app, artifacts):
    open_app(phone, app.url)
    login_staff(phone, "finn")
    expect_heading(phone, "Betalinger")
    text = main_text(phone)
    for name in ("Mette", "Jonas", "Aisha"):
        assert name not in text
    assert_accessible(phone, "finance-payments", artifacts)
