"""Sending the plan to the support person: validation, immutable numbered snapshots, the answer promise."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import audit, notifications, plan_changes
from storage.access import Action, Actor, Resource, authorize
from storage.dates import promised_answer_date
from storage.errors import N_, DomainError
from storage.models import (
    Citizen,
    DecisionKind,
    Goal,
    ItemDecision,
    ItemStatus,
    Programme,
    Submission,
    SubmissionItem,
    SubmissionStatus,
    WishItem,
    utcnow,
)
from storage.plan import open_plan
from storage.plan_view import PlanView, get_plan
from storage.statuses import EDITABLE
from storage.waiting import Waiting, waiting_since


MSG_SEE_PROBLEMS = N_("Planen kan ikke sendes endnu. Se listen over, hvad der mangler.")


@dataclass(frozen=True)
class Problem:
    """Something missing before the plan can be sent, as a Danish msgid with params."""

    message: str
    params: dict
    item_id: int | None = None


def problems(plan: PlanView, *, goals_changed: bool = False) -> list[Problem]:
    """Everything that stops the plan from being sent, in plain words (empty list: ready).

    ``goals_changed``: a goal was changed since the last version sent (goals_changed_since_sent), which is
    worth a version of its own even with no new wishes."""
    found: list[Problem] = []
    if not plan.goals:
        found.append(Problem(N_("Skriv mindst ét langsigtet mål."), {}))
    new_items, drops = plan_changes.to_send(plan)
    if not new_items and not drops and not goals_changed:
        found.append(Problem(N_("Der er ingen nye ønsker at sende."), {}))
    for item in new_items:
        if item.goal_id is None:
            found.append(Problem(N_("Vælg, hvilket mål '{title}' hjælper med."), {"title": item.title}, item.id))
        if item.price_ore is None:
            found.append(Problem(N_("Skriv en pris på '{title}'."), {"title": item.title}, item.id))
    over = -plan_changes.consequence(plan).left_after_ore
    if over > 0:
        found.append(Problem(N_("Ønskerne koster {amount} mere, end der er tilbage."), {"amount_ore": over}))
    return found


def _snapshot(session: Session, citizen_id: int, items: list[WishItem]) -> dict:
    return {
        "goals": _goal_rows(session, citizen_id),
        "items": [{"id": i.id, "goal_id": i.goal_id, "title": i.title, "price_ore": i.price_ore,
                   "quantity": i.quantity, "shop": i.shop, "note": i.note, "replaces": i.replaces_item_id,
                   "drop": i.drop_state is not None} for i in items],
    }


def _goal_rows(session: Session, citizen_id: int) -> list[dict]:
    goals = session.scalars(select(Goal).where(Goal.citizen_id == citizen_id, Goal.removed_at.is_(None))
                            .order_by(Goal.position, Goal.id))
    return [{"id": g.id, "parent_id": g.parent_id, "text": g.text, "category": g.category} for g in goals]


def last_snapshot(session: Session, citizen_id: int, *, before_version: int | None = None) -> dict | None:
    """The newest version's snapshot (or the newest before ``before_version``); None before the first."""
    query = select(Submission.snapshot).where(Submission.citizen_id == citizen_id)
    if before_version is not None:
        query = query.where(Submission.version < before_version)
    return session.scalar(query.order_by(Submission.version.desc()).limit(1))


def goals_changed_since_sent(session: Session, *, actor: Actor, citizen_id: int) -> bool:
    """A goal was written, changed or removed since the last version sent (False before the first)."""
    authorize(session, actor, citizen_id, Resource.SUBMISSION, Action.READ)
    last = last_snapshot(session, citizen_id)
    return last is not None and _goal_rows(session, citizen_id) != last.get("goals", [])


def _goal_text(session: Session, goal_id: int | None) -> str | None:
    goal = session.get(Goal, goal_id) if goal_id else None
    return goal.text if goal else None


