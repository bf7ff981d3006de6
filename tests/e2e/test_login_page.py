"""The login page in a real browser: accessible, Danish first, English on request, keyboard only."""
from __future__ import annotations

from playwright.sync_api import expect

from storage.demo import DEMO_PIN
from tests.e2e.helpers import (
    assert_accessible,
    click,
    expect_heading,
    expect_lang,
    login_staff,
    open_app,
    switch_language,
    tab_round,
    wait_for_app,
    tab_to,
)


def test_login_page_is_danish_and_passes_axe(phone, app, artifacts):
    open_app(phone, app.url)
    expect_heading(phone, "Log ind")
    expect_lang(phone, "da")
    assert_accessible(phone, "login", artifacts)

    phone.get_by_role("tab", name="Medarbejder", exact=True).click()
    expect(phone.get_by_label("Brugernavn", exact=True)).to_be_visible()
    assert_accessible(phone, "login-staff-tab", artifacts)


def test_wrong_code_gets_a_kind_message_that_passes_axe(phone, app, artifacts):
    open_app(phone, app.url)
    phone.get_by_label("Din kode", exact=True).fill("AAAA-AAAA-AAAA")
    click(phone, "Videre")
    expect(phone.get_by_text("Koden passer ikke. Prøv igen.")).to_be_visible()
    assert_accessible(phone, "login-wrong-code", artifacts)


def test_the_hint_under_a_text_field_is_in_the_page_language(phone, app):
    """Streamlit writes 'Press Enter to submit form' under a field one types in: Danish in a Danish page."""
    open_app(phone, app.url)
    code = phone.get_by_label("Din kode", exact=True)
    code.press_sequentially("ABCD")
    hint = phone.get_by_test_id("InputInstructions").first
    expect(hint).to_have_text("Tryk Enter for at sende")
    switch_language(phone, "English")
    phone.get_by_label("Your code", exact=True).press_sequentially("ABCD")
    expect(phone.get_by_test_id("InputInstructions").first).to_have_text("Press Enter to submit form")


def test_language_switches_to_english_and_back(phone, app, artifacts):
    open_app(phone, app.url)
    expect(phone.get_by_role("link", name="Gå til indholdet")).to_have_count(1)  # Streamlit's skip link
    switch_language(phone, "English")
    expect_heading(phone, "Log in")
    expect_lang(phone, "en")
    expect(phone.get_by_role("link", name="Skip to main content")).to_have_count(1)
    expect(phone.get_by_role("tab", name="Citizen", exact=True)).to_be_visible()
    assert_accessible(phone, "login-english", artifacts)

    switch_language(phone, "Dansk")
    expect_heading(phone, "Log ind")
    expect_lang(phone, "da")
    expect(phone.get_by_role("link", name="Gå til indholdet")).to_have_count(1)


def test_language_switch_works_after_login_too(phone, app, artifacts):
    """Staff: their language lives in the session only (a citizen's is saved, so we leave citizens be)."""
    open_app(phone, app.url)
    login_staff(phone, "finn")
    expect_heading(phone, "Betalinger")
    switch_language(phone, "English")
    expect_heading(phone, "Payments")
    expect_lang(phone, "en")
    expect(phone.get_by_role("button", name="Log out", exact=True)).to_be_visible()
    assert_accessible(phone, "finance-payments-english", artifacts)

    switch_language(phone, "Dansk")
    expect_heading(phone, "Betalinger")
    expect_lang(phone, "da")


def test_citizen_logs_in_with_the_keyboard_only_and_always_sees_the_focus(phone, app):
    """Tab, Shift+Tab, Enter and Space (plus typing the code and PIN); every focus stop is visible."""
    open_app(phone, app.url)
    keys = phone.keyboard

    tab_to(phone, lambda f: f["label"] == "Din kode")
    keys.type("HAVE-DEMA-3333")
    tab_to(phone, lambda f: f["testid"] == "stBaseButton-primaryFormSubmit")  # "Videre"
    keys.press("Enter")
    expect(phone.get_by_label("Din PIN-kode", exact=True)).to_be_visible()

    tab_to(phone, lambda f: f["label"] == "Din PIN-kode")
    keys.type(DEMO_PIN)
    tab_to(phone, lambda f: f["testid"] == "stBaseButton-primaryFormSubmit")  # "Log ind"
    tab_to(phone, lambda f: f["label"] == "Din PIN-kode", backwards=True)  # back again with Shift+Tab
    tab_to(phone, lambda f: f["testid"] == "stBaseButton-primaryFormSubmit")
    keys.press("Space")
    expect_heading(phone, "Hej Jonas")
    wait_for_app(phone)  # logging in reruns twice: let the start page settle before tabbing round it

    # Once round the start page: every stop on screen and visibly focused (also the closed menu's links
    # must not be reachable while they are off screen), and 'Log ud' is among them.
    stops = tab_round(phone)
    assert any(stop["label"].endswith("Log ud") for stop in stops), stops
