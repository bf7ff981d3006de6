"""Payment requests and the budget ledger's events."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, _in, utcnow
from storage.statuses import LedgerKind, PaymentStatus


class PaymentRequest(Base):
    __tablename__ = "payment_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    wish_item_id: Mapped[int] = mapped_column(ForeignKey("wish_items.id", ondelete="CASCADE"), index=True)
    vendor: Mapped[str] = mapped_column(String(200))
    amount_ore: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str | None] = mapped_column(String(200), default=None)
    purchase_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default=PaymentStatus.REQUESTED.value)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None, index=True)
    handled_at: Mapped[datetime | None] = mapped_column(default=None)
    reject_reason: Mapped[str | None] = mapped_column(Text, default=None)

    __table_args__ = (
        CheckConstraint("amount_ore > 0", name="amount_positive"),
        CheckConstraint(_in("status", PaymentStatus), name="status_known"),
        Index("ix_payment_requests_status", "status"),  # finance's list by status
    )


class LedgerEntry(Base):
    """One budget event. committed_delta_ore sums to Citizen.committed_ore."""

    __tablename__ = "ledger_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    wish_item_id: Mapped[int | None] = mapped_column(ForeignKey("wish_items.id", ondelete="SET NULL"), default=None,
                                                     index=True)
    payment_request_id: Mapped[int | None] = mapped_column(ForeignKey("payment_requests.id"), default=None, index=True)
    kind: Mapped[str] = mapped_column(String(24))
    amount_ore: Mapped[int] = mapped_column(Integer)
    committed_delta_ore: Mapped[int] = mapped_column(Integer, default=0)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint(_in("kind", LedgerKind), name="kind_known"),
        CheckConstraint("amount_ore >= 0", name="amount_nonnegative"),
    )
