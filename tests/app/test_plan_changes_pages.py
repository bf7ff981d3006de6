"""Changing the plan after approval on the phone: change or drop an approved wish, see the money before sending,
and the support person sees what changed since the last version."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage import payments
from storage.db import write_session
from storage.models import DecisionKind, Submission, WishItem
from tests.app.conftest import staff_login
from tests.app.test_plan_page import (click, fill_item_form, new_citizen, open_page, plain_texts, sara, seed_goal,
                                      seed_item, send_and_answer)
from tests.app.test_support_pages import open_page as open_staff_page
from tests.app.test_support_pages import texts as staff_texts


def _approved_and_paid(engine):
    """Bo's plan: a bike and a course approved for 5.000 kr. together; the course is paid."""
    bo = new_citizen(engine, name="Bo")
    _goal, sub = seed_goal(engine, bo)
    bike = seed_item(engine, bo, "Cykel", 200_000, sub)
    course = seed_item(engine, bo, "Kursus", 300_000, sub)
    send_and_answer(engine, bo, DecisionKind.APPROVE)
    with write_session(engine) as s:
        payments.request_payment(s, actor=sara(engine), wish_item_id=course, vendor="AOF", amount_ore=300_000,
                                 reference=None, purchase_date=date.today())
    return bo, sub, bike, course


def test_paid_wish_is_locked_and_approved_wish_can_be_changed_with_the_money_shown_before_sending(app, demo_db):
    bo, sub, bike, course = _approved_and_paid(demo_db)
    open_page(app, bo)
    keys = {b.key for b in app.button if b.key}
    assert f"open_change:{bike}" in keys and f"open_change:{course}" not in keys
    assert "Der er brugt penge på ønsket. Derfor kan det ikke ændres eller fjernes." in [c.value for c in app.caption]
    click(app, f"open_change:{bike}")
    fill_item_form(app, f"form_change_{bike}", title="Cykel med lys", price="4.000")
    click(app, f"form_change_{bike}_save")
    with write_session(demo_db) as s:
        rows = {i.title: (i.status, i.approved_ore, i.replaces_item_id) for i in
                s.scalars(select(WishItem).where(WishItem.citizen_id == bo.id))}
    assert rows == {"Cykel": ("approved", 200_000, None), "Kursus": ("ordered", 300_000, None),
                    "Cykel med lys": ("draft", 0, bike)}
    app.switch_page("app_pages/submit.py").run()
    shown = "\n".join(m.value for m in app.markdown)
    assert "Din plan bliver 2.000 kr. dyrere." in shown.replace("\xa0", " ")
    assert "Du har 43.000 kr. tilbage bagefter." in shown.replace("\xa0", " ")
    click(app, "send_plan")
    with write_session(demo_db) as s:
        assert s.scalar(select(Submission.version).where(Submission.citizen_id == bo.id)
                        .order_by(Submission.version.desc()).limit(1)) == 2


def test_dropping_an_approved_wish_asks_first_and_can_be_undone(app, demo_db):
    bo, sub, bike, course = _approved_and_paid(demo_db)
    open_page(app, bo)
    click(app, f"open_drop:{bike}")
    click(app, f"yes_drop:{bike}")
    with write_session(demo_db) as s:
        assert s.get_one(WishItem, bike).drop_state == "draft"
    click(app, f"keep_{bike}")
    with write_session(demo_db) as s:
        assert s.get_one(WishItem, bike).drop_state is None
        assert s.get_one(WishItem, bike).approved_ore == 200_000


def test_support_person_sees_what_changed_since_the_last_version(app, demo_db):
    from storage import plan_changes, submissions
    bo, sub, bike, course = _approved_and_paid(demo_db)
    with write_session(demo_db) as s:
        plan_changes.change_item(s, actor=bo.actor, citizen_id=bo.id, item_id=bike, title="Elcykel",
                                 price_ore=600_000, goal_id=sub)
        submissions.submit(s, actor=bo.actor, citizen_id=bo.id)
    staff_login(app, "sara")
    open_staff_page(app, "review.py", bo.id)
    shown = staff_texts(app).replace("\xa0", " ")
    assert "Det er ændret siden sidst" in shown
    assert "Ændret ønske fra 2.000 kr. til 6.000 kr.:" in shown
    assert "Hvis du godkender alt, bliver planen 4.000 kr. dyrere." in shown
    assert {"Cykel", "Elcykel", "Kursus"} <= set(plain_texts(app))  # the paid course is listed as kept


def _others_got_bikes(engine, prices):
    for n, price in enumerate(prices):
        other = new_citizen(engine, name=f"Anden {n}")
        _goal, sub = seed_goal(engine, other)
        seed_item(engine, other, "Brugt cykel", price, sub)
        send_and_answer(engine, other, DecisionKind.APPROVE)


def test_price_hint_shows_only_when_three_others_got_something_similar(app, demo_db):
    _others_got_bikes(demo_db, [150_000, 200_000])
    bo = new_citizen(demo_db, name="Bo")
    _goal, sub = seed_goal(demo_db, bo)
    seed_item(demo_db, bo, "Cykel", 250_000, sub)
    open_page(app, bo)
    hint = "Andre har fået noget lignende godkendt til"
    assert not any(hint in c.value for c in app.caption)  # two citizens: too few to show
    _others_got_bikes(demo_db, [300_000])
    app.run()
    [line] = [c.value.replace("\xa0", " ") for c in app.caption if hint in c.value]
    assert line == "Andre har fået noget lignende godkendt til 1.500 kr.–3.000 kr., typisk 2.000 kr."
    assert "Anden" not in "\n".join(c.value for c in app.caption)


def test_support_person_sees_the_price_level_when_reviewing(app, demo_db):
    from storage import submissions
    _others_got_bikes(demo_db, [150_000, 200_000, 300_000])
    bo = new_citizen(demo_db, name="Bo")
    _goal, sub = seed_goal(demo_db, bo)
    seed_item(demo_db, bo, "Cykler", 250_000, sub)
    with write_session(demo_db) as s:
        submissions.submit(s, actor=bo.actor, citizen_id=bo.id)
    staff_login(app, "sara")
    open_staff_page(app, "review.py", bo.id)
    assert ("Prisniveau: Lignende ønsker er godkendt til 1.500 kr.–3.000 kr. i ordningen, median 2.000 kr."
            in staff_texts(app).replace("\xa0", " "))


def test_a_new_wish_after_approval_shows_the_money_before_sending(app, demo_db):
    bo, sub, bike, course = _approved_and_paid(demo_db)
    seed_item(demo_db, bo, "Hjelm", 100_000, sub)
    open_page(app, bo, "app_pages/submit.py")
    shown = "\n".join(m.value for m in app.markdown).replace("\xa0", " ")
    assert "Du sender 1 ønske. Det koster 1.000 kr." in shown
    assert "Din plan bliver 1.000 kr. dyrere." in shown and "Du har 44.000 kr. tilbage bagefter." in shown
