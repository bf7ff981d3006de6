"""The citizen's plan: long-term goals, sub-goals and priced wish items, always tied to the budget.

Reads return frozen views (no ORM objects leave the transaction). Every
change checks access, that the plan is open (not paused or ended), and that
the input is sane; a refusal raises DomainError and changes nothing.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import audit
from storage.access import Action, Actor, Resource, authorize
from storage.errors import DomainError, N_, NotFound
from storage.models import Citizen, CitizenStatus, Goal, ItemStatus, SubmissionItem, WishItem, utcnow

MAX_TITLE = 200
MAX_GOAL_TEXT = 500
MAX_NOTE = 2000
MAX_SHOP = 300
MAX_QUANTITY = 1000
EDITABLE = {ItemStatus.DRAFT.value, ItemStatus.CHANGE_REQUESTED.value}
# Items whose money is not yet promised but counts as planned.
PLANNED = {ItemStatus.DRAFT.value, ItemStatus.CHANGE_REQUESTED.value, ItemStatus.SUBMITTED.value}
WARNING_SHARE = 0.85


@dataclass(frozen=True)
class ItemView:
    id: int
    goal_id: int | None
    title: str
    price_ore: int | None
    quantity: int
    shop: str | None
    note: str | None
    status: str
    approved_ore: int
    position: int

    @property
    def total_ore(self) -> int | None:
        return None if self.price_ore is None else self.price_ore * self.quantity


@dataclass(frozen=True)
class GoalView:
    id: int
    text: str
    category: str | None
    position: int
    sub_goals: tuple["GoalView", ...]
    items: tuple[ItemView, ...]

    @property
    def subtotal_ore(self) -> int:
        own = sum(i.total_ore or 0 for i in self.items)
        return own + sum(g.subtotal_ore for g in self.sub_goals)


@dataclass(frozen=True)
class Budget:
    total_ore: int
    approved_ore: int
    planned_ore: int

    @property
    def left_ore(self) -> int:
        """Not yet promised to anything approved."""
        return self.total_ore - self.approved_ore

    @property
    def left_after_plan_ore(self) -> int:
        """What would be left if everything planned were approved (negative: over budget)."""
        return self.left_ore - self.planned_ore

    @property
    def level(self) -> str:
        """'ok', 'warning' (85 % or more used or planned) or 'over'."""
        used = self.approved_ore + self.planned_ore
        if used > self.total_ore:
            return "over"
        return "warning" if used >= WARNING_SHARE * self.total_ore else "ok"


@dataclass(frozen=True)
class PlanView:
    citizen_id: int
    status: str
    status_reason: str | None
    end_date: date
    goals: tuple[GoalView, ...]
    unlinked_items: tuple[ItemView, ...]
    budget: Budget

    def all_items(self) -> list[ItemView]:
        items = list(self.unlinked_items)

        def walk(goals):
            for g in goals:
                items.extend(g.items)
                walk(g.sub_goals)
        walk(self.goals)
        return items


# --- reading -----------------------------------------------------------------------------------------

def _item_view(i: WishItem) -> ItemView:
    return ItemView(i.id, i.goal_id, i.title, i.price_ore, i.quantity, i.shop, i.note, i.status, i.approved_ore,
                    i.position)


def budget_of(session: Session, citizen: Citizen) -> Budget:
    planned = session.scalar(
        select(func.coalesce(func.sum(WishItem.price_ore * WishItem.quantity), 0)).where(
            WishItem.citizen_id == citizen.id, WishItem.status.in_(PLANNED), WishItem.removed_at.is_(None),
            WishItem.price_ore.is_not(None))
    )
    return Budget(total_ore=citizen.budget_total_ore, approved_ore=citizen.committed_ore, planned_ore=int(planned))


def get_plan(session: Session, *, actor: Actor, citizen_id: int) -> PlanView:
    citizen = authorize(session, actor, citizen_id, Resource.PLAN, Action.READ)
    audit.record_staff(session, actor, "read_plan", citizen_id=citizen_id)
    goals = list(session.scalars(
        select(Goal).where(Goal.citizen_id == citizen_id, Goal.removed_at.is_(None)).order_by(Goal.position, Goal.id)
    ))
    items = list(session.scalars(
        select(WishItem).where(WishItem.citizen_id == citizen_id, WishItem.removed_at.is_(None))
        .order_by(WishItem.position, WishItem.id)
    ))
    by_goal: dict[int | None, list[ItemView]] = {}
    for item in items:
        by_goal.setdefault(item.goal_id, []).append(_item_view(item))
    live_goal_ids = {g.id for g in goals}
    children: dict[int | None, list[Goal]] = {}
    for goal in goals:
        parent = goal.parent_id if goal.parent_id in live_goal_ids else None
        children.setdefault(parent, []).append(goal)

    def build(goal: Goal) -> GoalView:
        subs = tuple(build(g) for g in children.get(goal.id, []))
        return GoalView(goal.id, goal.text, goal.category, goal.position, subs, tuple(by_goal.get(goal.id, [])))

    unlinked = [i for gid, views in by_goal.items() if gid is None or gid not in live_goal_ids for i in views]
    return PlanView(citizen.id, citizen.status, citizen.status_reason, citizen.end_date,
                    tuple(build(g) for g in children.get(None, [])), tuple(unlinked), budget_of(session, citizen))


# --- checks ------------------------------------------------------------------------------------------

def clean_text(value: str | None, *, limit: int, required: bool, empty_message: str) -> str | None:
    """Trim and check free text: no control characters, a sane length. Emoji and RTL text are fine."""
    text = " ".join((value or "").split()) if limit <= MAX_TITLE else (value or "").strip()
    if not text:
        if required:
            raise DomainError(empty_message)
        return None
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in text):
        raise DomainError(N_("Teksten har tegn, som appen ikke kan gemme. Skriv den igen."))
    if len(text) > limit:
        raise DomainError(N_("Teksten er for lang. Skriv højst {count} tegn."), count=limit)
    return text


def open_plan(session: Session, actor: Actor, citizen_id: int) -> Citizen:
    """The citizen for a change, locked for the transaction; refused when paused or ended."""
    citizen = authorize(session, actor, citizen_id, Resource.PLAN, Action.WRITE)
    session.refresh(citizen, with_for_update=True)
    if citizen.status == CitizenStatus.PAUSED.value:
        raise DomainError(N_("Din plan holder pause lige nu. Du kan se den, men ikke ændre den. "
                             "Tal med din støtteperson."))
    if citizen.status == CitizenStatus.ENDED.value:
        raise DomainError(N_("Dit forløb er slut, så planen kan ikke ændres mere."))
    return citizen


def _own_goal(session: Session, citizen_id: int, goal_id: int | None) -> Goal | None:
    if goal_id is None:
        return None
    goal = session.get(Goal, goal_id)
    if goal is None or goal.citizen_id != citizen_id or goal.removed_at is not None:
        raise NotFound()
    return goal


def _check_price(citizen: Citizen, price_ore: int | None, quantity: int) -> None:
    if price_ore is None:
        return
    if price_ore <= 0:
        raise DomainError(N_("Prisen skal være mere end 0 kr."))
    if price_ore * quantity > citizen.budget_total_ore:
        raise DomainError(N_("Det er mere end hele dit budget. Tjek prisen og antallet."))


def _check_quantity(quantity: int) -> int:
    if not isinstance(quantity, int) or not 1 <= quantity <= MAX_QUANTITY:
        raise DomainError(N_("Antal skal være et helt tal fra 1 til {count}."), count=MAX_QUANTITY)
    return quantity


def _next_position(session: Session, model, citizen_id: int) -> int:
    return int(session.scalar(select(func.coalesce(func.max(model.position), -1) + 1)
                              .where(model.citizen_id == citizen_id)))


# --- goals -------------------------------------------------------------------------------------------

def add_goal(session: Session, *, actor: Actor, citizen_id: int, text: str, category: str | None = None,
             parent_id: int | None = None, source_step_id: str | None = None) -> int:
    """A long-term goal (no parent) or a sub-goal under a long-term goal."""
    open_plan(session, actor, citizen_id)
    text = clean_text(text, limit=MAX_GOAL_TEXT, required=True, empty_message=N_("Skriv dit mål med dine egne ord."))
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
    open_plan(session, actor, citizen_id)
    goal = _own_goal(session, citizen_id, goal_id)
    goal.text = clean_text(text, limit=MAX_GOAL_TEXT, required=True,
                           empty_message=N_("Skriv dit mål med dine egne ord."))
    if goal.parent_id is None:
        goal.category = category


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
    title = clean_text(title, limit=MAX_TITLE, required=True, empty_message=N_("Skriv, hvad du ønsker dig."))
    quantity = _check_quantity(quantity)
    _check_price(citizen, price_ore, quantity)
    _own_goal(session, citizen_id, goal_id)
    item = WishItem(citizen_id=citizen_id, goal_id=goal_id, title=title, price_ore=price_ore, quantity=quantity,
                    shop=clean_text(shop, limit=MAX_SHOP, required=False, empty_message=""),
                    note=clean_text(note, limit=MAX_NOTE, required=False, empty_message=""),
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
    title = clean_text(title, limit=MAX_TITLE, required=True, empty_message=N_("Skriv, hvad du ønsker dig."))
    quantity = _check_quantity(quantity)
    _check_price(citizen, price_ore, quantity)
    _own_goal(session, citizen_id, goal_id)
    item.title, item.price_ore, item.quantity, item.goal_id = title, price_ore, quantity, goal_id
    item.shop = clean_text(shop, limit=MAX_SHOP, required=False, empty_message="")
    item.note = clean_text(note, limit=MAX_NOTE, required=False, empty_message="")
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
