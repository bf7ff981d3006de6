"""'Husk min kode på denne telefon': a citizen's own phone remembers who they are; the PIN is still
asked for every time, with the same lock after too many wrong tries.

The long access code is the hard part to type on a cheap phone, and a closed browser tab (or a phone
that throws the tab away while locked) should not mean finding the paper again. A shared café
computer must not remember anyone, so the citizen opts in, and can make the phone forget again.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.access import Actor, ActorKind
from storage.config import load_config
from storage.errors import AccessDenied
from storage.models import CitizenCredential, RememberedDevice, utcnow
from storage.security import TOKEN_PATTERN, new_token, valid_token  # noqa: F401 - TOKEN_PATTERN: the cookie's shape
from storage.security import token_digest as _digest

COOKIE_NAME = "bb_device"


def enabled() -> bool:
    return load_config().remember_days > 0


def remember(session: Session, *, actor: Actor) -> str:
    """A new token for the logged-in citizen's phone; store it in the browser, never in the database."""
    if actor.kind is not ActorKind.CITIZEN or not enabled():
        raise AccessDenied()
    token = new_token()
    session.add(RememberedDevice(citizen_id=actor.id, token_hash=_digest(token),
                                 expires_at=utcnow() + timedelta(days=load_config().remember_days)))
    session.flush()
    return token


def recognise(session: Session, token: str | None) -> int | None:
    """The citizen this phone belongs to, or None (no, malformed, unknown or expired token)."""
    if not enabled() or not valid_token(token):
        return None
    device = session.scalar(select(RememberedDevice).where(RememberedDevice.token_hash == _digest(token)))
    if device is None:
        return None
    if device.expires_at <= utcnow():
        session.delete(device)
        return None
    credential = session.get(CitizenCredential, device.citizen_id)
    if credential is None or credential.pin_hash is None:  # no PIN to ask for: the code is needed
        return None
    device.last_used_at = utcnow()
    return device.citizen_id


def forget(session: Session, token: str | None) -> None:
    """'Det er ikke min telefon': this phone no longer knows the citizen."""
    if valid_token(token):
        session.execute(delete(RememberedDevice).where(RememberedDevice.token_hash == _digest(token)))


def forget_all(session: Session, citizen_id: int) -> None:
    """A lost code or phone: every remembering device is forgotten (called when a new code is issued)."""
    session.execute(delete(RememberedDevice).where(RememberedDevice.citizen_id == citizen_id))
