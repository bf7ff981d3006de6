"""The domain model for the whole programme, as typed SQLAlchemy 2.x classes.

Money is integer øre everywhere. Enumerations are stored as short strings
with CHECK constraints (portable between SQLite and PostgreSQL, and easy to
extend in a migration). Every constraint is named by the convention below so
Alembic can alter it on both engines.
"""
from __future__ import annotations

import enum
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on both engines (SQLite stores naive text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime given to a UTC column")
            value = value.astimezone(timezone.utc)
            if dialect.name == "sqlite":
                value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


def _in(column: str, values: type[enum.Enum]) -> str:
    return f"{column} IN ({', '.join(repr(v.value) for v in values)})"


class StaffRole(str, enum.Enum):
    SUPPORT = "support"
    COORDINATOR = "coordinator"
    FINANCE = "finance"
    FACILITATOR = "facilitator"


class CitizenStatus(str, enum.Enum):
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"


class ItemStatus(str, enum.Enum):
    """What the citizen sees: kladde, sendt, godkendt, skal ændres, afslået, bestilt, betalt."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    CHANGE_REQUESTED = "change_requested"
    DECLINED = "declined"
    ORDERED = "ordered"
    PAID = "paid"


class DecisionKind(str, enum.Enum):
    APPROVE = "approve"
    CHANGE = "change"
    DECLINE = "decline"


class PaymentStatus(str, enum.Enum):
    REQUESTED = "requested"
    PAID = "paid"
    REJECTED = "rejected"


class LedgerKind(str, enum.Enum):
    """Budget events; the ledger is their sum, never a hand-edited number."""

    APPROVED = "approved"
    APPROVAL_WITHDRAWN = "approval_withdrawn"
    PAYMENT_REQUESTED = "payment_requested"
    PAYMENT_PAID = "payment_paid"
    PAYMENT_REJECTED = "payment_rejected"


class SubmissionStatus(str, enum.Enum):
    WAITING = "waiting"
    ANSWERED = "answered"


class Programme(Base):
    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    default_budget_ore: Mapped[int] = mapped_column(Integer)
    period_months: Mapped[int] = mapped_column(Integer, default=12)
    answer_working_days: Mapped[int] = mapped_column(Integer, default=5)
    goal_categories: Mapped[list[Any] | None] = mapped_column(JSON, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint("default_budget_ore > 0", name="budget_positive"),
        CheckConstraint("period_months BETWEEN 1 AND 60", name="period_sane"),
        CheckConstraint("answer_working_days BETWEEN 1 AND 60", name="answer_days_sane"),
    )


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"), index=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(255), default=None)
    oidc_subject: Mapped[str | None] = mapped_column(String(255), unique=True, default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    programme: Mapped[Programme] = relationship()

    __table_args__ = (CheckConstraint(_in("role", StaffRole), name="role_known"),)


class Citizen(Base):
    """A participant. Display name only: the app never needs a CPR number."""

    __tablename__ = "citizens"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"), index=True)
    support_person_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    display_name: Mapped[str] = mapped_column(String(100))
    internal_ref: Mapped[str] = mapped_column(String(20), unique=True)
    language: Mapped[str] = mapped_column(String(5), default="da")
    status: Mapped[str] = mapped_column(String(10), default=CitizenStatus.ACTIVE.value)
    status_reason: Mapped[str | None] = mapped_column(Text, default=None)
    budget_total_ore: Mapped[int] = mapped_column(Integer)
    # Sum of the ledger's committed deltas, kept beside the events so one
    # atomic UPDATE plus the CHECK below makes over-commitment impossible.
    committed_ore: Mapped[int] = mapped_column(Integer, default=0)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    needs_help_since: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    support_person: Mapped[StaffUser] = relationship()
    programme: Mapped[Programme] = relationship()

    __table_args__ = (
        CheckConstraint(_in("status", CitizenStatus), name="status_known"),
        CheckConstraint("budget_total_ore > 0", name="budget_positive"),
        CheckConstraint("committed_ore >= 0 AND committed_ore <= budget_total_ore", name="within_budget"),
        CheckConstraint("end_date > start_date", name="period_order"),
    )


class CitizenCredential(Base):
    """Access code (lookup part in clear, secret part hashed) and PIN, both argon2."""

    __tablename__ = "citizen_credentials"

    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), primary_key=True)
    lookup: Mapped[str] = mapped_column(String(8), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(255))
    pin_hash: Mapped[str | None] = mapped_column(String(255), default=None)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_at: Mapped[datetime | None] = mapped_column(default=None)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)


class CourseProgress(Base):
    __tablename__ = "course_progress"

    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), primary_key=True)
    current_step_id: Mapped[str | None] = mapped_column(String(80), default=None)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    form_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CourseAnswer(Base):
    __tablename__ = "course_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    step_id: Mapped[str] = mapped_column(String(80))
    value: Mapped[Any] = mapped_column(JSON, default=None)
    skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    answered_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __table_args__ = (UniqueConstraint("citizen_id", "step_id", name="uq_course_answers_citizen_step"),)


class ChatTurn(Base):
    """One line of the course conversation. Guide lines hold a msgid, translated at render time."""

    __tablename__ = "chat_turns"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    speaker: Mapped[str] = mapped_column(String(10))
    step_id: Mapped[str | None] = mapped_column(String(80), default=None)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (CheckConstraint("speaker IN ('guide', 'citizen')", name="speaker_known"),)


class Goal(Base):
    """A long-term goal (parent_id NULL) or a sub-goal, in the citizen's own words."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), default=None)
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
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="SET NULL"), default=None)
    title: Mapped[str] = mapped_column(String(200))
    price_ore: Mapped[int | None] = mapped_column(Integer, default=None)
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    shop: Mapped[str | None] = mapped_column(String(300), default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default=ItemStatus.DRAFT.value)
    approved_ore: Mapped[int] = mapped_column(Integer, default=0)
    source_step_id: Mapped[str | None] = mapped_column(String(80), default=None)
    # Items that were ever sent are never deleted (submissions point at them); they are marked removed.
    removed_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __table_args__ = (
        CheckConstraint(_in("status", ItemStatus), name="status_known"),
        CheckConstraint("price_ore IS NULL OR price_ore > 0", name="price_positive"),
        CheckConstraint("quantity BETWEEN 1 AND 1000", name="quantity_sane"),
        CheckConstraint("approved_ore >= 0", name="approved_nonnegative"),
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
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None)

    __table_args__ = (
        UniqueConstraint("citizen_id", "version", name="uq_submissions_citizen_version"),
        CheckConstraint(_in("status", SubmissionStatus), name="status_known"),
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

    __table_args__ = (CheckConstraint("price_ore > 0", name="price_positive"),)


class ItemDecision(Base):
    """A support person's decision on one submitted item; history is kept, never overwritten once sent."""

    __tablename__ = "item_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_item_id: Mapped[int] = mapped_column(ForeignKey("submission_items.id", ondelete="CASCADE"), index=True)
    wish_item_id: Mapped[int] = mapped_column(ForeignKey("wish_items.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"))
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (
        CheckConstraint(_in("decision", DecisionKind), name="decision_known"),
        CheckConstraint("decision = 'approve' OR (reason IS NOT NULL AND reason <> '')", name="reason_required"),
    )


class SecondOpinion(Base):
    """'Spørg koordinator': a question about one item; the support person still decides."""

    __tablename__ = "second_opinions"

    id: Mapped[int] = mapped_column(primary_key=True)
    wish_item_id: Mapped[int] = mapped_column(ForeignKey("wish_items.id", ondelete="CASCADE"), index=True)
    asked_by_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"))
    question: Mapped[str] = mapped_column(Text)
    asked_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    answer: Mapped[str | None] = mapped_column(Text, default=None)
    answered_at: Mapped[datetime | None] = mapped_column(default=None)


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
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    handled_at: Mapped[datetime | None] = mapped_column(default=None)
    reject_reason: Mapped[str | None] = mapped_column(Text, default=None)

    __table_args__ = (
        CheckConstraint("amount_ore > 0", name="amount_positive"),
        CheckConstraint(_in("status", PaymentStatus), name="status_known"),
    )


class LedgerEntry(Base):
    """One budget event. committed_delta_ore sums to Citizen.committed_ore."""

    __tablename__ = "ledger_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    wish_item_id: Mapped[int | None] = mapped_column(ForeignKey("wish_items.id", ondelete="SET NULL"), default=None)
    payment_request_id: Mapped[int | None] = mapped_column(ForeignKey("payment_requests.id"), default=None)
    kind: Mapped[str] = mapped_column(String(24))
    amount_ore: Mapped[int] = mapped_column(Integer)
    committed_delta_ore: Mapped[int] = mapped_column(Integer, default=0)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint(_in("kind", LedgerKind), name="kind_known"),
        CheckConstraint("amount_ore >= 0", name="amount_nonnegative"),
    )


