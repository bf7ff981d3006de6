"""The whole loop in one journey (issue 5's "done when"), every person in their own browser against the one
server: a citizen sends two wishes; the support person asks for a change to one and asks the coordinator
about the other; the coordinator answers; the support person approves and sends the answer; the citizen
reads the reason, changes the wish and sends it again; it is approved; the support person asks finance
to pay; finance pays; the citizen sees it paid and the approved amount in the budget bar.
"""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import DESKTOP
from tests.e2e.helpers import (
    act,
    add_goal_on_plan,
    add_wish_on_plan,
    assert_accessible,
    browser_context,
    budget_line,
    card_of,
    click,
    create_citizen_in_db,
    expect_heading,
    fill_wish_form,
    go_to,
    login_citizen,
    login_staff,
    open_app,
    open_expander,
)

CITIZEN = "Rasmus"
GOAL = "Jeg vil cykle til mit praktiksted."
BIKE, BIKE_AGAIN, HELMET = "Cykel", "Brugt cykel fra genbrugen", "Cykelhjelm"
CHANGE_REASON = "Prisen er høj. Find en brugt cykel, og send ønsket igen."
QUESTION = "Må budgettet betale en hjelm, når cyklen ikke er godkendt endnu?"
ADVICE = "Ja, en hjelm hører med til målet. Godkend den gerne."
VENDOR, REFERENCE = "Genbrugscyklen ApS", "Ordre 4711"
BOUGHT = datetime.now(ZoneInfo("Europe/Copenhagen")).date()  # the form's default: today


def wish_card(page: Page, title: str) -> Locator:
    """The box around the first place a wish's title is shown in the main area."""
    return card_of(page.locator("main").get_by_text(title, exact=True).first)


def decide(page: Page, title: str, decision: str, reason: str | None = None) -> None:
    """On 'Svar på plan': one wish's decision (and reason), saved but not yet sent."""
    card = wish_card(page, title)
    act(page, card.get_by_text(decision, exact=True).click)
    if reason is not None:
        wish_card(page, title).get_by_label("Grund til borgeren", exact=True).fill(reason)
    click(page, "Gem beslutning", scope=wish_card(page, title))
    expect(page.get_by_text("Beslutningen er gemt. Borgeren ser den først, når du trykker 'Send svar'.")).to_be_visible()


def send_answer(page: Page) -> None:
    expect(page.get_by_text("Alle ønsker har en beslutning.", exact=False)).to_be_visible()
    click(page, "Send svar")
    expect(page.get_by_text("Svaret er sendt. Borgeren kan se det nu.")).to_be_visible()


