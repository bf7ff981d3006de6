"""The evidence figures' share (a count of n citizens, with its n) on top of the one small-group rule in
storage/small_groups.py: a figure built from fewer than ``MIN_GROUP`` citizens is withheld, and so is anything
derived from it (a share, a difference, a count in a distribution)."""
from __future__ import annotations

from dataclasses import dataclass

from storage.small_groups import MIN_GROUP, group_may_be_shown, withhold_counts

__all__ = ["MIN_GROUP", "Share", "suppress_counts", "withheld"]


def withheld(n: int) -> bool:
    return not group_may_be_shown(n)


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
    """A distribution's counts with the small ones and their company withheld (None): the table rule of
    storage/small_groups.py, so a withheld cell cannot be worked out from the total."""
    return withhold_counts(counts)
