"""A phone's life: a reload, a restored tab, a restarted server bring the citizen back to the page and the
course step they were on, logged in (the login session lives in the database, its token in a cookie),
never behind Streamlit's English "Page not found". The same for staff. A logged-out visit to a deep
address shows the login and then that page.

The restart journey gets its own server on the shared e2e database, so restarting it disturbs no other
journey.
"""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import (
    act,
    click,
    create_citizen_in_db,
    current_question,
    expect_heading,
    go_to,
    log_out,
    login_citizen,
    login_staff,
    open_app,
    wait_for_app,
)
from tests.e2e.server import AppServer, start_server

SKIP = "Det vil jeg ikke svare på nu"
RECONNECT_TIMEOUT_MS = 60_000  # a server restart on a busy 2-core machine, then Streamlit's reconnect


@pytest.fixture
def restartable(database_url, e2e_dir) -> Iterator[AppServer]:
    server = start_server(database_url, e2e_dir / "streamlit-restart.log")
    yield server
    server.stop()


def _not_lost(page: Page, heading: str, question: str | None = None) -> None:
    """On the page the person was on, logged in, on the same question; no English 'Page not found'."""
    expect_heading(page, heading)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.get_by_label("Din kode", exact=True)).to_have_count(0)
    expect(page.get_by_role("button", name="Log ud", exact=True)).to_be_visible()
    if question is not None:
        assert current_question(page) == question


def _into_the_course(page: Page, url: str, database_url: str, name: str) -> tuple[str, str]:
    """A new citizen logs in, opens Samtale and moves one step on; returns their code and the question
    they are at."""
    code = create_citizen_in_db(database_url, name)
    open_app(page, url)
    login_citizen(page, code, "1234")
    expect_heading(page, f"Hej {name}")
    go_to(page, "Samtale")
    first = current_question(page)
    click(page, SKIP)
    question = current_question(page)
    assert question != first
    return code, question


def test_reload_and_a_restored_tab_keep_the_citizen_on_the_same_page_and_step(phone, app, database_url):
    _, question = _into_the_course(phone, app.url, database_url, "Rikke")
    assert phone.url.endswith("/samtale")

    act(phone, phone.reload)
    _not_lost(phone, "Samtale", question)
    assert phone.url.endswith("/samtale")

    # The browser threw the tab away and restores it: a new page in the same browser, at the same address.
    restored = phone.context.new_page()
    open_app(restored, phone.url)
    _not_lost(restored, "Samtale", question)
    restored.close()


def test_a_restarted_server_brings_the_citizen_back_without_a_login(phone, restartable, database_url):
    _, question = _into_the_course(phone, restartable.url, database_url, "Sofus")
    restartable.restart()
    # Streamlit's page notices the dropped websocket and reconnects by itself to the new process.
    expect(phone.get_by_test_id("stApp")).to_have_attribute("data-test-connection-state", "CONNECTED",
                                                             timeout=RECONNECT_TIMEOUT_MS)
    wait_for_app(phone, timeout=RECONNECT_TIMEOUT_MS)
    _not_lost(phone, "Samtale", question)


def test_staff_reload_stays_on_the_page(desktop, app):
    open_app(desktop, app.url)
    login_staff(desktop, "sara")
    go_to(desktop, "Ny borger")
    act(desktop, desktop.reload)
    _not_lost(desktop, "Ny borger")


def test_a_logged_out_visit_to_a_deep_address_logs_in_and_then_opens_it(phone, app, database_url):
    code, question = _into_the_course(phone, app.url, database_url, "Tilde")
    log_out(phone)
    expect_heading(phone, "Log ind")
    expect(phone.get_by_text("Page not found")).to_have_count(0)
    open_app(phone, f"{app.url}samtale")   # e.g. a bookmark, or a reload after 'Log ud'
    expect_heading(phone, "Log ind")
    expect(phone.get_by_text("Page not found")).to_have_count(0)
    login_citizen(phone, code, "1234")
    _not_lost(phone, "Samtale", question)
    assert phone.url.endswith("/samtale")
