"""The support person's and coordinator's list of citizens, in a constant number of queries."""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from storage import audit
from storage.access import Actor, require_role
from storage.dates import promised_answer_date
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
from storage.statuses import plan_is_open
from storage.waiting import Waiting, waiting_since

__all__ = ["CaseRow", "Waiting", "overview"]


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


def overview(session: Session, *, actor: Actor) -> list[CaseRow]:
    """A support person's own citizens (a coordinator: the programme's), most urgent first.

    Urgent = flagged 'har det svært', then plans waiting longest for an answer, then newest.
    Three statements whatever the number of citizens (one select here, the list's audit event and one bulk
    insert of an event per citizen shown);
    the programme's answer days come in the same select, so the page needs no query per row.
    """
    require_role(actor, StaffRole.SUPPORT, StaffRole.COORDINATOR)
    # The oldest plan still waiting: that is the one the answer promise runs for.
    oldest = (
        select(Submission.citizen_id, func.min(Submission.version).label("version"))
        .where(Submission.status == SubmissionStatus.WAITING.value)
        .group_by(Submission.citizen_id).subquery()
    )
    waiting = (
        select(Submission.citizen_id, Submission.submitted_at, Submission.version)
        .join(oldest, and_(oldest.c.citizen_id == Submission.citizen_id, oldest.c.version == Submission.version))
        .subquery()
    )
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
        .where(Citizen.programme_id == actor.programme_id)
    )
    if actor.role is StaffRole.SUPPORT:
        query = query.where(Citizen.support_person_id == actor.id)
    names = [f.name for f in fields(CaseRow)]
    rows = [CaseRow(**{name: row[name] for name in names})
            for row in session.execute(query.order_by(Citizen.created_at.desc(), Citizen.id.desc())).mappings()]
    rows.sort(key=_urgency)
    audit.record_reads(session, actor, "list_citizens", (r.citizen_id for r in rows), detail=f"count={len(rows)}")
    return rows


def _urgency(row: CaseRow) -> tuple:
    far_future = datetime.max.replace(tzinfo=None)
    return (
        row.needs_help_since is None,
        not row.is_open,
        row.waiting_since is None,
        (row.waiting_since.replace(tzinfo=None) if row.waiting_since else far_future),
    )
