"""Each side's rating of each long-term goal at a milestone: the citizen on their scale, the support person on
Socialstyrelsen's. Two views kept apart: a rating is a row of its own side, so neither overwrites the other.

A new rating for the same goal, milestone and side is a new row (history); the newest one counts. Only the
citizen's current long-term goals (not sub-goals, not removed) are rated, and only at a milestone whose date
has come. Staff reads and writes are audited; the note is never in the audit log.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs.text import clean_text
from storage import audit, milestones
from storage.access import Action, Actor, Resource, authorize
from storage.errors import N_, DomainError
from storage.models import Citizen, Goal, GoalRating
from storage.statuses import CitizenGoalRating, Rater, StaffRole, SupportGoalRating

# The scales in the words each side sees, best first (Danish msgids).
CITIZEN_SCALE = (
    (CitizenGoalRating.REACHED.value, N_("Jeg har nået målet")),
    (CitizenGoalRating.CLOSE.value, N_("Jeg er tæt på")),
    (CitizenGoalRating.ON_THE_WAY.value, N_("Jeg er på vej")),
    (CitizenGoalRating.NOT_YET.value, N_("Ikke endnu")),
    (CitizenGoalRating.DROPPED.value, N_("Det er ikke længere mit mål")),
)
SUPPORT_SCALE = (
    (SupportGoalRating.VERY_HIGH.value, N_("I meget høj grad nået")),
    (SupportGoalRating.HIGH.value, N_("I høj grad nået")),
    (SupportGoalRating.SOME.value, N_("I nogen grad nået")),
    (SupportGoalRating.LOW.value, N_("I ringe grad nået")),
    (SupportGoalRating.NOT_AT_ALL.value, N_("Slet ikke nået")),
    (SupportGoalRating.DROPPED.value, N_("Borgeren har ikke længere målet")),
)
NOTE_LIMIT = 300  # "an optional sentence": short on purpose


@dataclass(frozen=True)
class RatingView:
    goal_id: int
    rating: str
    note: str | None
    rated_at: datetime


@dataclass(frozen=True)
class MilestoneRatings:
    """Both sides' newest ratings at one milestone, by goal id, kept apart."""

    milestone: str
    citizen: dict[int, RatingView]
    support: dict[int, RatingView]


def _rater(actor: Actor) -> Rater:
    if not actor.is_staff:
        return Rater.CITIZEN
    if actor.role is StaffRole.SUPPORT:
        return Rater.SUPPORT
    raise DomainError(N_("Det har du ikke adgang til."))


def long_term_goal_ids(session: Session, citizen_id: int) -> list[int]:
    """The citizen's current long-term goals: what a milestone asks each side to rate."""
    return list(session.scalars(select(Goal.id).where(Goal.citizen_id == citizen_id, Goal.parent_id.is_(None),
                                                      Goal.removed_at.is_(None)).order_by(Goal.position, Goal.id)))


def _reached_milestone(citizen: Citizen, key: str) -> None:
    found = milestones.find(citizen.start_date, citizen.end_date, key)
    if found is None:
        raise DomainError(N_("Vælg et tidspunkt i forløbet."))
    if found.on > milestones.today():
        raise DomainError(N_("Det er ikke tid til det endnu."))


def rate(session: Session, *, actor: Actor, citizen_id: int, goal_id: int, milestone: str, rating: str,
         note: str | None = None) -> int:
    """One side's rating of one long-term goal at a milestone, with an optional short note."""
    rater = _rater(actor)
    citizen = authorize(session, actor, citizen_id, Resource.GOAL_RATING, Action.WRITE)
    scale = CITIZEN_SCALE if rater is Rater.CITIZEN else SUPPORT_SCALE
    if rating not in {value for value, _words in scale}:
        raise DomainError(N_("Vælg et af svarene."))
    _reached_milestone(citizen, milestone)
    if goal_id not in long_term_goal_ids(session, citizen_id):
        raise DomainError(N_("Målet findes ikke længere. Gå tilbage til siden."))
    note = clean_text(note, limit=NOTE_LIMIT, required=False)
    row = GoalRating(citizen_id=citizen_id, goal_id=goal_id, milestone=milestone, rater=rater.value,
                     rated_by_staff_id=actor.id if actor.is_staff else None, rating=rating, note=note)
    session.add(row)
    session.flush()
    audit.record_staff(session, actor, "rate_goal", citizen_id=citizen_id, object_type="goal", object_id=goal_id,
                       detail=milestone)
    return row.id


def newest(session: Session, citizen_ids: list[int], milestone_keys: Collection[str] | None = None) -> dict[
        tuple[int, str, str], dict[int, RatingView]]:
    """{(citizen id, milestone, rater): {goal id: newest rating}} for many citizens in one query (no access
    check: for the overview and the sweep, which check and audit themselves)."""
    if not citizen_ids:
        return {}
    query = select(GoalRating).where(GoalRating.citizen_id.in_(citizen_ids))
    if milestone_keys is not None:
        query = query.where(GoalRating.milestone.in_(sorted(set(milestone_keys))))
    found: dict[tuple[int, str, str], dict[int, RatingView]] = {}
    for row in session.scalars(query.order_by(GoalRating.created_at, GoalRating.id)):
        found.setdefault((row.citizen_id, row.milestone, row.rater), {})[row.goal_id] = RatingView(
            row.goal_id, row.rating, row.note, row.created_at)
    return found


def at_milestone(session: Session, *, actor: Actor, citizen_id: int, milestone: str) -> MilestoneRatings:
    """Both sides' newest rating of each goal at one milestone."""
    authorize(session, actor, citizen_id, Resource.GOAL_RATING, Action.READ)
    audit.record_staff(session, actor, "read_goal_ratings", citizen_id=citizen_id, detail=milestone)
    found = newest(session, [citizen_id], [milestone])
    return MilestoneRatings(milestone, found.get((citizen_id, milestone, Rater.CITIZEN.value), {}),
                            found.get((citizen_id, milestone, Rater.SUPPORT.value), {}))
