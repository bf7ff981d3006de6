"""`borgerbudget notify`: delivers the notification outbox by e-mail (SMTP) and SMS (an HTTP gateway).

How a row travels, in three short transactions with the slow part between them:

1. **Claim.** A due row (pending and ``not_before`` passed, or 'sending' whose lease ran out because its sender
   died) is taken with a conditional UPDATE that sets status 'sending', a lease and this claim's token, and
   counts the attempt. On PostgreSQL the candidates are read with ``FOR UPDATE SKIP LOCKED`` so two senders
   never wait for each other; on SQLite the write transaction (BEGIN IMMEDIATE) is the lock, and the
   conditional UPDATE's row count says who won. Either way one claim owns a row at a time.
2. **Deliver**, with no transaction open. The address, consent and language are looked up now.
3. **Mark**: 'sent'; or, after a failure, back to 'pending' with an exponential back-off (retry, timeout,
   HTTP 5xx and 429, a mail server's temporary error) or 'failed' (a permanent refusal, or the last attempt).

**The boundary, honestly:** delivery is at-least-once. If the sender dies after the channel accepted a message
and before step 3 commits, the lease runs out and another round delivers it again. What makes that second
delivery harmless is the key each row carries, the same on every attempt:

- SMS: the ``Idempotency-Key`` header and ``reference`` field ``borgerbudget-outbox-<id>``. A gateway that
  honours it (the test gateway does, as many providers do) sends the SMS once; one that does not may send two.
- E-mail: a stable ``Message-ID`` ``<borgerbudget-outbox-<id>@<sender's domain>>``. SMTP has no idempotency:
  the recipient's server may receive the mail twice; mail programs that collapse duplicates by Message-ID
  show it once. Nothing is ever lost, and a row is never sent twice *unless* a crash fell in that window.

Two senders at once (two replicas, a timer overlapping a loop) each deliver a row only when they claimed it,
so without a crash each row is delivered exactly once.
"""
from __future__ import annotations

import logging
import socket
from collections.abc import Callable
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.support import Translations
from sqlalchemy import Engine, delete, or_, select, update
from sqlalchemy.orm import Session

from storage import languages, notifications
from storage.config import Config, load_config
from storage.db import read_session, write_session
from storage.models import Citizen, OutboxMessage, StaffUser, utcnow
from storage.notify_channels import Channels, DeliveryError, HttpSmsGateway, SmsGateway, SmtpMailer

log = logging.getLogger("borgerbudget.notify")
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
MAX_BACKOFF_SECONDS = 6 * 3600
KEEP_FINISHED_DAYS = 30
BATCH = 50


# --- the texts, in the recipient's language ----------------------------------------------------------------------

@lru_cache(maxsize=None)
def _translations(language: str) -> Translations:
    return Translations.load(str(languages.locales_dir()), [language], domain="messages")


def translate(message: str, language: str, **params) -> str:
    text = _translations(language if languages.is_available(language) else languages.SOURCE_LANGUAGE).gettext(message)
    return text.format(**params) if params else text


def idempotency_key(row_id: int) -> str:
    return f"borgerbudget-outbox-{row_id}"


def message_id(row_id: int, config: Config) -> str:
    domain = parseaddr(config.smtp_from)[1].rpartition("@")[2] or "borgerbudget.invalid"
    return f"<{idempotency_key(row_id)}@{domain}>"


def compose_sms(kind: str, language: str, config: Config) -> str:
    text = translate(notifications.KINDS[kind].text, language)
    return f"{text} {config.app_url}".strip()


def compose_email(row_id: int, kind: str, language: str, to: str, config: Config) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = translate(notifications.EMAIL_SUBJECT, language)
    message["From"] = config.smtp_from
    message["To"] = to
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = message_id(row_id, config)
    message["Auto-Submitted"] = "auto-generated"
    parts = [translate(notifications.KINDS[kind].text, language), config.app_url,
             translate(notifications.EMAIL_FOOTER, language)]
    message.set_content("\n\n".join(part for part in parts if part) + "\n")
    return message


# --- quiet hours for SMS -----------------------------------------------------------------------------------------

quiet_hours = notifications.quiet_hours


