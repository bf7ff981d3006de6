"""Each citizen's figures for the programme report, copied onto the citizen row after every flush that touches them.

The report counts, per citizen: where their own ratings stand, how many long-term goals their support person
rated and called attained, WHO-5 at start and end, and the money planned but not answered yet and paid. Taken
from the ratings, answers, wishes and ledger at read time, that meant windows and joins over every row of the
programme (1.6 s at 100 000 citizens on the bench machine); copied onto `citizens`, the report is a few
passes over one table (migration 0018). The definitions live here, once: the report (storage/report_sql.py)
and the evaluator's dataset (storage/evaluator_sql.py) read the copies.

The copy is recounted for every flush that adds, changes or deletes a row it is made from, so no service can
forget it (as storage/models/waiting_copy.py does for waiting plans). Bulk statements that bypass the ORM (the
benchmark's fill, an import) must call :func:`recount` themselves (`borgerbudget recount-figures`). When a
definition below changes, a migration calls :func:`recount` again.
"""
from __future__ import annotations

from itertools import chain

from sqlalchemy import bindparam, event, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from storage.models.followup import GoalRating, Who5Response
from storage.models.money import LedgerEntry
from storage.models.people import Citizen
from storage.models.plan import Goal, WishItem
from storage.statuses import CITIZEN_ATTAINED, PLANNED, SUPPORT_ATTAINED

# Milestones in time order: 'start' < 'm3' < 'm6' < … < 'last' < 'end'.
MILESTONE_RANK = ("CASE {col} WHEN 'start' THEN 0 WHEN 'last' THEN 9998 WHEN 'end' THEN 9999 "
                  "ELSE CAST(SUBSTR({col}, 2) AS INTEGER) END")

# The newest rating of each long-term goal (not removed) at each milestone, per side, then each goal's latest
# rated milestone and whether it is attained there on its side's scale. "Latest, and attained there" is one MAX
# over rank * 2 + attained: the rank decides, and at the top rank any attained row makes it odd. Per citizen:
# their own best (over their goals: the latest milestone they rated, attained if any goal is reached or close
# there), and how many goals the support side rated and called attained (very high or high) at the goal's
# latest rated milestone. ``{which}`` restricts the citizens ("IN :ids", or "IS NOT NULL" for all).
_RATINGS = f"""WITH newest AS (
      SELECT r.rater, r.citizen_id, r.goal_id, {MILESTONE_RANK.format(col='r.milestone')} AS mrank,
             CASE WHEN (r.rater = 'citizen' AND r.rating IN :citizen_attained)
                    OR (r.rater = 'support' AND r.rating IN :support_attained) THEN 1 ELSE 0 END AS hit,
             ROW_NUMBER() OVER (PARTITION BY r.rater, r.goal_id, r.milestone
                                ORDER BY r.created_at DESC, r.id DESC) AS rn
      FROM goal_ratings r JOIN goals g ON g.id = r.goal_id
      WHERE r.citizen_id {{which}} AND g.parent_id IS NULL AND g.removed_at IS NULL),
    per_goal AS (SELECT rater, citizen_id, goal_id, MAX(mrank * 2 + hit) AS best FROM newest WHERE rn = 1
                 GROUP BY rater, citizen_id, goal_id)
    SELECT citizen_id, MAX(CASE WHEN rater = 'citizen' THEN best END),
           SUM(CASE WHEN rater = 'support' THEN 1 ELSE 0 END), SUM(CASE WHEN rater = 'support' THEN best % 2 ELSE 0 END)
    FROM per_goal GROUP BY citizen_id"""

# The newest WHO-5 answer at start and at the end ('end', or 'last' when 'end' has no answer), as 0-100 (the raw
# sum times 4); a skip counts as no answer.
_WHO5 = """WITH newest AS (
      SELECT w.citizen_id, w.milestone,
             CASE WHEN w.skipped THEN NULL ELSE (w.item1 + w.item2 + w.item3 + w.item4 + w.item5) * 4 END AS score,
             ROW_NUMBER() OVER (PARTITION BY w.citizen_id, w.milestone ORDER BY w.created_at DESC, w.id DESC) AS rn
      FROM who5_responses w WHERE w.citizen_id {which} AND w.milestone IN ('start', 'last', 'end'))
    SELECT citizen_id, MAX(CASE WHEN milestone = 'start' THEN score END),
           COALESCE(MAX(CASE WHEN milestone = 'end' THEN score END), MAX(CASE WHEN milestone = 'last' THEN score END))
    FROM newest WHERE rn = 1 GROUP BY citizen_id"""

