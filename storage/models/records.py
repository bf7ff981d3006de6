"""Follow-up records: journal notes, check-ins, help shown and the audit log."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow


class SupportNote(Base):
    """The support person's dated journal note about a citizen (notatpligt)."""

    __tablename__ = "support_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CheckIn(Base):
    """A follow-up: goal ratings by both sides and WHO-5 well-being, at start, midway, end."""

    __tablename__ = "check_ins"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None, index=True)
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
        # Each citizen's newest check-in of a phase.
        Index("ix_check_ins_citizen_phase", "citizen_id", "phase", "created_at"),
    )


class HelpShown(Base):
    """The app showed a citizen where to get help: after a crisis signal in something they wrote ('signal') or
    when they pressed 'Jeg har det svært lige nu' ('button'). Never the citizen's words, unless the citizen
    chose to share them with their support person (``shared_words``)."""

    __tablename__ = "help_shown"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    source: Mapped[str] = mapped_column(String(10))
    place: Mapped[str | None] = mapped_column(String(30), default=None)   # where the text was written
    shared_words: Mapped[str | None] = mapped_column(Text, default=None)

    __table_args__ = (
        CheckConstraint("source IN ('signal', 'button')", name="source_known"),
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


class Message(Base):
    """One message in the thread between a citizen and their support person (plain text, never markup).

    The citizen writes from the home page, the plan (about a wish or a goal) and the course (``from_course_step``);
    the support person answers. A message is never changed after the other side read it; a deletion (only by its
    author, only before it was read) empties the text and keeps the row, so the thread shows that it happened."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"))  # ix_..._created
    author_kind: Mapped[str] = mapped_column(String(10))
    author_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None, index=True)
    body: Mapped[str] = mapped_column(Text)
    about_goal_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="SET NULL"), default=None,
                                                      index=True)
    about_wish_id: Mapped[int | None] = mapped_column(ForeignKey("wish_items.id", ondelete="SET NULL"),
                                                      default=None, index=True)
    from_course_step: Mapped[str | None] = mapped_column(String(80), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(default=None)
    read_by_citizen_at: Mapped[datetime | None] = mapped_column(default=None)
    read_by_staff_at: Mapped[datetime | None] = mapped_column(default=None)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
    deleted_by: Mapped[str | None] = mapped_column(String(10), default=None)  # 'citizen' or 'staff' (the author)

    __table_args__ = (
        CheckConstraint("author_kind IN ('citizen', 'staff')", name="author_kind_known"),
        CheckConstraint("(author_kind = 'staff') = (author_staff_id IS NOT NULL)", name="staff_author_named"),
        CheckConstraint("deleted_by IS NULL OR deleted_by IN ('citizen', 'staff')", name="deleted_by_known"),
        CheckConstraint("(deleted_at IS NULL) = (deleted_by IS NULL)", name="deletion_recorded"),
        # A thread in order, and the overview's "what waits longest" per citizen.
        Index("ix_messages_citizen_created", "citizen_id", "created_at"),
    )
