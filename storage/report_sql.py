"""The programme report's SQL: one statement per figure group, aggregated in the database.

Each function sends exactly one SELECT, whatever the number of citizens, and returns small rows of sums and
counts (never a row per citizen; the answer-time histogram has a row per pair of calendar days). Every
aggregate is taken twice, for the whole programme and for the selection (citizens whose start date falls in
the chosen intake), so the small-group rule can also refuse differences (storage/small_groups.py).

Per-citizen figures that would need every rating, WHO-5 answer, wish and ledger row (where the ratings stand,
WHO-5 at start and end, money planned and paid) are read from their copies on the citizen row, kept by
storage/models/figures_copy.py, so those statements read one table.

Portable SQL only (SQLite 3.25+ and PostgreSQL): CTEs, ROW_NUMBER()/COUNT() OVER windows, conditional
aggregation. The only dialect-specific piece is the local (Danish) calendar date of a UTC
timestamp, :func:`_local_date`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Date, bindparam, text
from sqlalchemy.orm import Session


# Per-citizen money is counted in bands of 10 000 kr.; band 0 is "nothing", the last is "50 000 kr. or more".
BAND_ORE = 1_000_000
BANDS = 6
MEASURES = ("planned", "approved", "paid")


def _local_date(session: Session, column: str) -> str:
    """The Europe/Copenhagen calendar date of a stored UTC timestamp, as SQL. SQLite keeps naive UTC text and
    has no time zones, so the EU rule is written out: summer time from the last Sunday of March to the last
    Sunday of October, 01:00 UTC (the first Sunday on or after the 25th is the month's last Sunday)."""
    if session.get_bind().dialect.name == "postgresql":
        return f"CAST(timezone('Europe/Copenhagen', {column}) AS DATE)"
    year = f"strftime('%Y', {column})"
    return (f"date({column}, CASE WHEN {column} >= datetime(date({year} || '-03-25', 'weekday 0'), '+1 hours') "
            f"AND {column} < datetime(date({year} || '-10-25', 'weekday 0'), '+1 hours') "
            "THEN '+2 hours' ELSE '+1 hours' END)")


def _as_date(value) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _run(session: Session, sql: str, programme_id: int, intake: tuple[date, date] | None, **params):
    """Execute with the selection flag filled in: ``{sel}`` is 1 for a selected citizen (alias ``c``)."""
    sel = "CASE WHEN c.start_date BETWEEN :sel_from AND :sel_to THEN 1 ELSE 0 END" if intake else "1"
    statement = text(sql.replace("{sel}", sel))
    binds = {"pid": programme_id, **params}
    if intake:
        statement = statement.bindparams(bindparam("sel_from", type_=Date), bindparam("sel_to", type_=Date))
        binds |= {"sel_from": intake[0], "sel_to": intake[1]}
    for name, value in params.items():
        if isinstance(value, (list, tuple, frozenset, set)):
            statement = statement.bindparams(bindparam(name, expanding=True))
            binds[name] = sorted(value)
    return session.execute(statement, binds)


@dataclass(frozen=True)
class CitizenFigures:
    """The per-citizen figures' sums from one pass over the citizens' copies (storage/models/figures_copy.py).

    ``own``: the citizens' own view — (rated, attained, selected rated, selected attained): citizens with an own
    rating, and those who call at least one goal reached or close at their latest rated milestone.
    ``support``: the support persons' — (goals, attained, citizens, and the same three for the selection): goals
    a support person rated, those rated reached to a very high or high degree at the goal's latest rated
    milestone, and how many citizens the goals belong to (the small-group rule counts people, not goals).
    ``who5``: (n, sum of start scores, sum of end scores, improved, worse), then the same for the selection, over
    citizens with both a start and an end score (0-100); improved/worse: a change of at least the threshold."""

    own: tuple[int, ...]
    support: tuple[int, ...]
    who5: tuple[int, ...]


def citizen_figures(session: Session, programme_id: int, intake, threshold: int) -> CitizenFigures:
    """Both headline figures and WHO-5's change, in one statement over the programme's citizens."""
    sql = """SELECT COUNT(own_rating_best), COALESCE(SUM(own_rating_best % 2), 0),
                    COALESCE(SUM(CASE WHEN own_rating_best IS NOT NULL THEN sel END), 0),
                    COALESCE(SUM(sel * (own_rating_best % 2)), 0),
                    COALESCE(SUM(support_goals_rated), 0), COALESCE(SUM(support_goals_attained), 0),
                    COALESCE(SUM(CASE WHEN support_goals_rated > 0 THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(sel * support_goals_rated), 0), COALESCE(SUM(sel * support_goals_attained), 0),
                    COALESCE(SUM(CASE WHEN support_goals_rated > 0 THEN sel ELSE 0 END), 0),
                    COUNT(s), COALESCE(SUM(s), 0), COALESCE(SUM(e), 0), COALESCE(SUM(up), 0), COALESCE(SUM(down), 0),
                    COALESCE(SUM(CASE WHEN s IS NOT NULL THEN sel END), 0), COALESCE(SUM(sel * s), 0),
                    COALESCE(SUM(sel * e), 0), COALESCE(SUM(sel * up), 0), COALESCE(SUM(sel * down), 0)
             FROM (SELECT sel, own_rating_best, support_goals_rated, support_goals_attained, s, e,
                          CASE WHEN e - s >= :threshold THEN 1 ELSE 0 END AS up,
                          CASE WHEN s - e >= :threshold THEN 1 ELSE 0 END AS down
                   FROM (SELECT {sel} AS sel, c.own_rating_best, c.support_goals_rated, c.support_goals_attained,
                                -- WHO-5 counts only where both ends are answered
                                CASE WHEN c.who5_end IS NOT NULL THEN c.who5_start END AS s,
                                CASE WHEN c.who5_start IS NOT NULL THEN c.who5_end END AS e
                         FROM citizens c WHERE c.programme_id = :pid) paired) f"""
    row = [int(v) for v in _run(session, sql, programme_id, intake, threshold=threshold).one()]
    return CitizenFigures(tuple(row[:4]), tuple(row[4:10]), tuple(row[10:]))


def goal_categories(session: Session, programme_id: int, intake) -> list[tuple[str | None, int, int, int, int]]:
    """(category, goals, citizens, selected goals, selected citizens) for the long-term goals in the plans."""
    sql = """SELECT g.category, COUNT(*), COUNT(DISTINCT g.citizen_id), COALESCE(SUM({sel}), 0),
                    COUNT(DISTINCT CASE WHEN {sel} = 1 THEN g.citizen_id END)
             FROM goals g JOIN citizens c ON c.id = g.citizen_id
             WHERE c.programme_id = :pid AND g.parent_id IS NULL AND g.removed_at IS NULL
             GROUP BY g.category"""
    return [(row[0], *(int(v) for v in row[1:])) for row in _run(session, sql, programme_id, intake)]


# Per citizen: budget, approved (promised, withdrawals subtracted), planned (approved + the price of wishes not
# answered yet) and paid, from the citizen row and its copies (storage/models/figures_copy.py).
_PER_CITIZEN = """per_citizen AS (
      SELECT c.id, {sel} AS sel, c.budget_total_ore AS budget, c.committed_ore AS approved,
             c.committed_ore + c.pending_ore AS planned, c.paid_ore AS paid
      FROM citizens c WHERE c.programme_id = :pid)"""


@dataclass(frozen=True)
class MoneyCell:
    """Citizens alike in selection (1/0) and in their band of each measure, with their sums."""

    sel: int
    bands: dict[str, int]
    citizens: int
    budget: int
    sums: dict[str, int]


def money(session: Session, programme_id: int, intake) -> tuple[list[MoneyCell], dict[str, float]]:
    """Per citizen: budget, planned (approved + the price of wishes not answered yet), approved (promised,
    withdrawals subtracted) and paid — counted once, grouped by selection and band (band 0 is nothing, band k
    an amount under k * BAND_ORE, the last BAND_ORE * (BANDS - 1) or more), and the selection's median of each
    measure. Totals and the distribution are sums over the few cells. One statement: PostgreSQL takes the
    medians with percentile_cont over GROUPING SETS; SQLite, which has neither, ranks the amounts in windows."""
    def band(col: str) -> str:
        edges = " ".join(f"WHEN {col} < {BAND_ORE * n} THEN {n}" for n in range(1, BANDS))
        return f"CASE WHEN {col} <= 0 THEN 0 {edges} ELSE {BANDS} END AS b_{col}"

    banding, banded = ", ".join(band(m) for m in MEASURES), ", ".join(f"b_{m}" for m in MEASURES)
    sums = "COUNT(*), SUM(budget), " + ", ".join(f"SUM({m})" for m in MEASURES)
    if session.get_bind().dialect.name == "postgresql":
        medians = ", ".join(f"percentile_cont(0.5) WITHIN GROUP (ORDER BY {m})" for m in MEASURES)
        ranked, tail = "", f"""SELECT sel, {banded}, {sums}, {medians}
        FROM (SELECT *, {banding} FROM per_citizen) b
        GROUP BY GROUPING SETS ((sel, {banded}), (sel))"""
    else:
        ranks = ", ".join(f"ROW_NUMBER() OVER (PARTITION BY sel ORDER BY {m}) AS r_{m}" for m in MEASURES)
        medians = ", ".join(f"AVG(CASE WHEN r_{m} IN ((cnt + 1) / 2, (cnt + 2) / 2) THEN {m} END)" for m in MEASURES)
        nulls = ", ".join("NULL" for _ in MEASURES)
        ranked = f""",
    ranked AS (SELECT *, {ranks}, COUNT(*) OVER (PARTITION BY sel) AS cnt,
                      {banding} FROM per_citizen)"""
        tail = f"""SELECT sel, {banded}, {sums}, {nulls} FROM ranked GROUP BY sel, {banded}
        UNION ALL SELECT sel, {nulls}, {sums}, {medians} FROM ranked GROUP BY sel"""
    sql = f"WITH {_PER_CITIZEN}{ranked}\n    {tail}"
    n = len(MEASURES)
    cells, medians_of_selection = [], {}
    for row in _run(session, sql, programme_id, intake):
        sel, bands, (citizens, budget), totals, middle = row[0], row[1:1 + n], row[1 + n:3 + n], \
            row[3 + n:3 + 2 * n], row[3 + 2 * n:]
        if bands[0] is None:                          # the (sel) grouping: its medians
            if sel == 1:
                medians_of_selection = {m: float(v) for m, v in zip(MEASURES, middle) if v is not None}
            continue
        cells.append(MoneyCell(int(sel), {m: int(v) for m, v in zip(MEASURES, bands)}, int(citizens), int(budget),
                               {m: int(v) for m, v in zip(MEASURES, totals)}))
    return cells, medians_of_selection


def answer_days(session: Session, programme_id: int, intake) -> list[tuple[date, date | None, int, int]]:
    """(local day sent, local day answered or None while waiting, plans, selected plans): every sent plan
    version grouped by its two calendar days, so working days are counted in Python from a few hundred rows."""
    sent, answered = _local_date(session, "s.submitted_at"), _local_date(session, "s.answered_at")
    sql = f"""SELECT sent, answered, COUNT(*), COALESCE(SUM(sel), 0) FROM (
                SELECT {sent} AS sent, CASE WHEN s.answered_at IS NULL THEN NULL ELSE {answered} END AS answered,
                       {{sel}} AS sel
                FROM submissions s JOIN citizens c ON c.id = s.citizen_id WHERE c.programme_id = :pid) d
              GROUP BY sent, answered"""
    return [(_as_date(a), _as_date(b), int(n), int(s)) for a, b, n, s in _run(session, sql, programme_id, intake)]


def period_kind(session: Session) -> str:
    """Where a citizen's period stands, as SQL over ``citizens c JOIN programmes p``: 'active', 'paused',
    'programme_ended' (the coordinator ended the programme), 'period_over' (ended on or after the planned end
    date), 'ended_early'. Only these categories: the reason's own words are never read."""
    return f"""CASE
          WHEN c.status = 'paused' THEN 'paused'
          WHEN c.status <> 'ended' THEN 'active'
          WHEN p.ended_at IS NOT NULL AND c.ended_at = p.ended_at THEN 'programme_ended'
          WHEN c.ended_at IS NOT NULL AND {_local_date(session, 'c.ended_at')} >= c.end_date THEN 'period_over'
          ELSE 'ended_early' END"""


def endings(session: Session, programme_id: int, intake) -> list[tuple[str, int, int]]:
    """(kind, citizens, selected citizens) by :func:`period_kind`."""
    sql = f"""SELECT kind, COUNT(*), COALESCE(SUM(sel), 0) FROM (
        SELECT {{sel}} AS sel, {period_kind(session)} AS kind
        FROM citizens c JOIN programmes p ON p.id = c.programme_id WHERE c.programme_id = :pid) k
      GROUP BY kind"""
    return [(k, int(n), int(s)) for k, n, s in _run(session, sql, programme_id, intake)]
