"""Payment requests as finance sees them: citizen by internal number only, never goals or answers."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import audit
from storage.access import Actor, require_role
from storage.models import Citizen, PaymentRequest, StaffRole


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


def list_for_finance(session: Session, *, actor: Actor, status: str | None = None) -> list[FinanceRow]:
    require_role(actor, StaffRole.FINANCE)
    query = (
        select(PaymentRequest.id, Citizen.internal_ref, PaymentRequest.vendor, PaymentRequest.amount_ore,
               PaymentRequest.reference, PaymentRequest.purchase_date, PaymentRequest.status,
               PaymentRequest.requested_at)
        .join(Citizen, Citizen.id == PaymentRequest.citizen_id)
        .where(Citizen.programme_id == actor.programme_id)
        .order_by(PaymentRequest.requested_at, PaymentRequest.id)
    )
    if status:
        query = query.where(PaymentRequest.status == status)
    rows = [FinanceRow(*r) for r in session.execute(query)]
    audit.record(session, actor, "list_payment_requests", detail=f"status={status or 'all'} count={len(rows)}")
    return rows
