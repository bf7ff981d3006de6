"""The reflection course: progress, answers, the chat history; and guided group workshops."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow


class CourseProgress(Base):
    __tablename__ = "course_progress"

    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), primary_key=True)
    current_step_id: Mapped[str | None] = mapped_column(String(80), default=None)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    form_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    # A wish read from the citizen's words, waiting to be read back and confirmed before it is stored:
    # {"step_id", "words", "reading": dialogs.extract.reading_to_json(...)}; None when nothing waits.
    pending_wish: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
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
