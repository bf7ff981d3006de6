"""The support person's and coordinator's list of citizens, in a constant number of queries."""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from storage import audit
from storage.access import Actor, require_role
from storage.dates import LOCAL_TIMEZONE, promised_answer_date
from storage.models import (
    Citizen,
    CitizenCredential,
    CourseProgress,
    Programme,
    StaffRole,
    StaffUser,
    Submission,
    SubmissionStatus,
)
from storage.statuses import CitizenStatus, plan_is_open
from storage.waiting import Waiting, waiting_since

__all__ = ["PAGE_SIZE", "CaseRow", "CaseloadCounts", "Waiting", "overview", "overview_counts"]


@dataclass(frozen=True)
class CaseRow:
    citizen_id: int
    display_name: str
    internal_ref: str
    status: str
    support_person: str
    needs_help_since: datetime | None
    locked: bool
    course_step: str | None
    course_done: bool
    waiting_since: datetime | None
    waiting_version: int | None
    end_date: date
    answer_working_days: int = 5
    created_at: datetime | None = None
    status_reason: str | None = None

    @property
    def is_open(self) -> bool:
        """The citizen's plan is active (not paused or ended)."""
        return plan_is_open(self.status)

    def waiting(self, today: date) -> Waiting | None:
        """The waiting plan measured in Danish working days up to ``today`` (local date), or None."""
        if self.waiting_since is None or self.waiting_version is None:
            return None
        answer_by = promised_answer_date(self.waiting_since, self.answer_working_days)
        return waiting_since(self.waiting_version, self.waiting_since, answer_by, today)


PAGE_SIZE = 50  # citizens on one page of the overview


@dataclass(frozen=True)
class CaseloadCounts:
    """The figures above the list, counted by the database (not by loading every row)."""

    citizens: int
    needs_help: int       # pressed 'Jeg har det svært lige nu'
    waiting: int          # a sent plan waits for an answer
    overdue: int          # ... longer than promised


def _scope(actor: Actor):
    """The citizens the actor's overview covers: a support person's own, a coordinator's programme."""
    require_role(actor, StaffRole.SUPPORT, StaffRole.COORDINATOR)
    condition = Citizen.programme_id == actor.programme_id
    if actor.role is StaffRole.SUPPORT:
        condition = and_(condition, Citizen.support_person_id == actor.id)
    return condition


def _oldest_waiting(scope):
    """Per citizen in scope, the oldest plan still waiting: that is the one the answer promise runs for.
    Restricted to the scope's citizens, so a support person's overview reads only their own plans."""
    oldest = (
        select(Submission.citizen_id, func.min(Submission.version).label("version"))
        .where(Submission.status == SubmissionStatus.WAITING.value,
               Submission.citizen_id.in_(select(Citizen.id).where(scope)))
        .group_by(Submission.citizen_id).subquery()
    )
    return (
        select(Submission.citizen_id, Submission.submitted_at, Submission.version)
        .join(oldest, and_(oldest.c.citizen_id == Submission.citizen_id, oldest.c.version == Submission.version))
        .subquery()
    )