def after_quiet_hours(moment: datetime, setting: str) -> datetime:
    """``moment`` itself, or the end of the quiet hours it falls in (Copenhagen time, summer time included)."""
    hours = quiet_hours(setting)
    if hours is None:
        return moment
    start, end = hours
    local = moment.astimezone(COPENHAGEN)
    quiet = (local.hour >= start or local.hour < end) if start > end else (start <= local.hour < end)
    if not quiet:
        return moment
    day = local.date() if local.hour < end else local.date() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, end, tzinfo=COPENHAGEN).astimezone(moment.tzinfo)


# --- one round ---------------------------------------------------------------------------------------------------

@dataclass
class Round:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    no_channel: int = 0
    postponed: int = 0
    outcomes: dict[int, str] = field(default_factory=dict)


def _due(now: datetime):
    return or_(
        (OutboxMessage.status == "pending") & (OutboxMessage.not_before <= now),
        (OutboxMessage.status == "sending") & (OutboxMessage.lease_until < now),
    )


def claim(engine: Engine, *, token: str, now: datetime, lease_seconds: float, limit: int = BATCH) -> list[int]:
    """Take up to ``limit`` due rows for this claim ``token``; returns their ids, most urgent first."""
    with write_session(engine) as s:
        query = (select(OutboxMessage.id).where(_due(now))
                 .order_by(OutboxMessage.priority, OutboxMessage.not_before, OutboxMessage.id).limit(limit))
        if s.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        claimed = []
        for row_id in s.scalars(query).all():
            result = s.execute(
                update(OutboxMessage).where(OutboxMessage.id == row_id, _due(now))
                .values(status="sending", claimed_by=token, lease_until=now + timedelta(seconds=lease_seconds),
                        attempts=OutboxMessage.attempts + 1)
                .execution_options(synchronize_session=False))
            if result.rowcount == 1:
                claimed.append(row_id)
        return claimed


@dataclass(frozen=True)
class _Work:
    id: int
    kind: str
    channel: str
    attempts: int
    address: str | None
    language: str


def _work(s: Session, row_id: int) -> _Work:
    row = s.get_one(OutboxMessage, row_id)
    if row.staff_id is not None:
        return _Work(row.id, row.kind, row.channel, row.attempts,
                     notifications.staff_address(s.get(StaffUser, row.staff_id)), "da")
    citizen = s.get(Citizen, row.citizen_id)
    return _Work(row.id, row.kind, row.channel, row.attempts, notifications.citizen_number(citizen),
                 citizen.language if citizen is not None else "da")


def _finish(engine: Engine, row_id: int, token: str, **values) -> None:
    """Write the outcome, only while this claim still owns the row ('sent' is written whatever the owner)."""
    with write_session(engine) as s:
        condition = (OutboxMessage.status == "sending") if values.get("status") == "sent" \
            else (OutboxMessage.claimed_by == token) & (OutboxMessage.status == "sending")
        s.execute(update(OutboxMessage).where(OutboxMessage.id == row_id, condition)
                  .values(lease_until=None, **values).execution_options(synchronize_session=False))


def backoff_seconds(attempts: int, config: Config) -> float:
    return min(MAX_BACKOFF_SECONDS, config.notify_retry_seconds * 2 ** max(0, attempts - 1))


def deliver(work: _Work, channels: Channels, config: Config) -> None:
    """Hand one message to its channel (no transaction open). Raises DeliveryError."""
    if work.channel == notifications.EMAIL:
        channels.mailer.send(compose_email(work.id, work.kind, work.language, work.address, config))  # type: ignore[union-attr]
    else:
        channels.sms.send(to=work.address, text=compose_sms(work.kind, work.language, config),  # type: ignore[union-attr]
                          idempotency_key=idempotency_key(work.id))


