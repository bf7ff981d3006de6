"""Follow-up check-ins: WHO-5 and goal ratings by both sides, validated, scoped and audited."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage import checkins
from storage.db import write_session
from storage.errors import AccessDenied, DomainError
from storage.models import AuditEvent, CheckIn
from tests.storage.factories import build_world, citizen_of


def _add(engine, actor, citizen_id, **values):
    values.setdefault("phase", "start")
    with write_session(engine) as s:
        return checkins.add_check_in(s, actor=actor, citizen_id=citizen_id, **values)


def _actions(engine, citizen_id):
    with write_session(engine) as s:
        return list(s.scalars(select(AuditEvent.action).where(AuditEvent.citizen_id == citizen_id)
                              .order_by(AuditEvent.id)))


def test_support_person_records_check_ins_and_reads_them_newest_first(engine):
    w = build_world(engine)
    _add(engine, w.support, w.citizen_id, phase="start", who5_raw=9, citizen_goal_rating=1, support_goal_rating=2)
    _add(engine, w.support, w.citizen_id, phase="mid", who5_raw=16, citizen_goal_rating=3, note="Går bedre.")
    with write_session(engine) as s:
        history = checkins.list_check_ins(s, actor=w.support, citizen_id=w.citizen_id)
    assert [(c.phase, c.who5_raw, c.who5_percent, c.citizen_goal_rating) for c in history] == \
        [("mid", 16, 64, 3), ("start", 9, 36, 1)]
    assert history[0].note == "Går bedre." and history[0].recorded_by_staff
    assert _actions(engine, w.citizen_id)[-3:] == ["add_check_in", "add_check_in", "read_check_ins"]


def test_who5_needs_all_five_answers_or_none():
    assert checkins.who5_raw_from_items([5, 4, 3, 2, 1]) == 15
    assert checkins.who5_raw_from_items([None] * 5) is None
    for items in ([5, None, 3, 2, 1], [5, 4, 3], [6, 0, 0, 0, 0], [-1, 0, 0, 0, 0]):
        with pytest.raises(DomainError):
            checkins.who5_raw_from_items(items)


@pytest.mark.parametrize("values", [
    {"phase": "someday", "who5_raw": 10},
    {"who5_raw": 26},
    {"who5_raw": -1},
    {"citizen_goal_rating": 0},
    {"support_goal_rating": 6},
    {},  # nothing answered at all
    {"note": "   "},
])
def test_impossible_or_empty_check_ins_are_refused_and_nothing_is_saved(engine, values):
    w = build_world(engine)
    with pytest.raises(DomainError):
        _add(engine, w.support, w.citizen_id, **values)
    with write_session(engine) as s:
        assert s.scalars(select(CheckIn)).all() == []


def test_citizen_can_record_own_ratings_but_not_the_support_persons(engine):
    w = build_world(engine)
    me = citizen_of(w)
    _add(engine, me, w.citizen_id, who5_raw=12, citizen_goal_rating=4)
    with pytest.raises(DomainError):
        _add(engine, me, w.citizen_id, support_goal_rating=4)
    with write_session(engine) as s:
        [own] = checkins.list_check_ins(s, actor=me, citizen_id=w.citizen_id)
    assert not own.recorded_by_staff
    assert "add_check_in" not in _actions(engine, w.citizen_id)  # a citizen's own work is not staff access


def test_only_the_citizens_own_support_person_may_read_or_write(engine):
    w = build_world(engine)
    _add(engine, w.support, w.citizen_id, who5_raw=10)
    for actor in (w.other_support, w.finance, w.facilitator, w.other_coordinator):
        with pytest.raises(AccessDenied), write_session(engine) as s:
            checkins.list_check_ins(s, actor=actor, citizen_id=w.citizen_id)
        with pytest.raises(AccessDenied):
            _add(engine, actor, w.citizen_id, who5_raw=10)
    with pytest.raises(AccessDenied):
        _add(engine, citizen_of(w), w.other_citizen_id, who5_raw=10)
