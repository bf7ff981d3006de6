"""The reflection course in a real browser: a new citizen talks it through on a phone, closes the browser
halfway and continues on another, answers in form mode, and finds help when it is hard.

Each journey enrols its own citizen straight in the e2e database (create_citizen_in_db), so the journeys
do not depend on each other or on the demo citizens.
"""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e import course_route as route
from tests.e2e.conftest import PHONE
from tests.e2e.helpers import (
    CHAT_PLACEHOLDER,
    act,
    assert_accessible,
    browser_context,
    card_of,
    click,
    course_progress,
    create_citizen_in_db,
    current_question,
    expect_heading,
    expect_no_streamlit_english,
    go_to,
    login_citizen,
    login_staff,
    main_text,
    open_app,
    send_chat,
    tab_to,
    visible_text,
    wait_for_app,
)

PIN = "1234"
ROUTE = route.expected_route()
MAX_STEPS = len(ROUTE) + 5
MODULES = len(route.COURSE.modules)
PROGRESS = re.compile(rf"^Trin (\d+) af {MODULES}: ")


def _start_course(page: Page, url: str, code: str, name: str) -> None:
    open_app(page, url)
    login_citizen(page, code, PIN)
    expect_heading(page, f"Hej {name}")
    go_to(page, "Samtale")
    expect_heading(page, "Samtale")


def test_new_citizen_talks_the_whole_course_through_on_a_phone(phone, app, database_url, artifacts):
    code = create_citizen_in_db(database_url, "Lærke")
    _start_course(phone, app.url, code, "Lærke")
    assert course_progress(phone).startswith(f"Trin 1 af {MODULES}: Velkommen")
    assert_accessible(phone, "course-1-welcome", artifacts)

    answered: list[str] = []
    stuck: list[str] = []  # what the page said when an answer did not move the guide on
    modules_seen = {1}
    for _ in range(MAX_STEPS):
        if phone.get_by_text("Du er færdig med samtalen", exact=False).count():
            break
        expect_no_streamlit_english(phone)  # e.g. the placeholder of a list to choose from
        answered.append(route.answer_current(phone))
        finished = phone.get_by_text("Du er færdig med samtalen", exact=False).count() > 0
        if not finished and route.step_on_page(phone) == answered[-1]:
            stuck.append(f"still at {answered[-1]!r}:\n{main_text(phone)}")
        if not finished:
            module = int(PROGRESS.match(course_progress(phone)).group(1))
            assert module >= max(modules_seen), f"the course went back to module {module}"
            if module not in modules_seen:  # a new module: a new state of the page to scan
                modules_seen.add(module)
                assert_accessible(phone, f"course-{module}-module", artifacts)
    else:
        raise AssertionError(f"not finished after {MAX_STEPS} steps: {answered}")

    assert answered == ROUTE, "the page took another route than the engine\n" + "\n".join(stuck)
    assert modules_seen == {route.COURSE.modules.index(route.COURSE.module_of(s)) + 1 for s in ROUTE}
    expect(phone.get_by_text("Du er færdig med samtalen. Dine mål og ønsker står nu i din plan.")).to_be_visible()
    # The whole conversation stays readable, the skipped question with "not now".
    expect(phone.get_by_text("Det vil jeg ikke svare på nu.", exact=True)).to_have_count(1)
    expect(phone.get_by_text(route.WISH, exact=True)).to_have_count(0)  # the wish is shown as it was understood:
    expect(phone.get_by_text("En brugt cykel – ca. 2.000 kr.", exact=True)).to_have_count(1)
    assert_accessible(phone, "course-finished", artifacts)

    click(phone, "Gå til min plan")
    expect_heading(phone, "Min plan")
    main = phone.locator("main")
    expect(main.get_by_text(route.GOAL, exact=True)).to_be_visible()
    # the words, with the category's pictogram (a Material Symbol, its name as hidden text) before them
    expect(main.get_by_text(re.compile(r"^(directions_bus\s*)?Emne: Transport$"))).to_be_visible()
    expect(main.get_by_text(route.SUB_GOAL, exact=True)).to_be_visible()
    expect(main.get_by_text("En brugt cykel", exact=True)).to_be_visible()
    expect(main.get_by_text("Pris: 2.000 kr.", exact=True)).to_be_visible()
    expect(main.get_by_text("Status: Kladde", exact=True)).to_be_visible()
    assert "I din plan, ikke godkendt endnu: 2.000 kr." in visible_text(main)
    assert_accessible(phone, "course-plan-drafts", artifacts)


