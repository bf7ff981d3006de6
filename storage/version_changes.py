"""What a sent version changes since the plan before it, for the support person who answers it.

New wishes, changed wishes (what was approved before and what is asked now), approved wishes the citizen asks
to drop, goals written, changed or removed since the version before, and what stays approved, ordered or paid
untouched. Read from the version's own rows and the previous version's snapshot: a fixed number of queries.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from storage import audit
from storage.access import Action, Actor, Resource, authorize
from storage.errors import NotFound
from storage.models import Submission, SubmissionItem, WishItem
from storage.statuses import HOLDS_MONEY
from storage.submissions import last_snapshot


@dataclass(frozen=True)
class WishChange:
    kind: str                    # 'new', 'change' or 'drop'
    title: str
    price_ore: int               # asked now (for a drop: the money it gives back)
    before_title: str | None     # a change: the approved wish it replaces
    before_ore: int | None       # a change: what was approved for it


@dataclass(frozen=True)
class GoalChange:
    before: str | None           # None: a new goal
    after: str | None            # None: removed


@dataclass(frozen=True)
class KeptWish:
    title: str
    status: str
    approved_ore: int


@dataclass(frozen=True)
class VersionChanges:
    wishes: tuple[WishChange, ...]
    goals: tuple[GoalChange, ...]
    kept: tuple[KeptWish, ...]

    @property
    def delta_ore(self) -> int:
        """What the budget's promised money changes by if everything is approved (negative: cheaper)."""
        delta = 0
        for w in self.wishes:
            delta += -w.price_ore if w.kind == "drop" else w.price_ore - (w.before_ore or 0)
        return delta


def _goal_changes(before: list[dict], after: list[dict]) -> tuple[GoalChange, ...]:
    old = {g["id"]: g["text"] for g in before}
    new = {g["id"]: g["text"] for g in after}
    changes = [GoalChange(old.get(gid), text) for gid, text in new.items() if old.get(gid) != text]
    changes += [GoalChange(text, None) for gid, text in old.items() if gid not in new]
    return tuple(changes)


def changes_in(session: Session, *, actor: Actor, submission_id: int) -> VersionChanges:
    submission = session.get(Submission, submission_id)
    if submission is None:
        raise NotFound()
    authorize(session, actor, submission.citizen_id, Resource.SUBMISSION, Action.READ)
    audit.record_staff(session, actor, "read_plan_changes", citizen_id=submission.citizen_id,
                       object_type="submission", object_id=submission.id)
    old = aliased(WishItem)
    rows = session.execute(
        select(SubmissionItem.change, SubmissionItem.title, SubmissionItem.price_ore, old.title, old.approved_ore,
               SubmissionItem.wish_item_id, WishItem.replaces_item_id)
        .join(WishItem, WishItem.id == SubmissionItem.wish_item_id)
        .outerjoin(old, old.id == WishItem.replaces_item_id)
        .where(SubmissionItem.submission_id == submission_id).order_by(SubmissionItem.id)).all()
    wishes = tuple(WishChange(change, title, price, old_title if change == "change" else None,
                              old_ore if change == "change" else None)
                   for change, title, price, old_title, old_ore, _, _ in rows)
    touched = {r[5] for r in rows} | {r[6] for r in rows if r[6] is not None}
    kept = tuple(KeptWish(i.title, i.status, i.approved_ore) for i in session.scalars(
        select(WishItem).where(WishItem.citizen_id == submission.citizen_id, WishItem.removed_at.is_(None),
                               WishItem.status.in_(HOLDS_MONEY)).order_by(WishItem.position, WishItem.id))
        if i.id not in touched)
    before = last_snapshot(session, submission.citizen_id, before_version=submission.version)
    goals = _goal_changes(before.get("goals", []), submission.snapshot.get("goals", [])) if before else ()
    return VersionChanges(wishes, goals, kept)