def test_plan_goes_from_citizen_to_support_coordinator_finance_and_back(phone, app, e2e_browser, database_url,
                                                                        artifacts):
    citizen = phone
    code = create_citizen_in_db(database_url, CITIZEN)

    # 1. The citizen sends two wishes.
    open_app(citizen, app.url)
    login_citizen(citizen, code, "1234")
    expect_heading(citizen, f"Hej {CITIZEN}")
    go_to(citizen, "Min plan")
    add_goal_on_plan(citizen, GOAL, "Transport")
    add_wish_on_plan(citizen, BIKE, under_goal=GOAL, price="4.500")
    add_wish_on_plan(citizen, HELMET, under_goal=GOAL, price="400")
    assert budget_line(citizen, "Godkendt") == "0 kr."
    assert budget_line(citizen, "I din plan, ikke godkendt endnu") == "4.900 kr."
    go_to(citizen, "Send og se svar")
    expect(citizen.get_by_text("Du sender 2 ønsker. De koster 4.900 kr. i alt.")).to_be_visible()
    click(citizen, "Send til min støtteperson")
    expect(citizen.get_by_text("Du venter på svar", exact=True)).to_be_visible()
    assert_accessible(citizen, "loop-1-citizen-sent", artifacts)

    with browser_context(e2e_browser, DESKTOP, artifacts, "loop-support") as sara:
        # 2. The support person opens the citizen and answers on 'Svar på plan'.
        open_app(sara, app.url)
        login_staff(sara, "sara")
        expect_heading(sara, "Mine borgere")
        card = card_of(sara.locator("main").get_by_text(CITIZEN, exact=True))
        expect(card.get_by_text("Planen er lige kommet – svar senest", exact=False)).to_be_visible()
        click(sara, "Åbn borgerens side", scope=card)
        expect_heading(sara, "Borger")
        for title in (BIKE, HELMET):
            expect(wish_card(sara, title).get_by_text("Status: Sendt – venter på svar. Pris:", exact=False)
                   ).to_be_visible()
        assert_accessible(sara, "loop-2-support-citizen", artifacts)
        click(sara, "Gå til Svar på plan")
        expect_heading(sara, "Svar på plan")
        expect(sara.get_by_text("Plan nummer 1", exact=True)).to_be_visible()
        decide(sara, BIKE, "Bed om en ændring", CHANGE_REASON)
        expect(wish_card(sara, BIKE).get_by_text("Gemt, ikke sendt endnu: Bedt om en ændring.")).to_be_visible()

        helmet = wish_card(sara, HELMET)
        open_expander(sara, "Spørg koordinator", scope=helmet)
        helmet.get_by_label("Dit spørgsmål", exact=True).fill(QUESTION)
        click(sara, "Send spørgsmål", scope=helmet)
        expect(sara.get_by_text("Spørgsmålet er sendt til koordinator.")).to_be_visible()
        expect(wish_card(sara, HELMET).get_by_text("Venter på svar fra koordinator.")).to_be_visible()
        expect(sara.get_by_text("1 ønske mangler en beslutning:", exact=True)).to_be_visible()
        assert_accessible(sara, "loop-2-support-review-asked", artifacts)

        # 3. The coordinator answers on 'Spørgsmål'.
        with browser_context(e2e_browser, DESKTOP, artifacts, "loop-coordinator") as karin:
            open_app(karin, app.url)
            login_staff(karin, "karin")
            expect_heading(karin, "Programmet")
            go_to(karin, "Spørgsmål")
            expect_heading(karin, "Spørgsmål")
            asked = card_of(karin.locator("main").get_by_text(QUESTION, exact=True))
            expect(asked.get_by_text(HELMET, exact=True)).to_be_visible()
            expect(asked.get_by_text("Pris: 400 kr.", exact=True)).to_be_visible()
            assert_accessible(karin, "loop-3-coordinator-question", artifacts)
            asked.get_by_label("Dit svar", exact=True).fill(ADVICE)
            click(karin, "Send svar til støttepersonen", scope=asked)
            expect(karin.get_by_text("Dit svar er sendt til støttepersonen.")).to_be_visible()
            answered = card_of(karin.locator("main").get_by_text(ADVICE, exact=True))
            expect(answered.get_by_text(QUESTION, exact=True)).to_be_visible()
            assert_accessible(karin, "loop-3-coordinator-answered", artifacts)

        # 4. The support person sees the advice, approves the helmet and sends the answer.
        go_to(sara, "Svar på plan")
        helmet = wish_card(sara, HELMET)
        expect(helmet.get_by_text("Koordinatorens svar,", exact=False)).to_be_visible()
        expect(helmet.get_by_text(ADVICE, exact=True)).to_be_visible()
        assert_accessible(sara, "loop-4-support-sees-advice", artifacts)
        decide(sara, HELMET, "Godkend")
        send_answer(sara)
        expect(sara.get_by_text("Der er ingen plan fra borgeren, som venter på svar.")).to_be_visible()
        expect(sara.get_by_text("Sendte svar", exact=True)).to_be_visible()
        assert_accessible(sara, "loop-4-support-answer-sent", artifacts)

        # 5. The citizen reads the reason next to the wish, changes it and sends it again.
        go_to(citizen, "Send og se svar")
        expect(citizen.get_by_text("1 ønske skal ændres. Ret det i din plan, og send det igen.")).to_be_visible()
        bike = wish_card(citizen, BIKE)
        expect(bike.get_by_text("Din støtteperson beder dig ændre ønsket.", exact=True)).to_be_visible()
        expect(bike.get_by_text("Din støtteperson skrev:", exact=True)).to_be_visible()
        expect(bike.get_by_text(CHANGE_REASON, exact=True)).to_be_visible()
        expect(bike.get_by_text("Status nu: Skal ændres", exact=True)).to_be_visible()
        helmet = wish_card(citizen, HELMET)
        expect(helmet.get_by_text("Din støtteperson har sagt ja.", exact=True)).to_be_visible()
        expect(helmet.get_by_text("Status nu: Godkendt", exact=True)).to_be_visible()
        for card in (bike, helmet):  # each answer, with its reason, can be read aloud
            expect(card.get_by_role("button", name="Læs op", exact=True)).to_have_count(1)
        assert_accessible(citizen, "loop-5-citizen-answer", artifacts)

        click(citizen, "Ret ønsket i min plan", scope=bike)
        expect_heading(citizen, "Min plan")
        assert budget_line(citizen, "Godkendt") == "400 kr."
        fill_wish_form(citizen, title=BIKE_AGAIN, price="1.200")
        bike = wish_card(citizen, BIKE_AGAIN)
        expect(bike.get_by_text("Status: Kladde", exact=True)).to_be_visible()
        expect(bike.get_by_text("Pris: 1.200 kr.", exact=True)).to_be_visible()
        go_to(citizen, "Send og se svar")
        expect(citizen.get_by_text("Du sender 1 ønske. Det koster 1.200 kr.")).to_be_visible()
        click(citizen, "Send til min støtteperson")
        expect(citizen.get_by_text("Du venter på svar", exact=True)).to_be_visible()
        assert_accessible(citizen, "loop-5-citizen-sent-again", artifacts)

        # 6. The support person approves the changed wish.
        go_to(sara, "Svar på plan")
        expect(sara.get_by_text("Plan nummer 2", exact=True)).to_be_visible()
        changed = wish_card(sara, BIKE_AGAIN)
        expect(changed.get_by_text("Pris: 1.200 kr.", exact=True)).to_be_visible()
        decide(sara, BIKE_AGAIN, "Godkend")
        send_answer(sara)

        # 7. The support person asks finance to pay for the bike.
        go_to(sara, "Borger")
        sections = sara.get_by_role("radiogroup", name="Vælg, hvad du vil se")  # the page's section switch
        act(sara, sections.get_by_text("Betaling", exact=True).click)
        payable = wish_card(sara, BIKE_AGAIN)
        expect(payable.get_by_text("Kan stadig betales: 1.200 kr. af de godkendte 1.200 kr.")).to_be_visible()
        assert_accessible(sara, "loop-7-support-payments", artifacts)
        open_expander(sara, "Bed om betaling", scope=payable)
        payable.get_by_label("Hvem skal have pengene? (butik eller firma)", exact=True).fill(VENDOR)
        expect(payable.get_by_label("Beløb i kroner", exact=True)).to_have_value("1.200")
        payable.get_by_label("Beløb i kroner", exact=True).fill("1.200")
        payable.get_by_label("Faktura- eller ordrenummer", exact=True).fill(REFERENCE)
        # Streamlit's date field is a group of day/month/year segments, not one <input>: keep today.
        expect(payable.get_by_label("Købsdato", exact=True)).to_be_visible()
        assert_accessible(sara, "loop-7-support-payment-form", artifacts)
        click(sara, "Send til økonomi", scope=payable)
        expect(sara.get_by_text("Betalingen er sendt til økonomi.")).to_be_visible()
        requested = card_of(sara.locator("main").get_by_text(f"Til: {VENDOR}", exact=True))
        expect(requested.get_by_text("Status: Venter på økonomi. Beløb: 1.200 kr.", exact=True)).to_be_visible()
        expect(requested.get_by_text(f"Faktura eller ordre: {REFERENCE}", exact=True)).to_be_visible()
        expect(requested.get_by_text(f"Købt {BOUGHT.day}.", exact=False)).to_be_visible()

    # 8. Finance marks it paid.
    with browser_context(e2e_browser, DESKTOP, artifacts, "loop-finance") as finn:
        open_app(finn, app.url)
        login_staff(finn, "finn")
        expect_heading(finn, "Betalinger")
        waiting = card_of(finn.locator("main").get_by_text(f"Til: {VENDOR}", exact=True))
        expect(waiting.get_by_text(f"Faktura eller ordre: {REFERENCE}", exact=True)).to_be_visible()
        expect(waiting.get_by_text(": 1.200 kr.", exact=False)).to_be_visible()
        expect(waiting.get_by_text(CITIZEN)).to_have_count(0)
        assert_accessible(finn, "loop-8-finance-waiting", artifacts)
        click(finn, "Marker som betalt", scope=waiting)
        expect(finn.get_by_text("Betalingen er markeret som betalt.")).to_be_visible()
        paid = card_of(finn.locator("main").get_by_text(f"Til: {VENDOR}", exact=True))
        expect(paid.get_by_text("Betalt ", exact=False)).to_be_visible()
        expect(paid.get_by_role("button", name="Marker som betalt")).to_have_count(0)
        assert_accessible(finn, "loop-8-finance-paid", artifacts)

    # 9. The citizen sees the bike paid and the approved amount in the budget bar.
    go_to(citizen, "Min plan")
    expect(wish_card(citizen, BIKE_AGAIN).get_by_text("Status: Betalt", exact=True)).to_be_visible()
    expect(wish_card(citizen, HELMET).get_by_text("Status: Godkendt", exact=True)).to_be_visible()
    assert budget_line(citizen, "Godkendt") == "1.600 kr."
    assert budget_line(citizen, "I din plan, ikke godkendt endnu") == "0 kr."
    assert budget_line(citizen, "Tilbage nu") == "48.400 kr."
    assert_accessible(citizen, "loop-9-citizen-paid", artifacts)
