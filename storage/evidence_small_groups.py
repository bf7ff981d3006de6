"""The evidence figures' share (a count of n citizens, with its n) on top of the one small-group rule in
storage/small_groups.py: a figure built from fewer than ``MIN_GROUP`` citizens is withheld, and so is anything
derived from it (a share, a difference, a count in a distribution)."""
from __future__ import annotations

from dataclasses import dataclass

from storage.small_groups import group_may_be_shown


@dataclass(frozen=True)
class Share:
    """``count`` of ``n`` citizens; count and share are None (withheld) when n < MIN_GROUP."""

    n: int
    count: int | None

    @classmethod
    def of(cls, count: int, n: int) -> "Share":
        return cls(n, count if group_may_be_shown(n) else None)

    @property
    def percent(self) -> float | None:
        return None if self.count is None or not self.n else round(100 * self.count / self.n, 1)

