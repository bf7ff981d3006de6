"""Whatever a citizen writes is shown as the text it is: no HTML, no Markdown, no maths, no script, no link,
on the citizen's own pages and on the support person's.
"""
from __future__ import annotations

from playwright.sync_api import Page, expect

from storage.demo import DEMO_PIN
from tests.e2e.conftest import DESKTOP
from tests.e2e.helpers import (
    act,
    add_goal_on_plan,
    add_wish_on_plan,
    assert_accessible,
    browser_context,
    card_of,
    click,
    create_citizen_in_db,
    expect_heading,
    go_to,
    login_citizen,
    login_staff,
    open_app,
    send_chat,
)

HOSTILE = ('<img src=x onerror="window.__pwned=1"> **fed** [klik her](https://evil.example) $x^2$ '
           '<script>window.__pwned=3</script> æøå')
GOAL = "Jeg vil _gerne_ have **mit eget** sted at bo. <b>nu</b>"
WISH = "[Sofa](https://evil.example) <i>brugt</i>"
NAME = "Vera ![x](https://evil.example/x.png) $x^2$ **stærk**"
NOTE = "Se `kode` og <img src=y onerror=\"window.__pwned=4\"> $$a+b$$ # Overskrift"


def expect_shown_as_plain_text(page: Page, *texts: str) -> None:
    """Each text is on the page as it was written, and nothing in it became markup or ran."""
    main = page.locator("main")
    for text in texts:
        expect(main.get_by_text(text, exact=True).first).to_be_visible()
    expect(main.locator('img[src="x"], img[src="y"]')).to_have_count(0)
    expect(main.locator("strong, em, b, i, code, h1", has_text="fed")).to_have_count(0)
    expect(main.locator("strong, em, b, i", has_text="eget")).to_have_count(0)
    expect(main.locator("b, i, strong, em", has_text="brugt")).to_have_count(0)
    expect(main.locator("code", has_text="kode")).to_have_count(0)
    expect(main.locator('a[href*="evil.example"], a[href^="javascript:"]')).to_have_count(0)
    expect(main.locator(".katex, math")).to_have_count(0)
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


def test_hostile_answers_goals_and_item_notes_stay_plain_text_on_the_support_persons_pages(
        phone, app, e2e_browser, database_url, artifacts):
    code = create_citizen_in_db(database_url, NAME)
    open_app(phone, app.url)
    login_citizen(phone, code, "1234")
    # Issue 13: a display name rendered markdown here (an outside image was fetched, $…$ became maths).
    expect_heading(phone, f"Hej {NAME}")
    expect_shown_as_plain_text(phone)
    expect(phone.locator('main img[src*="evil.example"]')).to_have_count(0)
    expect(phone.locator("main strong, main em", has_text="stærk")).to_have_count(0)

    # A shared course answer: through the welcome module to the first free-text question.
    go_to(phone, "Samtale")
    for label in ("Lad os gå i gang", "Det giver mening"):
        click(phone, label)
    send_chat(phone, HOSTILE)
    expect_shown_as_plain_text(phone, HOSTILE)

    # A goal and a wish with a note, then sent to the support person.
    go_to(phone, "Min plan")
    add_goal_on_plan(phone, GOAL)
    add_wish_on_plan(phone, WISH, under_goal=GOAL, price="1.500", note=NOTE)
    expect_shown_as_plain_text(phone, GOAL, WISH, NOTE)
    assert_accessible(phone, "plan-hostile-words", artifacts)
    go_to(phone, "Send og se svar")
    click(phone, "Send til min støtteperson")
    expect(phone.get_by_text("Du venter på svar", exact=True)).to_be_visible()

    with browser_context(e2e_browser, DESKTOP, artifacts, "hostile-support") as sara:
        open_app(sara, app.url)
        login_staff(sara, "sara")
        expect_heading(sara, "Mine borgere")
        card = sara.locator("main").get_by_text(NAME, exact=True)
        expect(card).to_be_visible()
        click(sara, "Åbn borgerens side", scope=card_of(card))
        expect_heading(sara, "Borger")
        expect(sara.get_by_role("heading", name="Svar fra samtalen, som borgeren har delt")).to_be_visible()
        expect_shown_as_plain_text(sara, HOSTILE, GOAL, WISH)
        assert_accessible(sara, "support-citizen-hostile-words", artifacts)

        click(sara, "Gå til Svar på plan")
        expect_heading(sara, "Svar på plan")
        expect_shown_as_plain_text(sara, GOAL, WISH, NOTE)
        assert_accessible(sara, "review-hostile-words", artifacts)
