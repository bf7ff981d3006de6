"""'Husk min kode på denne telefon': a remembered phone skips the code, never the PIN."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from storage import auth, citizens, devices
from storage.db import write_session
from storage.errors import AccessDenied, DomainError
from storage.models import RememberedDevice, utcnow
from storage.security import hash_secret
from tests.storage.factories import build_world, citizen_of


def _with_pin(engine, citizen_id, pin="2580"):
    from storage.models import CitizenCredential
    with write_session(engine) as s:
        s.get_one(CitizenCredential, citizen_id).pin_hash = hash_secret(pin)


def _remember(engine, actor):
    with write_session(engine) as s:
        return devices.remember(s, actor=actor)


def _recognise(engine, token):
    with write_session(engine) as s:
        return devices.recognise(s, token)


def test_a_remembered_phone_is_recognised_and_only_a_hash_is_stored(engine):
    w = build_world(engine)
    _with_pin(engine, w.citizen_id)
    token = _remember(engine, citizen_of(w))
    assert devices.TOKEN_PATTERN.match(token)
    assert _recognise(engine, token) == w.citizen_id
    with write_session(engine) as s:
        stored = s.scalars(select(RememberedDevice.token_hash)).all()
    assert len(stored) == 1 and token not in stored[0] and len(stored[0]) == 64
    # Two phones are two tokens.
    assert _remember(engine, citizen_of(w)) != token


@pytest.mark.parametrize("token", [None, "", "x" * 43, "kort", "<script>", "a" * 43 + "'; alert(1) //"])
def test_unknown_or_malformed_tokens_are_not_recognised(engine, token):
    w = build_world(engine)
    _with_pin(engine, w.citizen_id)
    _remember(engine, citizen_of(w))
    assert _recognise(engine, token) is None


def test_the_pin_is_still_needed_and_wrong_pins_still_lock(engine):
    w = build_world(engine)
    _with_pin(engine, w.citizen_id)
    token = _remember(engine, citizen_of(w))
    citizen_id = _recognise(engine, token)
    for _ in range(5):
        with pytest.raises(DomainError):
            with write_session(engine) as s:
                auth.verify_pin(s, citizen_id, "0000")
    with pytest.raises(DomainError) as locked:
        with write_session(engine) as s:
            auth.verify_pin(s, citizen_id, "2580")
    assert locked.value.message == auth.CODE_LOCKED


def test_forgetting_expiry_and_a_new_code_all_end_the_remembering(engine):
    w = build_world(engine)
    _with_pin(engine, w.citizen_id)
    me = citizen_of(w)
    forgotten, expired, lost = (_remember(engine, me) for _ in range(3))
    with write_session(engine) as s:
        devices.forget(s, forgotten)
    assert _recognise(engine, forgotten) is None
    with write_session(engine) as s:
        row = s.scalar(select(RememberedDevice).where(RememberedDevice.token_hash == devices._digest(expired)))
        row.expires_at = utcnow() - timedelta(seconds=1)
    assert _recognise(engine, expired) is None
    assert _recognise(engine, lost) == w.citizen_id
    with write_session(engine) as s:  # the support person gives a new code: the old phones forget
        citizens.reissue_access_code(s, actor=w.support, citizen_id=w.citizen_id)
    assert _recognise(engine, lost) is None
    with write_session(engine) as s:
        assert s.scalars(select(RememberedDevice)).all() == []


def test_only_citizens_can_be_remembered_and_the_setting_can_turn_it_off(engine, monkeypatch):
    w = build_world(engine)
    _with_pin(engine, w.citizen_id)
    for staff in (w.support, w.coordinator, w.finance):
        with pytest.raises(AccessDenied):
            _remember(engine, staff)
    token = _remember(engine, citizen_of(w))
    monkeypatch.setenv("BORGERBUDGET_REMEMBER_DAYS", "0")
    assert not devices.enabled()
    assert _recognise(engine, token) is None
    with pytest.raises(AccessDenied):
        _remember(engine, citizen_of(w))
