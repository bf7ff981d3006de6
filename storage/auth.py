"""Login for citizens (access code + own 4-digit PIN) and staff (username + password).

Security as plain control flow:
- answers never reveal whether a code or a username exists: unknown ones are verified against a dummy hash
  and throttled exactly like real ones;
- wrong tries slow guessing down with growing waits per account, per account from one client and per client
  (storage/throttle.py), which nobody can turn into a lock-out of someone else;
- only the PIN locks: after ``max_login_attempts`` wrong PINs in a row the citizen's code locks until their
  support person unlocks it (the PIN has 10 000 values; the code's secret part has ~37 bits and only waits);
- a PIN that is easy to guess is refused when it is chosen (``weak_pin``), kindly;
- every wrong try is written to the audit log with the client it came from.

Checking a PIN or password is slow on purpose (argon2: 64 MiB and a few hundred ms), so it never runs
inside a transaction: each login reads what it needs, ends the caller's transaction
(:func:`_end_transaction`), checks the secret with no transaction open and no lock held, then writes
in a new short transaction that re-checks what it relied on (the same hash, not locked meanwhile).
On SQLite the write lock is then held for a few milliseconds instead of for the whole hash, so fifty
people can log in at once without queueing behind each other's hashes.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs.text import clean_text
from storage import audit, throttle
from storage.access import Actor, ActorKind, require_role
from storage.config import load_config
from storage.errors import N_, AccessDenied, DomainError, LoginFailed, LoginLocked, RuleError
from storage.models import Citizen, CitizenCredential, CitizenStatus, StaffRole, StaffUser, utcnow
from storage.messages import can_write_after_end
from storage.security import hash_secret, split_access_code, valid_pin, verify_secret

# Verified against when a lookup key is unknown, so both paths take as long.
_DUMMY_HASH = hash_secret("not-a-real-secret")
UNKNOWN_CLIENT = "unknown"

CODE_WRONG = N_("Koden passer ikke. Prøv igen.")
CODE_LOCKED = N_("Din kode er låst, fordi PIN-koden var forkert for mange gange. "
                 "Det er ikke din skyld. Din støtteperson kan låse den op.")
PIN_WRONG = N_("PIN-koden passer ikke. Du har {n} forsøg tilbage.")
PIN_FORMAT = N_("PIN-koden skal være 4 tal.")
PIN_WEAK = N_("Den PIN-kode er for let at gætte. Undgå fire ens tal, tal i rækkefølge, mønstre som 1212 og "
              "årstal. Find på fire andre tal, som du kan huske.")
ENDED = N_("Dit forløb er slut, så du kan ikke logge ind mere. Tal med din støtteperson.")
WAIT = N_("Der er prøvet for mange gange. Vent lidt, og prøv igen om {minutes} min.")
STAFF_WRONG = N_("Brugernavn eller adgangskode passer ikke.")


class LoginThrottled(DomainError):
    keeps_changes = True  # the refused try is written to the audit log


@dataclass(frozen=True)
class CodeCheck:
    citizen_id: int
    needs_new_pin: bool


def citizen_actor(citizen: Citizen) -> Actor:
    return Actor(kind=ActorKind.CITIZEN, id=citizen.id, programme_id=citizen.programme_id)


def staff_actor(user: StaffUser) -> Actor:
    return Actor(kind=ActorKind.STAFF, id=user.id, programme_id=user.programme_id, role=StaffRole(user.role))


# --- weak PINs -----------------------------------------------------------------------------------------

def weak_pin(pin: str) -> bool:
    """The PINs people pick most and guess first (documented in the README): four of one digit (0000), runs up
    or down (1234, 4321, 7890), two digits repeated (1212) or doubled (1122), and years from 1900 to 2099."""
    d = [int(c) for c in pin]
    steps = {(b - a) % 10 for a, b in zip(d, d[1:])}
    return (len(steps) == 1 and steps <= {0, 1, 9}          # 0000, 1234, 7890, 4321, 0987
            or pin[:2] == pin[2:]                            # 1212, 6969
            or pin[0] == pin[1] and pin[2] == pin[3]         # 1122
            or pin[:2] in ("19", "20"))                      # 1984, 2001


# --- throttling and the audit trail of wrong tries ------------------------------------------------------

def _keys(account: str, client: str | None) -> dict[str, throttle.Policy]:
    """An account ("code:K7QX", "staff:sara") from anywhere, from this client, and this client at all. When the
    client cannot be told apart (no address: everyone would share one key, and one person's wrong tries would
    make everyone wait), only the account's own, more patient key counts."""
    keyed = {account: throttle.ACCOUNT}
    if throttle.identifies(client):
        keyed |= {f"{account}@{client}": throttle.ACCOUNT_FROM_CLIENT, f"client:{client}": throttle.CLIENT}
    return keyed


