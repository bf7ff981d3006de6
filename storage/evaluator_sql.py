"""The evaluator dataset's SQL: one statement per block of columns, a row per citizen each, from the same
per-citizen copies and fragments as the programme report (storage/models/figures_copy.py, storage/report_sql.py),
so both count by the same definitions."""
from __future__ import annotations

from sqlalchemy.orm import Session

from storage.report_sql import _PER_CITIZEN, _run, period_kind


def per_citizen_money(session: Session, programme_id: int) -> list[tuple]:
    """(citizen, start date, period kind, budget, planned, approved, paid)."""
    sql = f"""WITH {_PER_CITIZEN}
    SELECT c.id, c.start_date, {period_kind(session)}, pc.budget, pc.planned, pc.approved, pc.paid
    FROM per_citizen pc JOIN citizens c ON c.id = pc.id JOIN programmes p ON p.id = c.programme_id"""
    return [tuple(r) for r in _run(session, sql, programme_id, None)]


def per_citizen_goals(session: Session, programme_id: int) -> list[tuple[int, int, str]]:
    """(citizen, long-term goals, their category keys sorted and joined by '|')."""
    sql = """SELECT g.citizen_id, g.category, COUNT(*) FROM goals g JOIN citizens c ON c.id = g.citizen_id
             WHERE c.programme_id = :pid AND g.parent_id IS NULL AND g.removed_at IS NULL
             GROUP BY g.citizen_id, g.category"""
    found: dict[int, tuple[int, set[str]]] = {}
    for cid, category, n in _run(session, sql, programme_id, None):
        goals, keys = found.get(cid, (0, set()))
        found[cid] = (goals + int(n), keys | {category or "none"})
    return [(cid, goals, "|".join(sorted(keys))) for cid, (goals, keys) in found.items()]


def per_citizen_own_rating(session: Session, programme_id: int) -> list[tuple[int, int, int]]:
    """(citizen, rank of their latest rated milestone, 1 if a goal is reached or close there else 0)."""
    sql = """SELECT c.id, c.own_rating_best FROM citizens c
             WHERE c.programme_id = :pid AND c.own_rating_best IS NOT NULL"""
    return [(int(c), int(best) // 2, int(best) % 2) for c, best in _run(session, sql, programme_id, None)]


def per_citizen_support_rating(session: Session, programme_id: int) -> list[tuple[int, int, int]]:
    """(citizen, long-term goals the support person rated, of them reached to a very high/high degree)."""
    sql = """SELECT c.id, c.support_goals_rated, c.support_goals_attained FROM citizens c
             WHERE c.programme_id = :pid AND c.support_goals_rated > 0"""
    return [(int(c), int(n), int(a)) for c, n, a in _run(session, sql, programme_id, None)]


def per_citizen_who5(session: Session, programme_id: int) -> list[tuple[int, int | None, int | None]]:
    """(citizen, start score, end score) — 0-100, None where skipped or not answered."""
    sql = """SELECT c.id, c.who5_start, c.who5_end FROM citizens c
             WHERE c.programme_id = :pid AND (c.who5_start IS NOT NULL OR c.who5_end IS NOT NULL)"""
    return [(int(c), s, e) for c, s, e in _run(session, sql, programme_id, None)]
