"""Citizen login with access code + PIN, staff login, and locking."""
from __future__ import annotations

import pytest

from storage import auth, citizens
from storage.db import write_session
from storage.errors import DomainError, LoginFailed, LoginLocked
from tests.storage.factories import PASSWORD, build_world


def _login_code(engine, code):
    with write_session(engine) as s:
        return auth.check_access_code(s, code)


def test_first_login_asks_for_a_new_pin_then_accepts_it(engine):
    w = build_world(engine)
    check = _login_code(engine, w.citizen_code)
    assert check.citizen_id == w.citizen_id and check.needs_new_pin
    with write_session(engine) as s:
        actor = auth.choose_pin(s, check.citizen_id, "2580", "2580")
    assert actor.id == w.citizen_id and not actor.is_staff
    assert _login_code(engine, w.citizen_code).needs_new_pin is False
    with write_session(engine) as s:
        assert auth.verify_pin(s, w.citizen_id, "2580").id == w.citizen_id


def test_code_is_understood_in_lower_case_with_spaces(engine):
    w = build_world(engine)
    typed = w.citizen_code.lower().replace("-", " ")
    assert _login_code(engine, typed).citizen_id == w.citizen_id


@pytest.mark.parametrize("pin,again", [("12a4", "12a4"), ("123", "123"), ("12345", "12345"), ("2580", "2581")])
def test_bad_pin_choice_is_refused_and_nothing_is_stored(engine, pin, again):
    w = build_world(engine)
    with pytest.raises(DomainError), write_session(engine) as s:
        auth.choose_pin(s, w.citizen_id, pin, again)
    assert _login_code(engine, w.citizen_code).needs_new_pin


def test_five_wrong_pins_lock_the_code_until_the_support_person_unlocks(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        auth.choose_pin(s, w.citizen_id, "2580", "2580")
    for attempt in range(4):
        with pytest.raises(LoginFailed) as wrong, write_session(engine) as s:
            auth.verify_pin(s, w.citizen_id, "0000")
        assert (wrong.value.message, wrong.value.params) == (auth.PIN_WRONG, {"n": 4 - attempt})  # tries left
    with pytest.raises(LoginLocked) as locked, write_session(engine) as s:
        auth.verify_pin(s, w.citizen_id, "0000")
    assert "støtteperson" in locked.value.message
    # Even the right PIN and code are refused while locked.
    with pytest.raises(LoginLocked), write_session(engine) as s:
        auth.verify_pin(s, w.citizen_id, "2580")
    with pytest.raises(LoginLocked):
        _login_code(engine, w.citizen_code)
    with write_session(engine) as s:
        citizens.unlock(s, actor=w.support, citizen_id=w.citizen_id)
    with write_session(engine) as s:
        assert auth.verify_pin(s, w.citizen_id, "2580").id == w.citizen_id


def test_unknown_code_and_garbage_get_the_same_friendly_answer(engine):
    build_world(engine)
    messages = set()
    for typed in ("ZZZZ-ZZZZ-ZZZZ", "", "<script>", "AAAA-AAAA-AAAA", "x" * 10_000):
        with pytest.raises(LoginFailed) as err:
            _login_code(engine, typed)
        messages.add(err.value.message)
    assert messages == {auth.CODE_WRONG}


def test_reissued_code_replaces_the_old_one_and_asks_for_a_new_pin(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        auth.choose_pin(s, w.citizen_id, "2580", "2580")
    with write_session(engine) as s:
        new_code = citizens.reissue_access_code(s, actor=w.support, citizen_id=w.citizen_id)
    with pytest.raises(LoginFailed):
        _login_code(engine, w.citizen_code)
    assert _login_code(engine, new_code).needs_new_pin


def test_staff_login_with_password_and_generic_error(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        actor = auth.staff_login(s, "SARA ", PASSWORD)
    assert actor.id == w.support.id
    errors = []
    for user, pw in (("sara", "forkert"), ("ingen", PASSWORD)):
        with pytest.raises(LoginFailed) as err, write_session(engine) as s:
            auth.staff_login(s, user, pw)
        errors.append(err.value.message)
    assert errors[0] == errors[1] == auth.STAFF_WRONG




def test_unknown_code_gets_the_same_answer_as_a_wrong_secret(engine):
    w = build_world(engine)
    lookup = w.citizen_code.split("-")[0]
    answers = set()
    for typed in (f"{lookup}-AAAA-AAAA", "ZZZZ-AAAA-AAAA"):
        with pytest.raises(LoginFailed) as err:
            _login_code(engine, typed)
        answers.add((type(err.value), err.value.message, tuple(err.value.params.items())))
    assert len(answers) == 1
