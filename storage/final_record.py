"""What the citizen keeps at the end: their goals, the newest rating of each goal by each side, what was bought,
and their closing words. Read in a fixed number of queries, as frozen values for the final PDF.

Ratings are history (storage/models/followup.py): the newest row per goal and rater counts, whatever the
milestone. The support person's rating is shown as their rating, never mixed with the citizen's.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import audit, closing
from storage.access import Action, Actor, Resource, authorize
from storage.models import GoalRating, LedgerEntry, WishItem
from storage.plan_view import PlanView, get_plan
from storage.statuses import HOLDS_MONEY, LedgerKind


@dataclass(frozen=True)
class GoalRatings:
    citizen: str | None           # CitizenGoalRating value
    citizen_note: str | None      # the citizen's own sentence
    support: str | None           # SupportGoalRating value


@dataclass(frozen=True)
class Bought:
    title: str
    goal_id: int | None
    paid_ore: int
    approved_ore: int


@dataclass(frozen=True)
class FinalRecord:
    plan: PlanView
    ratings: dict[int, GoalRatings]         # goal id -> newest ratings
    bought: tuple[Bought, ...]              # wishes with money promised, paid or not
    closing_answers: dict[str, object]      # closing step id -> answer (skipped ones left out)
    ended_at: datetime | None
    end_date: date


def newest_ratings(session: Session, citizen_id: int) -> dict[int, GoalRatings]:
    """The newest rating per goal and rater, in one query."""
    newest: dict[tuple[int, str], GoalRating] = {}
    for row in session.scalars(select(GoalRating).where(GoalRating.citizen_id == citizen_id)
                               .order_by(GoalRating.created_at, GoalRating.id)):
        newest[(row.goal_id, row.rater)] = row  # later rows win
    result: dict[int, GoalRatings] = {}
    for goal_id in {g for g, _ in newest}:
        mine, theirs = newest.get((goal_id, "citizen")), newest.get((goal_id, "support"))
        result[goal_id] = GoalRatings(mine.rating if mine else None, mine.note if mine else None,
                                      theirs.rating if theirs else None)
    return result


def collect(session: Session, *, actor: Actor, citizen_id: int) -> FinalRecord:
    citizen = authorize(session, actor, citizen_id, Resource.PLAN, Action.READ)
    audit.record_staff(session, actor, "read_final_record", citizen_id=citizen_id)
    plan = get_plan(session, actor=actor, citizen_id=citizen_id)
    paid = dict(session.execute(
        select(LedgerEntry.wish_item_id, func.sum(LedgerEntry.amount_ore))
        .where(LedgerEntry.citizen_id == citizen_id, LedgerEntry.kind == LedgerKind.PAYMENT_PAID.value)
        .group_by(LedgerEntry.wish_item_id)).all())
    items = session.scalars(select(WishItem).where(
        WishItem.citizen_id == citizen_id, WishItem.removed_at.is_(None), WishItem.status.in_(HOLDS_MONEY))
        .order_by(WishItem.position, WishItem.id))
    bought = tuple(Bought(i.title, i.goal_id, int(paid.get(i.id, 0)), i.approved_ore) for i in items)
    answers = {k: v for k, v in closing.load(session, actor=actor, citizen_id=citizen_id).answers.items()
               if not closing.engine.is_skipped(v)}
    return FinalRecord(plan, newest_ratings(session, citizen_id), bought, answers, citizen.ended_at,
                       citizen.end_date)
