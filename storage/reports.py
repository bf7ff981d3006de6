"""The coordinator's cohort report, in the shape of Socialstyrelsen's evaluation of the scheme.

Only numbers leave this module: how many citizens and where they are, what their long-term goals are
about, how much of the budgets is approved and paid, how close the citizens feel to their goals, and
how their well-being (WHO-5) changed from start to end. Averages over fewer than ``MIN_GROUP`` people
are withheld, as one or two answers could point at a person the coordinator knows.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import audit, ledger, small_groups
from storage.access import Actor, require_role
from storage.checkins import PHASES
from storage.csv_files import write_csv
from storage.models import (
    CheckIn,
    Citizen,
    CitizenStatus,
    CourseAnswer,
    CourseProgress,
    Goal,
    StaffRole,
)

MIN_GROUP = small_groups.MIN_GROUP  # the one small-group rule (storage/small_groups.py)
WHO5_PERCENT_PER_POINT = 4           # the raw score 0-25 times 4 is the WHO-5 percentage score 0-100
WHO5_MEANINGFUL_CHANGE = 10          # percentage points: the change the WHO-5 literature calls relevant


@dataclass(frozen=True)
class Average:
    """The mean of ``n`` answers; ``value`` is None when n < MIN_GROUP (too few to show)."""

    n: int
    value: float | None

    @classmethod
    def of(cls, values: list[float]) -> "Average":
        n = len(values)
        return cls(n, round(sum(values) / n, 1) if n >= MIN_GROUP else None)


@dataclass(frozen=True)
class CohortReport:
    citizens: int
    by_status: dict[str, int]
    course_not_started: int
    course_in_progress: int
    course_finished: int
    citizens_with_goals: int
    goals_by_category: list[tuple[str | None, int]]   # long-term goals, most common first
    budget_total_ore: int
    approved_ore: int                                  # promised to approved wishes (withdrawals subtracted)
    waiting_payment_ore: int                           # asked of finance, not yet paid or rejected
    paid_ore: int
    citizen_goal_rating: dict[str, Average]            # per phase: 1 (far from the goal) to 5 (reached)
    support_goal_rating: dict[str, Average]
    who5_start: Average                                # percentage score 0-100
    who5_end: Average
    who5_change: Average                               # end minus start, for citizens with both
    who5_improved: int | None                          # of those: at least WHO5_MEANINGFUL_CHANGE better
    who5_worse: int | None                             # of those: at least WHO5_MEANINGFUL_CHANGE worse
    # (both None when fewer than MIN_GROUP have a change: "improved: 1" of one person is that person)

    @property
    def used_share(self) -> float:
        return self.approved_ore / self.budget_total_ore if self.budget_total_ore else 0.0


def _latest_check_ins(session: Session, programme_id: int) -> dict[tuple[int, str], CheckIn]:
    """Each citizen's newest check-in of each phase."""
    latest: dict[tuple[int, str], CheckIn] = {}
    rows = session.scalars(select(CheckIn).join(Citizen, Citizen.id == CheckIn.citizen_id)
                           .where(Citizen.programme_id == programme_id).order_by(CheckIn.created_at, CheckIn.id))
    for row in rows:
        latest[(row.citizen_id, row.phase)] = row
    return latest


def _counted(values: list[float], rule) -> int | None:
    """How many of `values` meet `rule`, withheld (None) when the values come from fewer than MIN_GROUP people:
    the small-group rule holds for every figure derived from them, not only for averages."""
    return sum(1 for v in values if rule(v)) if len(values) >= MIN_GROUP else None


