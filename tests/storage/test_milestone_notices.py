"""'A milestone is due': where each side stands, the support person's list, and the sweep that tells each
citizen and support person once per milestone, never twice."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from storage import goal_ratings, milestone_notices, milestone_status, who5
from storage.db import write_session
from storage.milestones import State
from storage.models import Citizen, MilestoneNotice, OutboxMessage
from tests.storage.factories import build_world, citizen_of, plan_with_items


@pytest.fixture
def channels_on(monkeypatch):
    monkeypatch.setenv("BORGERBUDGET_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("BORGERBUDGET_SMTP_FROM", "Borgerbudget <no-reply@kommune.test>")
    monkeypatch.setenv("BORGERBUDGET_SMS_GATEWAY_URL", "http://127.0.0.1:9/sms")


def _contactable(engine, w) -> None:
    from storage import notifications
    with write_session(engine) as s:
        notifications.set_staff_email(s, actor=None, staff_id=w.support.id, email="sara@kommune.test")
        notifications.turn_sms_on(s, actor=citizen_of(w), mobile="20 30 40 50")


def _outbox(engine):
    with write_session(engine) as s:
        return [(r.kind, r.staff_id, r.citizen_id) for r in s.scalars(select(OutboxMessage).order_by(OutboxMessage.id))]


def _sweep(engine, on=None) -> int:
    with write_session(engine) as s:
        return milestone_notices.sweep(s, on=on)


def _start(engine, citizen_id) -> date:
    with write_session(engine) as s:
        return s.get_one(Citizen, citizen_id).start_date


def test_the_sweep_tells_each_side_once_per_milestone(engine, channels_on):
    w = build_world(engine)
    _contactable(engine, w)
    plan_with_items(engine, citizen_of(w), [10_000])  # a goal to rate for both sides
    assert _sweep(engine) == 3  # three citizens at their start; only Mette's people can be reached
    assert _outbox(engine) == [("milestone_due", None, w.citizen_id), ("milestone_due_staff", w.support.id, None)]
    with write_session(engine) as s:  # the messages were sent
        for row in s.scalars(select(OutboxMessage)):
            row.status = "sent"
    assert _sweep(engine) == 0 and len(_outbox(engine)) == 2  # never twice for the same milestone
    three_months = _start(engine, w.citizen_id) + timedelta(days=95)
    assert _sweep(engine, on=three_months) == 1  # the next milestone is a new notice (the others have no goals)
    assert len(_outbox(engine)) == 4
    with write_session(engine) as s:
        notices = s.execute(select(MilestoneNotice.citizen_id, MilestoneNotice.milestone)
                            .where(MilestoneNotice.citizen_id == w.citizen_id).order_by(MilestoneNotice.id)).all()
    assert [n.milestone for n in notices] == ["start", "m3"]


def test_a_side_that_is_done_is_not_told(engine, channels_on):
    w = build_world(engine)
    _contactable(engine, w)
    me = citizen_of(w)
    goal, _items = plan_with_items(engine, me, [10_000])
    with write_session(engine) as s:
        goal_ratings.rate(s, actor=me, citizen_id=w.citizen_id, goal_id=goal, milestone="start", rating="not_yet")
        who5.answer(s, actor=me, citizen_id=w.citizen_id, milestone="start", skip=True)
    _sweep(engine)
    assert _outbox(engine) == [("milestone_due_staff", w.support.id, None)]


def test_where_each_side_stands_and_the_support_persons_list(engine):
    w = build_world(engine)
    me = citizen_of(w)
    goal, _items = plan_with_items(engine, me, [10_000])
    late = _start(engine, w.citizen_id) + timedelta(days=50)
    with write_session(engine) as s:
        status = milestone_status.for_citizen(s, actor=me, citizen_id=w.citizen_id)
        assert (status.milestone.key, status.citizen, status.support) == ("start", State.DUE, State.DUE)
        goal_ratings.rate(s, actor=me, citizen_id=w.citizen_id, goal_id=goal, milestone="start", rating="not_yet")
        status = milestone_status.for_citizen(s, actor=me, citizen_id=w.citizen_id)
        assert status.citizen is State.DUE  # WHO-5 is asked at the start: not done until answered or skipped
        who5.answer(s, actor=me, citizen_id=w.citizen_id, milestone="start", items=[2, 2, 2, 2, 2])
        assert milestone_status.for_citizen(s, actor=me, citizen_id=w.citizen_id).citizen is State.DONE
        due = milestone_status.support_due(s, actor=w.support)
        assert [(r.citizen_id, r.status.support) for r in due] == [(w.citizen_id, State.DUE)]
        assert milestone_status.support_due(s, actor=w.support, on=late)[0].status.support is State.OVERDUE
        goal_ratings.rate(s, actor=w.support, citizen_id=w.citizen_id, goal_id=goal, milestone="start",
                          rating="low")
        assert milestone_status.support_due(s, actor=w.support) == []
        assert milestone_status.support_due(s, actor=w.other_support, on=late) == []  # Jonas has no goals yet
