"""The months after the plan in a real browser on a phone (390×844): the citizen opens 'Sådan går det' from
the home page, rates her goals (each answer saved the moment it is chosen) and answers WHO-5; her support
person sees her due on 'Mine borgere', rates the same goals beside her ratings, and she then sees both. Every
page on the way passes axe."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.helpers import (
    act,
    assert_accessible,
    card_of,
    click,
    create_citizen_in_db,
    expect_heading,
    expect_no_error,
    log_out,
    login_citizen,
    login_staff,
    no_horizontal_scroll,
    open_app,
)

GOALS = ("Et job i en butik", "Flere venner")
SENTENCE = "Jeg har søgt to job. **ikke fed**"
WHO5 = ("Jeg har været glad og i godt humør", "Jeg har følt mig rolig og afslappet",
        "Jeg har følt mig aktiv og energisk", "Jeg er vågnet frisk og udhvilet",
        "Min dagligdag har været fyldt med ting der interesserer mig")


def _goals_in_db(database_url: str, name: str) -> None:
    """Her two long-term goals (the first with a sub-goal), written as 'Min plan' would."""
    from sqlalchemy import select

    from storage import plan
    from storage.auth import citizen_actor
    from storage.db import engine_for, write_session
    from storage.models import Citizen
    with write_session(engine_for(database_url)) as s:
        me = citizen_actor(s.scalar(select(Citizen).where(Citizen.display_name == name)))
        first = plan.add_goal(s, actor=me, citizen_id=me.id, text=GOALS[0])
        plan.add_goal(s, actor=me, citizen_id=me.id, text="Lave et CV", parent_id=first)
        plan.add_goal(s, actor=me, citizen_id=me.id, text=GOALS[1])


def _goal_card(page, goal: str):
    return card_of(page.locator("main").get_by_text(goal, exact=True).first)


def test_citizen_rates_her_goals_and_answers_who5_and_her_support_person_rates_beside_her(
        phone, app, database_url, artifacts):
    code = create_citizen_in_db(database_url, "Lone", pin="1234")
    _goals_in_db(database_url, "Lone")

    # 1. The citizen: the home page says it is time; she rates each goal and answers WHO-5.
    open_app(phone, app.url)
    login_citizen(phone, code, "1234")
    expect_heading(phone, "Hej Lone")
    expect(phone.get_by_text("Det er tid til at se på dine mål.", exact=True)).to_be_visible()
    act(phone, phone.locator("main").get_by_role("link", name="Se, hvordan det går").click)
    expect_heading(phone, "Sådan går det")
    expect(phone.get_by_text("Delmål: Lave et CV", exact=True)).to_be_visible()
    assert_accessible(phone, "progress-citizen-start", artifacts)
    first = _goal_card(phone, GOALS[0])
    act(phone, first.get_by_text("Jeg er på vej", exact=True).click)
    expect_no_error(phone)
    expect(_goal_card(phone, GOALS[0]).get_by_text("Dit svar er gemt.", exact=True)).to_be_visible()
    note = _goal_card(phone, GOALS[0]).get_by_label("Vil du skrive en sætning om det? Du kan springe over.",
                                                    exact=True)
    note.fill(SENTENCE)
    act(phone, lambda: note.press("Enter"))
    expect_no_error(phone)
    act(phone, _goal_card(phone, GOALS[1]).get_by_text("Ikke endnu", exact=True).click)
    expect(_goal_card(phone, GOALS[1]).get_by_text("Dit svar er gemt.", exact=True)).to_be_visible()
    for n, item in enumerate(WHO5):
        group = phone.get_by_role("radiogroup", name=item)
        act(phone, group.get_by_text("Det meste af tiden" if n % 2 else "Lidt mere end halvdelen af tiden",
                                     exact=True).click)
    expect(phone.get_by_text("Tak. Dine svar er gemt.", exact=True)).to_be_visible()
    expect(phone.get_by_text("Starten: 68 af 100", exact=True)).to_be_visible()  # 3+4+3+4+3 = 17, x 4
    no_horizontal_scroll(phone)
    assert_accessible(phone, "progress-citizen-answered", artifacts)
    log_out(phone)

    # 2. The support person: Lone is due on 'Mine borgere'; she rates the same goals beside Lone's own.
    open_app(phone, app.url)
    login_staff(phone, "sara")
    expect_heading(phone, "Mine borgere")
    expect(phone.get_by_role("heading", name="Tid til opfølgning")).to_be_visible()
    due = card_of(phone.locator("main").get_by_text("Lone: Starten", exact=False).first)
    assert_accessible(phone, "progress-support-overview-due", artifacts)
    click(phone, "Vurder målene", scope=due)
    expect_heading(phone, "Borger")
    first = _goal_card(phone, GOALS[0])
    expect(first.get_by_text("Jeg er på vej", exact=True)).to_be_visible()     # Lone's own answer
    expect(first.get_by_text(SENTENCE, exact=True)).to_be_visible()           # as she wrote it, not markdown
    act(phone, first.get_by_text("I nogen grad nået", exact=True).click)
    expect_no_error(phone)
    note = _goal_card(phone, GOALS[0]).get_by_label("Kort note (kan springes over)", exact=True)
    note.fill("God start på jobsøgningen.")
    act(phone, lambda: note.press("Enter"))
    act(phone, _goal_card(phone, GOALS[1]).get_by_text("I ringe grad nået", exact=True).click)
    expect(phone.get_by_text("Du har vurderet alle mål.", exact=True)).to_be_visible()
    expect(phone.get_by_text("Starten: 68 af 100 (rå score 17 af 25).", exact=True)).to_be_visible()
    no_horizontal_scroll(phone)
    assert_accessible(phone, "progress-support-rated", artifacts)
    log_out(phone)

    # 3. The citizen sees both sides, kept apart: her own answers, and the support person's beside them.
    open_app(phone, app.url)
    login_citizen(phone, code, "1234")
    expect_heading(phone, "Hej Lone")
    expect(phone.get_by_text("Det er tid til at se på dine mål.", exact=True)).to_have_count(0)  # done
    act(phone, phone.locator("main").get_by_role("link", name="Sådan går det med dine mål").click)
    expect_heading(phone, "Sådan går det")
    first = _goal_card(phone, GOALS[0])
    expect(first.get_by_text("I nogen grad nået", exact=True)).to_be_visible()
    expect(first.get_by_text("God start på jobsøgningen.", exact=True)).to_be_visible()
    expect(first.get_by_role("radiogroup", name="Hvor tæt er du på målet?").get_by_role(
        "radio", name="Jeg er på vej")).to_be_checked()
    assert_accessible(phone, "progress-citizen-both-sides", artifacts)
