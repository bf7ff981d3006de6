"""Login sessions kept on the server, so a phone's life loses nobody's place.

A reload, a restored tab, a dropped websocket, a restarted server or a lost replica starts a new Streamlit
session; the browser's ``bb_session`` cookie (a random token, only its SHA-256 stored) finds the record
and so the person, on the very first run. The record also carries the idle deadline (checked on the next
action, so an idle tab costs the server nothing) and an absolute end.

Who the person is, and what they may do, is read again from the database on every action
(:func:`check`: one small query), so a new access code or a deactivated staff member ends every open
session at once, and a demoted staff member or an ended plan (read only) narrows it.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from storage.access import Actor, ActorKind
from storage.config import load_config
from storage.models import Citizen, LoginSession, StaffRole, StaffUser, utcnow
from storage.security import new_token, token_digest, valid_token

COOKIE_NAME = "bb_session"
# The idle deadline is moved on at most this often (a write per action would be wasted): a session may end
# up to this much, or a twentieth of the idle time if that is less, before idle_minutes have passed.
MAX_TOUCH_INTERVAL = timedelta(seconds=30)


class Ended(str, enum.Enum):
    """Why a browser's session is no longer valid; the login page says so in plain words."""

    IDLE = "idle"          # nothing happened for idle_minutes
    EXPIRED = "expired"    # session_hours since the login
    REVOKED = "revoked"    # staff deactivated (a new access code deletes the sessions outright)
    UNKNOWN = "unknown"    # no such session (logged out elsewhere, or never existed)


@dataclass(frozen=True)
class Check:
    """The outcome of :func:`check`. ``actor`` is None when the session is not valid (see ``ended``)."""

    actor: Actor | None
    ended: Ended | None = None
    idle_deadline: datetime | None = None
    touch: bool = False     # the idle deadline should move on: call record_activity() in a write transaction
    must_change_password: bool = False  # a staff member logged in with a one-time password

    @property
    def needs_write(self) -> bool:
        return self.touch or self.ended in (Ended.IDLE, Ended.EXPIRED, Ended.REVOKED)


def _idle() -> timedelta:
    return timedelta(minutes=load_config().idle_minutes)


def _touch_interval() -> timedelta:
    return min(MAX_TOUCH_INTERVAL, _idle() / 20)


def start(session: Session, *, actor: Actor, now: datetime | None = None) -> str:
    """A new session for a person who just proved who they are; returns the token for the browser's cookie."""
    now = now or utcnow()
    token = new_token()
    owner = {"citizen_id": actor.id} if actor.kind is ActorKind.CITIZEN else {"staff_id": actor.id}
    session.add(LoginSession(token_hash=token_digest(token), created_at=now, last_seen_at=now,
                             idle_expires_at=now + _idle(),
                             absolute_expires_at=now + timedelta(hours=load_config().session_hours), **owner))
    session.flush()
    return token


def check(session: Session, token: str | None, *, now: datetime | None = None) -> Check:
    """Who holds this token now, re-read from the database (one query); writes nothing."""
    if not valid_token(token):
        return Check(actor=None, ended=Ended.UNKNOWN)
    now = now or utcnow()
    row = session.execute(
        select(LoginSession, Citizen.status, Citizen.programme_id, StaffUser.active, StaffUser.role,
               StaffUser.programme_id, StaffUser.must_change_password)
        .outerjoin(Citizen, Citizen.id == LoginSession.citizen_id)
        .outerjoin(StaffUser, StaffUser.id == LoginSession.staff_id)
        .where(LoginSession.token_hash == token_digest(token))  # type: ignore[arg-type]
    ).one_or_none()
    if row is None:
        return Check(actor=None, ended=Ended.UNKNOWN)
    record, _citizen_status, citizen_programme, staff_active, staff_role, staff_programme, must_change = row
    if record.absolute_expires_at <= now:
        return Check(actor=None, ended=Ended.EXPIRED)
    if record.idle_expires_at <= now:
        return Check(actor=None, ended=Ended.IDLE)
    if record.citizen_id is not None:
        # An ended plan narrows the session: the citizen may still read it, every change is refused
        # (storage.statuses.plan_is_open); a new login with the code is refused (storage.auth).
        actor = Actor(kind=ActorKind.CITIZEN, id=record.citizen_id, programme_id=citizen_programme)
    else:
        if not staff_active:
            return Check(actor=None, ended=Ended.REVOKED)
        actor = Actor(kind=ActorKind.STAFF, id=record.staff_id, programme_id=staff_programme,  # type: ignore
                      role=StaffRole(staff_role))
    touch = now - record.last_seen_at >= _touch_interval()
    return Check(actor=actor, idle_deadline=now + _idle() if touch else record.idle_expires_at, touch=touch,
                 must_change_password=bool(must_change))


def record_activity(session: Session, token: str, checked: Check, *, now: datetime | None = None) -> None:
    """Write what :func:`check` found: move the idle deadline on, or delete a session that has ended."""
    digest = token_digest(token)
    if checked.actor is None:
        session.execute(delete(LoginSession).where(LoginSession.token_hash == digest))
    elif checked.touch:
        session.execute(update(LoginSession).where(LoginSession.token_hash == digest)
                        .values(last_seen_at=now or utcnow(), idle_expires_at=checked.idle_deadline))


def end(session: Session, token: str | None) -> None:
    """'Log ud' (or the idle logout): this browser's session is over."""
    if valid_token(token):
        session.execute(delete(LoginSession).where(LoginSession.token_hash == token_digest(token)))  # type: ignore


def end_all(session: Session, *, citizen_id: int | None = None, staff_id: int | None = None) -> int:
    """Every open session of one person ends (a new access code, a password reset, a deactivation)."""
    if citizen_id is None and staff_id is None:
        raise ValueError("whose sessions?")
    column = LoginSession.citizen_id if citizen_id is not None else LoginSession.staff_id
    result = session.execute(delete(LoginSession).where(column == (citizen_id if citizen_id is not None
                                                                   else staff_id)))
    return int(result.rowcount or 0)


def purge_expired(session: Session, *, now: datetime | None = None) -> int:
    """Forget sessions whose time is up (run from `borgerbudget purge-audit`'s daily cron, or any time)."""
    now = now or utcnow()
    result = session.execute(delete(LoginSession).where(
        (LoginSession.idle_expires_at <= now) | (LoginSession.absolute_expires_at <= now)))
    return int(result.rowcount or 0)
