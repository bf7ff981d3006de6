"""Staff accounts after creation: passwords (policy, own change, coordinator's reset), role and deactivation.

A password must be long and not among the commonly used ones: zxcvbn (which ships lists of the most used
passwords, names and words) with a few Danish words it does not know added. A reset gives a one-time
password that must be changed at the next login. Every change is audited; a reset or a deactivation ends
the person's open sessions, and a role change narrows them on their next action (storage.sessions).
"""
from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import audit, sessions, throttle
from storage.access import Actor, require_role
from storage.errors import DomainError, LoginFailed, N_
from storage.models import StaffRole, StaffUser
from storage.security import hash_secret, verify_secret

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 200
MIN_STRENGTH = 3  # zxcvbn's score 0-4: 3 = "safely unguessable" against an online and a slow offline attack
# Danish words people build passwords from, which zxcvbn's (English) lists lack.
DANISH_WORDS = ("kodeord", "adgangskode", "password", "kommune", "borgerbudget", "budget", "velkommen",
                "sommer", "vinter", "foraar", "efteraar", "danmark", "kobenhavn", "aarhus", "odense", "aalborg",
                "hejmeddig", "elskerdig", "fodbold", "brondby", "hemmelig", "socialforvaltning", "stoette")
ONE_TIME_PASSWORD_WORDS = 4

TOO_SHORT = N_("Adgangskoden skal have mindst {count} tegn.")
TOO_LONG = N_("Adgangskoden må højst have {count} tegn.")
TOO_COMMON = N_("Adgangskoden er for nem at gætte. Brug for eksempel fire tilfældige ord, som ikke hører "
                "sammen.")
NOT_THE_SAME = N_("De to nye adgangskoder er ikke ens. Skriv den samme to gange.")
CURRENT_WRONG = N_("Din nuværende adgangskode passer ikke.")


def check_password_policy(password: str, *, username: str = "", display_name: str = "") -> None:
    """Raise a DomainError with a calm message when the password is too short, too long or too common."""
    password = password or ""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(TOO_SHORT, count=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise DomainError(TOO_LONG, count=MAX_PASSWORD_LENGTH)
    from zxcvbn import zxcvbn  # imported on use: only password changes need its word lists
    personal = [w for w in (username, *display_name.split()) if w]
    folded = password.lower().replace("æ", "ae").replace("ø", "o").replace("å", "aa")
    if min(zxcvbn(candidate[:100], user_inputs=[*DANISH_WORDS, *personal])["score"]
           for candidate in {password, folded}) < MIN_STRENGTH:
        raise DomainError(TOO_COMMON)


def one_time_password() -> str:
    """Four random words' worth of letters and digits, easy to read aloud: 'k7qx-m4pw-2hrt-9cdv'."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(ONE_TIME_PASSWORD_WORDS))


def _user_in_scope(session: Session, actor: Actor | None, staff_id: int) -> StaffUser:
    """The staff user a coordinator (own programme) or the operator's CLI (actor None) may manage."""
    if actor is not None:
        require_role(actor, StaffRole.COORDINATOR)
    user = session.get(StaffUser, staff_id, with_for_update=True)
    if user is None or (actor is not None and user.programme_id != actor.programme_id):
        raise DomainError(N_("Den medarbejder findes ikke i programmet."))
    return user


def find_by_username(session: Session, username: str) -> StaffUser:
    user = session.scalar(select(StaffUser).where(StaffUser.username == (username or "").strip().lower()))
    if user is None:
        raise DomainError(N_("Den medarbejder findes ikke i programmet."))
    return user


def change_own_password(session: Session, *, actor: Actor, current: str, new: str, again: str) -> None:
    """Any staff member, after proving the current (or one-time) password."""
    if not actor.is_staff:
        raise DomainError(N_("Det kan kun medarbejdere gøre."))
    user = session.get_one(StaffUser, actor.id, with_for_update=True)
    if not verify_secret(user.password_hash, current or ""):
        raise LoginFailed(CURRENT_WRONG)
    if new != again:
        raise DomainError(NOT_THE_SAME)
    check_password_policy(new, username=user.username, display_name=user.display_name)
    user.password_hash, user.must_change_password = hash_secret(new), False
    audit.record(session, actor, "change_own_password", object_type="staff", object_id=user.id)


def reset_password(session: Session, *, actor: Actor | None, staff_id: int) -> str:
    """A forgotten password: a one-time password (shown once) that must be changed at the next login.
    The person's open sessions end."""
    user = _user_in_scope(session, actor, staff_id)
    password = one_time_password()
    user.password_hash, user.must_change_password = hash_secret(password), True
    throttle.clear_account(session, f"staff:{user.username}")  # a reset also lifts the waits on the account
    sessions.end_all(session, staff_id=user.id)
    audit.record(session, actor, "reset_staff_password", object_type="staff", object_id=user.id)
    return password


def set_active(session: Session, *, actor: Actor | None, staff_id: int, active: bool) -> None:
    """Deactivate (every open session ends now) or reactivate a staff member. Nobody deactivates themself."""
    user = _user_in_scope(session, actor, staff_id)
    if actor is not None and user.id == actor.id and not active:
        raise DomainError(N_("Du kan ikke lukke din egen adgang."))
    user.active = active
    if not active:
        sessions.end_all(session, staff_id=user.id)
    audit.record(session, actor, "activate_staff" if active else "deactivate_staff", object_type="staff",
                 object_id=user.id)


def set_role(session: Session, *, actor: Actor | None, staff_id: int, role: StaffRole) -> None:
    """A new role; open sessions see only the new role's pages and data from their next action."""
    user = _user_in_scope(session, actor, staff_id)
    if user.role != role.value:
        user.role = role.value
        audit.record(session, actor, "set_staff_role", object_type="staff", object_id=user.id, detail=role.value)
