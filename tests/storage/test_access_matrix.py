"""Every role against every kind of object, in and out of scope, allowed and denied.

The expectations are written out here by hand (not read from the policy), so
a change in storage/access.py that widens access makes this test fail.
"""
from __future__ import annotations

import pytest

from storage import audit, caseload, citizens, payments, programmes
from storage.access import Action, Resource, authorize
from storage.db import write_session
from storage.errors import AccessDenied
from tests.storage.factories import build_world

R, W = Action.READ, Action.WRITE
ALL = {(res, act) for res in Resource for act in Action}

# What each role may do with a citizen IN its scope. Everything else is denied.
EXPECTED = {
    "citizen": {(Resource.PROFILE, R), (Resource.COURSE, R), (Resource.COURSE, W), (Resource.PLAN, R),
                (Resource.PLAN, W), (Resource.SUBMISSION, R), (Resource.SUBMISSION, W), (Resource.DECISION, R),
                (Resource.PAYMENT, R), (Resource.LEDGER, R), (Resource.CHECK_IN, R), (Resource.CHECK_IN, W),
                (Resource.ACCESS_LOG, R), (Resource.MESSAGE, R), (Resource.MESSAGE, W), (Resource.STATUS_RECORD, R),
                (Resource.GOAL_RATING, R), (Resource.GOAL_RATING, W), (Resource.WHO5, R), (Resource.WHO5, W)},
    "support": {(Resource.PROFILE, R), (Resource.PROFILE, W), (Resource.COURSE, R), (Resource.PLAN, R),
                (Resource.SUBMISSION, R), (Resource.DECISION, R), (Resource.DECISION, W),
                (Resource.SECOND_OPINION, R), (Resource.SECOND_OPINION, W), (Resource.PAYMENT, R),
                (Resource.PAYMENT, W), (Resource.LEDGER, R), (Resource.NOTE, R), (Resource.NOTE, W),
                (Resource.CHECK_IN, R), (Resource.CHECK_IN, W), (Resource.MESSAGE, R), (Resource.MESSAGE, W),
                (Resource.STATUS_RECORD, R), (Resource.STATUS_RECORD, W),
                (Resource.GOAL_RATING, R), (Resource.GOAL_RATING, W), (Resource.WHO5, R)},
    "coordinator": {(Resource.PROFILE, R), (Resource.PROFILE, W), (Resource.PLAN, R), (Resource.SUBMISSION, R),
                    (Resource.DECISION, R), (Resource.SECOND_OPINION, R), (Resource.SECOND_OPINION, W),
                    (Resource.LEDGER, R), (Resource.ACCESS_LOG, R), (Resource.MESSAGE, R)},
    "finance": {(Resource.PAYMENT, R), (Resource.PAYMENT, W)},
    "facilitator": set(),
}


def _cases(w):
    """(label, actor, citizen id, in scope?) for every role, towards own and others' citizens."""
    from storage.access import Actor, ActorKind
    me = Actor(kind=ActorKind.CITIZEN, id=w.citizen_id, programme_id=w.programme_id)
    return [
        ("citizen", me, w.citizen_id, True),
        ("citizen", me, w.other_citizen_id, False),
        ("citizen", me, w.foreign_citizen_id, False),
        ("support", w.support, w.citizen_id, True),
        ("support", w.support, w.other_citizen_id, False),
        ("support", w.support, w.foreign_citizen_id, False),
        ("coordinator", w.coordinator, w.citizen_id, True),
        ("coordinator", w.coordinator, w.other_citizen_id, True),
        ("coordinator", w.coordinator, w.foreign_citizen_id, False),
        ("coordinator", w.other_coordinator, w.citizen_id, False),
        ("finance", w.finance, w.citizen_id, True),
        ("finance", w.other_finance, w.citizen_id, False),
        ("facilitator", w.facilitator, w.citizen_id, True),
    ]


def test_every_role_against_every_resource(engine):
    w = build_world(engine)
    checked = 0
    with write_session(engine) as s:
        for label, actor, citizen_id, in_scope in _cases(w):
            for resource, action in sorted(ALL):
                expected = in_scope and (resource, action) in EXPECTED[label]
                try:
                    authorize(s, actor, citizen_id, resource, action)
                    got = True
                except AccessDenied:
                    got = False
                assert got == expected, f"{label} {resource.value}/{action.value} on citizen {citizen_id}"
                checked += 1
    assert checked == 13 * len(ALL)


def test_support_person_cannot_manage_another_support_persons_citizen(engine):
    w = build_world(engine)
    for attempt in (
        lambda s: citizens.unlock(s, actor=w.support, citizen_id=w.other_citizen_id),
        lambda s: citizens.reissue_access_code(s, actor=w.support, citizen_id=w.other_citizen_id),
        lambda s: citizens.get_profile(s, actor=w.support, citizen_id=w.other_citizen_id),
        lambda s: citizens.clear_needs_help(s, actor=w.support, citizen_id=w.foreign_citizen_id),
    ):
        with pytest.raises(AccessDenied), write_session(engine) as s:
            attempt(s)


def test_role_only_services_refuse_other_roles(engine):
    w = build_world(engine)
    refusals = [
        (w.support, lambda s, a: payments.list_for_finance(s, actor=a)),
        (w.coordinator, lambda s, a: payments.list_for_finance(s, actor=a)),
        (w.finance, lambda s, a: caseload.overview(s, actor=a)),
        (w.facilitator, lambda s, a: caseload.overview(s, actor=a)),
        (w.support, lambda s, a: audit.export_csv(s, actor=a)),
        (w.finance, lambda s, a: audit.export_csv(s, actor=a)),
        (w.support, lambda s, a: programmes.list_staff(s, actor=a)),
        (w.finance, lambda s, a: citizens.create_citizen(s, actor=a, display_name="X")),
        (w.facilitator, lambda s, a: citizens.create_citizen(s, actor=a, display_name="X")),
    ]
    for actor, call in refusals:
        with pytest.raises(AccessDenied), write_session(engine) as s:
            call(s, actor)


def test_overview_lists_only_own_citizens_or_the_programmes(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        mine = {r.citizen_id for r in caseload.overview(s, actor=w.support)}
        programme = {r.citizen_id for r in caseload.overview(s, actor=w.coordinator)}
    assert mine == {w.citizen_id}
    assert programme == {w.citizen_id, w.other_citizen_id}


def test_coordinator_enrols_only_with_a_support_person_of_own_programme(engine):
    w = build_world(engine)
    from storage.errors import DomainError
    with write_session(engine) as s:
        foreign_support = [u.id for u in programmes.support_persons(s, programme_id=w.other_programme_id)]
    with pytest.raises(DomainError), write_session(engine) as s:
        citizens.create_citizen(s, actor=w.coordinator, display_name="X", support_person_id=foreign_support[0])
