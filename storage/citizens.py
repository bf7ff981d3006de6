"""Citizens: enrolment, access codes, status, language and the 'har det svært' flag."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs import limits
from dialogs.amounts import check_positive
from dialogs.text import clean_text
from storage import audit, auth, devices, languages, notifications, sessions
from storage.access import Action, Actor, ActorKind, Resource, authorize, require_role
from storage.dates import add_months
from storage.errors import N_, DomainError
from storage.models import (
    Citizen,
    CitizenCredential,
    CitizenStatus,
    Programme,
    StaffRole,
    StaffUser,
    utcnow,
)
from storage.security import hash_secret, new_access_code
from storage.statuses import plan_is_open



@dataclass(frozen=True)
class NewCitizen:
    citizen_id: int
    internal_ref: str
    access_code: str


def _issue_code(session: Session, citizen_id: int) -> str:
    """Create or replace the citizen's access code; the PIN is chosen again at next login."""
    for _ in range(20):
        code, lookup, secret = new_access_code()
        if session.scalar(select(CitizenCredential.citizen_id).where(CitizenCredential.lookup == lookup)) is None:
            break
    else:  # pragma: no cover - 26^4 lookups; 20 collisions in a row means something is badly wrong
        raise RuntimeError("could not find a free access-code lookup")
    credential = session.get(CitizenCredential, citizen_id)
    if credential is None:
        session.add(CitizenCredential(citizen_id=citizen_id, lookup=lookup, secret_hash=hash_secret(secret)))
    else:
        credential.lookup, credential.secret_hash = lookup, hash_secret(secret)
        credential.pin_hash, credential.failed_attempts, credential.locked_at = None, 0, None
        credential.issued_at = utcnow()
    return code


def create_citizen(session: Session, *, actor: Actor | None, display_name: str, programme_id: int | None = None,
                   support_person_id: int | None = None, budget_total_ore: int | None = None,
                   start_date: date | None = None, language: str = "da") -> NewCitizen:
    """Enrol a citizen and return their printable access code (shown once, never stored in clear).

    A support person enrols citizens for themself; a coordinator for any support
    person in the programme; ``actor`` None is the operator's CLI.
    """
    if actor is not None:
        require_role(actor, StaffRole.SUPPORT, StaffRole.COORDINATOR)
        programme_id = actor.programme_id
        if actor.role is StaffRole.SUPPORT:
            support_person_id = actor.id
    name = clean_text(display_name, limit=limits.NAME, single_line=True,
                      empty_message=N_("Skriv et navn, som borgeren vil kaldes."))
    if not languages.is_available(language):
        raise DomainError(N_("Det sprog kender appen ikke."))
    programme = session.get(Programme, programme_id)
    support = session.get(StaffUser, support_person_id)
    if programme is None or support is None or support.programme_id != programme.id \
            or support.role != StaffRole.SUPPORT.value:
        raise DomainError(N_("Vælg en støtteperson i programmet."))
    if programme.ended_at is not None:
        raise DomainError(N_("Programmet er slut. Der kan ikke komme flere borgere med."))
    budget = check_positive(programme.default_budget_ore if budget_total_ore is None else budget_total_ore)
    start = start_date or date.today()
    citizen = Citizen(programme_id=programme.id, support_person_id=support.id, display_name=name,
                      internal_ref=f"tmp-{secrets.token_hex(6)}", language=language, budget_total_ore=budget,
                      start_date=start, end_date=add_months(start, programme.period_months))
    session.add(citizen)
    session.flush()
    citizen.internal_ref = f"B{citizen.id:05d}"
    code = _issue_code(session, citizen.id)
    audit.record(session, actor, "create_citizen", citizen_id=citizen.id)
    return NewCitizen(citizen_id=citizen.id, internal_ref=citizen.internal_ref, access_code=code)


def reissue_access_code(session: Session, *, actor: Actor | None, citizen_id: int) -> str:
    """A lost code: a new one replaces it, and the citizen picks a new PIN. Every phone that remembered the
    code forgets it, and every open session ends (a lost code may mean a lost phone). ``actor`` None is the
    operator's CLI."""
    if actor is not None:
        authorize(session, actor, citizen_id, Resource.PROFILE, Action.WRITE)
    elif session.get(Citizen, citizen_id) is None:
        raise DomainError(N_("Den borger findes ikke."))
    code = _issue_code(session, citizen_id)
    devices.forget_all(session, citizen_id)
    sessions.end_all(session, citizen_id=citizen_id)
    audit.record(session, actor, "reissue_access_code", citizen_id=citizen_id)
    return code


