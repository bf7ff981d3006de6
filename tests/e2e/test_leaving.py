"""Leaving a shared café computer: 'Log ud' and the idle logout leave nothing personal to read."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from storage.demo import DEMO_PIN
from tests.e2e.helpers import (
    act,
    assert_accessible,
    click,
    create_citizen_in_db,
    expect_heading,
    go_to,
    log_out,
    login_citizen,
    main_text,
    open_app,
    tick,
    wait_for_app,
)

JONAS = "HAVE-DEMA-3333"
IDLE_LOGOUT_TIMEOUT_MS = 45_000  # 6 s idle + up to 1.5 s until the check + slack for a busy machine


def _nothing_personal_is_shown(page) -> None:
    expect_heading(page, "Log ind")
    expect(page.get_by_label("Din kode", exact=True)).to_be_visible()
    # Expectations that wait: until the logged-out run has finished, Streamlit still shows the old page's
    # elements (greyed out) below the new ones, and a plain read of the text could catch them.
    main = page.locator("main")
    for personal in ("Jonas", "Hej", re.compile("budget", re.IGNORECASE)):
        expect(main).not_to_contain_text(personal)
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


def test_own_phone_remembers_the_code_after_log_out_but_always_asks_for_the_pin(phone, app, database_url,
                                                                                   artifacts):
    code = create_citizen_in_db(database_url, "Ditte")
    open_app(phone, app.url)
    phone.get_by_label("Din kode", exact=True).fill(code)
    click(phone, "Videre")
    phone.get_by_label("Din PIN-kode", exact=True).fill("1234")
    tick(phone, "Husk min kode på denne telefon")  # inside the form: no rerun
    click(phone, "Log ind")
    expect_heading(phone, "Hej Ditte")
    assert any(c["name"] == "bb_device" for c in phone.context.cookies())

    # A reload keeps the login (the session cookie); 'Log ud' ends it, and then the phone asks only for the
    # PIN, which is still checked.
    act(phone, phone.reload)
    expect_heading(phone, "Hej Ditte")
    log_out(phone)
    expect_heading(phone, "Log ind")
    expect(phone.get_by_text("Din telefon kan huske din kode. Skriv din PIN-kode.")).to_be_visible()
    expect(phone.get_by_label("Din kode", exact=True)).to_have_count(0)
    assert "Ditte" not in main_text(phone)  # a remembered phone does not show whose it is before the PIN
    assert_accessible(phone, "login-remembered-phone", artifacts)
    phone.get_by_label("Din PIN-kode", exact=True).fill("9999")
    click(phone, "Log ind")
    expect(phone.get_by_text("PIN-koden passer ikke. Du har 4 forsøg tilbage.", exact=True)).to_be_visible()
    phone.get_by_label("Din PIN-kode", exact=True).fill("1234")
    click(phone, "Log ind")
    expect_heading(phone, "Hej Ditte")

    # 'Log ud' keeps the phone's memory; 'Det er ikke min telefon' ends it, also after a reload.
    log_out(phone)
    expect(phone.get_by_text("Din telefon kan huske din kode. Skriv din PIN-kode.")).to_be_visible()
    click(phone, "Det er ikke min telefon")
    expect(phone.get_by_label("Din kode", exact=True)).to_be_visible()
    act(phone, phone.reload)
    expect(phone.get_by_label("Din kode", exact=True)).to_be_visible()
    left = [c["name"] for c in phone.context.cookies() if c["name"] in ("bb_device", "bb_session") and c["value"]]
    assert left == []
