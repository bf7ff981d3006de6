"""The "a milestone is due" sweep: once per citizen and milestone, tell the citizen (SMS, if they said yes)
and their support person (e-mail) that it is time to look at the goals. Run by `borgerbudget notify` before
each round; safe to run as often as wanted, from several replicas at once.

The row in milestone_notices is written with INSERT … ON CONFLICT DO NOTHING: the one sweep whose insert
went in adds the outbox rows, in the same transaction, so a notice is never sent twice and never lost. A
milestone one side has already done tells only the other side; one both sides have done tells nobody.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage import milestone_status, milestones, notifications
from storage.milestone_status import OPEN
from storage.models import MilestoneNotice, utcnow


def _claim(session: Session, citizen_id: int, milestone: str) -> bool:
    """Record that this citizen is told about this milestone; False when someone already did."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(MilestoneNotice).values(citizen_id=citizen_id, milestone=milestone,
                                                       created_at=utcnow()).on_conflict_do_nothing()
    return session.execute(statement.returning(MilestoneNotice.id)).scalar() is not None


def sweep(session: Session, *, on: date | None = None) -> int:
    """Tell everyone whose current milestone is open and who was not told yet. Returns how many citizens'
    milestones were noticed now (whether or not a channel could carry the message)."""
    noticed = 0
    for citizen_id, status in sorted(milestone_status.all_open(session, on or milestones.today()).items()):
        if not _claim(session, citizen_id, status.milestone.key):
            continue
        notifications.milestone_due(session, citizen_id, citizen=status.citizen in OPEN,
                                    staff=status.support in OPEN)
        noticed += 1
    return noticed