def overview(session: Session, *, actor: Actor, limit: int | None = None, offset: int = 0) -> list[CaseRow]:
    """A support person's own citizens (a coordinator: the programme's), most urgent first.

    Urgent = flagged 'har det svært', then open plans before paused or ended ones, then plans waiting
    longest for an answer, then newest; ordered by the database, so a page (``limit`` rows from
    ``offset``) costs the same at 100 or 100 000 citizens. Three statements whatever the number of
    citizens (one select here, the list's audit event and one bulk insert of an event per citizen shown);
    the programme's answer days come in the same select, so the page needs no query per row.
    """
    scope = _scope(actor)
    waiting = _oldest_waiting(scope)
    query = (
        select(Citizen.id.label("citizen_id"), Citizen.display_name, Citizen.internal_ref, Citizen.status,
               StaffUser.display_name.label("support_person"), Citizen.needs_help_since,
               CitizenCredential.locked_at.is_not(None).label("locked"),
               CourseProgress.current_step_id.label("course_step"),
               CourseProgress.completed_at.is_not(None).label("course_done"),
               waiting.c.submitted_at.label("waiting_since"), waiting.c.version.label("waiting_version"),
               Citizen.end_date, Programme.answer_working_days, Citizen.created_at, Citizen.status_reason)
        .join(StaffUser, StaffUser.id == Citizen.support_person_id)
        .join(Programme, Programme.id == Citizen.programme_id)
        .outerjoin(CitizenCredential, CitizenCredential.citizen_id == Citizen.id)
        .outerjoin(CourseProgress, CourseProgress.citizen_id == Citizen.id)
        .outerjoin(waiting, waiting.c.citizen_id == Citizen.id)
        .where(scope)
        .order_by(Citizen.needs_help_since.is_(None), Citizen.status != CitizenStatus.ACTIVE.value,
                  waiting.c.submitted_at.is_(None), waiting.c.submitted_at, Citizen.created_at.desc(),
                  Citizen.id.desc())
        .offset(offset).limit(limit)
    )
    names = [f.name for f in fields(CaseRow)]
    rows = [CaseRow(**{name: row[name] for name in names}) for row in session.execute(query).mappings()]
    audit.record_reads(session, actor, "list_citizens", (r.citizen_id for r in rows), detail=f"count={len(rows)}")
    return rows


def overview_counts(session: Session, *, actor: Actor, today: date) -> CaseloadCounts:
    """How many citizens the overview covers, are flagged, have a plan waiting, and waited too long
    (the promised answer date is before ``today``, the local date). Two statements at any size."""
    scope = _scope(actor)
    days = session.scalar(select(Programme.answer_working_days).where(Programme.id == actor.programme_id))
    waiting = _oldest_waiting(scope)
    overdue_before = _overdue_before(today, int(days or 5))
    total, flagged, waits, late = session.execute(
        select(func.count(), func.count(Citizen.needs_help_since), func.count(waiting.c.citizen_id),
               func.count(case((waiting.c.submitted_at < overdue_before, 1))))
        .select_from(Citizen).outerjoin(waiting, waiting.c.citizen_id == Citizen.id).where(scope)).one()
    return CaseloadCounts(int(total), int(flagged), int(waits), int(late))


def _overdue_before(today: date, answer_working_days: int) -> datetime:
    """Plans sent before this moment are overdue on ``today``: their promised answer date has passed.
    (The promised date never moves back when a plan is sent later, so one moment splits them.)"""
    day = today
    while promised_answer_date(_local_midnight(day), answer_working_days) >= today:
        day -= timedelta(days=1)
    return _local_midnight(day + timedelta(days=1))


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=LOCAL_TIMEZONE).astimezone(timezone.utc)
@dataclass(frozen=True)
class OperatorRow:
    internal_ref: str
    status: str
    locked: bool
    support_username: str


def operator_listing(session: Session) -> list[OperatorRow]:
    """The operator's CLI list: internal numbers only (no names), audited as a system read."""
    rows = session.execute(
        select(Citizen.id, Citizen.internal_ref, Citizen.status, CitizenCredential.locked_at, StaffUser.username)
        .join(StaffUser, StaffUser.id == Citizen.support_person_id)
        .outerjoin(CitizenCredential, CitizenCredential.citizen_id == Citizen.id)
        .order_by(Citizen.internal_ref)
    ).all()
    audit.record(session, None, "list_citizens_cli", detail=f"rows={len(rows)}")
    return [OperatorRow(r.internal_ref, r.status, r.locked_at is not None, r.username) for r in rows]


def citizen_id_for_ref(session: Session, internal_ref: str) -> int:
    from storage.errors import DomainError, N_
    citizen_id = session.scalar(select(Citizen.id).where(Citizen.internal_ref == (internal_ref or "").strip().upper()))
    if citizen_id is None:
        raise DomainError(N_("Den borger findes ikke."))
    return citizen_id
