"""Growing waits after wrong tries: logins (per account, per account from one client, per client) and
workshop codes. A throttle slows guessing down without handing anyone a way to lock another person out.

Each key (e.g. "staff account 'sara'", "client 10.0.0.7") counts its wrong tries. The ``free``-th wrong try
makes the key wait ``first_wait`` seconds before the next try, and each wrong try after that doubles the wait,
up to ``max_wait``.
A key forgets its wrong tries a day after the last one, or when a right try (or the person's support
person / coordinator) clears it. Keys are stored as SHA-256 digests: a typed username that does not exist
is counted like one that does (so the answer never tells which), and its text is never stored.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import LoginThrottle, utcnow

FORGET_AFTER = timedelta(days=1)


@dataclass(frozen=True)
class Policy:
    free: int            # wrong tries in a row before the first wait
    first_wait: int      # seconds, after the first wrong try beyond `free`
    max_wait: int        # seconds: the wait never grows beyond this


# One account from one client: the person at the keyboard mistyping, or one attacker at one account.
ACCOUNT_FROM_CLIENT = Policy(free=5, first_wait=30, max_wait=15 * 60)
# One account from anywhere: only a spread-out attack reaches this, and even then the owner waits minutes.
ACCOUNT = Policy(free=30, first_wait=60, max_wait=15 * 60)
# One client against any accounts: one machine trying many usernames or codes. Generous, because a town hall
# or a café shares one address between many honest people who mistype now and then.
CLIENT = Policy(free=50, first_wait=15, max_wait=5 * 60)


UNIDENTIFIED = frozenset({None, "", "unknown", "local"})  # see citizen_app/client.py


def identifies(client: str | None) -> bool:
    """A client address that tells one client from another (not 'unknown', not 'local' for everyone)."""
    return client not in UNIDENTIFIED


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _row(session: Session, key: str, now: datetime) -> LoginThrottle | None:
    row = session.get(LoginThrottle, digest(key), with_for_update=True)
    if row is not None and now - row.last_failure_at > FORGET_AFTER:
        row.failures, row.blocked_until = 0, None
    return row


def wait_seconds(session: Session, keys: list[str], *, now: datetime | None = None) -> int:
    """How long the slowest of these keys must still wait (0: try now)."""
    if not keys:
        return 0
    now = now or utcnow()
    rows = session.scalars(select(LoginThrottle).where(LoginThrottle.key_hash.in_([digest(k) for k in keys])))
    waits = [(r.blocked_until - now).total_seconds() for r in rows
             if r.blocked_until is not None and r.blocked_until > now and now - r.last_failure_at <= FORGET_AFTER]
    return math.ceil(max(waits, default=0))


def failed(session: Session, keyed: dict[str, Policy], *, account: str | None = None,
           now: datetime | None = None) -> int:
    """Count one wrong try on each key under its policy; returns the longest wait it caused (seconds). Keys
    that belong to `account` are marked so, so `clear_account` can lift them all."""
    now = now or utcnow()
    longest = 0
    for key, policy in keyed.items():
        row = _row(session, key, now)
        if row is None:
            row = LoginThrottle(key_hash=digest(key), failures=0, last_failure_at=now,
                                account_hash=digest(account) if account and key.startswith(account) else None)
            session.add(row)
        row.failures += 1
        row.last_failure_at = now
        beyond = row.failures - policy.free  # the `free`-th wrong try starts the first wait
        if beyond >= 0:
            wait = min(policy.max_wait, policy.first_wait * 2 ** min(beyond, 20))
            row.blocked_until = now + timedelta(seconds=wait)
            longest = max(longest, wait)
    session.flush()
    return longest


def clear(session: Session, keys: list[str]) -> None:
    """A right try lifts the waits of these keys."""
    session.execute(delete(LoginThrottle).where(LoginThrottle.key_hash.in_([digest(k) for k in keys])))


def clear_account(session: Session, account: str) -> None:
    """The owner's support person (or a coordinator) lifts every wait on an account, from any client."""
    session.execute(delete(LoginThrottle).where(LoginThrottle.account_hash == digest(account)))


def purge_older_than(session: Session, *, now: datetime | None = None) -> int:
    """Forget keys whose last wrong try is more than a day old (run with the daily purge)."""
    result = session.execute(delete(LoginThrottle).where(LoginThrottle.last_failure_at < (now or utcnow()) - FORGET_AFTER))
    return int(result.rowcount or 0)
