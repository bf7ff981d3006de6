"""The evidence figures from SQL equal a straightforward Python computation over the same rows (a generated
programme on PostgreSQL and SQLite), and the number of statements is the same for 100 and 5 000 citizens."""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import event, insert, select

from dialogs import status_fields
from dialogs.status_fields import DECLINED
from storage import evidence_figures
from storage.db import write_session
from storage.evidence_figures import THRESHOLDS_ORE, Intake
from storage.evidence_small_groups import Share
from storage.small_groups import MIN_GROUP, withhold_counts
from storage.models import Citizen, LedgerEntry, StatusRecord
from storage.models.figures_copy import recount
from tests.storage.factories import build_world

START = date(2026, 1, 5)
T0 = datetime(2026, 1, 5, 12, tzinfo=timezone.utc)


def _value(rng, field: str, moment: str):
    answers = [a.key for a in status_fields.load().field(field).answers_for(moment)]
    return rng.choice([None, *answers])


def _generate(engine, w, count: int, seed: int = 7) -> None:
    """`count` citizens with start and end records (some twice: the newest counts) and ledger events."""
    rng = random.Random(seed)
    with write_session(engine) as s:
        s.execute(insert(Citizen), [
            {"programme_id": w.programme_id, "support_person_id": w.support.id, "display_name": f"Borger {n}",
             "internal_ref": f"G{seed}{n:06d}", "budget_total_ore": rng.choice([3_000_000, 5_000_000]),
             "start_date": START + timedelta(days=30 * (n % 4)), "end_date": START + timedelta(days=400)}
            for n in range(count)])
        ids = list(s.scalars(select(Citizen.id).where(Citizen.internal_ref.like(f"G{seed}%"))))
        records, ledger = [], []
        for n, cid in enumerate(ids):
            for moment in ("start", "end", "milestone"):
                for version in range(rng.choice([0, 1, 1, 1, 2])):
                    support = rng.choice([None, [DECLINED], ["none"], ["treatment"], ["contact_person", "treatment"],
                                          ["contact_person", "mentor"]])
                    records.append({
                        "citizen_id": cid, "moment": moment, "recorded_by_staff_id": w.support.id,
                        "created_at": T0 + timedelta(days=version + (300 if moment == "end" else 0)),
                        "housing": _value(rng, "housing", moment), "occupation": _value(rng, "occupation", moment),
                        "support": None if support is None else "," + ",".join(support) + ",",
                        "support_hours": rng.choice([None, 0, 2, 5, 10]),
                        "substance": _value(rng, "substance", moment),
                        "support_need": _value(rng, "support_need", moment) if moment == "end" else None})
            approved = rng.choice([0, 500_000, 2_500_000, 3_200_000, 4_000_000, 5_000_000])
            ledger += [{"citizen_id": cid, "kind": "approved", "amount_ore": approved},
                       {"citizen_id": cid, "kind": "approval_withdrawn", "amount_ore": approved // 10},
                       {"citizen_id": cid, "kind": "payment_paid", "amount_ore": approved // 2}]
        s.execute(insert(StatusRecord), records)
        s.execute(insert(LedgerEntry), ledger)
        recount(s.connection(), ids)  # Core inserts pass the ORM's copy keeping by (storage/models/figures_copy.py)


def _python_outcomes(engine, w, intake: Intake) -> dict:
    """The same figures the plain way: newest record per citizen and moment, then counting in Python."""
    files = status_fields.load()
    with write_session(engine) as s:
        citizens = {c.id: c for c in s.scalars(select(Citizen).where(Citizen.programme_id == w.programme_id))
                    if (intake.start_from is None or c.start_date >= intake.start_from)
                    and (intake.start_to is None or c.start_date <= intake.start_to)}
        newest: dict[tuple[int, str], StatusRecord] = {}
        for r in s.scalars(select(StatusRecord).order_by(StatusRecord.created_at, StatusRecord.id)):
            newest[(r.citizen_id, r.moment)] = r
    starts = {cid: r for (cid, m), r in newest.items() if m == "start" and cid in citizens}
    ends = {cid: r for (cid, m), r in newest.items() if m == "end" and cid in citizens}
    ok = lambda v: v is not None and v != DECLINED  # noqa: E731
    need = [r.support_need for r in ends.values() if ok(r.support_need)]
    relevant = [r.substance for r in ends.values() if r.substance in files.field("substance").with_flag("relevant")]
    activity = files.field("occupation").with_flag("activity")
    housed = files.field("housing").with_flag("housed")
    pairs = [(starts[c], ends[c]) for c in starts if c in ends]
    work = [(a.occupation, b.occupation) for a, b in pairs if ok(a.occupation) and ok(b.occupation)]
    house = [(a.housing, b.housing) for a, b in pairs if ok(a.housing) and ok(b.housing)]
    hours = [(a.support_hours, b.support_hours) for a, b in pairs
             if a.support_hours is not None and b.support_hours is not None]
    kinds = [(a.support, b.support) for a, b in pairs if a.support not in (None, ",declined,")
             and b.support not in (None, ",declined,")]
    return {
        "participants": len(citizens), "with_start": len(starts), "with_end": len(ends),
        "need_much_less": Share.of(need.count("much_less"), len(need)), "need_less": Share.of(need.count("less"), len(need)),
        "substance_reduced": Share.of(sum(v in ("less", "stopped") for v in relevant), len(relevant)),
        "into_activity": Share.of(sum(b in activity and a not in activity for a, b in work), len(work)),
        "housed_start": Share.of(sum(a in housed for a, _b in house), len(house)),
        "housed_end": Share.of(sum(b in housed for _a, b in house), len(house)),
        "support_hours": (len(hours), sum(a for a, _b in hours), sum(b for _a, b in hours)),
        "shelter_nights": (len(house), sum(a == "shelter" for a, _b in house), sum(b == "shelter" for _a, b in house)),
        "treatment_years": (len(kinds), sum(",treatment," in a for a, _b in kinds),
                            sum(",treatment," in b for _a, b in kinds)),
    }


def _python_spending(engine, w) -> dict:
    with write_session(engine) as s:
        ids = list(s.scalars(select(Citizen.id).where(Citizen.programme_id == w.programme_id)))
        approved = {cid: 0 for cid in ids}
        paid = {cid: 0 for cid in ids}
        for e in s.scalars(select(LedgerEntry)):
            if e.citizen_id in approved:
                sign = {"approved": 1, "approval_withdrawn": -1}.get(e.kind, 0)
                approved[e.citizen_id] += sign * e.amount_ore
                paid[e.citizen_id] += e.amount_ore if e.kind == "payment_paid" else 0
    n = len(ids)
    bins: dict[str, int] = {}
    for v in approved.values():
        bins[str(v // 1_000_000)] = bins.get(str(v // 1_000_000), 0) + 1
    return {"approved_below": {t: Share.of(sum(v < t for v in approved.values()), n) for t in THRESHOLDS_ORE},
            "paid_below": {t: Share.of(sum(v < t for v in paid.values()), n) for t in THRESHOLDS_ORE},
            "approved_bins": {int(k) * 1_000_000: v for k, v in withhold_counts(bins).items()},
            "cut_30000": sum(v - 3_000_000 for v in approved.values() if v > 3_000_000),
            "approved": sum(approved.values()), "paid": sum(paid.values())}


@pytest.mark.parametrize("intake", [Intake(), Intake(START + timedelta(days=20), START + timedelta(days=70))])
def test_sql_figures_equal_a_plain_python_count(engine, intake):
    w = build_world(engine)
    _generate(engine, w, 400)
    with write_session(engine) as s:
        got = evidence_figures.outcomes(s, actor=w.coordinator, intake=intake)
        money = evidence_figures.spending(s, actor=w.coordinator)
    want = _python_outcomes(engine, w, intake)
    assert got.participants == want["participants"]
    for key in ("with_start", "with_end", "need_much_less", "need_less", "substance_reduced", "into_activity",
                "housed_start", "housed_end"):
        assert getattr(got, key) == want[key], key
    for key in ("support_hours", "shelter_nights", "treatment_years"):
        change = got.activities[key]
        assert (change.n, change.at_start, change.at_end) == want[key], key
    plain = _python_spending(engine, w)
    assert money.approved_below == plain["approved_below"] and money.paid_below == plain["paid_below"]
    assert money.approved_bins == plain["approved_bins"]
    assert (money.approved_ore, money.paid_ore, money.caps[0].cut_ore) == (plain["approved"], plain["paid"],
                                                                          plain["cut_30000"])


def _statements(engine, w) -> int:
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        with write_session(engine) as s:
            evidence_figures.outcomes(s, actor=w.coordinator)
            evidence_figures.spending(s, actor=w.coordinator)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_the_number_of_statements_does_not_grow_with_the_programme(engine):
    w = build_world(engine)
    _generate(engine, w, 100, seed=1)
    small = _statements(engine, w)
    _generate(engine, w, 4_900, seed=2)
    assert _statements(engine, w) == small


def test_figures_from_fewer_than_three_citizens_are_withheld_and_so_is_what_follows_from_them(engine):
    w = build_world(engine)
    _generate(engine, w, MIN_GROUP - 1, seed=3)
    with write_session(engine) as s:
        got = evidence_figures.outcomes(s, actor=w.coordinator)
    for share in (got.need_much_less, got.substance_reduced, got.into_activity, got.housed_end):
        assert share.n < MIN_GROUP and share.count is None and share.percent is None
    assert all(change.fewer is None for change in got.activities.values())


def test_a_single_small_count_in_a_distribution_takes_the_next_smallest_with_it():
    assert withhold_counts({"0": 10, "1": 2, "2": 4, "3": 0}) == {"0": 10, "1": None, "2": None, "3": 0}
    assert withhold_counts({"0": 1, "1": 2, "2": 5}) == {"0": None, "1": None, "2": 5}