class SupportNote(Base):
    """The support person's dated journal note about a citizen (notatpligt)."""

    __tablename__ = "support_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CheckIn(Base):
    """A follow-up: goal ratings by both sides and WHO-5 well-being, at start, midway, end."""

    __tablename__ = "check_ins"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    phase: Mapped[str] = mapped_column(String(10))
    who5_raw: Mapped[int | None] = mapped_column(Integer, default=None)
    citizen_goal_rating: Mapped[int | None] = mapped_column(Integer, default=None)
    support_goal_rating: Mapped[int | None] = mapped_column(Integer, default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint("phase IN ('start', 'mid', 'end', 'other')", name="phase_known"),
        CheckConstraint("who5_raw IS NULL OR who5_raw BETWEEN 0 AND 25", name="who5_range"),
        CheckConstraint("citizen_goal_rating IS NULL OR citizen_goal_rating BETWEEN 1 AND 5", name="citizen_rating"),
        CheckConstraint("support_goal_rating IS NULL OR support_goal_rating BETWEEN 1 AND 5", name="support_rating"),
    )


class AuditEvent(Base):
    """Who did what to which citizen's data, when. Never holds the citizen's own text."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor_type: Mapped[str] = mapped_column(String(10))
    actor_id: Mapped[int | None] = mapped_column(Integer, default=None)
    actor_role: Mapped[str | None] = mapped_column(String(20), default=None)
    action: Mapped[str] = mapped_column(String(40))
    # No foreign key: the log outlives deleted records until its own retention ends.
    citizen_id: Mapped[int | None] = mapped_column(Integer, default=None, index=True)
    object_type: Mapped[str | None] = mapped_column(String(40), default=None)
    object_id: Mapped[int | None] = mapped_column(Integer, default=None)
    detail: Mapped[str | None] = mapped_column(String(500), default=None)

    __table_args__ = (
        CheckConstraint("actor_type IN ('staff', 'citizen', 'system')", name="actor_type_known"),
        Index("ix_audit_events_citizen_at", "citizen_id", "at"),
    )


class Workshop(Base):
    """A guided group session (Kapitalværksted): the facilitator sets the pace, each participant answers
    privately on their own phone. The join code is short and spoken aloud, so it is stored in clear;
    it only lets a citizen of the same programme join, never read anything."""

    __tablename__ = "workshops"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"), index=True)
    facilitator_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    join_code: Mapped[str] = mapped_column(String(12), unique=True)
    current_module_id: Mapped[str | None] = mapped_column(String(80), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(default=None)


class WorkshopParticipant(Base):
    __tablename__ = "workshop_participants"

    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), primary_key=True,
                                            index=True)
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)


class RememberedDevice(Base):
    """A citizen's own phone that remembers who they are, so only the PIN is asked for. The browser
    keeps a random token in a cookie; only its SHA-256 is stored (the token is 256 random bits, so a
    slow hash adds nothing). A new access code forgets every device."""

    __tablename__ = "remembered_devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
