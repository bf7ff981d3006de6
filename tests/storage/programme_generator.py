"""A generated programme for the report tests: citizens with goals, both sides' ratings at milestones (with
history), WHO-5 answers (some skipped), wishes, approvals, payments and sent plans, by bulk Core inserts.

Deterministic (a seeded Random) and fast: COPY on PostgreSQL, executemany on SQLite; ids are given
explicitly from the tables' current maxima, so nothing is read back row by row.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, insert, select, text

from storage.db import write_session
from storage.models import (
    Citizen,
    Goal,
    GoalRating,
    LedgerEntry,
    Programme,
    StaffUser,
    Submission,
    WishItem,
    Who5Response,
)
from storage.models.figures_copy import recount
from storage.statuses import CitizenGoalRating, ItemStatus, SupportGoalRating

CATEGORIES = ("education_job", "housing", "health_wellbeing", "family_network", "leisure_community",
              "money_debt", "transport", "everyday_digital", None)
MILESTONES = ("start", "m3", "m6", "m9", "last", "end")
FIRST_START = date(2025, 1, 6)


@dataclass(frozen=True)
class Generated:
    programme_id: int
    coordinator_id: int
    citizens: int


def _bulk(s, model, rows: list[dict]) -> None:
    """Many rows at once: COPY on PostgreSQL (an executemany is a round trip per row there, and a multi-row
    INSERT spends its time compiling), a Core executemany on SQLite. COPY skips SQLAlchemy, so the columns'
    Python-side defaults are filled in here."""
    if not rows:
        return
    table = model.__table__
    if s.get_bind().dialect.name != "postgresql":
        s.execute(insert(table), rows)
        return
    defaults = {c.name: (c.default.arg(None) if c.default.is_callable else c.default.arg)
                for c in table.columns if c.default is not None and c.name not in rows[0]}
    columns = list(rows[0]) + list(defaults)
    raw = s.connection().connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            values = {**row, **defaults}
            copy.write_row([json.dumps(v) if isinstance(v, dict) else v for v in (values[c] for c in columns)])


def _next_id(s, model) -> int:
    return int(s.scalar(select(func.coalesce(func.max(model.id), 0)))) + 1


def generate_programme(engine, citizens: int, *, seed: int = 7, name: str = "Genereret") -> Generated:
    rng = random.Random(seed)
    now = datetime(2026, 6, 1, 12, tzinfo=timezone.utc)
    with write_session(engine) as s:
        programme = Programme(name=name, default_budget_ore=5_000_000, answer_working_days=5)
        s.add(programme)
        s.flush()
        pid = programme.id
        tag = f"{pid}-{rng.randrange(10**6)}"
        staff = _next_id(s, StaffUser)
        s.execute(insert(StaffUser), [
            {"id": staff + n, "programme_id": pid, "username": f"gen{tag}-{n}", "display_name": f"Støtte {n}",
             "role": "coordinator" if n == 0 else "support"} for n in range(1 + max(1, citizens // 25))])
        supports = [staff + n for n in range(1, 1 + max(1, citizens // 25))]
        cid0, gid0, wid0 = _next_id(s, Citizen), _next_id(s, Goal), _next_id(s, WishItem)
        people, goals, ratings, who5, wishes, ledger, plans = [], [], [], [], [], [], []
        gid, wid = gid0, wid0
        for n in range(citizens):
            cid = cid0 + n
            start = FIRST_START + timedelta(days=rng.randrange(0, 400))
            budget = rng.choice((3_000_000, 5_000_000, 5_000_000, 6_000_000))
            status = rng.choices(("active", "paused", "ended"), (80, 8, 12))[0]
            ended_at = None
            if status == "ended":
                ended_at = datetime.combine(start + timedelta(days=rng.choice((100, 200, 366, 400))),
                                            datetime.min.time(), timezone.utc) + timedelta(hours=rng.randrange(24))
            committed, pending = 0, 0
            for g in range(rng.randint(0, 3)):
                long_id, removed = gid, (now if rng.random() < 0.05 else None)
                goals.append({"id": gid, "citizen_id": cid, "parent_id": None, "text": "Mål",
                              "category": rng.choice(CATEGORIES), "position": g, "removed_at": removed})
                gid += 1
                if rng.random() < 0.5:
                    goals.append({"id": gid, "citizen_id": cid, "parent_id": long_id, "text": "Delmål",
                                  "category": None, "position": 0, "removed_at": None})
                    gid += 1
                for m_index, milestone in enumerate(MILESTONES[:rng.randint(0, len(MILESTONES))]):
                    at = now - timedelta(days=400 - 60 * m_index)
                    for rater, scale in (("citizen", CitizenGoalRating), ("support", SupportGoalRating)):
                        for version in range(rng.choice((0, 1, 1, 1, 2))):
                            ratings.append({"citizen_id": cid, "goal_id": long_id, "milestone": milestone,
                                            "rater": rater, "rating": rng.choice(list(scale)).value,
                                            "rated_by_staff_id": supports[n % len(supports)]
                                            if rater == "support" else None,
                                            "created_at": at + timedelta(minutes=version)})
                for _w in range(rng.randint(0, 3)):
                    price = rng.randrange(1, 25) * 100_000
                    state = rng.choice(list(ItemStatus))
                    holds = state.value in ("approved", "ordered", "paid") and committed + price <= budget
                    if not holds and state.value in ("approved", "ordered", "paid"):
                        state = ItemStatus.DECLINED
                    committed += price if holds else 0
                    removed_item = now if (not holds and rng.random() < 0.1) else None
                    if state.value in ("draft", "submitted", "change_requested") and removed_item is None:
                        pending += price
                    wishes.append({"id": wid, "citizen_id": cid, "goal_id": long_id, "title": "Ønske",
                                   "price_ore": price, "quantity": 1, "status": state.value,
                                   "approved_ore": price if holds else 0, "removed_at": removed_item})
                    if holds:
                        ledger.append({"citizen_id": cid, "wish_item_id": wid, "kind": "approved",
                                       "amount_ore": price, "committed_delta_ore": price})
                        if state is ItemStatus.PAID:
                            ledger.append({"citizen_id": cid, "wish_item_id": wid, "kind": "payment_paid",
                                           "amount_ore": price, "committed_delta_ore": 0})
                    wid += 1
            for milestone in ("start", "m6", "last", "end"):
                for version in range(rng.choice((0, 1, 1, 2))):
                    skipped = rng.random() < 0.1
                    items = {f"item{i}": None if skipped else rng.randint(0, 5) for i in range(1, 6)}
                    who5.append({"citizen_id": cid, "milestone": milestone, "skipped": skipped, **items,
                                 "created_at": now - timedelta(days=300) + timedelta(minutes=version)})
            for version in range(1, rng.randint(1, 3)):
                sent = datetime.combine(start, datetime.min.time(), timezone.utc) + timedelta(
                    days=rng.randrange(0, 200), hours=rng.randrange(24), minutes=rng.randrange(60))
                answered = sent + timedelta(hours=rng.randrange(1, 24 * 14)) if rng.random() < 0.85 else None
                plans.append({"citizen_id": cid, "version": version, "snapshot": {},
                              "status": "answered" if answered else "waiting", "submitted_at": sent,
                              "answered_at": answered})
            people.append({"id": cid, "programme_id": pid, "support_person_id": supports[n % len(supports)],
                           "display_name": f"Borger {n}", "internal_ref": f"G{tag}-{n}", "status": status,
                           "status_reason": "Fri tekst" if status != "active" else None,
                           "budget_total_ore": budget, "committed_ore": committed, "start_date": start,
                           "end_date": start + timedelta(days=365), "ended_at": ended_at})
        _bulk(s, Citizen, people)
        for model, rows in ((Goal, [g for g in goals if g["parent_id"] is None]),
                            (Goal, [g for g in goals if g["parent_id"] is not None]), (WishItem, wishes),
                            (LedgerEntry, ledger), (GoalRating, ratings), (Who5Response, who5), (Submission, plans)):
            _bulk(s, model, rows)
        recount(s.connection(), [p["id"] for p in people])  # Core inserts pass the ORM's copy keeping by
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:  # fresh statistics, as autovacuum would give a real database after a load
            for table in ("staff_users", "citizens", "goals", "wish_items"):  # ids given above: move the sequences
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT MAX(id) FROM {table}))"))
            conn.execute(text("ANALYZE"))
            conn.commit()
    return Generated(pid, staff, citizens)
