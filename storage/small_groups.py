"""The small-group rule, in one place: no figure about fewer than ``MIN_GROUP`` citizens leaves the app.

A coordinator knows the citizens of their own programme. A share, an average or a count about one or two
of them can point at a person ("the one who started in March rated her goal 'not yet'"), so every report
and export follows three rules (Danmarks Statistik's discretion rules, in small):

1. **Group figures** — a share, a mean, a median — are shown only when they are computed over at least
   MIN_GROUP citizens (:func:`group_may_be_shown`).
2. **Counts in a table** are withheld when they are 1 or 2 (0 points at nobody and is shown). When a table
   has a known total, one withheld cell could be recomputed as the total minus the other cells, so cells are
   withheld *in company*: the withheld cells of a table are at least two and hold at least MIN_GROUP
   citizens together; the smallest shown cells are withheld too until that holds (:func:`withhold_counts`).
3. **Differences**: a figure for a part of the programme (an intake, a period) is withheld when the rest of
   the programme is a small group, because the whole programme's figure is shown as well and the
   difference would be the rest's figure (the ``whole`` arguments below).

Every figure derived from a withheld one (a share of a withheld count, a change between withheld means) is
withheld with it: the figures' code asks these functions once per group and derives nothing from a group
they refused. Other modules (the evidence section, price hints) import this module; do not copy the rule.
"""
from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

MIN_GROUP = 3

K = TypeVar("K", bound=Hashable)


def is_small(n: int) -> bool:
    """1 or 2 citizens: a group that could point at a person. 0 points at nobody."""
    return 0 < n < MIN_GROUP


def group_may_be_shown(n: int, whole: int | None = None) -> bool:
    """May a figure computed over ``n`` citizens be shown? ``whole``: the same group's size in the whole
    programme, when the figure is for a part of it (rule 3)."""
    if n < MIN_GROUP:
        return False
    return whole is None or not is_small(whole - n)


def withhold_counts(cells: Mapping[K, int], whole: Mapping[K, int] | None = None) -> dict[K, int | None]:
    """The table's counts with the small ones (and their company) as None, keys and order kept.

    ``whole``: the same table for the whole programme, when ``cells`` is for a part of it; a cell whose
    rest (whole minus part) is 1 or 2 is withheld too.
    """
    withheld = {k for k, n in cells.items()
                if is_small(n) or (whole is not None and is_small(whole.get(k, 0) - n))}
    shown = sorted((n, str(k), k) for k, n in cells.items() if k not in withheld and n > 0)
    while withheld and (len(withheld) < 2 or sum(cells[k] for k in withheld) < MIN_GROUP) and shown:
        withheld.add(shown.pop(0)[2])
    return {k: (None if k in withheld else n) for k, n in cells.items()}


def share(part: int, n: int, whole_n: int | None = None) -> float | None:
    """part / n as a fraction, or None when the group (n citizens) may not be shown. With ``whole_n``: the
    rest of the programme (whole_n - n) must not be small either."""
    if not group_may_be_shown(n, whole_n):
        return None
    return part / n
