"""A plan approved and partly paid is changed on a phone (issue 15): the paid wish is locked, the approved bike
gets a dearer version, the money is shown before sending, it is sent, and the paid wish stays as it was; the
support person sees what changed since the last version. 0 axe violations at 390×844 on every screen."""
from __future__ import annotations

from datetime import date

from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP
from tests.e2e.helpers import (
    act,
    assert_accessible,
    browser_context,
    button,
    card_of,
    click,
    expect_heading,
    fill_wish_form,
    go_to,
    login_citizen,
    login_staff,
    no_horizontal_scroll,
    open_app,
    visible_text,
)

CITIZEN = "Nanna"
GOAL = "Jeg vil passe min praktik hver dag."
BIKE, COURSE, BIKE_AGAIN = "Cykel", "Førstehjælpskursus", "Cykel med lys og lås"


def _approved_and_partly_paid(database_url: str) -> str:
    """Nanna's plan in the e2e database: a bike (2.000 kr.) and a course (3.000 kr.) approved, the course paid."""
    from sqlalchemy import select

    from storage import citizens, decisions, payments, plan, submissions
    from storage.auth import citizen_actor, staff_actor
    from storage.db import engine_for, write_session
    from storage.models import Citizen, CitizenCredential, DecisionKind, StaffUser, Submission, SubmissionItem
    from storage.security import hash_secret

    engine = engine_for(database_url)
    with write_session(engine) as s:
        sara = staff_actor(s.scalar(select(StaffUser).where(StaffUser.username == "sara")))
        made = citizens.create_citizen(s, actor=sara, display_name=CITIZEN)
        s.get_one(CitizenCredential, made.citizen_id).pin_hash = hash_secret("1234")
        me = citizen_actor(s.get_one(Citizen, made.citizen_id))
        goal = plan.add_goal(s, actor=me, citizen_id=me.id, text=GOAL, category="education_job")
        plan.add_item(s, actor=me, citizen_id=me.id, title=BIKE, price_ore=200_000, goal_id=goal)
        course = plan.add_item(s, actor=me, citizen_id=me.id, title=COURSE, price_ore=300_000, goal_id=goal)
    with write_session(engine) as s:
        version = submissions.submit(s, actor=me, citizen_id=me.id)
        sid = s.scalar(select(Submission.id).where(Submission.citizen_id == me.id, Submission.version == version))
        for item in s.scalars(select(SubmissionItem.id).where(SubmissionItem.submission_id == sid)):
            decisions.record(s, actor=sara, submission_item_id=item, decision=DecisionKind.APPROVE, reason=None)
    with write_session(engine) as s:
        decisions.publish(s, actor=sara, submission_id=sid)
    with write_session(engine) as s:
        payment = payments.request_payment(s, actor=sara, wish_item_id=course, vendor="Dansk Førstehjælp",
                                           amount_ore=300_000, reference=None, purchase_date=date.today())
    with write_session(engine) as s:
        finn = staff_actor(s.scalar(select(StaffUser).where(StaffUser.username == "finn")))
        payments.mark_paid(s, actor=finn, payment_id=payment)
    return made.access_code


def test_approved_plan_with_a_paid_wish_is_changed_and_the_paid_wish_stays(phone, app, e2e_browser, database_url,
                                                                           artifacts):
    code = _approved_and_partly_paid(database_url)
    open_app(phone, app.url)
    login_citizen(phone, code, "1234")
    expect_heading(phone, f"Hej {CITIZEN}")
    go_to(phone, "Min plan")
    main = phone.locator("main")
    course = card_of(main.get_by_text(COURSE, exact=True))
    expect(course.get_by_text("Der er brugt penge på ønsket. Derfor kan det ikke ændres eller fjernes.")
           ).to_be_visible()
    expect(button(phone, "Ændr ønsket", course)).to_have_count(0)
    no_horizontal_scroll(phone)
    assert_accessible(phone, "change-1-approved-and-paid", artifacts)

    act(phone, button(phone, "Ændr ønsket", card_of(main.get_by_text(BIKE, exact=True))).click)
    expect(phone.get_by_label("Hvad ønsker du dig?", exact=True)).to_have_value(BIKE)
    assert_accessible(phone, "change-2-form", artifacts)
    fill_wish_form(phone, title=BIKE_AGAIN, price="4.000")
    expect(phone.get_by_text("Ønsket er gemt.")).to_be_visible()
    expect(card_of(main.get_by_text(BIKE_AGAIN, exact=True)).get_by_text(
        "Det er en ændring af et godkendt ønske.", exact=False)).to_be_visible()
    expect(card_of(main.get_by_text(BIKE, exact=True)).get_by_text(
        "Du er ved at ændre ønsket. Det gamle ønske gælder, til din støtteperson siger ja.")).to_be_visible()

    go_to(phone, "Send og se svar")
    box = card_of(phone.get_by_text("Det ændrer du", exact=True))
    expect(box.get_by_text("Du ændrer et godkendt ønske fra 2.000 kr. til 4.000 kr.:")).to_be_visible()
    expect(box.get_by_text("Din plan bliver 2.000 kr. dyrere.", exact=True)).to_be_visible()
    expect(box.get_by_text("Du har 43.000 kr. tilbage bagefter.", exact=True)).to_be_visible()
    no_horizontal_scroll(phone)
    assert_accessible(phone, "change-3-consequences", artifacts)
    click(phone, "Send til min støtteperson")
    expect(phone.get_by_text("Du venter på svar", exact=True)).to_be_visible()
    assert_accessible(phone, "change-4-sent", artifacts)

    go_to(phone, "Min plan")
    course = card_of(main.get_by_text(COURSE, exact=True))
    expect(course.get_by_text("Status: Betalt", exact=False)).to_be_visible()
    assert "3.000 kr." in visible_text(course)
    expect(card_of(main.get_by_text(BIKE, exact=True)).get_by_text("Status: Godkendt", exact=False)).to_be_visible()

    with browser_context(e2e_browser, DESKTOP, artifacts, "change-support") as sara:
        open_app(sara, app.url)
        login_staff(sara, "sara")
        expect_heading(sara, "Mine borgere")
        click(sara, "Åbn borgerens side", scope=card_of(sara.locator("main").get_by_text(CITIZEN, exact=True).first))
        click(sara, "Gå til Svar på plan")
        expect_heading(sara, "Svar på plan")
        changes = card_of(sara.get_by_text("Det er ændret siden sidst", exact=True))
        expect(changes.get_by_text("Ændret ønske fra 2.000 kr. til 4.000 kr.:")).to_be_visible()
        expect(changes.get_by_text("Hvis du godkender alt, bliver planen 2.000 kr. dyrere.")).to_be_visible()
        expect(changes.get_by_text(COURSE, exact=True)).to_be_visible()
        assert_accessible(sara, "change-5-support-sees-changes", artifacts)
