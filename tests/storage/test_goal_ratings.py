"""Both sides rate each long-term goal at a milestone: kept apart, on their own scales, scoped and audited."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage import goal_ratings, plan
from storage.db import write_session
from storage.errors import AccessDenied, DomainError
from storage.models import AuditEvent, GoalRating
from tests.storage.factories import build_world, citizen_of, plan_with_items


def _rate(engine, actor, citizen_id, goal_id, rating, milestone="start", note=None):
    with write_session(engine) as s:
        return goal_ratings.rate(s, actor=actor, citizen_id=citizen_id, goal_id=goal_id, milestone=milestone,
                                 rating=rating, note=note)


def _both(engine, actor, citizen_id, milestone="start"):
    with write_session(engine) as s:
        return goal_ratings.at_milestone(s, actor=actor, citizen_id=citizen_id, milestone=milestone)


def _actions(engine, citizen_id):
    with write_session(engine) as s:
        return list(s.scalars(select(AuditEvent.action).where(AuditEvent.citizen_id == citizen_id)
                              .order_by(AuditEvent.id)))


def test_the_two_sides_are_kept_apart_and_the_newest_rating_counts(engine):
    w = build_world(engine)
    me = citizen_of(w)
    goal, _items = plan_with_items(engine, me, [10_000])
    _rate(engine, me, w.citizen_id, goal, "on_the_way", note="  Jeg   øver mig.  ")
    _rate(engine, w.support, w.citizen_id, goal, "some", note="Godt i gang.")
    _rate(engine, me, w.citizen_id, goal, "close")  # a second answer: history, the newest counts
    both = _both(engine, me, w.citizen_id)
    assert (both.citizen[goal].rating, both.citizen[goal].note) == ("close", None)
    assert (both.support[goal].rating, both.support[goal].note) == ("some", "Godt i gang.")
    with write_session(engine) as s:
        rows = s.execute(select(GoalRating.rater, GoalRating.rating, GoalRating.note).order_by(GoalRating.id)).all()
    assert [tuple(r) for r in rows] == [("citizen", "on_the_way", "Jeg   øver mig."), ("support", "some", "Godt i gang."),
                                        ("citizen", "close", None)]


def test_each_side_rates_only_on_its_own_scale(engine):
    w = build_world(engine)
    me = citizen_of(w)
    goal, _items = plan_with_items(engine, me, [10_000])
    for actor, wrong in ((me, "very_high"), (w.support, "reached"), (me, "nonsense")):
        with pytest.raises(DomainError):
            _rate(engine, actor, w.citizen_id, goal, wrong)
    with write_session(engine) as s:
        assert s.scalars(select(GoalRating)).all() == []


def test_only_current_long_term_goals_at_a_milestone_that_has_come(engine):
    w = build_world(engine)
    me = citizen_of(w)
    goal, _items = plan_with_items(engine, me, [10_000])
    with write_session(engine) as s:
        sub = plan.add_goal(s, actor=me, citizen_id=w.citizen_id, text="Et delmål", parent_id=goal)
        gone = plan.add_goal(s, actor=me, citizen_id=w.citizen_id, text="Et gammelt mål")
        plan.remove_goal(s, actor=me, citizen_id=w.citizen_id, goal_id=gone)
    refused = [(sub, "start"), (gone, "start"), (goal, "m3"), (goal, "someday")]
    for goal_id, milestone in refused:
        with pytest.raises(DomainError):
            _rate(engine, me, w.citizen_id, goal_id, "close", milestone=milestone)
    with pytest.raises(DomainError):  # a note longer than a short sentence
        _rate(engine, me, w.citizen_id, goal, "close", note="x" * (goal_ratings.NOTE_LIMIT + 1))
    with write_session(engine) as s:
        assert s.scalars(select(GoalRating)).all() == []
        assert goal_ratings.long_term_goal_ids(s, w.citizen_id) == [goal]


def test_only_the_citizen_and_their_own_support_person(engine):
    w = build_world(engine)
    me = citizen_of(w)
    goal, _items = plan_with_items(engine, me, [10_000])
    for actor in (w.other_support, w.finance, w.facilitator, w.other_coordinator):
        with pytest.raises((AccessDenied, DomainError)):
            _rate(engine, actor, w.citizen_id, goal, "high")
        with pytest.raises(AccessDenied):
            _both(engine, actor, w.citizen_id)
    with pytest.raises(DomainError):  # a coordinator has no rating scale
        _rate(engine, w.coordinator, w.citizen_id, goal, "high")
    other_me = citizen_of(w, w.other_citizen_id)
    with pytest.raises(AccessDenied):
        _rate(engine, other_me, w.citizen_id, goal, "close")
    with pytest.raises(DomainError):  # another citizen's goal, in my own case
        _rate(engine, other_me, w.other_citizen_id, goal, "close")


def test_staff_reads_and_writes_are_audited_and_the_citizens_own_are_not(engine):
    w = build_world(engine)
    me = citizen_of(w)
    goal, _items = plan_with_items(engine, me, [10_000])
    _rate(engine, me, w.citizen_id, goal, "close")
    _both(engine, me, w.citizen_id)
    before = _actions(engine, w.citizen_id)
    _rate(engine, w.support, w.citizen_id, goal, "high", note="Privat note")
    _both(engine, w.support, w.citizen_id)
    assert _actions(engine, w.citizen_id)[len(before):] == ["rate_goal", "read_goal_ratings"]
    with write_session(engine) as s:
        details = list(s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "rate_goal")))
    assert details == ["start"]  # the note is never in the log
