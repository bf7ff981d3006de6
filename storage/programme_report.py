"""Socialstyrelsen's figures for a programme, or for one intake of it, as frozen dataclasses of numbers.

The two headline figures, defined precisely:

* **Citizens who reach their goal, in their own view** (:attr:`ProgrammeFigures.citizen_attainment`): of the
  citizens who rated at least one of their long-term goals (not removed) themselves, the share who call at
  least one goal *reached* or *close* (``CITIZEN_ATTAINED``). Each citizen is judged at their *latest
  milestone* — the latest of start < m3 < m6 < … < last < end at which they rated any goal — by the newest
  rating of each goal at that milestone. A goal the citizen calls "no longer my goal" counts as not reached.
* **Goals reached in the support person's view** (:attr:`ProgrammeFigures.support_attainment`): of the
  long-term goals a support person rated, the share rated reached to a *very high* or *high* degree
  (``SUPPORT_ATTAINED``), each goal judged by the newest support rating at that goal's latest rated milestone.

The rest: WHO-5 from start to end (storage/report_sql.citizen_figures), the goal categories, the budget per
citizen (planned = approved + the price of wishes not answered yet; approved = promised, withdrawals
subtracted; paid = payments finance paid) with its distribution, the time from a sent plan to its answer in
Danish working days against the programme's promise, and where the citizens' periods stand.

Every figure passes storage/small_groups.py. The figures cost a fixed number of SQL statements (one per
group of figures in storage/report_sql.py), whatever the number of citizens. What each citizen counts as in the
two headline figures, WHO-5 and money is worked out per citizen, by the definitions above, in
storage/models/figures_copy.py and kept on the citizen row. A module that adds figures
(the evidence section) can call :func:`programme_figures` and read the dataclasses; nothing here needs names.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from storage import audit, report_sql
from storage.access import Actor, require_role
from storage.dates import LOCAL_TIMEZONE, add_working_days, working_days_between
from storage.models import Programme, StaffRole
from storage.small_groups import MIN_GROUP, group_may_be_shown, is_small, share, withhold_counts

WHO5_MEANINGFUL_CHANGE = 10          # points on the 0-100 scale: the clinically relevant change
MEDIAN_ROUNDING_ORE = 10_000         # a median is one citizen's amount: shown to the nearest 100 kr.
MEAN_ROUNDING_ORE = 100              # means to whole kroner
ENDING_KINDS = ("active", "paused", "period_over", "ended_early", "programme_ended")


@dataclass(frozen=True)
class Intake:
    """Citizens whose start date is in [start_from, start_to] (both included)."""

    start_from: date
    start_to: date


@dataclass(frozen=True)
class Share:
    """``part`` of ``n`` (citizens or goals) behind ``people`` citizens; part and value None when withheld."""

    n: int | None
    part: int | None
    value: float | None
    people: int | None = None


WITHHELD = Share(None, None, None)


@dataclass(frozen=True)
class Who5Change:
    """Citizens with a start and an end score: mean scores (0-100), mean change, clearly better/worse."""

    n: int | None
    mean_start: float | None
    mean_end: float | None
    mean_change: float | None
    improved: int | None
    worse: int | None
    improved_share: float | None


@dataclass(frozen=True)
class CategoryCount:
    key: str | None
    goals: int | None
    citizens: int | None


@dataclass(frozen=True)
class MoneyMeasure:
    """One of planned / approved / paid, per citizen: the sum, mean and median, and citizens per band."""

    measure: str
    total_ore: int | None
    mean_ore: int | None
    median_ore: int | None
    bands: tuple[int | None, ...]          # citizens in band 0 .. report_sql.BANDS (see money_bands)


@dataclass(frozen=True)
class AnswerTimes:
    """Sent plan versions answered: median working days, and how many within the programme's promise."""

    answered: int | None
    median_working_days: float | None
    within_promise: int | None
    within_share: float | None
    waiting: int | None
    waiting_overdue: int | None
    promise_working_days: int


@dataclass(frozen=True)
class ProgrammeFigures:
    intake: Intake | None
    citizens: int | None                   # None: a small intake (0 is shown)
    budgets_ore: int | None
    citizen_attainment: Share
    support_attainment: Share
    who5: Who5Change
    categories: tuple[CategoryCount, ...]
    money: tuple[MoneyMeasure, ...]
    answers: AnswerTimes
    endings: dict[str, int | None]


def _rounded(ore: float, step: int) -> int:
    return int(round(ore / step)) * step


def _attainment(figures: report_sql.CitizenFigures, span) -> tuple[Share, Share]:
    (rated, _attained, sel_rated, sel_attained), (goals, good, people, sel_goals, sel_good, sel_people) = \
        figures.own, figures.support
    own = share(sel_attained, sel_rated, rated if span else None)
    citizen = Share(sel_rated, sel_attained, own, sel_rated) if own is not None else WITHHELD
    shown = group_may_be_shown(sel_people, people if span else None) and \
        (not span or group_may_be_shown(sel_goals, goals))
    support = Share(sel_goals, sel_good, sel_good / sel_goals, sel_people) if shown else WITHHELD
    return citizen, support


def _who5(figures: report_sql.CitizenFigures, span) -> Who5Change:
    n, s, e, up, down, sn, ss, se, sup, sdown = figures.who5
    if not group_may_be_shown(sn, n if span else None):
        return Who5Change(None, None, None, None, None, None, None)
    return Who5Change(sn, round(ss / sn, 1), round(se / sn, 1), round((se - ss) / sn, 1), sup, sdown, sup / sn)


