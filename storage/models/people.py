"""Programmes, staff, citizens and how people log in (access code, PIN, remembered phones, login sessions)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Index,
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, _in, utcnow
from storage.statuses import CitizenStatus, StaffRole


class Programme(Base):
    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    default_budget_ore: Mapped[int] = mapped_column(Integer)
    period_months: Mapped[int] = mapped_column(Integer, default=12)
    answer_working_days: Mapped[int] = mapped_column(Integer, default=5)
    goal_categories: Mapped[list[Any] | None] = mapped_column(JSON, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(default=None)   # the coordinator ended the programme

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
    # The identity provider's issuer + subject, bound at the first single sign-on (storage.auth).
    oidc_issuer: Mapped[str | None] = mapped_column(String(500), default=None)
    oidc_subject: Mapped[str | None] = mapped_column(String(255), default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    # Where notifications go (storage/notifications.py); None: the username when it is an address, else none.
    email: Mapped[str | None] = mapped_column(String(254), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    programme: Mapped[Programme] = relationship()

    __table_args__ = (
        CheckConstraint(_in("role", StaffRole), name="role_known"),
        UniqueConstraint("oidc_issuer", "oidc_subject", name="uq_staff_users_oidc_identity"),
    )


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
    # When the period ended (status 'ended'): the retention period for personal data counts from here.
    ended_at: Mapped[datetime | None] = mapped_column(default=None)
    # When the personal data was erased (storage/retention.py); the numbers stay.
    erased_at: Mapped[datetime | None] = mapped_column(default=None)
    # SMS notifications: a mobile number the citizen gave, and when they said yes (None: no SMS).
    mobile: Mapped[str | None] = mapped_column(String(20), default=None)
    sms_consent_at: Mapped[datetime | None] = mapped_column(default=None)
    # The oldest sent plan still waiting for an answer (None: none waits). A copy kept by storage/waiting.py
    # whenever a plan is sent or answered, so the overviews sort by it from one index instead of reading
    # every plan in the programme.
    waiting_since: Mapped[datetime | None] = mapped_column(default=None)
    waiting_version: Mapped[int | None] = mapped_column(Integer, default=None)
    # The programme report's figures for this citizen, copies recounted by storage/models/figures_copy.py after
    # every flush that touches their ratings, WHO-5 answers, wishes or ledger: the rank * 2 + attained of their
    # own latest rated milestone (None: never rated), the long-term goals their support person rated and called
    # attained, WHO-5 at start and end (0-100), wishes planned but not answered, and money paid.
    own_rating_best: Mapped[int | None] = mapped_column(Integer, default=None)
    support_goals_rated: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    support_goals_attained: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    who5_start: Mapped[int | None] = mapped_column(Integer, default=None)
    who5_end: Mapped[int | None] = mapped_column(Integer, default=None)
    pending_ore: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    paid_ore: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")

    support_person: Mapped[StaffUser] = relationship()
    programme: Mapped[Programme] = relationship()

    __table_args__ = (
        CheckConstraint(_in("status", CitizenStatus), name="status_known"),
        CheckConstraint("budget_total_ore > 0", name="budget_positive"),
        CheckConstraint("committed_ore >= 0 AND committed_ore <= budget_total_ore", name="within_budget"),
        CheckConstraint("end_date > start_date", name="period_order"),
        # A support person's own citizens within the programme ('Mine borgere').
        Index("ix_citizens_programme_support", "programme_id", "support_person_id"),
        # The overview's order (storage/caseload.py), so a page of it reads only that page's rows.
        Index("ix_citizens_overview_order", "programme_id", text("(needs_help_since IS NULL)"),
              text("(status <> 'active')"), text("(waiting_since IS NULL)"), "waiting_since",
              text("created_at DESC"), text("id DESC")),
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


class LoginThrottle(Base):
    """Wrong tries counted against one key (an account, an account from one client, a client, a citizen's
    workshop code guesses), for storage/throttle.py. The key is stored as its SHA-256, never as typed."""

    __tablename__ = "login_throttles"

    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The account the key belongs to (None for a client's own key), so all its waits can be lifted at once.
    account_hash: Mapped[str | None] = mapped_column(String(64), default=None, index=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(default=utcnow)
    blocked_until: Mapped[datetime | None] = mapped_column(default=None)


class LoginSession(Base):
    """A logged-in browser, kept on the server so a reload, a restored tab, a dropped websocket, a restarted
    or lost replica brings the person back. The browser keeps a random token in a cookie; only its SHA-256
    is stored. Exactly one of citizen_id / staff_id is set. Ended sessions are deleted."""

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True,
                                                   default=None)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), index=True,
                                                 default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    idle_expires_at: Mapped[datetime] = mapped_column()
    absolute_expires_at: Mapped[datetime] = mapped_column()

    __table_args__ = (
        CheckConstraint("(citizen_id IS NULL) <> (staff_id IS NULL)", name="one_owner"),
    )
