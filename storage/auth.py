"""Login for citizens (access code + own 4-digit PIN) and staff (username + password).

Security as plain control flow: messages never reveal whether a code or a
username exists, every wrong try counts, and five wrong tries lock a
citizen's code until their support person unlocks it.

Checking a PIN or password is slow on purpose (argon2: 64 MiB and a few hundred ms), so it never runs
inside a transaction: each login reads what it needs, ends the caller's transaction
(:func:`_end_transaction`), checks the secret with no transaction open and no lock held, then writes
in a new short transaction that re-checks what it relied on (the same hash, not locked meanwhile).
On SQLite the write lock is then held for a few milliseconds instead of for the whole hash, so fifty
people can log in at once without queueing behind each other's hashes.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import audit
from storage.access import Actor, ActorKind
from storage.config import load_config
from storage.errors import DomainError, LoginFailed, LoginLocked, N_
from storage.models import Citizen, CitizenCredential, CitizenStatus, StaffRole, StaffUser, utcnow
from storage.security import hash_secret, split_access_code, valid_pin, verify_secret

STAFF_LOCK_MINUTES = 15
# Verified against when a lookup key is unknown, so both paths take as long.
_DUMMY_HASH = hash_secret("not-a-real-secret")

CODE_WRONG = N_("Koden passer ikke. Prøv igen.")
CODE_LOCKED = N_("Din kode er låst, fordi den blev skrevet forkert for mange gange. "
                 "Det er ikke din skyld. Din støtteperson kan låse den op.")
PIN_WRONG = N_("PIN-koden passer ikke. Prøv igen.")
ENDED = N_("Dit forløb er slut, så du kan ikke logge ind mere. Tal med din støtteperson.")


@dataclass(frozen=True)
class CodeCheck:
    citizen_id: int
    needs_new_pin: bool


def citizen_actor(citizen: Citizen) -> Actor:
    return Actor(kind=ActorKind.CITIZEN, id=citizen.id, programme_id=citizen.programme_id)


def staff_actor(user: StaffUser) -> Actor:
    return Actor(kind=ActorKind.STAFF, id=user.id, programme_id=user.programme_id, role=StaffRole(user.role))


def _fail(credential: CitizenCredential, session: Session, message: str) -> LoginFailed | LoginLocked:
    credential.failed_attempts += 1
    if credential.failed_attempts >= load_config().max_login_attempts:
        credential.locked_at = utcnow()
        audit.record(session, None, "citizen_code_locked", citizen_id=credential.citizen_id)
        return LoginLocked(CODE_LOCKED)
    return LoginFailed(message)


def _end_transaction(session: Session) -> None:
    """End the caller's transaction before the slow hash; the session begins a new one when used again."""
    session.commit()


def _stored(session: Session, citizen_id: int):
    """(secret hash, PIN hash, locked at) of a citizen's code, read without a lock; None if there is none."""
    return session.execute(select(CitizenCredential.secret_hash, CitizenCredential.pin_hash,
                                  CitizenCredential.locked_at)
                           .where(CitizenCredential.citizen_id == citizen_id)).one_or_none()


def check_access_code(session: Session, typed_code: str) -> CodeCheck:
    """First step of a citizen's login. Wrong tries are committed even though we raise."""
    parts = split_access_code(typed_code)
    found = None
    if parts:
        found = session.scalar(select(CitizenCredential.citizen_id).where(CitizenCredential.lookup == parts[0]))
    stored = _stored(session, found) if found is not None else None
    _end_transaction(session)
    if stored is None:
        verify_secret(_DUMMY_HASH, "x")
        raise LoginFailed(CODE_WRONG)
    if stored.locked_at is not None:
        raise LoginLocked(CODE_LOCKED)
    right = verify_secret(stored.secret_hash, parts[1])  # type: ignore[index]
    credential = _credential(session, found, secret_hash=stored.secret_hash)
    if not right:
        raise _fail(credential, session, CODE_WRONG)
    citizen = session.get(Citizen, credential.citizen_id)
    if citizen is None or citizen.status == CitizenStatus.ENDED.value:
        raise LoginFailed(ENDED)
    return CodeCheck(citizen_id=credential.citizen_id, needs_new_pin=credential.pin_hash is None)


def _credential(session: Session, citizen_id: int, *, secret_hash: str | None = None,
                pin_hash: str | None = None) -> CitizenCredential:
    """The credential, locked for this (short) transaction, still as it was when the secret was checked:
    the same code (``secret_hash``) or PIN (``pin_hash``), and not locked meanwhile."""
    credential = session.get(CitizenCredential, citizen_id, with_for_update=True)
    if credential is None or (secret_hash is not None and credential.secret_hash != secret_hash):
        raise LoginFailed(CODE_WRONG)  # a new code was made while we checked the old one
    if pin_hash is not None and credential.pin_hash != pin_hash:
        raise LoginFailed(PIN_WRONG)
    if credential.locked_at is not None:
        raise LoginLocked(CODE_LOCKED)
    return credential


