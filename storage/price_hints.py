"""Price hints: what similar wishes were approved for before in the same programme, never identifying anyone.

"Hvad koster en cykel?" and "er det rimeligt?": for a wish being drafted or reviewed, the range (lowest to
highest, rounded) and the median of the unit prices approved for similar wishes of *other* citizens.

Similar means, first, the same normalised title word: each title is lower-cased, split into words, stripped of
small words ("en", "ny", "til" …) and of common Danish endings ("cykler", "cyklen" → "cykl"), and two words
match when they are equal or rapidfuzz's ratio says they are nearly so (≥ 85, which joins "cykel"/"cykl" and
"computer"/"computeren" but not "sko"/"ske"). When no such group is large enough, similar means the same goal
category (the long-term goal's, also for a wish under a sub-goal).

Small groups stay hidden: a group counts only with MIN_APPROVALS approvals from MIN_CITIZENS different
citizens or more; the figures are rounded to ROUND_ORE so no single price can be read back; no name, no title
and no count leave this module. Every hint for a page comes from one query, whatever the programme's size.
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from storage import audit
from storage.access import Action, Actor, Resource, authorize
from storage.models import Citizen, Goal, WishItem
from storage.plan_view import PlanView

MIN_APPROVALS: Final = 3
MIN_CITIZENS: Final = 3
ROUND_ORE: Final = 10_000          # 100 kr.
SIMILAR: Final = 85                # rapidfuzz ratio for two title words to count as the same word
_SMALL_WORDS = frozenset("en et til med og i på af for fra min mit mine ny nyt nye brugt brugte god gode lille "
                         "stor store par stk the a".split())
_ENDINGS = ("erne", "ene", "er", "en", "et", "e", "r")


@dataclass(frozen=True)
class PriceHint:
    kind: str          # 'title' (similar wishes) or 'category' (wishes for the same kind of goal)
    low_ore: int       # rounded down to ROUND_ORE
    high_ore: int      # rounded up to ROUND_ORE
    median_ore: int    # rounded to ROUND_ORE


def title_words(title: str) -> frozenset[str]:
    """The title's significant words, with common Danish endings removed."""
    words = set()
    for word in re.findall(r"[a-zæøåé]+", title.lower()):
        if word in _SMALL_WORDS or len(word) < 3:
            continue
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[: -len(ending)]
                break
        words.add(word)
    return frozenset(words)


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(x == y or fuzz.ratio(x, y) >= SIMILAR for x in a for y in b)


def _hint(kind: str, rows: list[tuple[int, int]]) -> PriceHint | None:
    """rows: (citizen id, unit price). None for a group too small to show."""
    if len(rows) < MIN_APPROVALS or len({cid for cid, _ in rows}) < MIN_CITIZENS:
        return None
    prices = [p for _, p in rows]
    low, high = min(prices), max(prices)
    return PriceHint(kind, low // ROUND_ORE * ROUND_ORE, -(-high // ROUND_ORE) * ROUND_ORE,
                     round(statistics.median(prices) / ROUND_ORE) * ROUND_ORE)


def categories_by_item(plan: PlanView) -> dict[int, str | None]:
    """Each wish's long-term goal category (a sub-goal's wishes take their long-term goal's)."""
    found: dict[int, str | None] = {}
    for goal in plan.goals:
        for item in goal.all_items():
            found[item.id] = goal.category
    return found


def hints_for(session: Session, *, actor: Actor, citizen_id: int,
              wishes: Mapping[int, tuple[str, str | None]]) -> dict[int, PriceHint]:
    """Per wish id (title, goal category): the hint, for those with a large enough group. One query."""
    citizen = authorize(session, actor, citizen_id, Resource.PLAN, Action.READ)
    audit.record_staff(session, actor, "read_price_hints", citizen_id=citizen_id)
    if not wishes:
        return {}
    parent = aliased(Goal)
    rows = session.execute(
        select(WishItem.citizen_id, WishItem.title, WishItem.approved_ore / WishItem.quantity,
               func.coalesce(parent.category, Goal.category))
        .join(Citizen, Citizen.id == WishItem.citizen_id)
        .outerjoin(Goal, Goal.id == WishItem.goal_id)
        .outerjoin(parent, parent.id == Goal.parent_id)
        .where(Citizen.programme_id == citizen.programme_id, WishItem.citizen_id != citizen_id,
               WishItem.approved_ore > 0, WishItem.removed_at.is_(None))).all()
    approved = [(int(cid), title_words(title), int(price), category) for cid, title, price, category in rows]
    return _group_hints(approved, wishes)


def _group_hints(approved: Iterable[tuple[int, frozenset[str], int, str | None]],
                 wishes: Mapping[int, tuple[str, str | None]]) -> dict[int, PriceHint]:
    approved = list(approved)
    hints: dict[int, PriceHint] = {}
    for wish_id, (title, category) in wishes.items():
        words = title_words(title)
        hint = _hint("title", [(cid, p) for cid, w, p, _ in approved if words and _similar(words, w)])
        if hint is None and category:
            hint = _hint("category", [(cid, p) for cid, _, p, c in approved if c == category])
        if hint is not None:
            hints[wish_id] = hint
    return hints
