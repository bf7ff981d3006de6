"""Changing the citizen's plan: long-term goals, sub-goals and priced wish items, always tied to the budget.

Every change checks access, that the plan is open (not paused or ended), and that the input is sane; a
refusal raises a RuleError and changes nothing. Reading is storage/plan_view.py.
"""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dialogs import limits
from dialogs.amounts import check_positive
from dialogs.text import clean_text
from storage import audit
from storage.access import Action, Actor, Resource, authorize
from storage.errors import N_, DomainError, NotFound
from storage.models import Citizen, Goal, ItemStatus, SubmissionItem, WishItem, utcnow
from storage.statuses import EDITABLE, CitizenStatus, plan_is_open

MSG_GOAL_EMPTY = N_("Skriv dit mål med dine egne ord.")
MSG_WISH_EMPTY = N_("Skriv, hvad du ønsker dig.")


# --- checks ------------------------------------------------------------------------------------------

def open_plan(session: Session, actor: Actor, citizen_id: int) -> Citizen:
    """The citizen for a change, locked for the transaction; refused when paused or ended."""
    citizen = authorize(session, actor, citizen_id, Resource.PLAN, Action.WRITE)
    session.refresh(citizen, with_for_update=True)
    if plan_is_open(citizen.status):
        return citizen
    if citizen.status == CitizenStatus.PAUSED.value:
        raise DomainError(N_("Din plan holder pause lige nu. Du kan se den, men ikke ændre den. "
                             "Tal med din støtteperson."))
    raise DomainError(N_("Dit forløb er slut, så planen kan ikke ændres mere."))


def _own_goal(session: Session, citizen_id: int, goal_id: int | None) -> Goal | None:
    if goal_id is None:
        return None
    goal = session.get(Goal, goal_id)
    if goal is None or goal.citizen_id != citizen_id or goal.removed_at is not None:
        raise NotFound()
    return goal


def _check_category(citizen: Citizen, category: str | None) -> str | None:
    """A long-term goal's topic is one of the programme's categories (or none)."""
    from storage.programmes import goal_categories
    if category is None or category in {c["key"] for c in goal_categories(citizen.programme)}:
        return category
    raise DomainError(N_("Vælg et af emnerne på listen."))


def _check_price(citizen: Citizen, price_ore: int | None, quantity: int) -> None:
    if price_ore is None:
        return
    check_positive(price_ore)
    if price_ore * quantity > citizen.budget_total_ore:
        raise DomainError(N_("Det er mere end hele dit budget. Tjek prisen og antallet."))


def _check_quantity(quantity: int) -> int:
    if not isinstance(quantity, int) or isinstance(quantity, bool) or not 1 <= quantity <= limits.QUANTITY:
        raise DomainError(N_("Antal skal være et helt tal fra 1 til {count}."), count=limits.QUANTITY)
    return quantity


def _next_position(session: Session, model, citizen_id: int) -> int:
    return int(session.scalar(select(func.coalesce(func.max(model.position), -1) + 1)
                              .where(model.citizen_id == citizen_id)))


# --- goals -------------------------------------------------------------------------------------------

def add_goal(session: Session, *, actor: Actor, citizen_id: int, text: str, category: str | None = None,
             parent_id: int | None = None, source_step_id: str | None = None) -> int:
    """A long-term goal (no parent) or a sub-goal under a long-term goal."""
    citizen = open_plan(session, actor, citizen_id)
    text = clean_text(text, limit=limits.GOAL_TEXT, empty_message=MSG_GOAL_EMPTY)
    category = _check_category(citizen, category)
    parent = _own_goal(session, citizen_id, parent_id)
    if parent is not None and parent.parent_id is not None:
        raise DomainError(N_("Et delmål skal høre til et langsigtet mål."))
    goal = Goal(citizen_id=citizen_id, parent_id=parent_id, text=text, category=None if parent else category,
                position=_next_position(session, Goal, citizen_id), source_step_id=source_step_id)
    session.add(goal)
    session.flush()
    audit.record_staff(session, actor, "add_goal", citizen_id=citizen_id, object_type="goal", object_id=goal.id)
    return goal.id


def update_goal(session: Session, *, actor: Actor, citizen_id: int, goal_id: int, text: str,
                category: str | None = None) -> None:
    citizen = open_plan(session, actor, citizen_id)
    goal = _own_goal(session, citizen_id, goal_id)
    goal.text = clean_text(text, limit=limits.GOAL_TEXT, empty_message=MSG_GOAL_EMPTY)
    if goal.parent_id is None:
        goal.category = _check_category(citizen, category)


def remove_goal(session: Session, *, actor: Actor, citizen_id: int, goal_id: int) -> None:
    """Remove a goal and its sub-goals; refused while items that were sent or approved serve it."""
    open_plan(session, actor, citizen_id)
    goal = _own_goal(session, citizen_id, goal_id)
    goal_ids = [goal.id] + list(session.scalars(select(Goal.id).where(Goal.parent_id == goal.id)))
    items = list(session.scalars(select(WishItem).where(WishItem.goal_id.in_(goal_ids),
                                                        WishItem.removed_at.is_(None))))
    if any(i.status not in EDITABLE for i in items):
        raise DomainError(N_("Målet har ønsker, som er sendt eller godkendt. Dem kan du ikke fjerne."))
    now = utcnow()
    for item in items:
        _remove_item_row(session, item, now)
    for gid in goal_ids:
        session.get_one(Goal, gid).removed_at = now