def _read_then_end(session: Session, citizen_id: int):
    """The citizen's stored code and PIN (refused if there is none or it is locked), then the caller's
    transaction ends, so the slow hash that follows runs with no transaction open."""
    stored = _stored(session, citizen_id)
    _end_transaction(session)
    if stored is None:
        raise LoginFailed(CODE_WRONG)
    if stored.locked_at is not None:
        raise LoginLocked(CODE_LOCKED)
    return stored


def choose_pin(session: Session, citizen_id: int, pin: str, pin_again: str) -> Actor:
    """First login: the citizen chooses a 4-digit PIN (only allowed while none is set)."""
    stored = _read_then_end(session, citizen_id)
    if stored.pin_hash is not None:
        raise LoginFailed(PIN_WRONG)
    if not valid_pin(pin):
        raise DomainError(N_("PIN-koden skal være 4 tal, for eksempel 2580."))
    if pin != pin_again:
        raise DomainError(N_("De to PIN-koder er ikke ens. Skriv den samme to gange."))
    new_hash = hash_secret(pin)
    credential = _credential(session, citizen_id, secret_hash=stored.secret_hash)
    if credential.pin_hash is not None:  # chosen in another tab meanwhile
        raise LoginFailed(PIN_WRONG)
    credential.pin_hash = new_hash
    credential.failed_attempts = 0
    citizen = session.get_one(Citizen, citizen_id)
    audit.record(session, None, "citizen_pin_chosen", citizen_id=citizen_id)
    return citizen_actor(citizen)


def verify_pin(session: Session, citizen_id: int, pin: str) -> Actor:
    stored = _read_then_end(session, citizen_id)
    right = verify_secret(stored.pin_hash, (pin or "").strip())
    credential = _credential(session, citizen_id, secret_hash=stored.secret_hash)
    if credential.pin_hash != stored.pin_hash:
        raise LoginFailed(PIN_WRONG)  # the PIN was reset meanwhile
    if not right:
        raise _fail(credential, session, PIN_WRONG)
    if credential.failed_attempts:
        credential.failed_attempts = 0
    return citizen_actor(session.get_one(Citizen, citizen_id))


STAFF_WRONG = N_("Brugernavn eller adgangskode passer ikke.")
STAFF_LOCKED = N_("For mange forkerte forsøg. Vent {minutes} minutter, og prøv igen.")


def staff_login(session: Session, username: str, password: str) -> Actor:
    found = session.execute(select(StaffUser.id, StaffUser.active, StaffUser.password_hash, StaffUser.locked_until)
                            .where(StaffUser.username == (username or "").strip().lower())).one_or_none()
    _end_transaction(session)
    if found is None or not found.active or found.password_hash is None:
        verify_secret(_DUMMY_HASH, "x")
        raise LoginFailed(STAFF_WRONG)
    if found.locked_until is not None and found.locked_until > utcnow():
        raise LoginLocked(STAFF_LOCKED, minutes=STAFF_LOCK_MINUTES)
    right = verify_secret(found.password_hash, password or "")
    user = session.get(StaffUser, found.id, with_for_update=True)
    now = utcnow()
    if user is None or not user.active or user.password_hash != found.password_hash:
        raise LoginFailed(STAFF_WRONG)  # deactivated or given a new password meanwhile
    if user.locked_until is not None and user.locked_until > now:
        raise LoginLocked(STAFF_LOCKED, minutes=STAFF_LOCK_MINUTES)
    if not right:
        user.failed_logins += 1
        if user.failed_logins >= load_config().max_login_attempts:
            user.failed_logins = 0
            user.locked_until = now + timedelta(minutes=STAFF_LOCK_MINUTES)
            audit.record(session, None, "staff_locked", object_type="staff", object_id=user.id)
        raise LoginFailed(STAFF_WRONG)
    user.failed_logins = 0
    user.locked_until = None
    actor = staff_actor(user)
    audit.record(session, actor, "staff_login")
    return actor


def staff_actor_for_oidc(session: Session, subject: str | None, email: str | None) -> Actor:
    """Map an identity-provider login (st.user) to a staff user by subject, then by e-mail as username."""
    user = None
    if subject:
        user = session.scalar(select(StaffUser).where(StaffUser.oidc_subject == subject))
    if user is None and email:
        user = session.scalar(select(StaffUser).where(StaffUser.username == email.strip().lower()))
        if user is not None and subject and user.oidc_subject is None:
            user.oidc_subject = subject
    if user is None or not user.active:
        raise LoginFailed(N_("Du er logget ind, men har ikke adgang til Borgerbudget. Tal med din koordinator."))
    actor = staff_actor(user)
    audit.record(session, actor, "staff_login_oidc")
    return actor
