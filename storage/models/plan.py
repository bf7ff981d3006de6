"""Goals, wish items, sent plan versions, the support person's decisions and second opinions."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, _in, utcnow
from storage.statuses import HOLDS_MONEY, DecisionKind, ItemStatus, SubmissionStatus

_HOLDS_MONEY = f"status IN ({', '.join(repr(v) for v in sorted(HOLDS_MONEY))})"


class Goal(Base):
    """A long-term goal (parent_id NULL) or a sub-goal, in the citizen's own words."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), default=None, index=True)
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(40), default=None)
    position: Mapped[int] = mapped_column(Integer, default=0)
    source_step_id: Mapped[str | None] = mapped_column(String(80), default=None)
    removed_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __table_args__ = (
        UniqueConstraint("citizen_id", "source_step_id", name="uq_goals_citizen_source_step"),
    )


class WishItem(Base):
    __tablename__ = "wish_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="SET NULL"), default=None, index=True)
    title: Mapped[str] = mapped_column(String(200))
    price_ore: Mapped[int | None] = mapped_column(Integer, default=None)
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    shop: Mapped[str | None] = mapped_column(String(300), default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default=ItemStatus.DRAFT.value)
    approved_ore: Mapped[int] = mapped_column(Integer, default=0)
    # Asked of finance and not rejected (requested or paid), kept beside the ledger's events like
    # Citizen.committed_ore, so the CHECK below refuses a payment request beyond the approval.
    requested_ore: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    source_step_id: Mapped[str | None] = mapped_column(String(80), default=None)
    # A change to an approved wish after approval (storage/plan_changes.py): this draft replaces that wish once
    # it is approved; until then the approved wish keeps its money.
    replaces_item_id: Mapped[int | None] = mapped_column(ForeignKey("wish_items.id", ondelete="SET NULL"),
                                                         default=None, index=True)
    # The citizen asks to drop this approved wish: 'draft' (not sent yet) or 'sent' (waiting for the answer).
    drop_state: Mapped[str | None] = mapped_column(String(10), default=None)
    # Items that were ever sent are never deleted (submissions point at them); they are marked removed.
    removed_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __table_args__ = (
        CheckConstraint(_in("status", ItemStatus), name="status_known"),
        CheckConstraint("price_ore IS NULL OR price_ore > 0", name="price_positive"),
        CheckConstraint("quantity BETWEEN 1 AND 1000", name="quantity_sane"),
        CheckConstraint("approved_ore >= 0", name="approved_nonnegative"),
        # One wish, one approval, for what it costs: money only on an approved, ordered or paid wish that is
        # still in the plan, and never more than its price times its quantity.
        CheckConstraint(f"approved_ore = 0 OR ({_HOLDS_MONEY} AND removed_at IS NULL AND price_ore IS NOT NULL "
                        "AND approved_ore <= CAST(price_ore AS BIGINT) * quantity)", name="money_fits_wish"),
        CheckConstraint("requested_ore >= 0 AND requested_ore <= approved_ore", name="requested_within_approved"),
        CheckConstraint("drop_state IS NULL OR drop_state IN ('draft', 'sent')", name="drop_state_known"),
        UniqueConstraint("citizen_id", "source_step_id", name="uq_wish_items_citizen_source_step"),
    )


class Submission(Base):
    """An immutable, numbered snapshot of the plan sent to the support person."""

    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default=SubmissionStatus.WAITING.value)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(default=None)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None, index=True)

    __table_args__ = (
        UniqueConstraint("citizen_id", "version", name="uq_submissions_citizen_version"),
        CheckConstraint(_in("status", SubmissionStatus), name="status_known"),
        # Plans waiting for an answer, found by status (the overviews, the review queue).
        Index("ix_submissions_status_citizen", "status", "citizen_id", "version"),
    )


class SubmissionItem(Base):
    __tablename__ = "submission_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    wish_item_id: Mapped[int] = mapped_column(ForeignKey("wish_items.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    price_ore: Mapped[int] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Integer)
    goal_text: Mapped[str | None] = mapped_column(Text, default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    shop: Mapped[str | None] = mapped_column(String(300), default=None)
    # 'new' (a wish), 'change' (replaces an approved wish) or 'drop' (asks to drop an approved wish).
    change: Mapped[str] = mapped_column(String(10), default="new", server_default="new")

    __table_args__ = (CheckConstraint("price_ore > 0", name="price_positive"),
                      CheckConstraint("change IN ('new', 'change', 'drop')", name="change_known"))


class ItemDecision(Base):
    """A support person's decision on one submitted item; history is kept, never overwritten once sent."""

    __tablename__ = "item_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_item_id: Mapped[int] = mapped_column(ForeignKey("submission_items.id", ondelete="CASCADE"), index=True)
    wish_item_id: Mapped[int] = mapped_column(ForeignKey("wish_items.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (
        CheckConstraint(_in("decision", DecisionKind), name="decision_known"),
        CheckConstraint("decision = 'approve' OR (reason IS NOT NULL AND reason <> '')", name="reason_required"),
        # At most one unsent (draft) decision per sent wish; sent ones are history.
        Index("uq_item_decisions_one_draft", "submission_item_id", unique=True,
              postgresql_where=text("published_at IS NULL"), sqlite_where=text("published_at IS NULL")),
    )


class SecondOpinion(Base):
    """'Spørg koordinator': a question about one item; the support person still decides."""

    __tablename__ = "second_opinions"

    id: Mapped[int] = mapped_column(primary_key=True)
    wish_item_id: Mapped[int] = mapped_column(ForeignKey("wish_items.id", ondelete="CASCADE"), index=True)
    asked_by_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    question: Mapped[str] = mapped_column(Text)
    asked_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None, index=True)
    answer: Mapped[str | None] = mapped_column(Text, default=None)
    answered_at: Mapped[datetime | None] = mapped_column(default=None)