def cohort_report(session: Session, *, actor: Actor) -> CohortReport:
    """The coordinator's own programme, as numbers. Audited as a read of the whole programme."""
    require_role(actor, StaffRole.COORDINATOR)
    pid = actor.programme_id
    audit.record(session, actor, "read_cohort_report", object_type="programme", object_id=pid)

    by_status = {s.value: 0 for s in CitizenStatus}
    for status, count in session.execute(select(Citizen.status, func.count())
                                         .where(Citizen.programme_id == pid).group_by(Citizen.status)):
        by_status[status] = int(count)
    total = sum(by_status.values())

    started = session.scalar(select(func.count(func.distinct(CourseAnswer.citizen_id)))
                             .join(Citizen, Citizen.id == CourseAnswer.citizen_id).where(Citizen.programme_id == pid))
    finished = session.scalar(select(func.count(CourseProgress.completed_at))
                              .join(Citizen, Citizen.id == CourseProgress.citizen_id).where(Citizen.programme_id == pid))
    in_progress = max(int(started) - int(finished), 0)  # finishing needs answers, so finished is within started

    goal_rows = session.execute(
        select(Goal.citizen_id, Goal.category).join(Citizen, Citizen.id == Goal.citizen_id)
        .where(Citizen.programme_id == pid, Goal.parent_id.is_(None), Goal.removed_at.is_(None))).all()
    categories = Counter(category for _cid, category in goal_rows)

    money = ledger.programme_ledger(session, pid)

    latest = _latest_check_ins(session, pid)
    citizen_ratings: dict[str, list[float]] = defaultdict(list)
    support_ratings: dict[str, list[float]] = defaultdict(list)
    who5: dict[str, dict[int, int]] = defaultdict(dict)
    for (cid, phase), row in latest.items():
        if row.citizen_goal_rating is not None:
            citizen_ratings[phase].append(row.citizen_goal_rating)
        if row.support_goal_rating is not None:
            support_ratings[phase].append(row.support_goal_rating)
        if row.who5_raw is not None:
            who5[phase][cid] = row.who5_raw * WHO5_PERCENT_PER_POINT
    changes = [who5["end"][cid] - start for cid, start in who5["start"].items() if cid in who5["end"]]

    return CohortReport(
        citizens=total, by_status=by_status,
        course_not_started=total - in_progress - int(finished), course_in_progress=in_progress,
        course_finished=int(finished),
        citizens_with_goals=len({cid for cid, _category in goal_rows}),
        goals_by_category=sorted(categories.items(), key=lambda kv: (-kv[1], kv[0] or "")),
        budget_total_ore=money.total_ore, approved_ore=money.approved_ore, waiting_payment_ore=money.requested_ore,
        paid_ore=money.paid_ore,
        citizen_goal_rating={p: Average.of(citizen_ratings[p]) for p in PHASES},
        support_goal_rating={p: Average.of(support_ratings[p]) for p in PHASES},
        who5_start=Average.of(list(who5["start"].values())), who5_end=Average.of(list(who5["end"].values())),
        who5_change=Average.of(changes),
        who5_improved=_counted(changes, lambda c: c >= WHO5_MEANINGFUL_CHANGE),
        who5_worse=_counted(changes, lambda c: c <= -WHO5_MEANINGFUL_CHANGE),
    )


def _csv_rows(report: CohortReport) -> list[tuple[str, object]]:
    """(key, value) pairs with stable English keys, for the municipality's own spreadsheets."""
    rows: list[tuple[str, object]] = [("citizens", report.citizens)]
    rows += [(f"citizens.{status}", n) for status, n in report.by_status.items()]
    rows += [("course.not_started", report.course_not_started), ("course.in_progress", report.course_in_progress),
             ("course.finished", report.course_finished), ("goals.citizens_with_goals", report.citizens_with_goals)]
    rows += [(f"goals.category.{key or 'none'}", n) for key, n in report.goals_by_category]
    rows += [("budget.total_ore", report.budget_total_ore), ("budget.approved_ore", report.approved_ore),
             ("budget.waiting_payment_ore", report.waiting_payment_ore), ("budget.paid_ore", report.paid_ore)]
    averages = [(f"goal_rating.citizen.{p}", a) for p, a in report.citizen_goal_rating.items()]
    averages += [(f"goal_rating.support.{p}", a) for p, a in report.support_goal_rating.items()]
    averages += [("who5.start", report.who5_start), ("who5.end", report.who5_end), ("who5.change", report.who5_change)]
    for key, average in averages:
        rows += [(f"{key}.n", average.n), (f"{key}.mean", "" if average.value is None else average.value)]
    rows += [("who5.improved_10_or_more", "" if report.who5_improved is None else report.who5_improved),
             ("who5.worse_10_or_more", "" if report.who5_worse is None else report.who5_worse)]
    return rows


def export_csv(session: Session, *, actor: Actor) -> str:
    """The report as CSV (key,value; averages of fewer than MIN_GROUP left empty). Audited as an export."""
    report = cohort_report(session, actor=actor)
    audit.record(session, actor, "export_cohort_report", object_type="programme", object_id=actor.programme_id)
    return write_csv(("key", "value"), _csv_rows(report))