# Planned but not answered yet: the price of wishes still in the plan (draft, sent back for a change, sent).
_PENDING = """SELECT citizen_id, SUM(CAST(price_ore AS BIGINT) * quantity) FROM wish_items
    WHERE citizen_id {which} AND status IN :pending AND removed_at IS NULL AND price_ore IS NOT NULL
    GROUP BY citizen_id"""
_PAID = """SELECT citizen_id, SUM(amount_ore) FROM ledger_entries WHERE citizen_id {which} AND kind = 'payment_paid'
    GROUP BY citizen_id"""

_SCALES = {"citizen_attained": CITIZEN_ATTAINED, "support_attained": SUPPORT_ATTAINED}
# The rows each copy is made from, and (statement, its lists, the columns it fills after the citizen id).
_COPIES = (
    ((Goal, GoalRating), _RATINGS, _SCALES, ("own_rating_best", "support_goals_rated", "support_goals_attained")),
    ((Who5Response,), _WHO5, {}, ("who5_start", "who5_end")),
    ((WishItem,), _PENDING, {"pending": PLANNED}, ("pending_ore",)),
    ((LedgerEntry,), _PAID, {}, ("paid_ore",)),
)
# What a citizen with none of those rows has.
EMPTY = {"own_rating_best": None, "support_goals_rated": 0, "support_goals_attained": 0, "who5_start": None,
         "who5_end": None, "pending_ore": 0, "paid_ore": 0}
_TOUCHED = "figures_copy_touched"


def _counted(connection: Connection, sql: str, lists: dict, ids: list[int] | None):
    statement = text(sql.replace("{which}", "IN :ids" if ids is not None else "IS NOT NULL"))
    binds = {name: sorted(values) for name, values in lists.items()}
    if ids is not None:
        binds["ids"] = ids
    for name in binds:
        statement = statement.bindparams(bindparam(name, expanding=True))
    return connection.execute(statement, binds)


def recount(connection: Connection, citizen_ids=None, models: frozenset | None = None) -> None:
    """Recount the copies made from ``models`` (all when None) for ``citizen_ids`` (every citizen when None)."""
    table = Citizen.__table__
    ids = None if citizen_ids is None else sorted(set(citizen_ids))
    if ids is not None:
        # Wait for any other transaction recounting these citizens to commit before counting (PostgreSQL; SQLite
        # has one writer at a time anyway): counted first, a recount could see the rows as they were before the
        # other's and then overwrite its newer copy.
        connection.execute(select(table.c.id).where(table.c.id.in_(ids)).order_by(table.c.id).with_for_update())
    values = {cid: {} for cid in (ids if ids is not None else connection.scalars(select(table.c.id)))}
    for sources, sql, lists, columns in _COPIES:
        if models is not None and not models & set(sources):
            continue
        for row in values.values():
            row.update({c: EMPTY[c] for c in columns})
        for cid, *counted in _counted(connection, sql, lists, ids):
            if cid in values:
                values[cid].update({c: None if v is None else int(v) for c, v in zip(columns, counted)})
    columns = sorted({c for row in values.values() for c in row})
    if columns:
        connection.execute(
            update(table).where(table.c.id == bindparam("cid")).values({c: bindparam(f"v_{c}") for c in columns}),
            [{"cid": cid, **{f"v_{c}": row[c] for c in columns}} for cid, row in values.items()])


_SOURCES = frozenset(chain.from_iterable(sources for sources, *_rest in _COPIES))


@event.listens_for(Session, "after_flush")
def _note_touched(session: Session, _context) -> None:
    touched = session.info.setdefault(_TOUCHED, {})
    for obj in chain(session.new, session.dirty, session.deleted):
        if type(obj) in _SOURCES:
            touched.setdefault(obj.citizen_id, set()).add(type(obj))
    if not touched:
        session.info.pop(_TOUCHED)


@event.listens_for(Session, "after_flush_postexec")
def _recount_touched(session: Session, _context) -> None:
    touched = session.info.pop(_TOUCHED, None)
    if not touched:
        return
    by_models: dict[frozenset, list[int]] = {}
    for cid, models in touched.items():
        by_models.setdefault(frozenset(models), []).append(cid)
    for models, ids in by_models.items():
        recount(session.connection(), ids, models)
    for obj in list(session.identity_map.values()):  # loaded citizens read the new copies on next access
        if isinstance(obj, Citizen) and obj.id in touched:
            session.expire(obj, list(EMPTY))