def test_citizen_who_closes_the_browser_halfway_continues_at_the_same_step(phone, app, e2e_browser, database_url,
                                                                           artifacts):
    code = create_citizen_in_db(database_url, "Malte")
    with browser_context(e2e_browser, PHONE, artifacts, "course-first-phone") as first:
        _start_course(first, app.url, code, "Malte")
        route.answer_until(first, "matters_most")  # into the third module ("Det, der betyder noget")
        progress, question = course_progress(first), current_question(first)
        assert progress.startswith(f"Trin 3 af {MODULES}: Det, der betyder noget"), progress
        first.context.close()  # the browser is closed, not logged out

    open_app(phone, app.url)
    login_citizen(phone, code, PIN)
    expect_heading(phone, "Hej Malte")
    expect(phone.get_by_text("Du er i gang med samtalen. Du kan fortsætte, hvor du slap.")).to_be_visible()
    act(phone, phone.get_by_role("link", name="Fortsæt samtalen", exact=True).click)
    expect_heading(phone, "Samtale")
    assert course_progress(phone) == progress
    assert current_question(phone) == question
    assert_accessible(phone, "course-continued-on-another-phone", artifacts)


def test_form_mode_answers_a_step_and_the_answer_shows_in_the_conversation(phone, app, database_url, artifacts):
    code = create_citizen_in_db(database_url, "Nanna")
    _start_course(phone, app.url, code, "Nanna")
    route.answer_until(phone, "now_good")  # the welcome module, to the first free-text question
    assert "Hvad går godt for dig?" in current_question(phone)

    act(phone, phone.get_by_text("Vis som formular", exact=True).click)
    expect(phone.get_by_test_id("stChatMessage")).to_have_count(0)
    expect(phone.get_by_text("Hvad går godt for dig?", exact=True)).to_be_visible()
    assert_accessible(phone, "course-form-mode", artifacts)
    answer = "Jeg har fået en ny cykellygte."
    phone.get_by_label("Dit svar", exact=True).fill(answer)
    click(phone, "Gem og gå videre")
    expect(phone.get_by_text("Og hvad er svært lige nu?", exact=True)).to_be_visible()
    assert course_progress(phone).startswith(f"Trin 2 af {MODULES}")

    act(phone, phone.get_by_text("Vis som formular", exact=True).click)
    own = phone.get_by_test_id("stChatMessage").filter(has_text=answer)
    expect(own).to_have_count(1)
    assert "Og hvad er svært lige nu?" in current_question(phone)
    assert_accessible(phone, "course-chat-mode-again", artifacts)


def _help_panel_is_shown(page: Page) -> None:
    panel = card_of(page.get_by_role("heading", name="Hjælp lige nu", exact=True))
    expect(panel).to_be_visible()
    text = visible_text(panel)
    assert "70 201 201" in text and "112" in text, text
    expect(page.get_by_role("link", name="70 201 201", exact=True)).to_have_attribute("href", "tel:+4570201201")
    expect(page.get_by_role("link", name="112", exact=True)).to_have_attribute("href", "tel:112")
    expect(page.get_by_text("Appen er ikke en nødtjeneste.", exact=False)).to_be_visible()