def _categories(session, pid, span) -> tuple[CategoryCount, ...]:
    rows = report_sql.goal_categories(session, pid, span)
    people = withhold_counts({key: sel_people for key, _g, _p, _sg, sel_people in rows},
                             {key: whole for key, _g, whole, _sg, _sp in rows} if span else None)
    out = [CategoryCount(key, sel_goals if people[key] is not None else None, people[key])
           for key, _g, _p, sel_goals, _sp in rows if sel_goals or people[key] is None]
    return tuple(sorted(out, key=lambda c: (-(c.goals or 0), c.key or "")))


def _money(session, pid, span) -> tuple[int | None, tuple[MoneyMeasure, ...]]:
    cells, medians = report_sql.money(session, pid, span)
    n, sn = sum(c.citizens for c in cells), sum(c.citizens for c in cells if c.sel)
    sums_shown = group_may_be_shown(sn, n if span else None)
    measures = []
    for measure in report_sql.MEASURES:
        total = sum(c.sums[measure] for c in cells if c.sel)
        whole = dict.fromkeys(range(report_sql.BANDS + 1), 0)      # citizens per band: programme, selection
        selected = dict.fromkeys(range(report_sql.BANDS + 1), 0)
        for c in cells:
            whole[c.bands[measure]] += c.citizens
            selected[c.bands[measure]] += c.citizens if c.sel else 0
        kept = withhold_counts(selected, whole if span else None)
        # A sum over three citizens of whom two have nothing is the third one's amount: sums and means need
        # MIN_GROUP citizens with an amount. A median could pin down a withheld band, so it needs all bands shown.
        contributors, whole_contributors = sn - selected[0], n - whole[0]
        summed = sums_shown and not is_small(contributors) and \
            not (span and is_small(whole_contributors - contributors))
        median = medians.get(measure)
        median_shown = median is not None and sn >= MIN_GROUP and summed and None not in kept.values()
        measures.append(MoneyMeasure(
            measure, total if summed else None, _rounded(total / sn, MEAN_ROUNDING_ORE) if summed else None,
            _rounded(median, MEDIAN_ROUNDING_ORE) if median_shown else None,
            tuple(kept.values())))
    budgets = sum(c.budget for c in cells if c.sel)
    return (budgets if sums_shown else None), tuple(measures)


def _answers(session, pid, span, promise: int, today: date) -> AnswerTimes:
    rows = report_sql.answer_days(session, pid, span)
    durations: list[tuple[int, int]] = []      # (working days, plans), selection only
    within = waiting = overdue = whole_answered = whole_waiting = whole_overdue = 0
    for sent, answered, n, sel in rows:
        if answered is None:
            late = today > add_working_days(sent, promise)
            whole_waiting, waiting = whole_waiting + n, waiting + sel
            whole_overdue, overdue = whole_overdue + n * late, overdue + sel * late
            continue
        whole_answered += n
        if sel:
            durations.append((working_days_between(sent, answered), sel))
            within += sel if answered <= add_working_days(sent, promise) else 0
    answered = sum(n for _d, n in durations)
    shown = group_may_be_shown(answered, whole_answered if span else None)
    median = statistics.median([d for d, n in durations for _ in range(n)]) if shown else None
    waiting_kept = withhold_counts({"waiting": waiting, "overdue": overdue},
                                   {"waiting": whole_waiting, "overdue": whole_overdue} if span else None)
    return AnswerTimes(answered if shown else None, median, within if shown else None,
                       within / answered if shown else None, waiting_kept["waiting"], waiting_kept["overdue"],
                       promise)


def programme_figures(session: Session, *, actor: Actor, intake: Intake | None = None,
                      today: date | None = None) -> ProgrammeFigures:
    """The coordinator's own programme (or one intake of it), as numbers. Audited as a read of the programme."""
    require_role(actor, StaffRole.COORDINATOR)
    pid = actor.programme_id
    detail = f"intake={intake.start_from}..{intake.start_to}" if intake else None
    audit.record(session, actor, "read_programme_report", object_type="programme", object_id=pid, detail=detail)
    span = (intake.start_from, intake.start_to) if intake else None
    promise = session.get_one(Programme, pid).answer_working_days
    per_citizen = report_sql.citizen_figures(session, pid, span, WHO5_MEANINGFUL_CHANGE)
    citizen, support = _attainment(per_citizen, span)
    budgets, money = _money(session, pid, span)
    endings_rows = report_sql.endings(session, pid, span)
    kinds = withhold_counts({k: next((s for kind, _n, s in endings_rows if kind == k), 0) for k in ENDING_KINDS},
                            {k: next((n for kind, n, _s in endings_rows if kind == k), 0) for k in ENDING_KINDS}
                            if span else None)
    whole, citizens = sum(n for _k, n, _s in endings_rows), sum(s for _k, _n, s in endings_rows)
    return ProgrammeFigures(
        intake=intake, citizens=None if not group_may_be_shown(citizens, whole if span else None) and citizens
        else citizens, budgets_ore=budgets, citizen_attainment=citizen,
        support_attainment=support, who5=_who5(per_citizen, span), categories=_categories(session, pid, span),
        money=money, answers=_answers(session, pid, span, promise, today or datetime.now(LOCAL_TIMEZONE).date()),
        endings=kinds)
