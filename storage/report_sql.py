"""The programme report's SQL: one statement per figure group, aggregated in the database.

Each function sends exactly one SELECT, whatever the number of citizens, and returns small rows of sums and
counts (never a row per citizen; the answer-time histogram has a row per pair of calendar days). Every
aggregate is taken twice, for the whole programme and for the selection (citizens whose start date falls in
the chosen intake), so the small-group rule can also refuse differences (storage/small_groups.py).

Portable SQL only (SQLite 3.25+ and PostgreSQL): CTEs, ROW_NUMBER()/MAX()/COUNT() OVER windows,
conditional aggregation. The only dialect-specific piece is the local (Danish) calendar date of a UTC
timestamp, :func:`_local_date`.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, bindparam, text
from sqlalchemy.orm import Session

from storage.statuses import CITIZEN_ATTAINED, PLANNED, SUPPORT_ATTAINED

# Milestones in time order: 'start' < 'm3' < 'm6' < … < 'last' < 'end'.
MILESTONE_RANK = ("CASE {col} WHEN 'start' THEN 0 WHEN 'last' THEN 9998 WHEN 'end' THEN 9999 "
                  "ELSE CAST(SUBSTR({col}, 2) AS INTEGER) END")
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


def _newest_ratings(rater: str) -> str:
    """The newest rating of each long-term goal at each milestone, from one side, with the milestone's rank."""
    return f"""
    newest AS (
      SELECT r.citizen_id, r.goal_id, r.rating, {MILESTONE_RANK.format(col='r.milestone')} AS mrank,
             ROW_NUMBER() OVER (PARTITION BY r.goal_id, r.milestone ORDER BY r.created_at DESC, r.id DESC) AS rn
      FROM goal_ratings r JOIN goals g ON g.id = r.goal_id JOIN citizens c ON c.id = r.citizen_id
      WHERE c.programme_id = :pid AND r.rater = '{rater}' AND g.parent_id IS NULL AND g.removed_at IS NULL)"""


def citizen_attainment(session: Session, programme_id: int, intake) -> tuple[int, int, int, int]:
    """(rated, attained) for the whole programme, then for the selection: citizens with an own rating of a
    long-term goal, and those of them who call at least one goal reached or close at their latest milestone."""
    sql = f"""WITH {_newest_ratings('citizen')},
    latest AS (SELECT citizen_id, rating, mrank, MAX(mrank) OVER (PARTITION BY citizen_id) AS top
               FROM newest WHERE rn = 1),
    per_citizen AS (SELECT citizen_id, MAX(CASE WHEN rating IN :attained THEN 1 ELSE 0 END) AS attained
                    FROM latest WHERE mrank = top GROUP BY citizen_id)
    SELECT COUNT(*), COALESCE(SUM(p.attained), 0), COALESCE(SUM({{sel}}), 0),
           COALESCE(SUM({{sel}} * p.attained), 0)
    FROM per_citizen p JOIN citizens c ON c.id = p.citizen_id"""
    return tuple(int(v) for v in _run(session, sql, programme_id, intake, attained=CITIZEN_ATTAINED).one())


def support_attainment(session: Session, programme_id: int, intake) -> tuple[int, ...]:
    """(goals, attained, citizens) for the whole programme, then the selection: long-term goals the support
    person rated, those rated reached to a very high or high degree at the goal's latest rated milestone, and
    how many citizens the goals belong to (the small-group rule counts people, not goals)."""
    sql = f"""WITH {_newest_ratings('support')},
    latest AS (SELECT citizen_id, goal_id, rating, mrank, MAX(mrank) OVER (PARTITION BY goal_id) AS top
               FROM newest WHERE rn = 1),
    per_goal AS (SELECT citizen_id, CASE WHEN rating IN :attained THEN 1 ELSE 0 END AS attained
                 FROM latest WHERE mrank = top)
    SELECT COUNT(*), COALESCE(SUM(p.attained), 0), COUNT(DISTINCT p.citizen_id),
           COALESCE(SUM({{sel}}), 0), COALESCE(SUM({{sel}} * p.attained), 0),
           COUNT(DISTINCT CASE WHEN {{sel}} = 1 THEN p.citizen_id END)
    FROM per_goal p JOIN citizens c ON c.id = p.citizen_id"""
    return tuple(int(v) for v in _run(session, sql, programme_id, intake, attained=SUPPORT_ATTAINED).one())