def test_crisis_words_and_the_hard_button_show_help_and_tell_the_support_person(phone, app, e2e_browser,
                                                                                database_url, artifacts):
    code = create_citizen_in_db(database_url, "Oskar")
    _start_course(phone, app.url, code, "Oskar")
    route.answer_until(phone, "now_good")

    send_chat(phone, "jeg vil ikke leve mere")
    _help_panel_is_shown(phone)
    expect(phone.get_by_text("Din støtteperson kan nu se, at du fik vist hjælp. Ikke hvad du skrev.")).to_be_visible()
    expect(phone.get_by_text("Del mine ord med min støtteperson")).to_be_visible()
    assert_accessible(phone, "course-help-after-crisis-words", artifacts)
    click(phone, "Fortsæt samtalen")
    expect(phone.get_by_role("heading", name="Hjælp lige nu")).to_have_count(0)
    assert "Og hvad er svært lige nu?" in current_question(phone)  # the answer was saved first

    click(phone, "Jeg har det svært lige nu")
    _help_panel_is_shown(phone)
    expect(phone.get_by_text("Din støtteperson kan nu se, at du fik vist hjælp. Ikke hvad du skrev.")).to_be_visible()
    assert_accessible(phone, "course-help-hard-button", artifacts)

    with browser_context(e2e_browser, PHONE, artifacts, "support-sees-flag") as sara:
        open_app(sara, app.url)
        login_staff(sara, "sara")
        expect_heading(sara, "Mine borgere")
        expect(sara.get_by_text(re.compile(r"^Appen har vist hjælp til \d+ borgere?"))).to_be_visible()
        expect(sara.get_by_text(re.compile(r"^Oskar fik vist hjælp "))).to_be_visible()
        assert "jeg vil ikke leve mere" not in main_text(sara)  # the words stay the citizen's
        first_card = card_of(sara.get_by_role("button", name="Åbn borgerens side", exact=True).first)
        expect(first_card.get_by_text("Oskar", exact=True)).to_be_visible()
        expect(first_card.get_by_text(re.compile(r"^Appen viste borgeren hjælp"))).to_be_visible()
        expect(first_card.get_by_role("button", name="Jeg har set det", exact=True)).to_be_visible()
        assert "Oskar" in main_text(sara)
        assert_accessible(sara, "support-my-citizens-flagged", artifacts)


def test_keyboard_only_citizen_logs_in_and_answers_the_first_steps(phone, app, database_url):
    """Only Tab, Shift+Tab, Enter and Space (plus typing the code, the PIN and one answer); every focus
    stop on the way is visibly focused (tab_to asserts it)."""
    code = create_citizen_in_db(database_url, "Ib")
    open_app(phone, app.url)
    keys = phone.keyboard

    def press_on(label: str, key: str = "Enter", **how) -> None:
        tab_to(phone, lambda f: label in f["label"], **how)
        act(phone, lambda: keys.press(key))

    tab_to(phone, lambda f: f["label"] == "Din kode")
    keys.type(code)
    press_on("Videre")
    tab_to(phone, lambda f: f["label"] == "Din PIN-kode")
    keys.type(PIN)
    press_on("Log ind", "Space")
    expect_heading(phone, "Hej Ib")
    wait_for_app(phone)

    press_on("Start samtalen")
    expect_heading(phone, "Samtale")
    wait_for_app(phone)
    press_on("Lad os gå i gang")
    assert "Du har 50.000 kr. at bruge i 12 måneder." in current_question(phone)
    press_on("Det giver mening", "Space")
    # Back with Shift+Tab to 'Tilbage', then forward again: the answer is kept.
    press_on("Tilbage", backwards=True)
    assert "Du har 50.000 kr. at bruge i 12 måneder." in current_question(phone)
    press_on("Det giver mening")

    tab_to(phone, lambda f: f["label"] == CHAT_PLACEHOLDER)
    keys.type("Jeg har en kat, som jeg holder af.")
    act(phone, lambda: keys.press("Enter"))
    assert "Og hvad er svært lige nu?" in current_question(phone)
    assert course_progress(phone).startswith(f"Trin 2 af {MODULES}")
    expect(phone.get_by_test_id("stChatMessage").filter(has_text="Jeg har en kat, som jeg holder af.")
           ).to_have_count(1)
