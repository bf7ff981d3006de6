"""The small-group rule for every evidence figure, in one place: a figure built from fewer than ``MIN_GROUP``
citizens is withheld, and so is anything derived from it (a share, a difference, a count in a distribution).
One or two answers could point at a person the coordinator knows.

(storage/reports.py has the same rule for the cohort report; the two are meant to become one at merge.)
"""
from __future__ import annotations

from dataclasses import dataclass

MIN_GROUP = 3


def withheld(n: int) -> bool:
    return n < MIN_GROUP


@dataclass(frozen=True)
class Share:
    """``count`` of ``n`` citizens; count and share are None (withheld) when n < MIN_GROUP."""

    n: int
    count: int | None

    @classmethod
    def of(cls, count: int, n: int) -> "Share":
        return cls(n, None if withheld(n) else count)

    @property
    def percent(self) -> float | None:
        return None if self.count is None or not self.n else round(100 * self.count / self.n, 1)


def suppress_counts(counts: dict[str, int]) -> dict[str, int | None]:
    """Counts for a distribution, with every count from 1 to MIN_GROUP-1 withheld (None). When exactly one count
    is withheld, the next smallest is withheld too, so it cannot be worked out from the total."""
    out: dict[str, int | None] = {k: (None if 0 < v < MIN_GROUP else v) for k, v in counts.items()}
    hidden = [k for k, v in out.items() if v is None]
    if len(hidden) == 1:
        rest = sorted((v, k) for k, v in out.items() if v)
        if rest:
            out[rest[0][1]] = None
    return out
