"""The report's figures computed the straightforward way: every row of the programme read into Python and
counted by the definitions in storage/programme_report.py. The SQL must agree with this."""
from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from storage.dates import LOCAL_TIMEZONE, add_working_days, working_days_between
from storage.db import write_session
from storage.models import Citizen, Goal, GoalRating, LedgerEntry, Programme, Submission, WishItem, Who5Response
from storage.statuses import CITIZEN_ATTAINED, PLANNED, SUPPORT_ATTAINED


def milestone_rank(key: str) -> int:
    fixed = {"start": 0, "last": 9998, "end": 9999}
    return fixed[key] if key in fixed else int(key[1:])


@dataclass
class Reference:
    citizens: int
    citizen_rated: int
    citizen_attained: int
    support_goals: int
    support_attained: int
    support_people: int
    who5_n: int
    who5_start_sum: int
    who5_end_sum: int
    who5_improved: int
    who5_worse: int
    categories: dict
    money_sums: dict
    money_bands: dict
    money_medians: dict
    answered: int
    answer_median: float
    within_promise: int
    waiting: int
    endings: dict


def _median_rounded(values: list[int]) -> int:
    return int(round(statistics.median(values) / 10_000)) * 10_000


def load_rows(engine, programme_id: int) -> dict:
    """Every row of the programme that the report reads, as plain Core rows."""
    def rows(model):
        table = model.__table__
        query = select(table)
        if model is not Citizen:
            query = query.join(Citizen, Citizen.id == table.c.citizen_id)
        return s.execute(query.where(Citizen.programme_id == programme_id)).all()

    with write_session(engine) as s:
        programme = s.get_one(Programme, programme_id)
        return {"programme": (programme.ended_at, programme.answer_working_days),
                **{m.__tablename__: rows(m) for m in (Citizen, Goal, GoalRating, Who5Response, WishItem,
                                                      LedgerEntry, Submission)}}


def reference(engine, programme_id: int, intake: tuple[date, date] | None, today: date,
              loaded: dict | None = None) -> Reference:
    data = loaded or load_rows(engine, programme_id)
    people = [c for c in data["citizens"] if intake is None or intake[0] <= c.start_date <= intake[1]]
    ids = {c.id for c in people}
    goals = {g.id: g for g in data["goals"] if g.citizen_id in ids}
    ratings = [r for r in data["goal_ratings"] if r.citizen_id in ids]
    who5 = [w for w in data["who5_responses"] if w.citizen_id in ids]
    wishes = [w for w in data["wish_items"] if w.citizen_id in ids]
    ledger = [e for e in data["ledger_entries"] if e.citizen_id in ids]
    plans = [p for p in data["submissions"] if p.citizen_id in ids]
    ended_programme, promise = data["programme"]

    def long_term(goal_id):
        g = goals.get(goal_id)
        return g is not None and g.parent_id is None and g.removed_at is None

    def newest(rater):
        out = {}
        for r in sorted(ratings, key=lambda r: (r.created_at, r.id)):
            if r.rater == rater and long_term(r.goal_id):
                out[(r.goal_id, r.milestone)] = r
        return out

    own = newest("citizen")
    by_citizen = defaultdict(list)
    for r in own.values():
        by_citizen[r.citizen_id].append(r)
    attained = 0
    for rows in by_citizen.values():
        top = max(milestone_rank(r.milestone) for r in rows)
        attained += any(r.rating in CITIZEN_ATTAINED for r in rows if milestone_rank(r.milestone) == top)

    theirs = newest("support")
    by_goal = defaultdict(list)
    for r in theirs.values():
        by_goal[r.goal_id].append(r)
    support_good = sum(max(rows, key=lambda r: milestone_rank(r.milestone)).rating in SUPPORT_ATTAINED
                       for rows in by_goal.values())

    scores = {}
    for w in sorted(who5, key=lambda w: (w.created_at, w.id)):
        scores[(w.citizen_id, w.milestone)] = None if w.skipped else 4 * sum(
            getattr(w, f"item{i}") for i in range(1, 6))
    pairs = []
    for cid in ids:
        start = scores.get((cid, "start"))
        end = scores.get((cid, "end")) if scores.get((cid, "end")) is not None else scores.get((cid, "last"))
        if start is not None and end is not None:
            pairs.append((start, end))

    categories = defaultdict(lambda: [0, set()])
    for g in goals.values():
        if g.parent_id is None and g.removed_at is None:
            categories[g.category][0] += 1
            categories[g.category][1].add(g.citizen_id)

    per = {c.id: {"planned": c.committed_ore, "approved": c.committed_ore, "paid": 0} for c in people}
    for w in wishes:
        if w.status in PLANNED and w.removed_at is None and w.price_ore is not None:
            per[w.citizen_id]["planned"] += w.price_ore * w.quantity
    for e in ledger:
        if e.kind == "payment_paid":
            per[e.citizen_id]["paid"] += e.amount_ore
    bands = {m: defaultdict(int) for m in ("planned", "approved", "paid")}
    for amounts in per.values():
        for m, v in amounts.items():
            bands[m][0 if v <= 0 else min(v // 1_000_000 + 1, 6)] += 1

    def local(moment):
        return moment.astimezone(LOCAL_TIMEZONE).date()

    answered = [p for p in plans if p.answered_at is not None]
    days = [working_days_between(local(p.submitted_at), local(p.answered_at)) for p in answered]
    within = sum(local(p.answered_at) <= add_working_days(local(p.submitted_at), promise) for p in answered)

    endings = defaultdict(int)
    for c in people:
        if c.status == "paused":
            endings["paused"] += 1
        elif c.status != "ended":
            endings["active"] += 1
        elif ended_programme is not None and c.ended_at == ended_programme:
            endings["programme_ended"] += 1
        elif c.ended_at is not None and local(c.ended_at) >= c.end_date:
            endings["period_over"] += 1
        else:
            endings["ended_early"] += 1

    return Reference(
        citizens=len(people), citizen_rated=len(by_citizen), citizen_attained=attained,
        support_goals=len(by_goal), support_attained=support_good,
        support_people=len({rows[0].citizen_id for rows in by_goal.values()}),
        who5_n=len(pairs), who5_start_sum=sum(a for a, _ in pairs), who5_end_sum=sum(b for _, b in pairs),
        who5_improved=sum(b - a >= 10 for a, b in pairs), who5_worse=sum(a - b >= 10 for a, b in pairs),
        categories={k: (n, len(who)) for k, (n, who) in categories.items()},
        money_sums={m: sum(a[m] for a in per.values()) for m in ("planned", "approved", "paid")},
        money_bands={m: dict(b) for m, b in bands.items()},
        money_medians={m: _median_rounded([a[m] for a in per.values()]) for m in ("planned", "approved", "paid")},
        answered=len(answered), answer_median=statistics.median(days) if days else None,
        within_promise=within, waiting=len(plans) - len(answered), endings=dict(endings))
