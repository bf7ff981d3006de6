"""How long a sent plan has waited for its answer, measured against the promise (the programme's number of
Danish working days). The overview, the review queue and the citizen's page all ask here."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from storage.dates import LOCAL_TIMEZONE, working_days_between


@dataclass(frozen=True)
class Waiting:
    """How long a sent plan has waited for an answer, against the promise."""

    version: int
    since: datetime
    working_days: int        # Danish working days since it was sent
    answer_by: date          # the promised answer date
    overdue: bool            # the promised date has passed
    working_days_late: int   # working days after the promised date (0 on a weekend just after it)


def waiting_since(version: int, submitted_at: datetime, answer_by: date, today: date) -> Waiting:
    """A Waiting for one sent plan, up to `today` (a local date)."""
    sent = submitted_at.astimezone(LOCAL_TIMEZONE).date()
    return Waiting(version, submitted_at, working_days_between(sent, today), answer_by, today > answer_by,
                   working_days_between(answer_by, today))
