"""Guided workshops: the facilitator sets the pace and sees counts; participants join with a spoken code
and keep their answers to themselves."""
from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from dialogs.engine import load_course
from storage import citizens, workshops
from storage.db import write_session
from storage.errors import AccessDenied, DomainError
from storage.models import AuditEvent, CitizenStatus, StaffRole
from tests.storage.factories import _staff, build_world, citizen_of
from tests.storage.test_course_storage import answer_until

MODULES = [m.id for m in load_course().modules]


def _open(engine, w, title="Torsdagsværksted", *, by=None):
    with write_session(engine) as s:
        return workshops.create(s, actor=by or w.facilitator, title=title)


def _join(engine, actor, code):
    with write_session(engine) as s:
        return workshops.join(s, actor=actor, code=code)


def _room(engine, actor, workshop_id):
    with write_session(engine) as s:
        return workshops.room(s, actor=actor, workshop_id=workshop_id)


def test_facilitator_opens_a_workshop_with_a_short_code_that_starts_at_the_first_part(engine):
    w = build_world(engine)
    shop = _open(engine, w)
    assert len(shop.join_code) == workshops.CODE_LENGTH
    assert set(shop.join_code) <= set(workshops.CODE_ALPHABET)
    assert shop.current_module_id == MODULES[0] and not shop.ended
    with write_session(engine) as s:
        assert [v.id for v in workshops.list_open(s, actor=w.facilitator)] == [shop.id]
    with pytest.raises(DomainError):
        _open(engine, w, title="   ")


def test_citizen_joins_with_the_code_typed_any_way_and_sees_where_the_group_is(engine):
    w = build_world(engine)
    shop = _open(engine, w)
    me = citizen_of(w)
    typed = " " + "-".join(shop.join_code.lower()) + " "          # ' k-f-m-t '
    joined = _join(engine, me, typed)
    assert (joined.id, joined.title, joined.current_module_id) == (shop.id, "Torsdagsværksted", MODULES[0])
    assert _join(engine, me, shop.join_code).id == shop.id         # joining twice is harmless
    with write_session(engine) as s:
        workshops.next_module(s, actor=w.facilitator, workshop_id=shop.id)
    with write_session(engine) as s:
        assert workshops.mine(s, actor=me).current_module_id == MODULES[1]
    with write_session(engine) as s:
        workshops.leave(s, actor=me, workshop_id=shop.id)
    with write_session(engine) as s:
        assert workshops.mine(s, actor=me) is None


def test_wrong_ended_or_other_programmes_codes_get_a_kind_message(engine):
    w = build_world(engine)
    shop = _open(engine, w)
    with pytest.raises(DomainError, match="Den kode kender vi ikke"):
        _join(engine, citizen_of(w), "ZZZZ9")
    foreign = citizen_of(w, w.foreign_citizen_id)
    foreign = dataclasses.replace(foreign, programme_id=w.other_programme_id)
    with pytest.raises(DomainError, match="Den kode kender vi ikke"):
        _join(engine, foreign, shop.join_code)
    with write_session(engine) as s:
        workshops.end(s, actor=w.facilitator, workshop_id=shop.id)
    with pytest.raises(DomainError, match="Den kode kender vi ikke"):
        _join(engine, citizen_of(w), shop.join_code)
    with write_session(engine) as s:
        assert workshops.list_open(s, actor=w.facilitator) == []


def test_a_paused_citizen_cannot_join(engine):
    w = build_world(engine)
    shop = _open(engine, w)
    with write_session(engine) as s:
        citizens.set_status(s, actor=w.support, citizen_id=w.citizen_id, status=CitizenStatus.PAUSED, reason="Pause")
    with pytest.raises(DomainError, match="pause"):
        _join(engine, citizen_of(w), shop.join_code)


def test_the_room_counts_where_participants_are_and_shows_no_answers(engine):
    w = build_world(engine)
    shop = _open(engine, w)
    mette, jonas = citizen_of(w), citizen_of(w, w.other_citizen_id)
    with write_session(engine) as s:
        third = citizens.create_citizen(s, actor=w.support, display_name="Aisha").citizen_id
    aisha = citizen_of(w, third)
    for person in (mette, jonas, aisha):
        _join(engine, person, shop.join_code)
    answer_until(engine, mette)                            # the whole course
    answer_until(engine, jonas, stop_at="now_mood")        # in the second part
    room = _room(engine, w.facilitator, shop.id)            # Aisha has not opened the course yet
    assert room.participants == 3
    jonas_module = load_course().module_of("now_mood").id
    assert room.at_module == {workshops.FINISHED: 1, jonas_module: 1, MODULES[0]: 1}
    # Only numbers and the workshop's own facts: no field could carry a name or an answer.
    assert {f.name for f in dataclasses.fields(room)} == {"workshop", "participants", "at_module"}
    assert all(isinstance(k, str) and isinstance(v, int) for k, v in room.at_module.items())
    with write_session(engine) as s:
        logged = s.scalars(select(AuditEvent).where(AuditEvent.action == "read_workshop_room")).all()
    assert [(e.actor_role, e.object_id) for e in logged] == [("facilitator", shop.id)]


def test_only_the_facilitator_who_runs_it_can_steer_or_see_the_workshop(engine):
    w = build_world(engine)
    shop = _open(engine, w)
    with write_session(engine) as s:
        other_facilitator = _staff(s, w.programme_id, "fenja", StaffRole.FACILITATOR)
    for intruder in (other_facilitator, w.support, w.coordinator, w.finance, citizen_of(w)):
        with pytest.raises(AccessDenied):
            _room(engine, intruder, shop.id)
        with pytest.raises(AccessDenied):
            with write_session(engine) as s:
                workshops.set_module(s, actor=intruder, workshop_id=shop.id, module_id=MODULES[2])
    for not_a_facilitator in (w.support, citizen_of(w)):
        with pytest.raises(AccessDenied):
            _open(engine, w, by=not_a_facilitator)
    with pytest.raises(AccessDenied):
        _join(engine, w.support, shop.join_code)


def test_the_pace_moves_through_every_part_and_stops_at_the_last(engine):
    w = build_world(engine)
    shop = _open(engine, w)
    seen = [MODULES[0]]
    with write_session(engine) as s:
        while (nxt := workshops.next_module(s, actor=w.facilitator, workshop_id=shop.id)) is not None:
            seen.append(nxt)
    assert seen == MODULES
    with write_session(engine) as s, pytest.raises(DomainError):
        workshops.set_module(s, actor=w.facilitator, workshop_id=shop.id, module_id="no_such_part")
