"""Changing the plan after approval: change or drop an approved wish, and what a change costs before it is sent.

What was approved stays approved until the support person answers the change:

- *Change* an approved wish: a new draft wish ``replaces_item_id`` the approved one. It is sent and decided like
  any wish; when it is approved, the old wish's money goes back through the ledger and the old wish leaves the
  plan, in the same transaction as the new approval (storage/decisions.py). Declined: the old wish stays.
- *Drop* an approved wish: ``drop_state`` 'draft', then 'sent' in the next version. Approved: the money goes
  back through the ledger and the wish leaves the plan. Declined: it stays as it was.
- A wish that is ordered or paid, or has money asked of finance, cannot be changed or dropped: money promised
  to a shop is never re-priced or dropped silently.

The budget can never be over-committed by any sequence of these: money is only released before it is
committed again, inside one transaction, and the ledger's CHECK refuses what does not fit.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs import limits
from dialogs.text import clean_text
from storage import audit
from storage.access import Actor
from storage.errors import N_, DomainError, NotFound
from storage.models import ItemStatus, WishItem
from storage.plan import MSG_WISH_EMPTY, _check_price, _check_quantity, _next_position, _own_goal, open_plan
from storage.plan_view import ItemView, PlanView
from storage.statuses import EDITABLE, PLANNED

MSG_LOCKED = N_("Der er brugt penge på ønsket, så det kan ikke ændres eller fjernes.")
MSG_CHANGING = N_("Du er allerede ved at ændre ønsket. Ret ændringen i stedet.")


def can_change(item: ItemView) -> bool:
    """An approved wish with no money asked of finance, not already being changed or dropped."""
    return item.status == ItemStatus.APPROVED.value and item.requested_ore == 0 and item.drop_state is None


def _approved_wish(session: Session, citizen_id: int, item_id: int) -> WishItem:
    item = session.get(WishItem, item_id)
    if item is None or item.citizen_id != citizen_id or item.removed_at is not None:
        raise NotFound()
    if item.status != ItemStatus.APPROVED.value or item.requested_ore:
        raise DomainError(MSG_LOCKED)
    pending = session.scalar(select(WishItem.id).where(
        WishItem.replaces_item_id == item.id, WishItem.removed_at.is_(None), WishItem.status.in_(PLANNED)).limit(1))
    if pending is not None or item.drop_state is not None:
        raise DomainError(MSG_CHANGING)
    return item


def change_item(session: Session, *, actor: Actor, citizen_id: int, item_id: int, title: str,
                price_ore: int | None, goal_id: int | None, quantity: int = 1, shop: str | None = None,
                note: str | None = None) -> int:
    """A new draft that will replace the approved wish ``item_id`` once it is approved. Returns its id."""
    citizen = open_plan(session, actor, citizen_id)
    old = _approved_wish(session, citizen_id, item_id)
    title = clean_text(title, limit=limits.WISH_TITLE, single_line=True, empty_message=MSG_WISH_EMPTY)
    quantity = _check_quantity(quantity)
    _check_price(citizen, price_ore, quantity)
    _own_goal(session, citizen_id, goal_id)
    new = WishItem(citizen_id=citizen_id, goal_id=goal_id, title=title, price_ore=price_ore, quantity=quantity,
                   shop=clean_text(shop, limit=limits.SHOP, single_line=True, required=False),
                   note=clean_text(note, limit=limits.NOTE, required=False), replaces_item_id=old.id,
                   position=_next_position(session, WishItem, citizen_id))
    session.add(new)
    session.flush()
    audit.record_staff(session, actor, "change_approved_wish", citizen_id=citizen_id, object_type="wish_item",
                       object_id=old.id)
    return new.id


def drop_item(session: Session, *, actor: Actor, citizen_id: int, item_id: int) -> None:
    """Ask to drop an approved wish; it keeps its money until the support person says yes."""
    open_plan(session, actor, citizen_id)
    _approved_wish(session, citizen_id, item_id).drop_state = "draft"
    audit.record_staff(session, actor, "drop_approved_wish", citizen_id=citizen_id, object_type="wish_item",
                       object_id=item_id)


def keep_item(session: Session, *, actor: Actor, citizen_id: int, item_id: int) -> None:
    """Undo a drop that was not sent yet."""
    open_plan(session, actor, citizen_id)
    item = session.get(WishItem, item_id)
    if item is None or item.citizen_id != citizen_id or item.removed_at is not None:
        raise NotFound()
    if item.drop_state != "draft":
        raise DomainError(N_("Det er sendt til din støtteperson, så det kan ikke fortrydes nu."))
    item.drop_state = None


# --- what a change costs, before it is sent ----------------------------------------------------------

@dataclass(frozen=True)
class Consequence:
    """What the next version would do to the budget if everything in it were approved."""

    new_ore: int          # new wishes and changed wishes, at their new price
    released_ore: int     # approved money given back by the changes and drops
    left_ore: int         # not promised now

    @property
    def delta_ore(self) -> int:
        """Positive: the plan gets dearer; negative: cheaper."""
        return self.new_ore - self.released_ore

    @property
    def left_after_ore(self) -> int:
        return self.left_ore - self.delta_ore


def to_send(plan: PlanView) -> tuple[list[ItemView], list[ItemView]]:
    """(wishes to send: new or changed drafts, approved wishes to drop) in the next version."""
    items = plan.all_items()
    return ([i for i in items if i.status in EDITABLE], [i for i in items if i.drop_state == "draft"])


def consequence(plan: PlanView) -> Consequence:
    """The next version's money, from the plan alone (no query)."""
    by_id = {i.id: i for i in plan.all_items()}
    wishes, drops = to_send(plan)
    released = sum(i.approved_ore for i in drops)
    for wish in wishes:
        old = by_id.get(wish.replaces_item_id) if wish.replaces_item_id else None
        if old is not None and old.requested_ore == 0:
            released += old.approved_ore
    return Consequence(sum(i.total_ore or 0 for i in wishes), released, plan.budget.left_ore)
