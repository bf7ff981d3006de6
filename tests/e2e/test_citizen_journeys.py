"""Citizens in a real browser: log in with code and PIN, find their pages, first login with a new PIN."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from storage.demo import DEMO_PIN
from tests.e2e.helpers import (
    assert_accessible,
    choose_first_pin,
    expect_heading,
    expect_lang,
    go_to,
    log_out,
    login_citizen,
    open_app,
    open_menu,
)

JONAS = "HAVE-DEMA-3333"
METTE = "NYNY-DEMA-2222"  # no PIN yet: the one journey that chooses it (once per server)


def _jonas_sees_his_start_page_and_who_has_seen_his_plan(page: Page, url: str, artifacts, device: str) -> None:
    open_app(page, url)
    login_citizen(page, JONAS, DEMO_PIN)
    expect_heading(page, "Hej Jonas")
    expect_lang(page, "da")
    assert_accessible(page, f"citizen-home-{device}", artifacts)
    if open_menu(page):  # the phone's navigation drawer, open; Streamlit's labels in Danish too
        expect(page.get_by_role("navigation", name="Sider")).to_be_visible()
        expect(page.get_by_role("button", name="Luk menuen")).to_be_visible()
        assert_accessible(page, f"citizen-menu-{device}", artifacts)

    go_to(page, "Hvem har set min plan")
    expect_heading(page, "Hvem har set min plan")
    assert_accessible(page, f"citizen-access-log-{device}", artifacts)


def test_citizen_logs_in_with_code_and_pin_on_a_phone(phone, app, artifacts):
    _jonas_sees_his_start_page_and_who_has_seen_his_plan(phone, app.url, artifacts, "phone")


def test_citizen_logs_in_with_code_and_pin_on_a_desktop(desktop, app, artifacts):
    _jonas_sees_his_start_page_and_who_has_seen_his_plan(desktop, app.url, artifacts, "desktop")


def test_new_citizen_chooses_a_pin_at_first_login_and_uses_it_next_time(phone, app, artifacts):
    open_app(phone, app.url)
    phone.get_by_label("Din kode", exact=True).fill(METTE)
    phone.get_by_role("button", name="Videre", exact=True).click()
    expect(phone.get_by_label("Ny PIN-kode", exact=True)).to_be_visible()
    assert_accessible(phone, "login-new-pin", artifacts)
    open_app(phone, app.url)  # start over: the code step again, as after a closed tab

    choose_first_pin(phone, METTE, "2580")
    expect_heading(phone, "Hej Mette")
    assert_accessible(phone, "citizen-home-first-login", artifacts)

    log_out(phone)
    login_citizen(phone, METTE, "2580")
    expect_heading(phone, "Hej Mette")
