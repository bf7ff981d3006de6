"""A citizen's budget in one value: what is promised, asked for, paid, and planned, and what is left.

The figures come from the ledger's events (storage/ledger.py) and the plan's open wishes; every page, the
PDF and the send check read them from here, so "what is left" and "over budget" are decided once.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Citizen, WishItem
from storage.statuses import PLANNED

WARNING_SHARE: Final = 0.85  # warn when this share of the budget is approved or planned


class _Priced(Protocol):
    status: str

    @property
    def total_ore(self) -> int | None: ...


@dataclass(frozen=True)
class Budget:
    total_ore: int
    approved_ore: int           # promised to approved wishes (withdrawals subtracted)
    planned_ore: int = 0        # wishes in the plan, not approved yet
    requested_ore: int = 0      # asked finance to pay, not paid yet
    paid_ore: int = 0

    @property
    def left_ore(self) -> int:
        """Not yet promised to anything approved."""
        return self.total_ore - self.approved_ore

    @property
    def left_after_plan_ore(self) -> int:
        """What would be left if everything planned were approved (negative: over budget)."""
        return self.left_ore - self.planned_ore

    @property
    def used_share(self) -> float:
        """Approved and planned together, as a share of the budget (at most 1, for a progress bar)."""
        used = self.approved_ore + self.planned_ore
        return min(1.0, used / self.total_ore) if self.total_ore else 1.0

    @property
    def level(self) -> str:
        """'ok', 'warning' (WARNING_SHARE or more used or planned) or 'over'."""
        used = self.approved_ore + self.planned_ore
        if used > self.total_ore:
            return "over"
        return "warning" if used >= WARNING_SHARE * self.total_ore else "ok"

    def is_over_left(self, item: _Priced) -> bool:
        """A wish not approved yet that costs more than what is left of the budget."""
        return item.status in PLANNED and item.total_ore is not None and item.total_ore > self.left_ore


def planned_ore(session: Session, citizen_id: int) -> int:
    """The price of every wish in the plan that is not approved yet (drafts, sent, to be changed), net of the
    changes after approval it would bring: an approved wish being replaced or dropped gives its money back when
    the change is approved (storage/plan_changes.py), so it is subtracted here; a plan that gets cheaper plans
    nothing (0), and the send page shows the exact change (plan_changes.consequence)."""
    planned = session.scalar(
        select(func.coalesce(func.sum(WishItem.price_ore * WishItem.quantity), 0)).where(
            WishItem.citizen_id == citizen_id, WishItem.status.in_(PLANNED), WishItem.removed_at.is_(None),
            WishItem.price_ore.is_not(None)))
    replacing = (select(WishItem.replaces_item_id).where(
        WishItem.citizen_id == citizen_id, WishItem.status.in_(PLANNED), WishItem.removed_at.is_(None),
        WishItem.replaces_item_id.is_not(None)))
    released = session.scalar(
        select(func.coalesce(func.sum(WishItem.approved_ore), 0)).where(
            WishItem.citizen_id == citizen_id, WishItem.removed_at.is_(None),
            WishItem.id.in_(replacing) | WishItem.drop_state.is_not(None)))
    return max(0, int(planned) - int(released))


def budget_of(session: Session, citizen: Citizen) -> Budget:
    """The citizen's budget as the plan shows it (approved from the citizen row the ledger keeps in step)."""
    return Budget(total_ore=citizen.budget_total_ore, approved_ore=citizen.committed_ore,
                  planned_ore=planned_ore(session, citizen.id))
