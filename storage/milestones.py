"""The milestones of a citizen's period, and where each one stands. Pure: dates in, small values out.

A period from ``start_date`` to ``end_date`` has these milestones, each on a date:

- 'start' on the start date;
- 'm3', 'm6', … every ``EVERY_MONTHS`` months after the start, while before the last month;
- 'last' when the last month begins (one month before the end);
- 'end' on the end date.

Each milestone is *current* from its date until the next milestone's date ('end' stays current after the end).
For one side (the citizen or the support person) the current milestone is:

- **done** when that side has done what the milestone asks (`is_done`, the one place that says so);
- **due** while not done and fewer than ``DUE_DAYS`` days have passed since its date;
- **overdue** when not done after that.

An earlier milestone that was never done is **missed**: the next one has taken its place.
"""
from __future__ import annotations

import enum
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from storage.dates import LOCAL_TIMEZONE, add_months

EVERY_MONTHS = 3
DUE_DAYS = 42  # six weeks to answer before a milestone counts as overdue
START, LAST, END = "start", "last", "end"


class State(str, enum.Enum):
    UPCOMING = "upcoming"
    DUE = "due"
    OVERDUE = "overdue"
    DONE = "done"
    MISSED = "missed"


@dataclass(frozen=True)
class Milestone:
    key: str          # 'start', 'm3', 'm6', …, 'last', 'end' (stored in goal_ratings and who5_responses)
    on: date
    months: int       # months after the start (for 'm3' 3; 'last' and 'end' count from the end)
    asks_who5: bool   # WHO-5 is asked at the start, midway and at the end


def today() -> date:
    """Today in Denmark (a milestone on the 1st is due from Danish midnight, not UTC's)."""
    return datetime.now(LOCAL_TIMEZONE).date()


def months_between(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months if end.day >= start.day else months - 1


def milestones(start_date: date, end_date: date) -> tuple[Milestone, ...]:
    """All milestones of the period, in date order."""
    total = max(months_between(start_date, end_date), 1)
    last_on = max(add_months(end_date, -1), start_date + timedelta(days=1))
    middle = [Milestone(f"m{m}", add_months(start_date, m), m, False)
              for m in range(EVERY_MONTHS, total, EVERY_MONTHS) if add_months(start_date, m) < last_on]
    if middle:  # WHO-5 midway: the milestone nearest the middle of the period (the earlier one on a tie)
        halfway = start_date + (end_date - start_date) / 2
        mid = min(middle, key=lambda m: abs((m.on - halfway).days))
        middle = [Milestone(m.key, m.on, m.months, True) if m is mid else m for m in middle]
    steps = [Milestone(START, start_date, 0, True), *middle]
    if last_on < end_date and last_on > start_date:
        steps.append(Milestone(LAST, last_on, total - 1, False))
    steps.append(Milestone(END, end_date, total, True))
    return tuple(steps)


def keys(start_date: date, end_date: date) -> tuple[str, ...]:
    return tuple(m.key for m in milestones(start_date, end_date))


def current(start_date: date, end_date: date, on: date) -> Milestone | None:
    """The milestone whose turn it is on ``on``: the latest one whose date has come (None before the start)."""
    reached = [m for m in milestones(start_date, end_date) if m.on <= on]
    return reached[-1] if reached else None


def find(start_date: date, end_date: date, key: str) -> Milestone | None:
    return next((m for m in milestones(start_date, end_date) if m.key == key), None)


def is_done(goal_ids: Collection[int], rated_goal_ids: Collection[int], *, who5_needed: bool = False,
            who5_given: bool = False) -> bool:
    """The one rule for "done": one side has rated every current long-term goal for the milestone, and, for
    the citizen at a WHO-5 milestone, answered WHO-5 or chosen to skip it. With no goals there is nothing
    to rate."""
    return set(goal_ids) <= set(rated_goal_ids) and (who5_given or not who5_needed)


def state(milestone: Milestone, current_milestone: Milestone | None, on: date, *, done: bool) -> State:
    """Where one milestone stands for one side on ``on``."""
    if done:
        return State.DONE
    if milestone.on > on:
        return State.UPCOMING
    if current_milestone is None or milestone.key != current_milestone.key:
        return State.MISSED
    return State.DUE if on < milestone.on + timedelta(days=DUE_DAYS) else State.OVERDUE
