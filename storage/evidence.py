"""A citizen's status at start and end (and at milestones), recorded by the support person with the citizen.

The questions and answers are data (dialogs/status_fields.toml). The substance-use answer is health data
(GDPR art. 9): it is stored only while the citizen's yes to that purpose is in force (a Consent with the exact
words shown), only the citizen and their own support person can read the records (storage/access.py), and the
coordinator sees it only as counts (storage/evidence_figures.py). Every staff read and change is audited.
A withdrawn yes also removes the answers already given, so nothing special is kept without a yes.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dialogs import status_fields
from dialogs.status_fields import DECLINED
from storage import audit
from storage.access import Action, Actor, ActorKind, Resource, authorize
from storage.errors import N_, AccessDenied, DomainError
from storage.models import Consent, StatusRecord, utcnow
from storage.models.evidence import MOMENTS

MAX_HOURS_A_WEEK = 168
_LANGUAGES = ("da", "en", "ar")


@dataclass(frozen=True)
class StatusView:
    id: int
    moment: str
    milestone: str | None
    housing: str | None
    occupation: str | None
    support: tuple[str, ...]
    support_hours: int | None
    substance: str | None
    support_need: str | None
    created_at: datetime


@dataclass(frozen=True)
class ConsentView:
    purpose: str
    text_shown: str
    given_at: datetime
    withdrawn_at: datetime | None


def pack_support(keys: Sequence[str] | None) -> str | None:
    return None if not keys else "," + ",".join(keys) + ","


def unpack_support(value: str | None) -> tuple[str, ...]:
    return tuple(k for k in (value or "").split(",") if k)


def active_consent(session: Session, citizen_id: int) -> Consent | None:
    purpose = status_fields.load().consent_purpose
    return session.scalars(select(Consent).where(Consent.citizen_id == citizen_id, Consent.purpose == purpose,
                                                 Consent.withdrawn_at.is_(None))
                           .order_by(Consent.given_at.desc(), Consent.id.desc()).limit(1)).first()


def give_consent(session: Session, *, actor: Actor, citizen_id: int, text_shown: str, language: str) -> int:
    """The citizen's yes, recorded by their support person with the words the citizen was shown."""
    authorize(session, actor, citizen_id, Resource.STATUS_RECORD, Action.WRITE)
    if not isinstance(text_shown, str) or not text_shown.strip() or language not in _LANGUAGES:
        raise DomainError(N_("Vis borgeren teksten om samtykke, før du gemmer et ja."))
    existing = active_consent(session, citizen_id)
    if existing is not None:
        return existing.id
    consent = Consent(citizen_id=citizen_id, purpose=status_fields.load().consent_purpose,
                      text_shown=text_shown.strip(), language=language,
                      recorded_by_staff_id=actor.id if actor.is_staff else None)
    session.add(consent)
    session.flush()
    audit.record_staff(session, actor, "give_consent", citizen_id=citizen_id, object_type="consent",
                       object_id=consent.id, detail=consent.purpose)
    return consent.id


def withdraw_consent(session: Session, *, actor: Actor, citizen_id: int) -> bool:
    """End the yes (the citizen, or their support person for them) and remove the answers given under it."""
    if actor.kind is ActorKind.CITIZEN:
        authorize(session, actor, citizen_id, Resource.STATUS_RECORD, Action.READ)
    else:
        authorize(session, actor, citizen_id, Resource.STATUS_RECORD, Action.WRITE)
    consent = active_consent(session, citizen_id)
    if consent is None:
        return False
    consent.withdrawn_at = utcnow()
    session.execute(update(StatusRecord).where(StatusRecord.citizen_id == citizen_id,
                                               StatusRecord.substance.is_not(None)).values(substance=None)
                    .execution_options(synchronize_session=False))
    audit.record_staff(session, actor, "withdraw_consent", citizen_id=citizen_id, object_type="consent",
                       object_id=consent.id, detail=consent.purpose)
    return True