# --- wish items --------------------------------------------------------------------------------------

def add_item(session: Session, *, actor: Actor, citizen_id: int, title: str, price_ore: int | None,
             goal_id: int | None, quantity: int = 1, shop: str | None = None, note: str | None = None,
             source_step_id: str | None = None) -> int:
    citizen = open_plan(session, actor, citizen_id)
    title = clean_text(title, limit=limits.WISH_TITLE, single_line=True, empty_message=MSG_WISH_EMPTY)
    quantity = _check_quantity(quantity)
    _check_price(citizen, price_ore, quantity)
    _own_goal(session, citizen_id, goal_id)
    item = WishItem(citizen_id=citizen_id, goal_id=goal_id, title=title, price_ore=price_ore, quantity=quantity,
                    shop=clean_text(shop, limit=limits.SHOP, single_line=True, required=False),
                    note=clean_text(note, limit=limits.NOTE, required=False),
                    position=_next_position(session, WishItem, citizen_id), source_step_id=source_step_id)
    session.add(item)
    session.flush()
    return item.id


def _editable_item(session: Session, citizen_id: int, item_id: int) -> WishItem:
    item = session.get(WishItem, item_id)
    if item is None or item.citizen_id != citizen_id or item.removed_at is not None:
        raise NotFound()
    if item.status not in EDITABLE:
        raise DomainError(N_("Det ønske er sendt eller har fået svar, så det kan ikke ændres nu."))
    return item


def update_item(session: Session, *, actor: Actor, citizen_id: int, item_id: int, title: str, price_ore: int | None,
                goal_id: int | None, quantity: int = 1, shop: str | None = None, note: str | None = None) -> None:
    """Edit a draft, or an item the support person asked to change (it becomes a draft to send again)."""
    citizen = open_plan(session, actor, citizen_id)
    item = _editable_item(session, citizen_id, item_id)
    title = clean_text(title, limit=limits.WISH_TITLE, single_line=True, empty_message=MSG_WISH_EMPTY)
    quantity = _check_quantity(quantity)
    _check_price(citizen, price_ore, quantity)
    _own_goal(session, citizen_id, goal_id)
    item.title, item.price_ore, item.quantity, item.goal_id = title, price_ore, quantity, goal_id
    item.shop = clean_text(shop, limit=limits.SHOP, single_line=True, required=False)
    item.note = clean_text(note, limit=limits.NOTE, required=False)
    item.status = ItemStatus.DRAFT.value


def _remove_item_row(session: Session, item: WishItem, now) -> None:
    was_sent = session.scalar(select(SubmissionItem.id).where(SubmissionItem.wish_item_id == item.id).limit(1))
    if was_sent is None:
        session.delete(item)
    else:
        item.removed_at = now


def remove_item(session: Session, *, actor: Actor, citizen_id: int, item_id: int) -> None:
    open_plan(session, actor, citizen_id)
    _remove_item_row(session, _editable_item(session, citizen_id, item_id), utcnow())


def _swap_with_neighbour(rows: list, index: int, up: bool, same_group) -> None:
    """Swap rows[index] with the nearest row before/after it in the same group; renumber positions.

    At the top or bottom of its group nothing changes.
    """
    step = -1 if up else 1
    other = index + step
    while 0 <= other < len(rows) and not same_group(rows[other]):
        other += step
    if 0 <= other < len(rows):
        rows[index], rows[other] = rows[other], rows[index]
        for position, row in enumerate(rows):
            row.position = position


def move_item(session: Session, *, actor: Actor, citizen_id: int, item_id: int, up: bool,
              within_goal: bool = False) -> None:
    """Swap an item with its neighbour in priority order.

    ``within_goal``: the neighbour is the nearest item serving the same goal (as the plan page shows them).
    """
    open_plan(session, actor, citizen_id)
    items = list(session.scalars(select(WishItem).where(WishItem.citizen_id == citizen_id,
                                                        WishItem.removed_at.is_(None))
                                 .order_by(WishItem.position, WishItem.id)))
    index = next((n for n, i in enumerate(items) if i.id == item_id), None)
    if index is None:
        raise NotFound()
    goal_id = items[index].goal_id
    _swap_with_neighbour(items, index, up, lambda i: not within_goal or i.goal_id == goal_id)


def move_goal(session: Session, *, actor: Actor, citizen_id: int, goal_id: int, up: bool) -> None:
    """Swap a goal with its neighbour: a long-term goal with the one above/below, a sub-goal within its goal."""
    open_plan(session, actor, citizen_id)
    goals = list(session.scalars(select(Goal).where(Goal.citizen_id == citizen_id, Goal.removed_at.is_(None))
                                 .order_by(Goal.position, Goal.id)))
    index = next((n for n, g in enumerate(goals) if g.id == goal_id), None)
    if index is None:
        raise NotFound()
    parent_id = goals[index].parent_id
    _swap_with_neighbour(goals, index, up, lambda g: g.parent_id == parent_id)