def run_once(engine: Engine, *, channels: Channels | None = None, config: Config | None = None,
             now: datetime | None = None, worker: str | None = None, limit: int = BATCH) -> Round:
    """Claim what is due, deliver it, write down each outcome. Safe to run in several processes at once."""
    config = config or load_config()
    channels = channels or Channels.from_config(config)
    now = now or utcnow()
    token = f"{worker or socket.gethostname()}:{uuid.uuid4().hex[:12]}"[:64]
    result = Round()
    ids = claim(engine, token=token, now=now, lease_seconds=config.notify_lease_seconds, limit=limit)
    result.claimed = len(ids)
    for row_id in ids:
        with read_session(engine) as s:
            work = _work(s, row_id)
        configured = channels.mailer if work.channel == notifications.EMAIL else channels.sms
        if work.address is None or configured is None:
            _finish(engine, row_id, token, status="no_channel", claimed_by=None)
            result.no_channel += 1
            result.outcomes[row_id] = "no_channel"
            continue
        if work.channel == notifications.SMS and (later := after_quiet_hours(now, config.sms_quiet_hours)) > now:
            _finish(engine, row_id, token, status="pending", claimed_by=None, not_before=later,
                    attempts=work.attempts - 1)
            result.postponed += 1
            result.outcomes[row_id] = "postponed"
            continue
        try:
            deliver(work, channels, config)
        except DeliveryError as error:
            if error.transient and work.attempts < config.notify_max_attempts:
                wait = max(backoff_seconds(work.attempts, config), error.retry_after or 0)
                not_before = now + timedelta(seconds=wait)
                if work.channel == notifications.SMS:
                    not_before = after_quiet_hours(not_before, config.sms_quiet_hours)
                _finish(engine, row_id, token, status="pending", claimed_by=None, not_before=not_before,
                        last_error=str(error)[:300])
                result.retried += 1
                result.outcomes[row_id] = "retry"
            else:
                _finish(engine, row_id, token, status="failed", last_error=str(error)[:300])
                result.failed += 1
                result.outcomes[row_id] = "failed"
            log.warning("notification %s (%s, attempt %s): %s", row_id, work.kind, work.attempts, error)
            continue
        _finish(engine, row_id, token, status="sent", sent_at=utcnow(), last_error=None)
        result.sent += 1
        result.outcomes[row_id] = "sent"
    return result


def drain(engine: Engine, *, batch: int = BATCH, config: Config | None = None) -> Round:
    """Rounds of ``batch`` until nothing more is due now (what `borgerbudget notify --once` does)."""
    total = Round()
    while True:
        result = run_once(engine, config=config, limit=batch)
        for name in ("claimed", "sent", "retried", "failed", "no_channel", "postponed"):
            setattr(total, name, getattr(total, name) + getattr(result, name))
        total.outcomes.update(result.outcomes)
        if result.claimed < batch:
            return total


def purge_finished(engine: Engine, *, now: datetime | None = None, days: int = KEEP_FINISHED_DAYS) -> int:
    """Forget sent, failed and undeliverable rows after ``days``: the outbox is a queue, not a log."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    with write_session(engine) as s:
        return s.execute(delete(OutboxMessage).where(OutboxMessage.status.in_(("sent", "failed", "no_channel")),
                                                     OutboxMessage.created_at < cutoff)
                         .execution_options(synchronize_session=False)).rowcount


def sweep_milestones(engine: Engine) -> int:
    """Add "a milestone is due" notifications that are not written yet (once per citizen and milestone)."""
    from storage import milestone_notices
    with write_session(engine) as session:
        return milestone_notices.sweep(session)


def loop(engine: Engine, *, interval: float, batch: int = BATCH, rounds: int | None = None,
         before_round: Callable[[Engine], object] | None = None) -> None:
    """`borgerbudget notify --loop`: run ``before_round`` (the CLI passes the milestone sweep), drain what is
    due, then wait ``interval`` seconds; until stopped."""
    done = 0
    while rounds is None or done < rounds:
        try:
            if before_round is not None:
                before_round(engine)
            result = drain(engine, batch=batch)
            purge_finished(engine)
            if result.claimed:
                log.info("sent %s, retry %s, failed %s, no channel %s, quiet hours %s", result.sent, result.retried,
                         result.failed, result.no_channel, result.postponed)
        except Exception:  # noqa: BLE001 - a database that is away for a moment must not end the loop
            log.exception("notification round failed; trying again in %s s", interval)
        done += 1
        if rounds is None or done < rounds:
            time.sleep(interval)


__all__ = ["Channels", "DeliveryError", "HttpSmsGateway", "SmsGateway", "SmtpMailer", "Round", "after_quiet_hours",
           "backoff_seconds", "claim", "compose_email", "compose_sms", "deliver", "drain", "idempotency_key", "loop",
           "message_id", "purge_finished", "sweep_milestones", "quiet_hours", "run_once", "translate"]
