"""Whatever a citizen writes is shown as the text it is: no HTML, no Markdown, no script.

Add a journey here for each page that shows people's own words (plan items, notes, reasons).
"""
from __future__ import annotations

from playwright.sync_api import Page, expect

from storage.demo import DEMO_PIN
from tests.e2e.helpers import act, assert_accessible, expect_heading, go_to, login_citizen, open_app

HOSTILE = ('<img src=x onerror="window.__pwned=1"> **fed** [klik](javascript:window.__pwned=2) '
           '<script>window.__pwned=3</script> æøå')


def expect_shown_as_plain_text(page: Page, text: str) -> None:
    expect(page.get_by_text(text, exact=True)).to_have_count(1)
    main = page.locator("main")
    expect(main.locator('img[src="x"]')).to_have_count(0)
    expect(main.locator("strong", has_text="fed")).to_have_count(0)
    expect(main.locator('a[href^="javascript:"]')).to_have_count(0)
    assert page.evaluate("window.__pwned") is None


def test_citizen_answer_in_the_conversation_is_shown_as_plain_text(phone, app, artifacts):
    open_app(phone, app.url)
    login_citizen(phone, "HAVE-DEMA-3333", DEMO_PIN)  # halfway through the course: a free-text question
    expect_heading(phone, "Hej Jonas")
    go_to(phone, "Samtale")
    answer = phone.get_by_placeholder("Skriv dit svar her")
    expect(answer).to_be_visible()
    answer.fill(HOSTILE)
    act(phone, lambda: answer.press("Enter"))

    expect_shown_as_plain_text(phone, HOSTILE)
    assert_accessible(phone, "course-hostile-answer", artifacts)
