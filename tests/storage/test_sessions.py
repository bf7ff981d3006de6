"""Login sessions on the server: found again by the cookie's token, ended by idleness, age, 'Log ud', a new
access code, an ended plan or a deactivation, and narrowed by a role change, on the very next action."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from storage import citizens, sessions, staff
from storage.db import read_session, write_session
from storage.models import CitizenStatus, LoginSession, StaffRole, utcnow
from storage.security import token_digest
from tests.storage.factories import build_world, citizen_of


def _start(engine, actor, now=None) -> str:
    with write_session(engine) as s:
        return sessions.start(s, actor=actor, now=now)


def _check(engine, token, now=None) -> sessions.Check:
    with read_session(engine) as s:
        checked = sessions.check(s, token, now=now)
    if checked.needs_write:
        with write_session(engine) as s:
            sessions.record_activity(s, token, checked, now=now)
    return checked


def _count(engine) -> int:
    with read_session(engine) as s:
        return s.scalar(select(func.count()).select_from(LoginSession))


def test_a_token_finds_its_person_and_only_its_digest_is_stored(engine):
    w = build_world(engine)
    token = _start(engine, citizen_of(w))
    checked = _check(engine, token)
    assert checked.actor == citizen_of(w)
    with read_session(engine) as s:
        [stored] = s.scalars(select(LoginSession.token_hash)).all()
    assert stored == token_digest(token) and token not in stored


@pytest.mark.parametrize("token", [None, "", "short", "x" * 43 + "!", "a" * 43])
def test_unknown_or_malformed_tokens_are_nobody(engine, token):
    build_world(engine)
    assert _check(engine, token) == sessions.Check(actor=None, ended=sessions.Ended.UNKNOWN)


def test_idle_time_ends_the_session_and_activity_moves_the_deadline(engine, monkeypatch):
    monkeypatch.setenv("BORGERBUDGET_IDLE_MINUTES", "15")
    w = build_world(engine)
    start = utcnow()
    token = _start(engine, w.support, now=start)
    ten = _check(engine, token, now=start + timedelta(minutes=10))
    assert ten.actor == w.support and ten.touch and ten.idle_deadline == start + timedelta(minutes=25)
    assert _check(engine, token, now=start + timedelta(minutes=24)).actor == w.support
    late = _check(engine, token, now=start + timedelta(minutes=24 + 15, seconds=1))
    assert late.actor is None and late.ended is sessions.Ended.IDLE
    assert _count(engine) == 0  # an ended session is deleted, never found again
    assert _check(engine, token).ended is sessions.Ended.UNKNOWN


def test_activity_writes_at_most_every_few_seconds(engine, monkeypatch):
    monkeypatch.setenv("BORGERBUDGET_IDLE_MINUTES", "15")
    w = build_world(engine)
    start = utcnow()
    token = _start(engine, w.support, now=start)
    assert not _check(engine, token, now=start + timedelta(seconds=5)).touch  # no write for a quick click
    assert _check(engine, token, now=start + timedelta(seconds=31)).touch


def test_the_absolute_end_holds_however_active(engine, monkeypatch):
    monkeypatch.setenv("BORGERBUDGET_SESSION_HOURS", "12")
    w = build_world(engine)
    start = utcnow()
    token = _start(engine, citizen_of(w), now=start)
    moment, seen = start, []
    for _ in range(12 * 6):  # busy every 10 minutes for 12 hours
        moment += timedelta(minutes=10)
        checked = _check(engine, token, now=moment)
        seen.append(checked.ended)
        if checked.actor is None:
            break
    assert seen[-1] is sessions.Ended.EXPIRED and len(seen) == 12 * 6


def test_log_out_ends_only_this_browser(engine):
    w = build_world(engine)
    phone, cafe = _start(engine, citizen_of(w)), _start(engine, citizen_of(w))
    with write_session(engine) as s:
        sessions.end(s, cafe)
    assert _check(engine, cafe).actor is None
    assert _check(engine, phone).actor == citizen_of(w)


def test_a_new_access_code_ends_every_open_session_of_the_citizen(engine):
    w = build_world(engine)
    tabs = [_start(engine, citizen_of(w)) for _ in range(3)]
    other = _start(engine, citizen_of(w, w.other_citizen_id))
    with write_session(engine) as s:
        citizens.reissue_access_code(s, actor=w.support, citizen_id=w.citizen_id)
    assert [_check(engine, t).actor for t in tabs] == [None, None, None]
    assert _check(engine, other).actor is not None


def test_an_ended_plan_narrows_the_session_to_reading(engine):
    from storage import plan
    from storage.errors import DomainError
    w = build_world(engine)
    token = _start(engine, citizen_of(w))
    with write_session(engine) as s:
        citizens.set_status(s, actor=w.support, citizen_id=w.citizen_id, status=CitizenStatus.ENDED,
                            reason="Flyttet til en anden kommune")
    actor = _check(engine, token).actor
    assert actor == citizen_of(w)  # may still read the plan
    with pytest.raises(DomainError), write_session(engine) as s:
        plan.add_goal(s, actor=actor, citizen_id=w.citizen_id, text="Et nyt mål")


def test_a_paused_plan_keeps_the_session(engine):
    w = build_world(engine)
    token = _start(engine, citizen_of(w))
    with write_session(engine) as s:
        citizens.set_status(s, actor=w.support, citizen_id=w.citizen_id, status=CitizenStatus.PAUSED, reason="")
    assert _check(engine, token).actor == citizen_of(w)


def test_a_deactivated_staff_member_is_out_on_the_next_action(engine):
    w = build_world(engine)
    tokens = [_start(engine, w.support) for _ in range(2)]
    with write_session(engine) as s:
        staff.set_active(s, actor=w.coordinator, staff_id=w.support.id, active=False)
    assert [_check(engine, t).actor for t in tokens] == [None, None]
    assert _count(engine) == 0


def test_a_demoted_coordinator_acts_as_support_on_the_next_action(engine):
    from storage import audit
    from storage.errors import AccessDenied
    w = build_world(engine)
    token = _start(engine, w.coordinator)
    with write_session(engine) as s:
        staff.set_role(s, actor=None, staff_id=w.coordinator.id, role=StaffRole.SUPPORT)
    actor = _check(engine, token).actor
    assert actor.role is StaffRole.SUPPORT
    with pytest.raises(AccessDenied), write_session(engine) as s:
        audit.export_csv(s, actor=actor)


def test_a_password_reset_ends_the_persons_sessions(engine):
    w = build_world(engine)
    token = _start(engine, w.finance)
    with write_session(engine) as s:
        staff.reset_password(s, actor=w.coordinator, staff_id=w.finance.id)
    assert _check(engine, token).actor is None
    assert _check(engine, _start(engine, w.finance)).must_change_password is True


def test_purge_forgets_expired_sessions_only(engine):
    w = build_world(engine)
    old = utcnow() - timedelta(days=2)
    _start(engine, w.support, now=old)
    fresh = _start(engine, w.support)
    with write_session(engine) as s:
        assert sessions.purge_expired(s) == 1
    assert _check(engine, fresh).actor == w.support
