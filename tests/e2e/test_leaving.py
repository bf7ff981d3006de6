"""Leaving a shared café computer: 'Log ud' and the idle logout leave nothing personal to read."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from storage.demo import DEMO_PIN
from tests.e2e.helpers import (
    assert_accessible,
    expect_heading,
    go_to,
    log_out,
    login_citizen,
    main_text,
    open_app,
    wait_for_app,
)

JONAS = "HAVE-DEMA-3333"
IDLE_LOGOUT_TIMEOUT_MS = 45_000  # 6 s idle + up to 1.5 s until the check + slack for a busy machine


def _nothing_personal_is_shown(page) -> None:
    expect_heading(page, "Log ind")
    expect(page.get_by_label("Din kode", exact=True)).to_be_visible()
    text = main_text(page)
    assert "Jonas" not in text
    assert "Hej" not in text
    assert "budget" not in text.lower()
    expect(page.get_by_role("link", name="Hvem har set min plan")).to_have_count(0)
    expect(page.get_by_role("button", name="Log ud")).to_have_count(0)


def test_log_out_leaves_nothing_readable_not_even_with_the_back_button(phone, app, artifacts):
    open_app(phone, app.url)
    login_citizen(phone, JONAS, DEMO_PIN)
    expect_heading(phone, "Hej Jonas")
    go_to(phone, "Hvem har set min plan")
    expect_heading(phone, "Hvem har set min plan")

    log_out(phone)
    _nothing_personal_is_shown(phone)
    assert_accessible(phone, "login-after-logout", artifacts)

    phone.go_back()
    wait_for_app(phone)
    _nothing_personal_is_shown(phone)
    phone.go_back()
    wait_for_app(phone)
    _nothing_personal_is_shown(phone)


def test_idle_citizen_is_logged_out_with_a_calm_notice(phone, idle_app, artifacts):
    open_app(phone, idle_app.url)
    login_citizen(phone, JONAS, DEMO_PIN)
    expect_heading(phone, "Hej Jonas")

    # Nobody touches the page; the app's own timer logs out.
    notice = phone.get_by_text(re.compile(r"^Du er logget ud, fordi der ikke skete noget"))
    expect(notice).to_be_visible(timeout=IDLE_LOGOUT_TIMEOUT_MS)
    _nothing_personal_is_shown(phone)
    assert_accessible(phone, "login-idle-notice", artifacts)
