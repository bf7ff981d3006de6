"""The notification outbox: one row per e-mail or SMS to send, written in the event's own transaction."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, utcnow

OUTBOX_STATUSES = ("pending", "sending", "sent", "failed", "no_channel")
CHANNELS = ("email", "sms")


class OutboxMessage(Base):
    """A notification waiting for `borgerbudget notify` (storage/notify_sender.py).

    Holds no address and no text: only who gets it (a staff user or a citizen), which trigger (``kind``) and
    the channel. The address, the consent and the language are looked up when it is sent, so a citizen who
    turns SMS off before then gets nothing, and nothing personal waits in this table.
    """

    __tablename__ = "notification_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(10))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), index=True,
                                                 default=None)
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True,
                                                   default=None)
    # Whose case it is about, for a staff recipient (help shown is not repeated for one citizen within an hour).
    about_citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True,
                                                         default=None)
    priority: Mapped[int] = mapped_column(Integer, default=1)          # 0: 'at once' (help shown)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[datetime] = mapped_column(default=utcnow)       # back-off and SMS quiet hours
    lease_until: Mapped[datetime | None] = mapped_column(default=None)  # a sender has claimed it until then
    claimed_by: Mapped[str | None] = mapped_column(String(64), default=None)
    last_error: Mapped[str | None] = mapped_column(String(300), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)

    __table_args__ = (
        CheckConstraint("status IN ('pending', 'sending', 'sent', 'failed', 'no_channel')", name="status_known"),
        CheckConstraint("channel IN ('email', 'sms')", name="channel_known"),
        CheckConstraint("(citizen_id IS NULL) <> (staff_id IS NULL)", name="one_recipient"),
        # The sender's queue: what is due, most urgent first.
        Index("ix_notification_outbox_due", "status", "not_before"),
    )
