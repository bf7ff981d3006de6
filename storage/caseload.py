"""The support person's and coordinator's list of citizens, in a constant number of queries."""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import and_, case, exists, func, literal_column, select
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


def urgency_order(c) -> tuple:
    """The overview's order, most urgent first, over citizens' columns ``c`` (the table or a subquery's).

    Each key is written exactly as in the index ix_citizens_overview_order (migration 0015), so
    PostgreSQL reads a page of the coordinator's overview straight from that index: 'active' is a
    literal, not a bound parameter, for the same reason.
    """
    return (c.needs_help_since.is_(None), c.status != literal_column("'active'"), c.waiting_since.is_(None),
            c.waiting_since, c.created_at.desc(), c.id.desc())


_CITIZEN_COLUMNS = ("id", "display_name", "internal_ref", "status", "needs_help_since", "waiting_since",
                    "waiting_version", "end_date", "created_at", "status_reason", "support_person_id",
                    "programme_id")


def _one(column, condition):
    """One value from another table for a row of the page, found by its key."""
    return select(column).where(condition).scalar_subquery()


def overview(session: Session, *, actor: Actor, limit: int | None = None, offset: int = 0) -> list[CaseRow]:
    """A support person's own citizens (a coordinator: the programme's), most urgent first.

    Urgent = flagged 'har det svært', then open plans before paused or ended ones, then plans waiting
    longest for an answer (the oldest waiting plan, kept on the citizen row), then newest. The database
    orders and pages from one index, so the first page (``limit`` rows) reads only that page's rows at
    100 or 100 000 citizens; a later page (``offset``) walks the index up to it. Three statements whatever the number of citizens (one select here, the
    list's audit event and one bulk insert of an event per citizen shown).
    """
    # The page is chosen from citizens alone (the order's index); what comes from other tables is looked up
    # for the page's rows only, by primary key, so neither a late page nor a big programme adds joins.
    page = (select(*(getattr(Citizen, name) for name in _CITIZEN_COLUMNS)).where(_scope(actor))
            .order_by(*urgency_order(Citizen)).offset(offset).limit(limit).subquery())
    c = page.c
    query = (
        select(c.id.label("citizen_id"), c.display_name, c.internal_ref, c.status,
               _one(StaffUser.display_name, StaffUser.id == c.support_person_id).label("support_person"),
               c.needs_help_since,
               exists().where(CitizenCredential.citizen_id == c.id, CitizenCredential.locked_at.is_not(None))
               .label("locked"),
               _one(CourseProgress.current_step_id, CourseProgress.citizen_id == c.id).label("course_step"),
               exists().where(CourseProgress.citizen_id == c.id, CourseProgress.completed_at.is_not(None))
               .label("course_done"),
               c.waiting_since, c.waiting_version, c.end_date,
               _one(Programme.answer_working_days, Programme.id == c.programme_id).label("answer_working_days"),
               c.created_at, c.status_reason)
        .order_by(*urgency_order(c))
    )
    names = [f.name for f in fields(CaseRow)]
    rows = [CaseRow(**{name: row[name] for name in names}) for row in session.execute(query).mappings()]
    audit.record_reads(session, actor, "list_citizens", (r.citizen_id for r in rows), detail=f"count={len(rows)}")
    return rows


def overview_counts(session: Session, *, actor: Actor, today: date) -> CaseloadCounts:
    """How many citizens the overview covers, are flagged, have a plan waiting, and waited too long
    (the promised answer date is before ``today``, the local date). Two statements at any size, and
    only the citizens table is read."""
    scope = _scope(actor)
    days = session.scalar(select(Programme.answer_working_days).where(Programme.id == actor.programme_id))
    overdue_before = _overdue_before(today, int(days or 5))
    total, flagged, waits, late = session.execute(
        select(func.count(), func.count(Citizen.needs_help_since), func.count(Citizen.waiting_since),
               func.count(case((Citizen.waiting_since < overdue_before, 1))))
        .where(scope)).one()
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
