"""The course's route for the browser journeys, built from the course files rather than written out: the page
says which step it is on (the `st-key-course_step_<id>` class of the answer area), and a citizen who answers
briefly answers each kind of step as PLAN says. A new step in a course file needs no edit here."""
from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect

from dialogs import engine, facts
from dialogs.answers import KINDS
from dialogs.model import SKIPPED
from tests.e2e.helpers import SKIP_LABEL, choose, click, press, send_chat

COURSE = engine.load_course()
GOAL = "Jeg vil kunne komme rundt i byen selv."
GOAL_CATEGORY = ("transport", "Transport")
SUB_GOAL = "Finde en brugt cykel på nettet"
WISH = "en brugt cykel til ca. 2.000 kr."
WISH_VALUE = {"title": "En brugt cykel", "price_ore": 200_000}
WISH_READ_BACK = "Jeg skriver: en brugt cykel til 2.000 kr. Passer det?"
SAID = "Min bror hjælper mig, og jeg går ture ved vandet."
SKIPPED_STEP = "matters_why"  # one question the citizen skips, to see that skipping works end to end
_STEP_CLASS = re.compile(r"\bst-key-course_step_(\w+)")


def step_on_page(page: Page) -> str:
    """The id of the step the course page asks now."""
    area = page.locator("[class*='st-key-course_step_']").last
    expect(area).to_be_attached()
    found = _STEP_CLASS.search(area.get_attribute("class") or "")
    assert found, "the course page does not say which step it is on"
    return found.group(1)


def question(step_id: str) -> str:
    """The step's question as the page shows it in Danish (its last message; placeholders left out)."""
    return COURSE.step(step_id).messages[-1]


def _first_option(step) -> tuple[object, str]:
    if step.options:
        return step.options[0].value, step.options[0].label
    if step.kind == "yesno":
        return False, "Nej"  # the shorter way: no extra goal, no extra wish
    high = step.max or 5
    return high - 1, str(high - 1)


def planned(step_id: str) -> tuple[object, Callable[[Page], None]]:
    """(the value the engine will store, how the citizen gives it on the page) for one step."""
    step = COURSE.step(step_id)
    if step_id == SKIPPED_STEP:
        return SKIPPED, lambda page: click(page, SKIP_LABEL)
    said_as = KINDS[step.kind].said_as
    if KINDS[step.kind].ask_with == "buttons":
        value, label = _first_option(step)
        return value, lambda page: click(page, label)
    if KINDS[step.kind].ask_with == "choices":
        value, label = step.options[0].value, step.options[0].label

        def pick(page: Page) -> None:  # tappable pills inside the form: a tap changes nothing until "Send svar"
            press(page, page.get_by_role("button", name=label, exact=True))
            click(page, "Send svar")
        return [value], pick
    if KINDS[step.kind].ask_with == "goal":
        def goal_form(page: Page) -> None:
            page.get_by_label("Dit mål", exact=True).fill(GOAL)
            choose(page, "Hvad handler målet om?", GOAL_CATEGORY[1])
            click(page, "Send svar")
        return {"text": GOAL, "category": GOAL_CATEGORY[0]}, goal_form
    if said_as == "field":
        return {"text": SUB_GOAL}, lambda page: send_chat(page, SUB_GOAL)
    if said_as == "wish":
        def wish(page: Page) -> None:  # read back before it is stored: "Ja"
            send_chat(page, WISH)
            expect(page.get_by_text(WISH_READ_BACK, exact=True)).to_be_visible()
            click(page, "Ja")
        return dict(WISH_VALUE), wish
    if said_as == "money":
        return 200_000, lambda page: send_chat(page, "2.000 kr.")
    return SAID, lambda page: send_chat(page, SAID)


def expected_route() -> list[str]:
    """Every step a citizen who answers as PLAN says goes through, in order, as the engine routes them."""
    answers: dict[str, object] = {}
    route: list[str] = []
    step_id: str | None = COURSE.first_step_id
    while step_id is not None:  # only the steps the citizen meets get an answer, as on the page
        route.append(step_id)
        answers[step_id] = planned(step_id)[0]
        for known in facts.prefill(answers, steps=COURSE.steps):  # what was said in passing is not asked
            if known.from_step == step_id:
                answers[known.step_id] = known.value
        step_id = engine.next_open_step_id(COURSE, step_id, answers)
    return route


def answer_current(page: Page) -> str:
    """Answer the step the page is on, as planned; returns its id."""
    step_id = step_on_page(page)
    planned(step_id)[1](page)
    return step_id


def answer_until(page: Page, step_id: str, *, at_most: int = 60) -> None:
    """Answer step after step until the page asks `step_id`."""
    for _ in range(at_most):
        if step_on_page(page) == step_id:
            return
        answer_current(page)
    raise AssertionError(f"never reached step {step_id!r}")
