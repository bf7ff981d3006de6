"""The end of the programme: the closing conversation saves each answer at once, the final record holds the
newest rating per goal and side and what was bought, and an ended citizen may write for a while, then not."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from citizen_app.final_pdf import final_pdf
from dialogs.engine import read_course_data
from dialogs.validate import validate_course
from storage import citizens, closing, final_record, messages, payments
from storage.db import write_session
from storage.errors import DomainError
from storage.models import Citizen, CitizenStatus, CourseAnswer, GoalRating, WishItem, utcnow
from tests.app.test_plan_page import pdf_strings
from tests.storage.factories import approved_items, build_world, citizen_of

LAST_MONTH = date.today() + timedelta(days=400)  # the world's citizens end in a year: "today" moved near the end


def test_the_closing_dialog_passes_the_course_validator():
    assert validate_course(read_course_data(closing.CLOSING_DIR)) == []
    assert all(step.startswith("closing_") for step in closing.closing_course().steps)


def test_closing_conversation_opens_in_the_last_month_and_saves_every_answer_at_once(engine):
    w = build_world(engine)
    me = citizen_of(w)
    with write_session(engine) as s, pytest.raises(DomainError) as err:
        closing.answer(s, actor=me, citizen_id=me.id, step_id="closing_changed", raw="Meget", today=date.today())
    assert err.value.message == closing.MSG_NOT_OPEN
    with write_session(engine) as s:
        state = closing.answer(s, actor=me, citizen_id=me.id, step_id="closing_changed", raw="Jeg har et job nu",
                               today=LAST_MONTH)
    assert state.step.id == "closing_glad" and (state.number, state.count) == (2, 5)
    with write_session(engine) as s:
        closing.skip(s, actor=me, citizen_id=me.id, step_id="closing_glad", today=LAST_MONTH)
    with write_session(engine) as s, pytest.raises(DomainError):  # not one of the options: nothing saved
        closing.answer(s, actor=me, citizen_id=me.id, step_id="closing_helped", raw="måske", today=LAST_MONTH)
    with write_session(engine) as s:
        state = closing.load(s, actor=me, citizen_id=me.id)
        rows = {r.step_id: (r.value, r.skipped) for r in s.scalars(select(CourseAnswer))}
    assert state.step.id == "closing_helped"
    assert rows == {"closing_changed": ("Jeg har et job nu", False), "closing_glad": (None, True)}


def test_an_ended_citizen_can_still_finish_the_closing_conversation_but_not_change_the_plan(engine):
    w = build_world(engine)
    me = citizen_of(w)
    with write_session(engine) as s:
        citizens.set_status(s, actor=w.support, citizen_id=me.id, status=CitizenStatus.ENDED, reason="Flyttet")
    with write_session(engine) as s:
        closing.answer(s, actor=me, citizen_id=me.id, step_id="closing_changed", raw="Meget", today=date.today())
    from storage import plan
    with write_session(engine) as s, pytest.raises(DomainError):
        plan.add_goal(s, actor=me, citizen_id=me.id, text="Nyt mål")


def test_final_record_holds_the_newest_rating_per_goal_and_side_and_what_was_bought(engine):
    w = build_world(engine)
    me = citizen_of(w)
    bike, course = approved_items(engine, w.support, me, [200_000, 300_000])
    with write_session(engine) as s:
        goal = s.get_one(WishItem, bike).goal_id
        from storage.models import Goal
        top = s.get_one(Goal, goal).parent_id
        s.add_all([GoalRating(citizen_id=me.id, goal_id=top, milestone="start", rater="citizen", rating="not_yet"),
                   GoalRating(citizen_id=me.id, goal_id=top, milestone="end", rater="citizen", rating="close",
                              note="Næsten", created_at=utcnow() + timedelta(seconds=1)),
                   GoalRating(citizen_id=me.id, goal_id=top, milestone="end", rater="support", rating="high",
                              rated_by_staff_id=w.support.id)])
        pid = payments.request_payment(s, actor=w.support, wish_item_id=bike, vendor="Cykelsmeden",
                                       amount_ore=180_000, reference=None, purchase_date=date.today())
    with write_session(engine) as s:
        payments.mark_paid(s, actor=w.finance, payment_id=pid)
    with write_session(engine) as s:
        record = final_record.collect(s, actor=me, citizen_id=me.id)
    assert record.ratings[top] == final_record.GoalRatings("close", "Næsten", "high")
    assert [(b.title, b.paid_ore, b.approved_ore) for b in record.bought] == [("Ting 0", 180_000, 200_000),
                                                                              ("Ting 1", 0, 300_000)]
    shown = pdf_strings(final_pdf(record, lambda m, **p: m.format(**p) if p else m, lambda o: f"{o // 100} kr.",
                                  str, today=date.today()))
    for words in ("Et job", "Mit svar: Jeg er tæt på", "Næsten", "Min støttepersons svar: I høj grad nået",
                  "Ting 0: betalt 1800 kr.", "Ting 1: godkendt 3000 kr., ikke betalt endnu"):
        assert words in shown


def test_an_ended_citizen_may_write_to_the_support_person_for_a_while_then_not(engine):
    w = build_world(engine)
    me = citizen_of(w)
    with write_session(engine) as s:
        citizens.set_status(s, actor=w.support, citizen_id=me.id, status=CitizenStatus.ENDED, reason="Slut")
    with write_session(engine) as s:
        messages.write(s, actor=me, citizen_id=me.id, text="Tak for hjælpen")
        s.execute(update(Citizen).where(Citizen.id == me.id).values(ended_at=utcnow() - timedelta(days=91)))
    with write_session(engine) as s, pytest.raises(DomainError):
        messages.write(s, actor=me, citizen_id=me.id, text="Hej igen")
    with write_session(engine) as s:  # the support person can still answer
        messages.write(s, actor=w.support, citizen_id=me.id, text="Held og lykke")


def test_an_ended_citizen_can_log_in_to_read_for_a_while_then_not(engine):
    from storage import auth
    from storage.errors import LoginFailed
    w = build_world(engine)
    with write_session(engine) as s:
        citizens.set_status(s, actor=w.support, citizen_id=w.citizen_id, status=CitizenStatus.ENDED, reason="Slut")
    with write_session(engine) as s:
        assert auth.check_access_code(s, w.citizen_code).citizen_id == w.citizen_id
        s.execute(update(Citizen).where(Citizen.id == w.citizen_id).values(ended_at=utcnow() - timedelta(days=91)))
    with write_session(engine) as s, pytest.raises(LoginFailed) as err:
        auth.check_access_code(s, w.citizen_code)
    assert err.value.message == auth.ENDED
