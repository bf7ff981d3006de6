"""Guided workshops (Kapitalværksted): a facilitator runs the course for a group; each participant
answers privately on their own phone.

The facilitator opens a workshop, says its short code aloud, and moves the group from one part of
the course to the next. Participants join with the code and see which part the group is talking
about. The facilitator sees how many have joined and how many are at each part of the course —
counts only, never names next to answers, never an answer.
"""
from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs import limits
from dialogs.engine import load_course
from dialogs.text import clean_text
from storage import audit, throttle
from storage.access import Actor, ActorKind, require_role
from storage.errors import N_, AccessDenied, DomainError
from storage.models import (
    Citizen,
    CitizenStatus,
    CourseProgress,
    StaffRole,
    Workshop,
    WorkshopParticipant,
    utcnow,
)

CODE_ALPHABET = "ACDEFHJKLMNPRTUVWXY"  # capitals that are hard to mix up when read aloud or typed
CODE_LENGTH = 4
FINISHED = "finished"   # a participant's place when the whole course is done


@dataclass(frozen=True)
class WorkshopView:
    id: int
    title: str
    join_code: str
    current_module_id: str | None
    ended: bool


@dataclass(frozen=True)
class Room:
    """What the facilitator sees: counts only."""

    workshop: WorkshopView
    participants: int
    at_module: dict[str, int]   # module id (or FINISHED) -> how many participants are there now


@dataclass(frozen=True)
class MyWorkshop:
    """What a participant sees of the workshop they joined."""

    id: int
    title: str
    current_module_id: str | None


def _view(w: Workshop) -> WorkshopView:
    return WorkshopView(w.id, w.title, w.join_code, w.current_module_id, w.ended_at is not None)


def _module_ids() -> list[str]:
    return [m.id for m in load_course().modules]


def _new_code(session: Session) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if session.scalar(select(Workshop.id).where(Workshop.join_code == code)) is None:
            return code


