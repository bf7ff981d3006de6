"""The support person's and coordinator's list of citizens, in a constant number of queries."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from storage import audit
from storage.access import Actor, require_role
from storage.models import (Citizen, CitizenCredential, CourseProgress, StaffRole, StaffUser, Submission,
                            SubmissionStatus)


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


def overview(session: Session, *, actor: Actor) -> list[CaseRow]:
    """A support person's own citizens (a coordinator: the programme's), most urgent first.

    Urgent = flagged 'har det svært', then plans waiting longest for an answer, then newest.
    Two queries whatever the number of citizens (one here, one audit insert).
    """
    require_role(actor, StaffRole.SUPPORT, StaffRole.COORDINATOR)
    latest = (
        select(Submission.citizen_id, func.max(Submission.version).label("version"))
        .group_by(Submission.citizen_id).subquery()
    )
    waiting = (
        select(Submission.citizen_id, Submission.submitted_at, Submission.version)
        .join(latest, and_(latest.c.citizen_id == Submission.citizen_id, latest.c.version == Submission.version))
        .where(Submission.status == SubmissionStatus.WAITING.value)
        .subquery()
    )
    query = (
        select(Citizen.id, Citizen.display_name, Citizen.internal_ref, Citizen.status, StaffUser.display_name,
               Citizen.needs_help_since, CitizenCredential.locked_at, CourseProgress.current_step_id,
               CourseProgress.completed_at, waiting.c.submitted_at, waiting.c.version, Citizen.end_date,
               Citizen.created_at)
        .join(StaffUser, StaffUser.id == Citizen.support_person_id)
        .outerjoin(CitizenCredential, CitizenCredential.citizen_id == Citizen.id)
        .outerjoin(CourseProgress, CourseProgress.citizen_id == Citizen.id)
        .outerjoin(waiting, waiting.c.citizen_id == Citizen.id)
        .where(Citizen.programme_id == actor.programme_id)
    )
    if actor.role is StaffRole.SUPPORT:
        query = query.where(Citizen.support_person_id == actor.id)
    rows = [
        CaseRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6] is not None, r[7], r[8] is not None, r[9], r[10], r[11])
        for r in session.execute(query.order_by(Citizen.created_at.desc(), Citizen.id.desc()))
    ]
    rows.sort(key=_urgency)
    audit.record(session, actor, "list_citizens", detail=f"count={len(rows)}")
    return rows


def _urgency(row: CaseRow) -> tuple:
    far_future = datetime.max.replace(tzinfo=None)
    return (
        row.needs_help_since is None,
        row.status != "active",
        row.waiting_since is None,
        (row.waiting_since.replace(tzinfo=None) if row.waiting_since else far_future),
    )