def who5_pairs(session: Session, programme_id: int, intake, threshold: int) -> tuple[int, ...]:
    """(n, sum of start scores, sum of end scores, improved, worse) for the whole programme, then the
    selection, over citizens with both a start and an end score (0-100, the raw sum times 4). Each is the
    newest answer at that milestone; a skip counts as no answer; the end is 'end', or 'last' when 'end' has
    no answer. Improved/worse: a change of at least ``threshold`` points."""
    score = "CASE WHEN w.skipped THEN NULL ELSE (w.item1 + w.item2 + w.item3 + w.item4 + w.item5) * 4 END"
    sql = f"""WITH newest AS (
      SELECT w.citizen_id, w.milestone, {score} AS score,
             ROW_NUMBER() OVER (PARTITION BY w.citizen_id, w.milestone ORDER BY w.created_at DESC, w.id DESC) AS rn
      FROM who5_responses w JOIN citizens c ON c.id = w.citizen_id
      WHERE c.programme_id = :pid AND w.milestone IN ('start', 'last', 'end')),
    paired AS (
      SELECT citizen_id, MAX(CASE WHEN milestone = 'start' THEN score END) AS s,
             COALESCE(MAX(CASE WHEN milestone = 'end' THEN score END),
                      MAX(CASE WHEN milestone = 'last' THEN score END)) AS e
      FROM newest WHERE rn = 1 GROUP BY citizen_id),
    flagged AS (
      SELECT p.s, p.e, {{sel}} AS sel, CASE WHEN p.e - p.s >= :threshold THEN 1 ELSE 0 END AS up,
             CASE WHEN p.s - p.e >= :threshold THEN 1 ELSE 0 END AS down
      FROM paired p JOIN citizens c ON c.id = p.citizen_id WHERE p.s IS NOT NULL AND p.e IS NOT NULL)
    SELECT COUNT(*), COALESCE(SUM(s), 0), COALESCE(SUM(e), 0), COALESCE(SUM(up), 0), COALESCE(SUM(down), 0),
           COALESCE(SUM(sel), 0), COALESCE(SUM(sel * s), 0), COALESCE(SUM(sel * e), 0),
           COALESCE(SUM(sel * up), 0), COALESCE(SUM(sel * down), 0)
    FROM flagged"""
    return tuple(int(v) for v in _run(session, sql, programme_id, intake, threshold=threshold).one())


def goal_categories(session: Session, programme_id: int, intake) -> list[tuple[str | None, int, int, int, int]]:
    """(category, goals, citizens, selected goals, selected citizens) for the long-term goals in the plans."""
    sql = """SELECT g.category, COUNT(*), COUNT(DISTINCT g.citizen_id), COALESCE(SUM({sel}), 0),
                    COUNT(DISTINCT CASE WHEN {sel} = 1 THEN g.citizen_id END)
             FROM goals g JOIN citizens c ON c.id = g.citizen_id
             WHERE c.programme_id = :pid AND g.parent_id IS NULL AND g.removed_at IS NULL
             GROUP BY g.category"""
    return [(row[0], *(int(v) for v in row[1:])) for row in _run(session, sql, programme_id, intake)]


_PER_CITIZEN = """per_citizen AS (
      SELECT c.id, {sel} AS sel, c.budget_total_ore AS budget, c.committed_ore AS approved,
             c.committed_ore + COALESCE(w.pending, 0) AS planned, COALESCE(l.paid, 0) AS paid
      FROM citizens c
      LEFT JOIN (SELECT citizen_id, SUM(CAST(price_ore AS BIGINT) * quantity) AS pending FROM wish_items
                 WHERE status IN :pending AND removed_at IS NULL AND price_ore IS NOT NULL
                 GROUP BY citizen_id) w ON w.citizen_id = c.id
      LEFT JOIN (SELECT citizen_id, SUM(amount_ore) AS paid FROM ledger_entries WHERE kind = 'payment_paid'
                 GROUP BY citizen_id) l ON l.citizen_id = c.id
      WHERE c.programme_id = :pid),
    long AS (SELECT sel, 'planned' AS measure, planned AS v FROM per_citizen
             UNION ALL SELECT sel, 'approved', approved FROM per_citizen
             UNION ALL SELECT sel, 'paid', paid FROM per_citizen)"""


def money_totals(session: Session, programme_id: int, intake) -> tuple[int, ...]:
    """(citizens, budgets, planned, approved, paid) summed over the whole programme, then the selection."""
    sql = f"""WITH {_PER_CITIZEN}
    SELECT COUNT(*), COALESCE(SUM(budget), 0), COALESCE(SUM(planned), 0), COALESCE(SUM(approved), 0),
           COALESCE(SUM(paid), 0), COALESCE(SUM(sel), 0), COALESCE(SUM(sel * budget), 0),
           COALESCE(SUM(sel * planned), 0), COALESCE(SUM(sel * approved), 0), COALESCE(SUM(sel * paid), 0)
    FROM per_citizen"""
    return tuple(int(v) for v in _run(session, sql, programme_id, intake, pending=PLANNED).one())


def money_bands(session: Session, programme_id: int, intake) -> list[tuple[str, int, int, int]]:
    """(measure, band, citizens, selected citizens): how many citizens have planned/approved/had paid an
    amount in each band of BAND_ORE (band 0: nothing; the last band: BAND_ORE * (BANDS - 1) or more)."""
    edges = " ".join(f"WHEN v < {BAND_ORE * n} THEN {n}" for n in range(1, BANDS))
    sql = f"""WITH {_PER_CITIZEN}
    SELECT measure, band, COUNT(*), COALESCE(SUM(sel), 0) FROM (
      SELECT measure, sel, CASE WHEN v <= 0 THEN 0 {edges} ELSE {BANDS} END AS band FROM long) b
    GROUP BY measure, band"""
    return [(m, int(b), int(n), int(s)) for m, b, n, s in
            _run(session, sql, programme_id, intake, pending=PLANNED)]


def money_medians(session: Session, programme_id: int, intake) -> dict[str, tuple[int, int]]:
    """measure -> (sum, count) of the middle one or two per-citizen amounts in the selection: the median is
    their mean."""
    sql = f"""WITH {_PER_CITIZEN},
    ranked AS (SELECT measure, v, ROW_NUMBER() OVER (PARTITION BY measure ORDER BY v) AS rn,
                      COUNT(*) OVER (PARTITION BY measure) AS cnt FROM long WHERE sel = 1)
    SELECT measure, SUM(v), COUNT(*) FROM ranked WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2) GROUP BY measure"""
    return {m: (int(v), int(n)) for m, v, n in _run(session, sql, programme_id, intake, pending=PLANNED)}


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
