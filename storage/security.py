"""Argon2 hashes for PINs, passwords and access codes; readable access codes.

An access code looks like ``K7QX-M4PW-2HRT``: the first group is a lookup
key stored in clear (so login needs one row, not a hash per citizen), the
other two groups are the secret, stored as an argon2 hash. The alphabet
leaves out letters and digits that are easy to confuse (0/O, 1/I/L, 5/S, 8/B, 2/Z).
With 8 secret characters from 26 symbols (~37 bits) and a lock after five
wrong tries, guessing is not a practical attack.
"""
from __future__ import annotations

import hashlib
import os
import re
import secrets
import threading
from functools import lru_cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

from storage.config import load_config

CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY234679"
GROUP = 4
# RFC 9106's low-memory profile in production; the test suite sets
# BORGERBUDGET_FAST_HASHES=1 to hash thousands of demo secrets quickly.
_hasher = PasswordHasher.from_parameters(
    profiles.CHEAPEST if os.environ.get("BORGERBUDGET_FAST_HASHES") == "1" else profiles.RFC_9106_LOW_MEMORY
)




def hashes_at_once() -> int:
    """BORGERBUDGET_HASHES_AT_ONCE, or (0) one per core this process may run on, at least 2 and at most 4: more
    at once than cores only adds 64 MiB each and finishes no sooner."""
    setting = load_config().hashes_at_once
    if setting > 0:
        return setting
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(4, max(2, cores))


@lru_cache(maxsize=1)
def _turns() -> threading.BoundedSemaphore:
    """Each hash takes 64 MiB and a core for a few hundred ms: a few at a time (:func:`hashes_at_once`), the
    rest wait their turn. Fifty logins at once on two cores then cost 2 x 64 MiB instead of 50 x 64 MiB, and
    finish no later: the cores were the limit anyway."""
    return threading.BoundedSemaphore(hashes_at_once())


def hash_secret(secret: str) -> str:
    with _turns():
        return _hasher.hash(secret)


def verify_secret(stored_hash: str | None, secret: str) -> bool:
    """Never call this inside a database transaction: it is slow on purpose (see storage/auth.py)."""
    if not stored_hash:
        return False
    try:
        with _turns():
            return _hasher.verify(stored_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


def _group() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(GROUP))


def new_access_code() -> tuple[str, str, str]:
    """Return (printable code, lookup part, secret part)."""
    lookup, secret = _group(), _group() + _group()
    return f"{lookup}-{secret[:GROUP]}-{secret[GROUP:]}", lookup, secret


def split_access_code(typed: str) -> tuple[str, str] | None:
    """Normalise what a person typed (spaces, dashes, lower case) into (lookup, secret)."""
    cleaned = re.sub(r"[\s\-–.]", "", typed or "").upper()
    if len(cleaned) != 3 * GROUP or any(c not in CODE_ALPHABET for c in cleaned):
        return None
    return cleaned[:GROUP], cleaned[GROUP:]


PIN_PATTERN = re.compile(r"^\d{4}$")


def valid_pin(pin: str) -> bool:
    return bool(PIN_PATTERN.match(pin or ""))


# Random tokens kept by a browser in a cookie (a login session, a remembered phone). 256 random bits,
# so the stored SHA-256 needs no slow hash: nothing can be guessed from it.
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def valid_token(token: object) -> bool:
    return isinstance(token, str) and bool(TOKEN_PATTERN.match(token))