def _refuse_while_waiting(session: Session, keyed: dict[str, throttle.Policy], step: str, client: str | None,
                          **where) -> None:
    wait = throttle.wait_seconds(session, list(keyed))
    if wait:
        audit.record(session, None, "login_throttled", detail=f"step={step} source={client or UNKNOWN_CLIENT}",
                     **where)
        raise LoginThrottled(WAIT, minutes=max(1, -(-wait // 60)))


def _wrong(session: Session, keyed: dict[str, throttle.Policy], step: str, client: str | None, **where) -> None:
    throttle.failed(session, keyed, account=next(iter(keyed), None))
    audit.record(session, None, "login_failed", detail=f"step={step} source={client or UNKNOWN_CLIENT}", **where)


# --- the slow check outside any transaction ------------------------------------------------------------

def _end_transaction(session: Session) -> None:
    """End the caller's transaction before the slow hash; the session begins a new one when used again."""
    session.commit()


def _stored(session: Session, citizen_id: int):
    """(secret hash, PIN hash, locked at) of a citizen's code, read without a lock; None if there is none."""
    return session.execute(select(CitizenCredential.secret_hash, CitizenCredential.pin_hash,
                                  CitizenCredential.locked_at)
                           .where(CitizenCredential.citizen_id == citizen_id)).one_or_none()


def _credential(session: Session, citizen_id: int, *, secret_hash: str | None = None,
                pin_hash: str | None = None) -> CitizenCredential:
    """The credential, locked for this (short) transaction, still as it was when the secret was checked:
    the same code (``secret_hash``) or PIN (``pin_hash``), and not locked meanwhile."""
    credential = session.get(CitizenCredential, citizen_id, with_for_update=True)
    if credential is None or (secret_hash is not None and credential.secret_hash != secret_hash):
        raise LoginFailed(CODE_WRONG)  # a new code was made while we checked the old one
    if pin_hash is not None and credential.pin_hash != pin_hash:
        raise LoginFailed(PIN_WRONG, n=load_config().max_login_attempts)  # the PIN was reset meanwhile
    if credential.locked_at is not None:
        raise LoginLocked(CODE_LOCKED)
    return credential


def _read_then_end(session: Session, citizen_id: int):
    """The citizen's stored code and PIN (refused if there is none or it is locked), then the caller's
    transaction ends, so the slow hash that follows runs with no transaction open."""
    stored = _stored(session, citizen_id)
    _end_transaction(session)
    if stored is None:
        raise LoginFailed(CODE_WRONG)
    if stored.locked_at is not None:
        raise LoginLocked(CODE_LOCKED)
    return stored


# --- citizens ------------------------------------------------------------------------------------------

def check_access_code(session: Session, typed_code: str, *, client: str | None = None) -> CodeCheck:
    """First step of a citizen's login. Wrong tries are counted and audited (committed though we raise); the
    code itself never locks, and a lock from wrong PINs is only told to someone who typed the whole code."""
    parts = split_access_code(typed_code)
    lookup = parts[0] if parts else "-"
    keyed = _keys(f"code:{lookup}", client)
    _refuse_while_waiting(session, keyed, "code", client)
    found = None
    if parts:
        found = session.scalar(select(CitizenCredential.citizen_id).where(CitizenCredential.lookup == parts[0]))
    stored = _stored(session, found) if found is not None else None
    _end_transaction(session)
    right = verify_secret(stored.secret_hash if stored else _DUMMY_HASH, parts[1] if parts else "x")
    if stored is None or not right:
        _wrong(session, keyed, "code", client)
        raise LoginFailed(CODE_WRONG)
    throttle.clear(session, [k for k in keyed if not k.startswith("client:")])
    if stored.locked_at is not None:
        raise LoginLocked(CODE_LOCKED)
    credential = _credential(session, found, secret_hash=stored.secret_hash)
    citizen = session.get(Citizen, credential.citizen_id)
    # An ended programme may still be read (and the support person written to) for a while after its end.
    if citizen is None or (citizen.status == CitizenStatus.ENDED.value
                           and (citizen.ended_at is None or not can_write_after_end(citizen.ended_at))):
        raise LoginFailed(ENDED)
    return CodeCheck(citizen_id=credential.citizen_id, needs_new_pin=credential.pin_hash is None)


def choose_pin(session: Session, citizen_id: int, pin: str, pin_again: str, *, client: str | None = None) -> Actor:
    """First login: the citizen chooses a 4-digit PIN (only allowed while none is set), not an easy one."""
    stored = _read_then_end(session, citizen_id)
    if stored.pin_hash is not None:
        raise LoginFailed(PIN_WRONG, n=load_config().max_login_attempts)
    pin = (pin or "").strip()
    if not valid_pin(pin):
        raise DomainError(PIN_FORMAT)
    if weak_pin(pin):
        raise DomainError(PIN_WEAK)
    if pin != (pin_again or "").strip():
        raise DomainError(N_("De to PIN-koder er ikke ens. Skriv den samme to gange."))
    new_hash = hash_secret(pin)
    credential = _credential(session, citizen_id, secret_hash=stored.secret_hash)
    if credential.pin_hash is not None:  # chosen in another tab meanwhile
        raise LoginFailed(PIN_WRONG, n=max(0, load_config().max_login_attempts - credential.failed_attempts))
    credential.pin_hash = new_hash
    credential.failed_attempts = 0
    citizen = session.get_one(Citizen, citizen_id)
    audit.record(session, None, "citizen_pin_chosen", citizen_id=citizen_id,
                 detail=f"source={client or UNKNOWN_CLIENT}")
    return citizen_actor(citizen)


def verify_pin(session: Session, citizen_id: int, pin: str, *, client: str | None = None) -> Actor:
    """The PIN after the code (or on a remembered phone). Wrong PINs count towards the lock, and the citizen
    is told how many tries are left."""
    keyed = {f"client:{client}": throttle.CLIENT} if throttle.identifies(client) else {}
    _refuse_while_waiting(session, keyed, "pin", client, citizen_id=citizen_id)
    stored = _read_then_end(session, citizen_id)
    right = verify_secret(stored.pin_hash, (pin or "").strip())
    credential = _credential(session, citizen_id, secret_hash=stored.secret_hash, pin_hash=stored.pin_hash)
    if not right:
        credential.failed_attempts += 1
        _wrong(session, keyed, "pin", client, citizen_id=citizen_id)
        left = load_config().max_login_attempts - credential.failed_attempts
        if left <= 0:
            credential.locked_at = utcnow()
            audit.record(session, None, "citizen_code_locked", citizen_id=citizen_id)
            raise LoginLocked(CODE_LOCKED)
        raise LoginFailed(PIN_WRONG, n=left)
    if credential.failed_attempts:
        credential.failed_attempts = 0
    return citizen_actor(session.get_one(Citizen, citizen_id))


def code_is_waiting(session: Session, citizen_id: int) -> bool:
    """Wrong tries from many clients make the citizen's code wait: their support person sees it as locked."""
    credential = session.get(CitizenCredential, citizen_id)
    return credential is not None and throttle.wait_seconds(session, [f"code:{credential.lookup}"]) > 0


def lift_waits_for_citizen(session: Session, citizen_id: int) -> None:
    """The support person unlocks: the lock and the waits on the citizen's code are lifted."""
    credential = session.get(CitizenCredential, citizen_id)
    if credential is not None:
        throttle.clear_account(session, f"code:{credential.lookup}")


# --- staff ---------------------------------------------------------------------------------------------

def _typed_username(username: str | None) -> str:
    """What the person typed, as it would be stored; text that could never be a username is just wrong."""
    try:
        return (clean_text(username, limit=100, single_line=True) or "").lower()
    except RuleError:
        return "-"


def staff_login(session: Session, username: str, password: str, *, client: str | None = None) -> Actor:
    typed = _typed_username(username)
    keyed = _keys(f"staff:{typed}", client)
    _refuse_while_waiting(session, keyed, "staff", client)
    found = session.execute(select(StaffUser.id, StaffUser.active, StaffUser.password_hash)
                            .where(StaffUser.username == typed)).one_or_none()
    _end_transaction(session)
    usable = found is not None and found.active and found.password_hash is not None
    right = verify_secret(found.password_hash if usable else _DUMMY_HASH, password or "" if usable else "x")
    user = session.get(StaffUser, found.id, with_for_update=True) if found is not None else None
    if user is not None and (not user.active or user.password_hash != found.password_hash):
        right = False  # deactivated or given a new password while we checked
    if not (usable and right):
        where = {"object_type": "staff", "object_id": found.id} if found is not None else {}
        _wrong(session, keyed, "staff", client, **where)
        raise LoginFailed(STAFF_WRONG)
    throttle.clear(session, [k for k in keyed if not k.startswith("client:")])
    actor = staff_actor(user)  # type: ignore[arg-type]
    audit.record(session, actor, "staff_login", detail=f"source={client or UNKNOWN_CLIENT}")
    return actor


def lift_waits_for_staff(session: Session, *, actor: Actor, staff_id: int) -> None:
    """A coordinator lets a colleague in their programme try again at once (after a spread-out attack)."""
    require_role(actor, StaffRole.COORDINATOR)
    user = session.get(StaffUser, staff_id)
    if user is None or user.programme_id != actor.programme_id:
        raise AccessDenied()
    throttle.clear_account(session, f"staff:{user.username}")
    audit.record(session, actor, "lift_login_waits", object_type="staff", object_id=user.id)


NO_ACCESS = N_("Du er logget ind, men har ikke adgang til Borgerbudget. Tal med din koordinator.")


def _claim_values(claims: dict, name: str) -> list[str]:
    value = claims.get(name)
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def role_from_claims(claims: dict) -> StaffRole | None:
    """The app role the identity provider's group (or app-role) claim maps to; the most powerful wins."""
    config = load_config()
    mapping = config.oidc_role_mapping()
    roles = {mapping[v] for v in _claim_values(claims, config.oidc_role_claim) if v in mapping}
    for role in (StaffRole.COORDINATOR, StaffRole.SUPPORT, StaffRole.FINANCE, StaffRole.FACILITATOR):
        if role.value in roles:
            return role
    return None


def fresh_identity(claims: dict, *, now: float | None = None) -> bool:
    """True when the identity provider's token was issued moments ago (a login just now), not a login
    cookie left in a shared PC's browser days ago."""
    import time
    issued = claims.get("auth_time") or claims.get("iat")
    try:
        age = (now or time.time()) - float(issued)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return -60 <= age <= load_config().oidc_max_login_age_seconds


def staff_actor_for_oidc(session: Session, claims: dict) -> Actor:
    """Map an identity-provider login (st.user's claims) to a staff user.

    Known by issuer + subject once bound; the first login binds the user whose username equals the
    configured claim (``email``, ``preferred_username`` or ``upn``). With a role claim configured, the role
    follows the provider's groups, and a person without a mapped role is refused."""
    config = load_config()
    issuer, subject = str(claims.get("iss") or ""), str(claims.get("sub") or "")
    if not issuer or not subject:
        raise LoginFailed(NO_ACCESS)
    user = session.scalar(select(StaffUser).where(StaffUser.oidc_issuer == issuer, StaffUser.oidc_subject == subject)
                          .with_for_update())
    if user is None:
        bind_values = _claim_values(claims, config.oidc_bind_claim)
        if bind_values:
            user = session.scalar(select(StaffUser).where(StaffUser.username == bind_values[0].strip().lower(),
                                                          StaffUser.oidc_subject.is_(None)).with_for_update())
        if user is not None:
            user.oidc_issuer, user.oidc_subject = issuer, subject
            audit.record(session, None, "bind_staff_identity", object_type="staff", object_id=user.id)
    if user is None or not user.active:
        raise LoginFailed(NO_ACCESS)
    if config.oidc_role_claim:
        role = role_from_claims(claims)
        if role is None:
            audit.record(session, None, "staff_login_refused_no_role", object_type="staff", object_id=user.id)
            raise LoginFailed(NO_ACCESS)
        if role.value != user.role:
            audit.record(session, None, "set_staff_role", object_type="staff", object_id=user.id,
                         detail=f"{role.value} (identity provider)")
            user.role = role.value
    actor = staff_actor(user)
    audit.record(session, actor, "staff_login_oidc")
    return actor
