"""From goals and wishes to a sent plan, on a phone: Danish amounts, the budget bar, what is missing before
sending, and the promise of an answer. Nothing on the plan or send pages scrolls sideways at 390 px."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.helpers import (
    add_goal_on_plan,
    add_wish_on_plan,
    assert_accessible,
    budget_line,
    button,
    card_of,
    click,
    create_citizen_in_db,
    expect_heading,
    fill_wish_form,
    go_to,
    login_citizen,
    no_horizontal_scroll,
    open_app,
)

GOAL = "Jeg vil have et job i et køkken."
KNIVES = "Knivsæt til kokkeskolen"
TROUSERS = "Kokkebukser"


def test_citizen_prices_wishes_fixes_what_is_missing_and_sends_the_plan(phone, app, database_url, artifacts):
    code = create_citizen_in_db(database_url, "Pia")
    open_app(phone, app.url)
    login_citizen(phone, code, "1234")
    expect_heading(phone, "Hej Pia")

    go_to(phone, "Min plan")
    expect_heading(phone, "Min plan")
    expect(phone.get_by_text("Din plan er tom. Start med at skrive et mål.")).to_be_visible()
    assert budget_line(phone, "I din plan, ikke godkendt endnu") == "0 kr."
    assert budget_line(phone, "Tilbage nu") == "50.000 kr."
    no_horizontal_scroll(phone)
    assert_accessible(phone, "plan-empty", artifacts)

    add_goal_on_plan(phone, GOAL, "Uddannelse og job")
    expect(phone.get_by_text(re.compile(r"^(school\s*)?Emne: Uddannelse og job$"))).to_be_visible()  # with its pictogram

    # A wish under the goal, priced the Danish way with øre.
    add_wish_on_plan(phone, KNIVES, under_goal=GOAL, price="3.000,50")
    knives = card_of(phone.locator("main").get_by_text(KNIVES, exact=True))
    expect(knives.get_by_text("Pris: 3.000,50 kr.", exact=True)).to_be_visible()
    expect(knives.get_by_text("Status: Kladde", exact=True)).to_be_visible()
    assert budget_line(phone, "I din plan, ikke godkendt endnu") == "3.000,50 kr."
    assert budget_line(phone, "Godkendt") == "0 kr."
    expect(phone.get_by_text("Ønskerne til dette mål koster 3.000,50 kr. i alt.")).to_be_visible()
    no_horizontal_scroll(phone)
    assert_accessible(phone, "plan-wish-priced", artifacts)

    # A second wish at the bottom: no goal, no price yet.
    add_wish_on_plan(phone, TROUSERS)
    trousers = card_of(phone.locator("main").get_by_text(TROUSERS, exact=True))
    expect(trousers.get_by_text("Pris mangler. Skriv en pris.", exact=True)).to_be_visible()
    expect(trousers.get_by_text("Ønsket mangler et mål. Vælg det mål, ønsket hjælper med.")).to_be_visible()
    expect(phone.get_by_text("Ikke koblet til et mål", exact=True)).to_be_visible()
    no_horizontal_scroll(phone)
    assert_accessible(phone, "plan-wish-without-goal-and-price", artifacts)

    go_to(phone, "Send og se svar")
    expect_heading(phone, "Send og se svar")
    expect(phone.get_by_text("Før du kan sende, mangler du det her:")).to_be_visible()
    expect(phone.get_by_text(f"Vælg, hvilket mål '{TROUSERS}' hjælper med.", exact=True)).to_be_visible()
    expect(phone.get_by_text(f"Skriv en pris på '{TROUSERS}'.", exact=True)).to_be_visible()
    expect(button(phone, "Send til min støtteperson")).to_have_count(0)
    no_horizontal_scroll(phone)
    assert_accessible(phone, "submit-missing", artifacts)

    # "Ret det i min plan" opens the plan with the wish's form open.
    click(phone, "Ret det i min plan", scope=card_of(
        phone.get_by_text(f"Skriv en pris på '{TROUSERS}'.", exact=True)))
    expect_heading(phone, "Min plan")
    expect(phone.get_by_label("Hvad ønsker du dig?", exact=True)).to_have_value(TROUSERS)
    no_horizontal_scroll(phone)
    assert_accessible(phone, "plan-fixing-a-wish", artifacts)
    fill_wish_form(phone, goal=GOAL, price="ca. 450 kr.")
    expect(phone.get_by_text("Ikke koblet til et mål", exact=True)).to_have_count(0)
    trousers = card_of(phone.locator("main").get_by_text(TROUSERS, exact=True))
    expect(trousers.get_by_text("Pris: 450 kr.", exact=True)).to_be_visible()
    assert budget_line(phone, "I din plan, ikke godkendt endnu") == "3.450,50 kr."
    expect(phone.get_by_text("Ønskerne til dette mål koster 3.450,50 kr. i alt.")).to_be_visible()

    go_to(phone, "Send og se svar")
    expect(phone.get_by_text("Du sender 2 ønsker. De koster 3.450,50 kr. i alt.")).to_be_visible()
    expect(phone.get_by_text("Før du kan sende, mangler du det her:")).to_have_count(0)
    no_horizontal_scroll(phone)
    assert_accessible(phone, "submit-ready", artifacts)

    click(phone, "Send til min støtteperson")
    waiting = card_of(phone.get_by_text("Du venter på svar", exact=True))
    expect(waiting).to_be_visible()
    expect(waiting.get_by_text("Din støtteperson svarer normalt inden for 5 hverdage", exact=False)).to_be_visible()
    expect(waiting.get_by_text("Du kan regne med svar senest", exact=False)).to_be_visible()
    expect(phone.get_by_text("Du har ingen nye ønsker at sende lige nu.")).to_be_visible()
    expect(phone.get_by_text("Version 1: sendt", exact=False)).to_be_visible()
    expect(phone.get_by_text("med 2 ønsker. Den venter på svar.", exact=False)).to_be_visible()
    no_horizontal_scroll(phone)
    assert_accessible(phone, "submit-waiting", artifacts)

    go_to(phone, "Min plan")
    for title in (KNIVES, TROUSERS):
        expect(card_of(phone.locator("main").get_by_text(title, exact=True))
               .get_by_text("Status: Sendt – venter på svar", exact=True)).to_be_visible()
    assert budget_line(phone, "I din plan, ikke godkendt endnu") == "3.450,50 kr."
    no_horizontal_scroll(phone)
    assert_accessible(phone, "plan-sent", artifacts)
