"""Staff passwords and access: a policy against short and common passwords, one-time passwords from a
reset, the person's own change, and a coordinator who manages only their own programme's staff."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage import auth, staff
from storage.db import write_session
from storage.errors import AccessDenied, DomainError, LoginFailed
from storage.models import AuditEvent, StaffUser
from tests.storage.factories import PASSWORD, build_world


@pytest.mark.parametrize("password", [
    "kort", "elleve-tegn",                        # too short
    "password1234", "qwertyuiop123", "123456789012",  # the world's most used
    "Kodeord12345", "Velkommen2026", "København2026", "Adgangskode1!",  # Danish ones zxcvbn does not know
    "sara-sara-sara",                             # the username
])
def test_short_and_common_passwords_are_refused(password):
    with pytest.raises(DomainError):
        staff.check_password_policy(password, username="sara", display_name="Sara Støtte")


@pytest.mark.parametrize("password", ["korrekt-hest-batteri", "kaffe cykel regn lampe", "Tre små grise bygger huse"])
def test_long_unusual_passwords_pass(password):
    staff.check_password_policy(password, username="sara", display_name="Sara Støtte")


def test_a_reset_gives_a_one_time_password_that_must_be_changed(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        one_time = staff.reset_password(s, actor=w.coordinator, staff_id=w.support.id)
    with pytest.raises(LoginFailed), write_session(engine) as s:
        auth.staff_login(s, "sara", PASSWORD)          # the old password is gone
    with write_session(engine) as s:
        actor = auth.staff_login(s, "sara", one_time)
        assert s.get_one(StaffUser, actor.id).must_change_password
    with pytest.raises(DomainError), write_session(engine) as s:
        staff.change_own_password(s, actor=actor, current=one_time, new="password1234", again="password1234")
    with write_session(engine) as s:
        staff.change_own_password(s, actor=actor, current=one_time, new="ny-lang-saetning-her",
                                  again="ny-lang-saetning-her")
    with write_session(engine) as s:
        assert not s.get_one(StaffUser, actor.id).must_change_password
        auth.staff_login(s, "sara", "ny-lang-saetning-her")
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.object_id == actor.id)).all()
    assert {"reset_staff_password", "change_own_password"} <= set(actions)


def test_the_current_password_is_needed_to_change_it(engine):
    w = build_world(engine)
    with pytest.raises(LoginFailed), write_session(engine) as s:
        staff.change_own_password(s, actor=w.support, current="forkert", new="ny-lang-saetning-her",
                                  again="ny-lang-saetning-her")


def test_a_coordinator_manages_only_their_own_programmes_staff(engine):
    w = build_world(engine)
    foreign = w.other_coordinator.id
    for action in (lambda s: staff.reset_password(s, actor=w.coordinator, staff_id=foreign),
                   lambda s: staff.set_active(s, actor=w.coordinator, staff_id=foreign, active=False)):
        with pytest.raises(DomainError), write_session(engine) as s:
            action(s)
    with pytest.raises(AccessDenied), write_session(engine) as s:
        staff.reset_password(s, actor=w.support, staff_id=w.other_support.id)
    with pytest.raises(DomainError), write_session(engine) as s:
        staff.set_active(s, actor=w.coordinator, staff_id=w.coordinator.id, active=False)


def test_a_deactivated_person_cannot_log_in(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        staff.set_active(s, actor=w.coordinator, staff_id=w.support.id, active=False)
    with pytest.raises(LoginFailed), write_session(engine) as s:
        auth.staff_login(s, "sara", PASSWORD)
