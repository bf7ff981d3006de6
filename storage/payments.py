"""Payment requests as finance sees them: citizen by internal number only, never goals or answers."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs import limits
from dialogs.amounts import check_positive
from dialogs.text import clean_text
from storage import audit, ledger, notifications
from storage.csv_files import write_csv
from storage.access import Action, Actor, Resource, authorize, require_role
from storage.errors import N_, AccessDenied, DomainError, NotFound
from storage.models import (
    Citizen,
    ItemStatus,
    LedgerKind,
    PaymentRequest,
    PaymentStatus,
    StaffRole,
    WishItem,
    utcnow,
)
from storage.statuses import HOLDS_MONEY, plan_is_open

PAYABLE = tuple(sorted(HOLDS_MONEY))  # approved, ordered (a payment waits) or paid (partly, maybe)


@dataclass(frozen=True)
class FinanceRow:
    payment_id: int
    citizen_ref: str
    vendor: str
    amount_ore: int
    reference: str | None
    purchase_date: date
    status: str
    requested_at: datetime
    handled_at: datetime | None = None
    reject_reason: str | None = None


def list_for_finance(session: Session, *, actor: Actor, status: str | None = None) -> list[FinanceRow]:
    require_role(actor, StaffRole.FINANCE)
    query = (
        select(PaymentRequest.citizen_id, PaymentRequest.id, Citizen.internal_ref, PaymentRequest.vendor, PaymentRequest.amount_ore,
               PaymentRequest.reference, PaymentRequest.purchase_date, PaymentRequest.status,
               PaymentRequest.requested_at, PaymentRequest.handled_at, PaymentRequest.reject_reason)
        .join(Citizen, Citizen.id == PaymentRequest.citizen_id)
        .where(Citizen.programme_id == actor.programme_id)
        .order_by(PaymentRequest.requested_at, PaymentRequest.id)
    )
    if status:
        query = query.where(PaymentRequest.status == status)
    found = session.execute(query).all()
    rows = [FinanceRow(*r[1:]) for r in found]
    audit.record_reads(session, actor, "list_payment_requests", (r[0] for r in found),
                       detail=f"status={status or 'all'} count={len(rows)}")
    return rows


# --- the support person asks; finance pays or rejects ------------------------------------------------

def request_payment(session: Session, *, actor: Actor, wish_item_id: int, vendor: str, amount_ore: int,
                    reference: str | None, purchase_date: date) -> int:
    """Ask finance to pay a vendor for an approved item, within what was approved for it."""
    item = session.get(WishItem, wish_item_id)
    if item is None:
        raise NotFound()
    citizen = authorize(session, actor, item.citizen_id, Resource.PAYMENT, Action.WRITE)
    require_role(actor, StaffRole.SUPPORT)
    ledger.lock_budget(session, citizen)
    session.refresh(item, with_for_update=True)
    if not plan_is_open(citizen.status):
        raise DomainError(N_("Planen holder pause eller er afsluttet, så der kan ikke købes noget nu."))
    if item.status not in PAYABLE or item.removed_at is not None:
        raise DomainError(N_("Der kan kun betales for godkendte ønsker."))
    vendor = clean_text(vendor, limit=limits.VENDOR, single_line=True, required=True, empty_message=N_("Skriv, hvem der skal have pengene."))
    reference = clean_text(reference, limit=limits.REFERENCE, single_line=True, required=False)
    check_positive(amount_ore)
    open_amount = item.approved_ore - item.requested_ore  # rejected requests gave their amount back
    if amount_ore > open_amount:
        raise DomainError(N_("Beløbet er større end det, der er godkendt og ikke betalt: {open}."),
                          open_ore=open_amount)
    payment = PaymentRequest(citizen_id=citizen.id, wish_item_id=item.id, vendor=vendor, amount_ore=amount_ore,
                             reference=reference, purchase_date=purchase_date, requested_by_id=actor.id)
    session.add(payment)
    session.flush()
    ledger.record_payment_event(session, citizen_id=citizen.id, item_id=item.id, payment_id=payment.id,
                                kind=LedgerKind.PAYMENT_REQUESTED, amount_ore=amount_ore, actor=actor)
    item.requested_ore += amount_ore
    item.status = ItemStatus.ORDERED.value
    audit.record(session, actor, "request_payment", citizen_id=citizen.id, object_type="payment_request",
                 object_id=payment.id)
    notifications.payment_waiting(session, citizen.id)
    return payment.id


def _payment_for_finance(session: Session, actor: Actor, payment_id: int) -> tuple[PaymentRequest, WishItem]:
    require_role(actor, StaffRole.FINANCE)
    payment = session.get(PaymentRequest, payment_id)
    if payment is None:
        raise NotFound()
    citizen = session.get_one(Citizen, payment.citizen_id)
    if citizen.programme_id != actor.programme_id:
        raise AccessDenied()
    ledger.lock_budget(session, citizen)
    session.refresh(payment, with_for_update=True)
    if payment.status != PaymentStatus.REQUESTED.value:
        raise DomainError(N_("Betalingen er allerede behandlet."))
    item = session.get_one(WishItem, payment.wish_item_id)
    session.refresh(item, with_for_update=True)
    return payment, item


def _item_status_after_payment(session: Session, item: WishItem) -> str:
    statuses = set(session.scalars(select(PaymentRequest.status).where(PaymentRequest.wish_item_id == item.id)))
    if PaymentStatus.REQUESTED.value in statuses:
        return ItemStatus.ORDERED.value
    if PaymentStatus.PAID.value in statuses:
        return ItemStatus.PAID.value
    return ItemStatus.APPROVED.value


def mark_paid(session: Session, *, actor: Actor, payment_id: int) -> None:
    payment, item = _payment_for_finance(session, actor, payment_id)
    payment.status, payment.handled_by_id, payment.handled_at = PaymentStatus.PAID.value, actor.id, utcnow()
    ledger.record_payment_event(session, citizen_id=payment.citizen_id, item_id=item.id, payment_id=payment.id,
                                kind=LedgerKind.PAYMENT_PAID, amount_ore=payment.amount_ore, actor=actor)
    session.flush()
    item.status = _item_status_after_payment(session, item)
    audit.record(session, actor, "mark_paid", citizen_id=payment.citizen_id, object_type="payment_request",
                 object_id=payment.id)
    notifications.payment_made(session, payment.citizen_id)


def reject(session: Session, *, actor: Actor, payment_id: int, reason: str) -> None:
    payment, item = _payment_for_finance(session, actor, payment_id)
    reason = clean_text(reason, limit=limits.NOTE, required=True, empty_message=N_("Skriv en grund til afvisningen."))
    payment.status, payment.handled_by_id, payment.handled_at = PaymentStatus.REJECTED.value, actor.id, utcnow()
    payment.reject_reason = reason
    ledger.record_payment_event(session, citizen_id=payment.citizen_id, item_id=item.id, payment_id=payment.id,
                                kind=LedgerKind.PAYMENT_REJECTED, amount_ore=payment.amount_ore, actor=actor)
    item.requested_ore -= payment.amount_ore
    session.flush()
    item.status = _item_status_after_payment(session, item)
    audit.record(session, actor, "reject_payment", citizen_id=payment.citizen_id, object_type="payment_request",
                 object_id=payment.id)


CSV_COLUMNS = ("betaling_id", "borger_nr", "leverandoer", "beloeb_kr", "reference", "koebsdato", "status",
               "anmodet", "behandlet", "afvist_grund")


def export_csv(session: Session, *, actor: Actor) -> str:
    """Payment requests for the municipality's finance system (semicolon CSV, Danish decimal comma)."""
    require_role(actor, StaffRole.FINANCE)
    rows = session.execute(
        select(PaymentRequest, Citizen.internal_ref).join(Citizen, Citizen.id == PaymentRequest.citizen_id)
        .where(Citizen.programme_id == actor.programme_id).order_by(PaymentRequest.id)).all()
    lines = []
    for payment, ref in rows:
        kroner, ore = divmod(payment.amount_ore, 100)
        lines.append([payment.id, ref, payment.vendor, f"{kroner},{ore:02d}", payment.reference,
                      payment.purchase_date.isoformat(), payment.status, payment.requested_at.isoformat(),
                      payment.handled_at.isoformat() if payment.handled_at else "", payment.reject_reason])
    audit.record_reads(session, actor, "export_payments", {payment.citizen_id for payment, _ref in rows},
                       detail=f"count={len(lines)}")
    return write_csv(CSV_COLUMNS, lines, delimiter=";")


