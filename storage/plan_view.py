"""The citizen's plan as frozen views: long-term goals, sub-goals and priced wishes, with the budget.

No ORM object leaves the transaction. Reading is audited when staff read.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import audit
from storage.access import Action, Actor, Resource, authorize
from storage.budget import Budget, budget_of
from storage.models import Goal, WishItem
from storage.statuses import plan_is_open


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
    requested_ore: int = 0              # asked of finance (requested or paid)
    replaces_item_id: int | None = None  # a change to this approved wish, waiting to replace it
    drop_state: str | None = None        # the citizen asks to drop this approved wish: 'draft' or 'sent'

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

    def all_items(self) -> list[ItemView]:
        """The goal's own wishes and its sub-goals' wishes."""
        return [*self.items, *(i for sub in self.sub_goals for i in sub.all_items())]

    @property
    def subtotal_ore(self) -> int:
        own = sum(i.total_ore or 0 for i in self.items)
        return own + sum(g.subtotal_ore for g in self.sub_goals)


@dataclass(frozen=True)
class PlanView:
    citizen_id: int
    status: str
    status_reason: str | None
    end_date: date
    goals: tuple[GoalView, ...]
    unlinked_items: tuple[ItemView, ...]
    budget: Budget

    @property
    def is_open(self) -> bool:
        """The plan can be changed and sent (not paused or ended)."""
        return plan_is_open(self.status)

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
                    i.position, i.requested_ore, i.replaces_item_id, i.drop_state)


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
