"""Each citizen's oldest waiting plan, copied onto the citizen row after every flush that touches a plan.

The overviews sort by the plan waiting longest (storage/caseload.py). Read from `submissions`, that meant
reading every waiting plan of the programme for each page; copied onto `citizens`, one index gives a page
in order (migration 0015). The copy is kept here, for every flush that adds, changes or deletes a
Submission (sending, answering, the demo data and tests that backdate a plan), so no service can forget it.
Bulk statements that bypass the ORM (the benchmark's fill) must set it themselves.
"""
from __future__ import annotations

from itertools import chain

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from storage.models.people import Citizen
from storage.models.plan import Submission
from storage.statuses import SubmissionStatus

_PENDING = "waiting_copy_citizens"


def copy_statement(citizen_ids):
    """UPDATE citizens SET the oldest waiting plan's version and time, for ``citizen_ids``."""
    def oldest(column):
        return (select(column).where(Submission.citizen_id == Citizen.id,
                                     Submission.status == SubmissionStatus.WAITING.value)
                .order_by(Submission.version).limit(1).scalar_subquery())
    return update(Citizen).where(Citizen.id.in_(citizen_ids)).values(waiting_version=oldest(Submission.version), waiting_since=oldest(Submission.submitted_at))


@event.listens_for(Session, "after_flush")
def _note_touched_plans(session: Session, _context) -> None:
    touched = {obj.citizen_id for obj in chain(session.new, session.dirty, session.deleted)
               if isinstance(obj, Submission)}
    if touched:
        session.info.setdefault(_PENDING, set()).update(touched)


@event.listens_for(Session, "after_flush_postexec")
def _copy_oldest_waiting(session: Session, _context) -> None:
    ids = session.info.pop(_PENDING, None)
    if not ids:
        return
    session.connection().execute(copy_statement(sorted(ids)))
    for obj in list(session.identity_map.values()):  # loaded citizens read the new copy on next access
        if isinstance(obj, Citizen) and obj.id in ids:
            session.expire(obj, ["waiting_since", "waiting_version"])