# --- the support person's view of one citizen's payments ---------------------------------------------


@dataclass(frozen=True)
class PayableItem:
    """An approved item and how much of its approval is not yet asked for."""

    wish_item_id: int
    title: str
    status: str
    approved_ore: int
    open_ore: int


@dataclass(frozen=True)
class PaymentView:
    id: int
    wish_item_id: int
    item_title: str
    vendor: str
    amount_ore: int
    reference: str | None
    purchase_date: date
    status: str
    requested_at: datetime
    handled_at: datetime | None
    reject_reason: str | None


def _support_or_citizen(actor: Actor) -> None:
    """These views name the item; finance sees payments only through list_for_finance (no titles)."""
    if actor.is_staff:
        require_role(actor, StaffRole.SUPPORT)


def payable_items(session: Session, *, actor: Actor, citizen_id: int) -> list[PayableItem]:
    """Approved items of the citizen with the amount still open for a payment request (two queries)."""
    _support_or_citizen(actor)
    authorize(session, actor, citizen_id, Resource.PAYMENT, Action.READ)
    audit.record_staff(session, actor, "read_payable_items", citizen_id=citizen_id)
    items = session.scalars(select(WishItem).where(WishItem.citizen_id == citizen_id, WishItem.status.in_(PAYABLE),
                                                   WishItem.removed_at.is_(None))
                            .order_by(WishItem.position, WishItem.id))
    return [PayableItem(i.id, i.title, i.status, i.approved_ore, i.approved_ore - i.requested_ore) for i in items]


def for_citizen(session: Session, *, actor: Actor, citizen_id: int) -> list[PaymentView]:
    """The citizen's payment requests, newest first, with finance's answer."""
    _support_or_citizen(actor)
    authorize(session, actor, citizen_id, Resource.PAYMENT, Action.READ)
    audit.record_staff(session, actor, "read_payments", citizen_id=citizen_id)
    rows = session.execute(
        select(PaymentRequest, WishItem.title).join(WishItem, WishItem.id == PaymentRequest.wish_item_id)
        .where(PaymentRequest.citizen_id == citizen_id)
        .order_by(PaymentRequest.requested_at.desc(), PaymentRequest.id.desc()))
    return [PaymentView(p.id, p.wish_item_id, title, p.vendor, p.amount_ore, p.reference, p.purchase_date, p.status,
                        p.requested_at, p.handled_at, p.reject_reason) for p, title in rows]
