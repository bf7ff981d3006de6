"""Follow-up check-ins: goal ratings by both sides and WHO-5 well-being, at start, midway and end.

The evaluation of the scheme asked citizens and support persons how close the
citizen is to their long-term goal, and how the citizen feels (WHO-5, the
Danish-developed well-being index, free to use). Recording the same answers
as part of the work gives the coordinator that report without a survey.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs import limits
from dialogs.text import clean_text
from storage import audit
from storage.access import Action, Actor, Resource, authorize
from storage.errors import N_, DomainError
from storage.models import CheckIn

PHASES = ("start", "mid", "end", "other")
WHO5_ITEMS = 5
WHO5_ITEM_MAX = 5  # each item is answered 0 ("at no time") to 5 ("all of the time")
WHO5_RAW_MAX = WHO5_ITEMS * WHO5_ITEM_MAX
RATING_MIN, RATING_MAX = 1, 5


@dataclass(frozen=True)
class CheckInView:
    id: int
    phase: str
    who5_raw: int | None
    citizen_goal_rating: int | None
    support_goal_rating: int | None
    note: str | None
    created_at: datetime
    recorded_by_staff: bool

    @property
    def who5_percent(self) -> int | None:
        """WHO-5 as the usual 0-100 index (raw score times 4)."""
        return None if self.who5_raw is None else self.who5_raw * 100 // WHO5_RAW_MAX


def who5_raw_from_items(items: Sequence[int | None]) -> int | None:
    """The raw WHO-5 score (0-25) from the five answers; None when none was answered.

    A partly answered index is not a score, so it is refused rather than guessed.
    """
    if len(items) != WHO5_ITEMS:
        raise DomainError(N_("Svar på alle fem spørgsmål om trivsel, eller lad dem alle være tomme."))
    answered = [i for i in items if i is not None]
    if not answered:
        return None
    if len(answered) != WHO5_ITEMS:
        raise DomainError(N_("Svar på alle fem spørgsmål om trivsel, eller lad dem alle være tomme."))
    if any(not isinstance(i, int) or not 0 <= i <= WHO5_ITEM_MAX for i in answered):
        raise DomainError(N_("Et svar om trivsel er uden for skalaen. Vælg igen."))
    return sum(answered)


def _check_rating(value: int | None) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or not RATING_MIN <= value <= RATING_MAX:
        raise DomainError(N_("Vurderingen af målet skal være et tal fra {low} til {high}."),
                          low=RATING_MIN, high=RATING_MAX)
    return value


def add_check_in(session: Session, *, actor: Actor, citizen_id: int, phase: str, who5_raw: int | None = None,
                 citizen_goal_rating: int | None = None, support_goal_rating: int | None = None,
                 note: str | None = None) -> int:
    """Record one check-in. At least one answer is needed; a citizen cannot give the support person's rating."""
    authorize(session, actor, citizen_id, Resource.CHECK_IN, Action.WRITE)
    if phase not in PHASES:
        raise DomainError(N_("Vælg, hvornår i forløbet opfølgningen er."))
    if who5_raw is not None and (not isinstance(who5_raw, int) or not 0 <= who5_raw <= WHO5_RAW_MAX):
        raise DomainError(N_("Trivselstallet (WHO-5) skal være fra 0 til {high}."), high=WHO5_RAW_MAX)
    citizen_goal_rating = _check_rating(citizen_goal_rating)
    support_goal_rating = _check_rating(support_goal_rating)
    if support_goal_rating is not None and not actor.is_staff:
        raise DomainError(N_("Den vurdering giver din støtteperson."))
    note = clean_text(note, limit=limits.NOTE, required=False)
    if who5_raw is None and citizen_goal_rating is None and support_goal_rating is None and note is None:
        raise DomainError(N_("Udfyld mindst ét svar, før du gemmer opfølgningen."))
    check_in = CheckIn(citizen_id=citizen_id, recorded_by_id=actor.id if actor.is_staff else None, phase=phase,
                       who5_raw=who5_raw, citizen_goal_rating=citizen_goal_rating,
                       support_goal_rating=support_goal_rating, note=note)
    session.add(check_in)
    session.flush()
    audit.record_staff(session, actor, "add_check_in", citizen_id=citizen_id, object_type="check_in",
                       object_id=check_in.id, detail=phase)
    return check_in.id


def list_check_ins(session: Session, *, actor: Actor, citizen_id: int) -> list[CheckInView]:
    """The citizen's check-ins, newest first."""
    authorize(session, actor, citizen_id, Resource.CHECK_IN, Action.READ)
    audit.record_staff(session, actor, "read_check_ins", citizen_id=citizen_id)
    rows = session.scalars(select(CheckIn).where(CheckIn.citizen_id == citizen_id)
                           .order_by(CheckIn.created_at.desc(), CheckIn.id.desc()))
    return [CheckInView(c.id, c.phase, c.who5_raw, c.citizen_goal_rating, c.support_goal_rating, c.note,
                        c.created_at, c.recorded_by_id is not None) for c in rows]