def submit(session: Session, *, actor: Actor, citizen_id: int) -> int:
    """Send every draft item as a new numbered version. Returns the version number."""
    open_plan(session, actor, citizen_id)  # locks the citizen row: versions cannot collide
    plan = get_plan(session, actor=actor, citizen_id=citizen_id)
    found = problems(plan, goals_changed=goals_changed_since_sent(session, actor=actor, citizen_id=citizen_id))
    if found:
        # A refusal carries no user text (it is shown in an alert, which renders markdown): a problem that names
        # a wish points to the list of problems, which the page shows as plain text.
        if any(isinstance(v, str) for v in found[0].params.values()):
            raise DomainError(MSG_SEE_PROBLEMS)
        raise DomainError(found[0].message, **found[0].params)
    items = list(session.scalars(select(WishItem).where(
        WishItem.citizen_id == citizen_id, WishItem.removed_at.is_(None),
        WishItem.status.in_(EDITABLE) | (WishItem.drop_state == "draft"))
        .order_by(WishItem.position, WishItem.id)))
    version = int(session.scalar(select(func.coalesce(func.max(Submission.version), 0))
                                 .where(Submission.citizen_id == citizen_id))) + 1
    submission = Submission(citizen_id=citizen_id, version=version, snapshot=_snapshot(session, citizen_id, items))
    session.add(submission)
    session.flush()
    for item in items:
        if item.drop_state == "draft":  # asks to drop an approved wish: it keeps its status and money meanwhile
            change, price, item.drop_state = "drop", item.approved_ore, "sent"
        else:
            change, price = ("change" if item.replaces_item_id else "new"), item.price_ore * item.quantity
            item.status = ItemStatus.SUBMITTED.value
        session.add(SubmissionItem(submission_id=submission.id, wish_item_id=item.id, title=item.title,
                                   price_ore=price, quantity=item.quantity, change=change,
                                   goal_text=_goal_text(session, item.goal_id), note=item.note, shop=item.shop))
    notifications.plan_sent(session, citizen_id, version=version)
    return version


# --- what the citizen sees after sending -------------------------------------------------------------

@dataclass(frozen=True)
class SubmissionSummary:
    id: int
    version: int
    status: str
    submitted_at: datetime
    answer_by: date
    answered_at: datetime | None
    item_count: int

    def waiting(self, today: date) -> Waiting | None:
        """How long it has waited for its answer, against the promise (None once answered)."""
        if self.answered_at is not None:
            return None
        return waiting_since(self.version, self.submitted_at, self.answer_by, today)


def answer_by(session: Session, citizen: Citizen, submitted_at: datetime) -> date:
    """The promised answer date: the programme's number of Danish working days after sending."""
    return promised_answer_date(submitted_at, session.get_one(Programme, citizen.programme_id).answer_working_days)


def list_submissions(session: Session, *, actor: Actor, citizen_id: int) -> list[SubmissionSummary]:
    citizen = authorize(session, actor, citizen_id, Resource.SUBMISSION, Action.READ)
    audit.record_staff(session, actor, "read_submissions", citizen_id=citizen_id)
    counts = dict(session.execute(
        select(SubmissionItem.submission_id, func.count()).join(Submission)
        .where(Submission.citizen_id == citizen_id).group_by(SubmissionItem.submission_id)).all())
    rows = session.scalars(select(Submission).where(Submission.citizen_id == citizen_id)
                           .order_by(Submission.version.desc()))
    return [SubmissionSummary(s.id, s.version, s.status, s.submitted_at, answer_by(session, citizen, s.submitted_at),
                              s.answered_at, counts.get(s.id, 0)) for s in rows]


@dataclass(frozen=True)
class PublishedDecision:
    wish_item_id: int
    decision: str
    reason: str | None
    decided_at: datetime


def published_decisions(session: Session, *, actor: Actor, citizen_id: int) -> dict[int, list[PublishedDecision]]:
    """Per wish item, every decision the citizen has been told, newest first (history kept)."""
    authorize(session, actor, citizen_id, Resource.DECISION, Action.READ)
    audit.record_staff(session, actor, "read_decisions", citizen_id=citizen_id)
    rows = session.scalars(
        select(ItemDecision).join(WishItem, WishItem.id == ItemDecision.wish_item_id)
        .where(WishItem.citizen_id == citizen_id, ItemDecision.published_at.is_not(None))
        .order_by(ItemDecision.published_at.desc(), ItemDecision.id.desc()))
    result: dict[int, list[PublishedDecision]] = {}
    for d in rows:
        result.setdefault(d.wish_item_id, []).append(
            PublishedDecision(d.wish_item_id, d.decision, d.reason, d.published_at))
    return result


__all__ = ["Problem", "problems", "submit", "list_submissions", "published_decisions", "answer_by",
           "SubmissionSummary", "PublishedDecision", "DecisionKind", "SubmissionStatus", "utcnow"]
