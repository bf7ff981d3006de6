"""WHO-5: the citizen's own five answers, scored 0-25 and 0-100, a skip recorded, a partial form refused."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage import who5
from storage.db import write_session
from storage.errors import AccessDenied, DomainError
from storage.models import AuditEvent, Who5Response
from tests.storage.factories import build_world, citizen_of


@pytest.mark.parametrize(("items", "raw", "index"), [
    ([5, 5, 5, 5, 5], 25, 100),
    ([0, 0, 0, 0, 0], 0, 0),
    ([3, 2, 4, 1, 3], 13, 52),
])
def test_scores(items, raw, index):
    assert who5.raw_score(items) == raw and who5.index(raw) == index


@pytest.mark.parametrize("items", [[5, None, 3, 2, 1], [5, 4, 3], [6, 0, 0, 0, 0], [-1, 0, 0, 0, 0],
                                   [True, 0, 0, 0, 0], []])
def test_partial_or_impossible_answers_are_refused(items):
    with pytest.raises(DomainError):
        who5.raw_score(items)


def test_the_five_official_items_and_six_answers():
    assert len(who5.ITEMS) == 5 and [p for p, _w in who5.ANSWERS] == [5, 4, 3, 2, 1, 0]
    assert who5.ITEMS[0] == "Jeg har været glad og i godt humør"


def test_citizen_answers_skips_and_the_newest_counts(engine):
    w = build_world(engine)
    me = citizen_of(w)
    with write_session(engine) as s:
        who5.answer(s, actor=me, citizen_id=w.citizen_id, milestone="start", skip=True)
        who5.answer(s, actor=me, citizen_id=w.citizen_id, milestone="start", items=[3, 2, 4, 1, 3])
        [start] = who5.history(s, actor=me, citizen_id=w.citizen_id)
    assert (start.milestone, start.skipped, start.raw, start.index) == ("start", False, 13, 52)
    with write_session(engine) as s:
        who5.answer(s, actor=me, citizen_id=w.citizen_id, milestone="start", skip=True)
        [start] = who5.history(s, actor=me, citizen_id=w.citizen_id)
    assert (start.skipped, start.raw, start.index) == (True, None, None)


@pytest.mark.parametrize(("milestone", "items"), [
    ("start", [3, 2, None, 1, 3]),   # partial
    ("m3", [3, 2, 4, 1, 3]),         # WHO-5 is not asked at 3 months
    ("end", [3, 2, 4, 1, 3]),        # the end has not come
])
def test_refused_answers_store_nothing(engine, milestone, items):
    w = build_world(engine)
    with pytest.raises(DomainError), write_session(engine) as s:
        who5.answer(s, actor=citizen_of(w), citizen_id=w.citizen_id, milestone=milestone, items=items)
    with write_session(engine) as s:
        assert s.scalars(select(Who5Response)).all() == []


def test_only_the_citizen_answers_their_support_person_may_read_and_is_audited(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        who5.answer(s, actor=citizen_of(w), citizen_id=w.citizen_id, milestone="start", items=[1, 1, 1, 1, 1])
    with pytest.raises(DomainError), write_session(engine) as s:
        who5.answer(s, actor=w.support, citizen_id=w.citizen_id, milestone="start", items=[5, 5, 5, 5, 5])
    with pytest.raises(AccessDenied), write_session(engine) as s:
        who5.answer(s, actor=citizen_of(w, w.other_citizen_id), citizen_id=w.citizen_id, milestone="start",
                    skip=True)
    for actor in (w.other_support, w.coordinator, w.finance):
        with pytest.raises(AccessDenied), write_session(engine) as s:
            who5.history(s, actor=actor, citizen_id=w.citizen_id)
    with write_session(engine) as s:
        [seen] = who5.history(s, actor=w.support, citizen_id=w.citizen_id)
        actions = list(s.scalars(select(AuditEvent.action).where(AuditEvent.citizen_id == w.citizen_id)))
    assert seen.index == 20 and actions[-1] == "read_who5"
