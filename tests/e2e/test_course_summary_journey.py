"""The goal step and the summary in a real browser on a phone: a goal typed without a topic stays in the field,
the summary shows the drafted plan against the budget, and "Jeg vil gerne ændre noget" leads to the change."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e import course_route as route
from tests.e2e.helpers import (
    assert_accessible,
    click,
    create_citizen_in_db,
    expect_heading,
    expect_no_streamlit_english,
    go_to,
    login_citizen,
    open_app,
    send_chat,
    visible_text,
)

PIN = "1234"


def test_goal_kept_through_a_refusal_and_a_change_at_the_summary(phone, app, database_url, artifacts):
    code = create_citizen_in_db(database_url, "Ida")
    open_app(phone, app.url)
    login_citizen(phone, code, PIN)
    expect_heading(phone, "Hej Ida")
    go_to(phone, "Samtale")
    route.answer_until(phone, "goals_forward")
    send_chat(phone, "Det må tiden vise")  # no topic in these words: a draft, but no topic proposed

    assert route.step_on_page(phone) == "goal_1"
    expect_no_streamlit_english(phone)
    goal = phone.get_by_label("Dit mål", exact=True)
    expect(goal).to_have_value("Det må tiden vise")  # her own words, ready to change
    goal.fill(route.GOAL)
    click(phone, "Send svar")  # no topic chosen
    expect(phone.get_by_text("Vælg, hvad målet handler om.", exact=True)).to_be_visible()
    expect(phone.get_by_label("Dit mål", exact=True)).to_have_value(route.GOAL)  # nothing she typed is lost
    route.planned("goal_1")[1](phone)  # the topic, and send
    assert route.step_on_page(phone) != "goal_1"

    route.answer_until(phone, "summary_check")
    summary = phone.locator(".st-key-course_summary")
    expect(summary).to_be_visible()
    text = visible_text(summary)
    for line in (route.GOAL, "Emne: Transport", route.SUB_GOAL, "En brugt cykel", "Pris: 2.000 kr.",
                 "Dine ønsker koster i alt: 2.000 kr.", "Hvis du får ja til alle ønsker, er der 48.000 kr. tilbage."):
        assert line in text, f"{line!r} not in the summary:\n{text}"
    assert_accessible(phone, "course-summary", artifacts)

    click(phone, "Jeg vil gerne ændre noget")
    assert route.step_on_page(phone) == "summary_change"
    click(phone, "Ret ønsket")
    phone.get_by_label("Hvad koster det?", exact=True).fill("1.500")
    click(phone, "Gem ønske")
    expect(summary.get_by_text("Dine ønsker koster i alt: 1.500 kr.", exact=True)).to_be_visible()
    expect_no_streamlit_english(phone)
    click(phone, "Nu passer det")
    assert route.step_on_page(phone) == "summary_note"
    send_chat(phone, route.SAID)
    expect(phone.get_by_text("Du er færdig med samtalen", exact=False)).to_be_visible()

    click(phone, "Gå til min plan")
    expect_heading(phone, "Min plan")
    expect(phone.locator("main").get_by_text("Pris: 1.500 kr.", exact=True)).to_be_visible()