def consent_state(session: Session, *, actor: Actor, citizen_id: int) -> ConsentView | None:
    """The yes in force, or None. Audited for staff."""
    authorize(session, actor, citizen_id, Resource.STATUS_RECORD, Action.READ)
    audit.record_staff(session, actor, "read_consent", citizen_id=citizen_id)
    consent = active_consent(session, citizen_id)
    return None if consent is None else ConsentView(consent.purpose, consent.text_shown, consent.given_at,
                                                    consent.withdrawn_at)


def _one(field_key: str, value: str | None, moment: str) -> str | None:
    if value is None:
        return None
    field = status_fields.load().field(field_key)
    if value not in {a.key for a in field.answers_for(moment)}:
        raise DomainError(N_("Et svar passer ikke til spørgsmålet. Vælg igen."))
    return value


def _support(keys: Sequence[str] | None) -> str | None:
    if not keys:
        return None
    allowed = status_fields.load().field("support").keys()
    keys = list(dict.fromkeys(keys))
    if any(k not in allowed for k in keys):
        raise DomainError(N_("Et svar passer ikke til spørgsmålet. Vælg igen."))
    if len(keys) > 1 and (DECLINED in keys or "none" in keys):
        raise DomainError(N_("Vælg enten de slags hjælp, borgeren får, eller ”ingen” eller ”vil ikke svare”."))
    return pack_support(keys)


def record_status(session: Session, *, actor: Actor, citizen_id: int, moment: str, milestone: str | None = None,
                  housing: str | None = None, occupation: str | None = None, support: Sequence[str] | None = None,
                  support_hours: int | None = None, substance: str | None = None,
                  support_need: str | None = None) -> int:
    """One status, as the support person and the citizen filled it in. Each answer may be left out."""
    authorize(session, actor, citizen_id, Resource.STATUS_RECORD, Action.WRITE)
    if not actor.is_staff:
        raise AccessDenied()
    if moment not in MOMENTS:
        raise DomainError(N_("Vælg, om det er status ved start, undervejs eller ved afslutning."))
    if support_need is not None and moment != "end":
        raise DomainError(N_("Behovet for støtte vurderes kun ved afslutning."))
    if support_hours is not None and (isinstance(support_hours, bool) or not isinstance(support_hours, int)
                                      or not 0 <= support_hours <= MAX_HOURS_A_WEEK):
        raise DomainError(N_("Skriv timer om ugen som et helt tal fra 0 til {high}."), high=MAX_HOURS_A_WEEK)
    if substance is not None and active_consent(session, citizen_id) is None:
        raise DomainError(N_("Borgeren har ikke sagt ja til at svare om stoffer og alkohol."))
    record = StatusRecord(
        citizen_id=citizen_id, moment=moment, milestone=(milestone or None) if moment == "milestone" else None,
        housing=_one("housing", housing, moment), occupation=_one("occupation", occupation, moment),
        support=_support(support), support_hours=support_hours, substance=_one("substance", substance, moment),
        support_need=_one("support_need", support_need, moment), recorded_by_staff_id=actor.id)
    if all(v is None for v in (record.housing, record.occupation, record.support, record.support_hours,
                               record.substance, record.support_need)):
        raise DomainError(N_("Udfyld mindst ét svar, før du gemmer status."))
    session.add(record)
    session.flush()
    audit.record_staff(session, actor, "add_status_record", citizen_id=citizen_id, object_type="status_record",
                       object_id=record.id, detail=moment)
    return record.id


def status_history(session: Session, *, actor: Actor, citizen_id: int) -> list[StatusView]:
    """The citizen's status records, newest first: for the citizen and their own support person. Audited."""
    authorize(session, actor, citizen_id, Resource.STATUS_RECORD, Action.READ)
    audit.record_staff(session, actor, "read_status_records", citizen_id=citizen_id)
    rows = session.scalars(select(StatusRecord).where(StatusRecord.citizen_id == citizen_id)
                           .order_by(StatusRecord.created_at.desc(), StatusRecord.id.desc()))
    return [StatusView(r.id, r.moment, r.milestone, r.housing, r.occupation, unpack_support(r.support),
                       r.support_hours, r.substance, r.support_need, r.created_at) for r in rows]
