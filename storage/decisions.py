"""The support person's decisions: saved per item as they are made, published together with 'Send svar'.

Approve, ask for a change, or decline; the last two always with a reason
written for the citizen. Until the answer is sent a decision can be
corrected in place; afterwards only by a new decision, and history is kept.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dialogs import limits
from dialogs.text import clean_text
from storage import audit, ledger, notifications
from storage.access import Action, Actor, Resource, authorize, require_role
from storage.errors import N_, DomainError, NotFound
from storage.models import (
    Citizen,
    DecisionKind,
    ItemDecision,
    ItemStatus,
    Submission,
    SubmissionItem,
    SubmissionStatus,
    WishItem,
    utcnow,
)
from storage.statuses import ANSWERED, StaffRole, plan_is_open

MSG_CHANGED_SINCE = N_("Borgeren har ændret ønsket siden dit svar. Svar på den nye udgave af planen i stedet.")
MSG_REMOVED = N_("Borgeren har fjernet ønsket fra planen, så der kan ikke træffes en ny beslutning.")
MSG_ALREADY_APPROVED = N_("Ønsket er allerede godkendt.")

STATUS_AFTER = {
    DecisionKind.APPROVE: ItemStatus.APPROVED,
    DecisionKind.CHANGE: ItemStatus.CHANGE_REQUESTED,
    DecisionKind.DECLINE: ItemStatus.DECLINED,
}


@dataclass(frozen=True)
class DraftDecision:
    submission_item_id: int
    decision: str
    reason: str | None


def _submission_item(session: Session, actor: Actor, submission_item_id: int) -> tuple[SubmissionItem, Submission,
                                                                                        Citizen]:
    sub_item = session.get(SubmissionItem, submission_item_id)
    if sub_item is None:
        raise NotFound()
    submission = session.get_one(Submission, sub_item.submission_id)
    citizen = authorize(session, actor, submission.citizen_id, Resource.DECISION, Action.WRITE)
    ledger.lock_budget(session, citizen)
    return sub_item, submission, citizen


def _deciding_support_person(session: Session, actor: Actor, submission_id: int) -> Submission:
    """Unsent decisions belong to the support person who decides: a citizen, or a coordinator giving advice,
    sees a decision only once it is sent (published_decisions)."""
    submission = session.get(Submission, submission_id)
    if submission is None:
        raise NotFound()
    require_role(actor, StaffRole.SUPPORT)
    authorize(session, actor, submission.citizen_id, Resource.DECISION, Action.WRITE)
    return submission


def _check_reason(kind: DecisionKind, reason: str | None) -> str | None:
    reason = clean_text(reason, limit=limits.NOTE, required=kind is not DecisionKind.APPROVE,
                        empty_message=N_("Skriv en grund til borgeren. Brug almindelige ord."))
    return reason


def record(session: Session, *, actor: Actor, submission_item_id: int, decision: DecisionKind,
           reason: str | None) -> None:
    """Save (or correct) the decision on one item of a waiting submission. The citizen sees nothing yet."""
    sub_item, submission, citizen = _submission_item(session, actor, submission_item_id)
    session.refresh(submission, with_for_update=True)
    if submission.status != SubmissionStatus.WAITING.value:
        raise DomainError(N_("Svaret er allerede sendt. Lav en ny beslutning i stedet."))
    reason = _check_reason(decision, reason)
    draft = session.scalar(select(ItemDecision).where(ItemDecision.submission_item_id == sub_item.id,
                                                      ItemDecision.published_at.is_(None)))
    if draft is None:
        session.add(ItemDecision(submission_item_id=sub_item.id, wish_item_id=sub_item.wish_item_id,
                                 decision=decision.value, reason=reason, decided_by_id=actor.id))
    else:
        draft.decision, draft.reason, draft.decided_by_id, draft.decided_at = decision.value, reason, actor.id, utcnow()
    audit.record(session, actor, "record_decision", citizen_id=citizen.id, object_type="submission_item",
                 object_id=sub_item.id, detail=decision.value)


def drafts(session: Session, *, actor: Actor, submission_id: int) -> dict[int, DraftDecision]:
    _deciding_support_person(session, actor, submission_id)
    rows = session.scalars(select(ItemDecision).join(SubmissionItem)
                           .where(SubmissionItem.submission_id == submission_id, ItemDecision.published_at.is_(None)))
    return {d.submission_item_id: DraftDecision(d.submission_item_id, d.decision, d.reason) for d in rows}


def _apply(session: Session, actor: Actor, citizen: Citizen, decision: ItemDecision, item: WishItem,
           amount_ore: int) -> None:
    """Make one decision take effect: item status, and money for approvals. A wish is approved once, for the
    price it was sent with; an approval is never added to another (the wish_items CHECK says so too)."""
    kind = DecisionKind(decision.decision)
    if item.removed_at is not None:
        raise DomainError(MSG_REMOVED)
    if kind is DecisionKind.APPROVE:
        if item.approved_ore:
            raise DomainError(MSG_ALREADY_APPROVED)
        ledger.commit_money(session, citizen_id=citizen.id, item_id=item.id, amount_ore=amount_ore, actor=actor)
        item.approved_ore = amount_ore
    item.status = STATUS_AFTER[kind].value


MSG_MONEY_ASKED = N_("Der er bedt om betaling for det godkendte ønske, så det kan ikke ændres eller fjernes nu. "
                     "Afslå ændringen, og skriv hvorfor.")


def _release_replaced(session: Session, actor: Actor, citizen: Citizen, old: WishItem, now) -> None:
    """An approved change takes the place of the wish it changes: the old wish's money goes back through the
    ledger first (so the new approval can never over-commit), and the old wish leaves the plan."""
    session.refresh(old, with_for_update=True)
    if old.requested_ore:
        raise DomainError(MSG_MONEY_ASKED)
    if old.approved_ore:
        ledger.release_money(session, citizen_id=citizen.id, item_id=old.id, amount_ore=old.approved_ore,
                             actor=actor)
        old.approved_ore = 0
    old.removed_at, old.drop_state = now, None


def _apply_drop(session: Session, actor: Actor, citizen: Citizen, decision: ItemDecision, item: WishItem,
                now) -> None:
    """The answer to 'drop this approved wish': yes releases its money and removes it; no keeps it as it was."""
    if item.removed_at is not None or item.drop_state != "sent":
        raise DomainError(MSG_CHANGED_SINCE)
    if DecisionKind(decision.decision) is DecisionKind.APPROVE:
        _release_replaced(session, actor, citizen, item, now)
    else:
        item.drop_state = None


def publish(session: Session, *, actor: Actor, submission_id: int) -> None:
    """'Send svar': every item needs a decision; then all take effect at once, or none does."""
    submission = session.get(Submission, submission_id)
    if submission is None:
        raise NotFound()
    citizen = authorize(session, actor, submission.citizen_id, Resource.DECISION, Action.WRITE)
    ledger.lock_budget(session, citizen)
    session.refresh(submission, with_for_update=True)
    if submission.status != SubmissionStatus.WAITING.value:
        raise DomainError(N_("Svaret er allerede sendt."))
    items = list(session.scalars(select(SubmissionItem).where(SubmissionItem.submission_id == submission_id)))
    pending = {d.submission_item_id: d for d in session.scalars(
        select(ItemDecision).join(SubmissionItem)
        .where(SubmissionItem.submission_id == submission_id, ItemDecision.published_at.is_(None)))}
    missing = [i for i in items if i.id not in pending]
    if missing:
        raise DomainError(N_("Tag stilling til alle ønsker, før du sender svaret. Der mangler {count}."),
                          count=len(missing))
    if not plan_is_open(citizen.status) and any(
            d.decision == DecisionKind.APPROVE.value for d in pending.values()):
        raise DomainError(N_("Planen holder pause eller er afsluttet, så intet kan godkendes nu."))
    now = utcnow()
    # Money given back (drops, then approved changes) before any new approval, so the order of the wishes in
    # the version never decides whether the budget can carry it.
    order = {"drop": 0, "change": 1, "new": 2}
    for sub_item in sorted(items, key=lambda i: (order.get(i.change, 2), i.id)):
        decision = pending[sub_item.id]
        item = session.get_one(WishItem, sub_item.wish_item_id)
        if sub_item.change == "drop":
            _apply_drop(session, actor, citizen, decision, item, now)
            decision.published_at = now
            continue
        if item.status != ItemStatus.SUBMITTED.value:  # only a wish still waiting for this answer gets it
            raise DomainError(MSG_CHANGED_SINCE)
        if decision.decision == DecisionKind.APPROVE.value and item.replaces_item_id is not None:
            old = session.get(WishItem, item.replaces_item_id)
            if old is not None and old.removed_at is None:
                _release_replaced(session, actor, citizen, old, now)
        _apply(session, actor, citizen, decision, item, sub_item.price_ore)
        decision.published_at = now
    submission.status, submission.answered_at, submission.answered_by_id = SubmissionStatus.ANSWERED.value, now, actor.id
    audit.record(session, actor, "publish_decisions", citizen_id=citizen.id, object_type="submission",
                 object_id=submission.id, detail=f"items={len(items)}")
    notifications.decision_sent(session, citizen.id)


def revise(session: Session, *, actor: Actor, wish_item_id: int, decision: DecisionKind, reason: str | None) -> None:
    """A new decision on an item whose answer was already sent; takes effect and is shown at once."""
    item = session.get(WishItem, wish_item_id)
    if item is None:
        raise NotFound()
    citizen = authorize(session, actor, item.citizen_id, Resource.DECISION, Action.WRITE)
    ledger.lock_budget(session, citizen)
    session.refresh(item, with_for_update=True)
    if item.removed_at is not None:
        raise DomainError(MSG_REMOVED)
    last = session.scalar(select(ItemDecision).where(ItemDecision.wish_item_id == item.id,
                                                     ItemDecision.published_at.is_not(None))
                          .order_by(ItemDecision.published_at.desc(), ItemDecision.id.desc()).limit(1))
    if last is None:
        raise DomainError(N_("Der er ingen sendt beslutning at ændre."))
    # The answer being changed must be the answer to what the citizen asks for now: not a wish they are
    # changing (draft) or have sent again (waiting), and not an older version of it.
    newest_sent = session.scalar(select(func.max(SubmissionItem.id)).where(SubmissionItem.wish_item_id == item.id))
    if item.status not in ANSWERED or last.submission_item_id != newest_sent or item.drop_state is not None:
        raise DomainError(MSG_CHANGED_SINCE)
    if session.get_one(SubmissionItem, last.submission_item_id).change == "drop":
        # The last answer was about dropping the wish, not about the wish: a new decision would price it again.
        raise DomainError(N_("Det sidste svar handlede om at fjerne ønsket. Det kan ikke laves om her."))
    if DecisionKind(last.decision) is decision:
        raise DomainError(N_("Beslutningen er allerede sådan."))
    reason = _check_reason(decision, reason)
    if item.approved_ore:
        if item.requested_ore:
            raise DomainError(N_("Der er bedt om betaling for ønsket, så godkendelsen kan ikke trækkes tilbage."))
        ledger.release_money(session, citizen_id=citizen.id, item_id=item.id, amount_ore=item.approved_ore,
                             actor=actor)
        item.approved_ore = 0
    if decision is DecisionKind.APPROVE and not plan_is_open(citizen.status):
        raise DomainError(N_("Planen holder pause eller er afsluttet, så intet kan godkendes nu."))
    if decision is DecisionKind.APPROVE and item.replaces_item_id is not None:
        replaced = session.get(WishItem, item.replaces_item_id)
        if replaced is not None and replaced.removed_at is None:
            _release_replaced(session, actor, citizen, replaced, utcnow())
    new = ItemDecision(submission_item_id=last.submission_item_id, wish_item_id=item.id, decision=decision.value,
                       reason=reason, decided_by_id=actor.id, published_at=utcnow())
    session.add(new)
    sub_item = session.get_one(SubmissionItem, last.submission_item_id)
    _apply(session, actor, citizen, new, item, sub_item.price_ore)
    audit.record(session, actor, "revise_decision", citizen_id=citizen.id, object_type="wish_item",
                 object_id=item.id, detail=decision.value)
    notifications.decision_sent(session, citizen.id)


# --- what the support person reviews -----------------------------------------------------------------

@dataclass(frozen=True)
class ReviewItem:
    """One item of a sent plan as it was sent, with the support person's unsent decision if any."""

    submission_item_id: int
    wish_item_id: int
    title: str
    price_ore: int          # the total for the item (price times quantity) when it was sent
    quantity: int
    goal_text: str | None
    note: str | None
    shop: str | None
    draft_decision: str | None
    draft_reason: str | None
    change: str = "new"     # 'new', 'change' (replaces an approved wish) or 'drop' (asks to drop one)


def review_items(session: Session, *, actor: Actor, submission_id: int) -> list[ReviewItem]:
    """The items of one sent plan, in the citizen's order, each with its saved but unsent decision. Only for
    the support person who decides (drafts are theirs until sent)."""
    submission = _deciding_support_person(session, actor, submission_id)
    audit.record_staff(session, actor, "read_submission", citizen_id=submission.citizen_id,
                       object_type="submission", object_id=submission.id)
    rows = session.execute(
        select(SubmissionItem, ItemDecision.decision, ItemDecision.reason)
        .outerjoin(ItemDecision, (ItemDecision.submission_item_id == SubmissionItem.id)
                   & ItemDecision.published_at.is_(None))
        .where(SubmissionItem.submission_id == submission_id)
        .order_by(SubmissionItem.id))
    return [ReviewItem(i.id, i.wish_item_id, i.title, i.price_ore, i.quantity, i.goal_text, i.note, i.shop,
                       decision, reason, i.change) for i, decision, reason in rows]
