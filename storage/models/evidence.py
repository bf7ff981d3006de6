"""The evidence for the committee (issue 19): a citizen's status at start and end, their consents, and the
unit prices a coordinator enters for the savings estimate.

A status record is history: a new record for the same moment is a new row, and the newest one counts. The
answers are keys from dialogs/status_fields.toml (checked in storage/evidence.py, not here, so a municipality
can add answers without a migration); None is "not asked", "declined" is "ønsker ikke at svare".
``support`` holds the kinds of help as ",key,key," so SQL can count one kind with LIKE on both databases.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow

MOMENTS = ("start", "milestone", "end")
PAYERS = ("municipality", "region", "state")


class StatusRecord(Base):
    __tablename__ = "status_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"))  # ix_..._moment
    moment: Mapped[str] = mapped_column(String(10))
    milestone: Mapped[str | None] = mapped_column(String(10), default=None)
    housing: Mapped[str | None] = mapped_column(String(30), default=None)
    occupation: Mapped[str | None] = mapped_column(String(30), default=None)
    support: Mapped[str | None] = mapped_column(String(300), default=None)
    support_hours: Mapped[int | None] = mapped_column(Integer, default=None)   # a week, roughly
    substance: Mapped[str | None] = mapped_column(String(30), default=None)    # special category (art. 9)
    support_need: Mapped[str | None] = mapped_column(String(30), default=None)  # the support person's view, at end
    recorded_by_staff_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint("moment IN ('start', 'milestone', 'end')", name="moment_known"),
        CheckConstraint("support_need IS NULL OR moment = 'end'", name="need_only_at_end"),
        CheckConstraint("support_hours IS NULL OR support_hours BETWEEN 0 AND 168", name="hours_sane"),
        # The newest record per citizen and moment (the figures, the support person's page).
        Index("ix_status_records_citizen_moment", "citizen_id", "moment", "created_at"),
    )


class Consent(Base):
    """A citizen's yes to one purpose, with the exact words they were shown; withdrawn_at ends it."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"))  # ix_..._purpose
    purpose: Mapped[str] = mapped_column(String(30))
    text_shown: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(5))
    given_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(default=None)
    recorded_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None,
                                                             index=True)

    __table_args__ = (
        CheckConstraint("withdrawn_at IS NULL OR withdrawn_at >= given_at", name="withdrawn_after_given"),
        Index("ix_consents_citizen_purpose", "citizen_id", "purpose", "given_at"),
    )


class UnitPrice(Base):
    """What one unit of an activity costs and who pays, with the coordinator's source (e.g. SØM's knowledge
    base). Prices are never edited: a new price is a new row, an old one gets removed_at."""

    __tablename__ = "unit_prices"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"), index=True)
    activity: Mapped[str] = mapped_column(String(30))
    unit: Mapped[str] = mapped_column(String(30))
    price_ore: Mapped[int] = mapped_column(Integer)
    payer: Mapped[str] = mapped_column(String(15))
    source: Mapped[str] = mapped_column(Text)
    entered_by_staff_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    entered_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (
        CheckConstraint("price_ore > 0", name="price_positive"),
        CheckConstraint("payer IN ('municipality', 'region', 'state')", name="payer_known"),
    )