def normalise_code(text: str | None) -> str:
    """'kf mt', 'KF-MT ' -> 'KFMT': people type codes in many ways."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


# --- the facilitator ------------------------------------------------------------------------------

def _own(session: Session, actor: Actor, workshop_id: int) -> Workshop:
    require_role(actor, StaffRole.FACILITATOR)
    workshop = session.get(Workshop, workshop_id)
    if workshop is None or workshop.facilitator_id != actor.id:
        raise AccessDenied()
    return workshop


def create(session: Session, *, actor: Actor, title: str) -> WorkshopView:
    require_role(actor, StaffRole.FACILITATOR)
    title = clean_text(title, limit=limits.TITLE, single_line=True, required=True, empty_message=N_("Skriv et navn til værkstedet."))
    workshop = Workshop(programme_id=actor.programme_id, facilitator_id=actor.id, title=title,
                        join_code=_new_code(session), current_module_id=_module_ids()[0])
    session.add(workshop)
    session.flush()
    return _view(workshop)


def list_open(session: Session, *, actor: Actor) -> list[WorkshopView]:
    require_role(actor, StaffRole.FACILITATOR)
    rows = session.scalars(select(Workshop).where(Workshop.facilitator_id == actor.id, Workshop.ended_at.is_(None))
                           .order_by(Workshop.created_at.desc(), Workshop.id.desc()))
    return [_view(w) for w in rows]


def set_module(session: Session, *, actor: Actor, workshop_id: int, module_id: str) -> None:
    workshop = _own(session, actor, workshop_id)
    if workshop.ended_at is not None:
        raise DomainError(N_("Værkstedet er slut."))
    if module_id not in _module_ids():
        raise DomainError(N_("Den del af samtalen findes ikke."))
    workshop.current_module_id = module_id


def next_module(session: Session, *, actor: Actor, workshop_id: int) -> str | None:
    """Move the group on to the next part; None when it was the last."""
    workshop = _own(session, actor, workshop_id)
    ids = _module_ids()
    at = ids.index(workshop.current_module_id) if workshop.current_module_id in ids else -1
    if at + 1 >= len(ids):
        return None
    set_module(session, actor=actor, workshop_id=workshop_id, module_id=ids[at + 1])
    return ids[at + 1]


def end(session: Session, *, actor: Actor, workshop_id: int) -> None:
    workshop = _own(session, actor, workshop_id)
    if workshop.ended_at is None:
        workshop.ended_at = utcnow()


def room(session: Session, *, actor: Actor, workshop_id: int) -> Room:
    """How many have joined and where they are in the course, as counts. Audited: it reads how far
    each participant has come (never what they wrote)."""
    workshop = _own(session, actor, workshop_id)
    places = session.execute(
        select(CourseProgress.current_step_id, CourseProgress.completed_at)
        .select_from(WorkshopParticipant)
        .outerjoin(CourseProgress, CourseProgress.citizen_id == WorkshopParticipant.citizen_id)
        .where(WorkshopParticipant.workshop_id == workshop.id)).all()
    course = load_course()
    at: Counter[str] = Counter()
    for step_id, completed_at in places:
        if completed_at is not None:
            at[FINISHED] += 1
        elif step_id in course.steps:
            at[course.module_of(step_id).id] += 1
        else:  # joined but not opened the course yet: they start at the beginning
            at[course.modules[0].id] += 1
    audit.record(session, actor, "read_workshop_room", object_type="workshop", object_id=workshop.id)
    return Room(_view(workshop), len(places), dict(at))


# --- the participant ------------------------------------------------------------------------------

def _citizen(session: Session, actor: Actor) -> Citizen:
    if actor.kind is not ActorKind.CITIZEN:
        raise AccessDenied()
    return session.get_one(Citizen, actor.id)


class WrongCode(DomainError):
    keeps_changes = True  # the wrong guess is counted even though we refuse


# A code has 4 of 19 letters: guessing is slowed to a few tries an hour per citizen and per client.
GUESSES = throttle.Policy(free=5, first_wait=30, max_wait=15 * 60)
CLIENT_GUESSES = throttle.Policy(free=20, first_wait=30, max_wait=15 * 60)
MSG_WAIT = N_("Der er prøvet mange koder. Vent lidt, og prøv igen om {minutes} min.")


def join(session: Session, *, actor: Actor, code: str, client: str | None = None) -> MyWorkshop:
    citizen = _citizen(session, actor)
    if citizen.status != CitizenStatus.ACTIVE.value:
        raise DomainError(N_("Din plan holder pause eller er afsluttet. Spørg din støtteperson."))
    keyed = {f"workshop:citizen:{citizen.id}": GUESSES}
    if throttle.identifies(client):
        keyed[f"workshop:client:{client}"] = CLIENT_GUESSES
    wait = throttle.wait_seconds(session, list(keyed))
    if wait:
        raise DomainError(MSG_WAIT, minutes=max(1, -(-wait // 60)))
    workshop = session.scalar(select(Workshop).where(Workshop.join_code == normalise_code(code)[:CODE_LENGTH * 3],
                                                     Workshop.programme_id == citizen.programme_id,
                                                     Workshop.ended_at.is_(None)))
    if workshop is None:
        throttle.failed(session, keyed)
        raise WrongCode(N_("Den kode kender vi ikke. Spørg den, der holder værkstedet."))
    throttle.clear(session, [f"workshop:citizen:{citizen.id}"])
    if session.get(WorkshopParticipant, (workshop.id, citizen.id)) is None:
        session.add(WorkshopParticipant(workshop_id=workshop.id, citizen_id=citizen.id))
        session.flush()
    return MyWorkshop(workshop.id, workshop.title, workshop.current_module_id)


def mine(session: Session, *, actor: Actor) -> MyWorkshop | None:
    """The open workshop the citizen joined most recently, if any."""
    citizen = _citizen(session, actor)
    workshop = session.scalar(
        select(Workshop).join(WorkshopParticipant, WorkshopParticipant.workshop_id == Workshop.id)
        .where(WorkshopParticipant.citizen_id == citizen.id, Workshop.ended_at.is_(None))
        .order_by(WorkshopParticipant.joined_at.desc()).limit(1))
    return None if workshop is None else MyWorkshop(workshop.id, workshop.title, workshop.current_module_id)


def leave(session: Session, *, actor: Actor, workshop_id: int) -> None:
    citizen = _citizen(session, actor)
    row = session.get(WorkshopParticipant, (workshop_id, citizen.id))
    if row is not None:
        session.delete(row)