def unlock(session: Session, *, actor: Actor, citizen_id: int) -> None:
    authorize(session, actor, citizen_id, Resource.PROFILE, Action.WRITE)
    credential = session.get_one(CitizenCredential, citizen_id)
    credential.locked_at, credential.failed_attempts = None, 0
    auth.lift_waits_for_citizen(session, citizen_id)
    audit.record(session, actor, "unlock_access_code", citizen_id=citizen_id)


def is_locked(session: Session, *, actor: Actor, citizen_id: int) -> bool:
    authorize(session, actor, citizen_id, Resource.PROFILE, Action.READ)
    credential = session.get(CitizenCredential, citizen_id)
    return bool(credential and credential.locked_at) or auth.code_is_waiting(session, citizen_id)


@dataclass(frozen=True)
class Profile:
    """Who the citizen is in the programme: name, number, status and period."""

    id: int
    display_name: str
    internal_ref: str
    language: str
    status: str
    status_reason: str | None
    budget_total_ore: int
    start_date: date
    end_date: date
    needs_help_since: datetime | None
    ended_at: datetime | None = None

    @property
    def plan_is_open(self) -> bool:
        return plan_is_open(self.status)


def get_profile(session: Session, *, actor: Actor, citizen_id: int) -> Profile:
    c = authorize(session, actor, citizen_id, Resource.PROFILE, Action.READ)
    audit.record_staff(session, actor, "read_profile", citizen_id=citizen_id)
    return Profile(c.id, c.display_name, c.internal_ref, c.language, c.status, c.status_reason, c.budget_total_ore,
                   c.start_date, c.end_date, c.needs_help_since, c.ended_at)


def set_language(session: Session, *, actor: Actor, language: str) -> None:
    """A citizen's own language choice, remembered for the next login."""
    if actor.kind is not ActorKind.CITIZEN or not languages.is_available(language):
        return
    citizen = session.get(Citizen, actor.id)
    if citizen is not None:
        citizen.language = language


def flag_needs_help(session: Session, *, actor: Actor) -> None:
    """'Jeg har det svært lige nu': shows at the top of the support person's overview."""
    if actor.kind is not ActorKind.CITIZEN:
        raise DomainError(N_("Det kan kun borgeren selv gøre."))
    citizen = session.get_one(Citizen, actor.id)
    if citizen.needs_help_since is None:  # the support person is told once, until they have seen it
        citizen.needs_help_since = utcnow()
        notifications.help_shown(session, citizen.id)
    audit.record(session, actor, "flag_needs_help", citizen_id=actor.id)


def clear_needs_help(session: Session, *, actor: Actor, citizen_id: int) -> None:
    citizen = authorize(session, actor, citizen_id, Resource.PROFILE, Action.WRITE)
    citizen.needs_help_since = None
    audit.record(session, actor, "clear_needs_help", citizen_id=citizen_id)


def set_status(session: Session, *, actor: Actor, citizen_id: int, status: CitizenStatus,
               reason: str | None = None) -> None:
    """Pause (nothing lost, resume later), resume, or end (reason required) a citizen's plan."""
    citizen = authorize(session, actor, citizen_id, Resource.PROFILE, Action.WRITE)
    reason = clean_text(reason, limit=limits.NOTE, required=False)
    if citizen.status == CitizenStatus.ENDED.value:
        raise DomainError(N_("Forløbet er afsluttet og kan ikke ændres."))
    if status is CitizenStatus.ENDED and not reason:
        raise DomainError(N_("Skriv en grund til, at forløbet slutter. Borgeren kan se den."))
    citizen.status, citizen.status_reason = status.value, reason
    if status is CitizenStatus.ENDED:
        citizen.ended_at = utcnow()  # personal data is kept for the retention period from here
    audit.record(session, actor, f"set_status_{status.value}", citizen_id=citizen_id)
