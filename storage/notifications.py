"""Notifications: who is told what, when something happens. One function per trigger.

Each trigger adds rows to the outbox (storage/models/notify.py) with the ``session`` of the event, so the
notification exists exactly when the event was stored: a rolled-back decision tells nobody, and a stored one
is never forgotten. `borgerbudget notify` (storage/notify_sender.py) delivers the rows later.

| trigger                  | called from                                | recipient                     | channel |
|--------------------------|--------------------------------------------|-------------------------------|---------|
| plan_sent                | submissions.submit (version 1)             | the citizen's support person  | e-mail  |
| plan_changed             | submissions.submit (version 2 and later)   | the citizen's support person  | e-mail  |
| decision_sent            | decisions.publish, decisions.revise        | the citizen                   | SMS     |
| payment_made             | payments.mark_paid                         | the citizen                   | SMS     |
| message_from_citizen     | messages.write (a citizen's message)       | the citizen's support person  | e-mail  |
| message_answered         | messages.write (a support person's answer) | the citizen                   | SMS     |
| help_shown               | citizens.flag_needs_help (first press)     | the citizen's support person  | e-mail, first in the queue |
| second_opinion_asked     | second_opinions.ask                        | the programme's coordinators  | e-mail  |
| second_opinion_answered  | second_opinions.answer                     | the support person who asked  | e-mail  |
| payment_waiting          | payments.request_payment                   | the programme's finance staff | e-mail  |
| milestone_due            | milestone_notices.sweep (`notify` rounds)  | the citizen and support person| SMS, e-mail |

The texts never hold personal data or anything a person wrote: only that something waits, and the app's
address. They are Danish msgids, translated at sending time into the recipient's stored language.

A row is only written when it can be delivered now: the channel is configured, a staff user has an e-mail
address and is active, a citizen gave a mobile number and said yes to SMS. The sender checks again when it
sends (a citizen may turn SMS off in between). While an unsent row of the same kind waits for the same
person, no second one is added: five messages in a row make one e-mail, not five.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs.i18n_markers import N_
from dialogs.phone import normalise_mobile
from storage import audit
from storage.access import Actor, ActorKind
from storage.config import Config, load_config
from storage.errors import DomainError
from storage.models import Citizen, OutboxMessage, StaffRole, StaffUser, utcnow

EMAIL, SMS = "email", "sms"
UNSENT = ("pending", "sending")


@dataclass(frozen=True)
class Kind:
    channel: str
    text: str          # Danish msgid: what the recipient reads (no personal data, ever)
    priority: int = 1  # 0 is sent before everything else
    quiet_minutes: int = 0  # not again for the same person about the same citizen within this long


KINDS: dict[str, Kind] = {
    "plan_sent": Kind(EMAIL, N_("En borger har sendt sin plan til dig. Log ind for at se den.")),
    "plan_changed": Kind(EMAIL, N_("En borger har sendt en ændret plan til dig. Log ind for at se den.")),
    "decision_sent": Kind(SMS, N_("Du har fået svar på din plan. Log ind for at se det.")),
    "payment_made": Kind(SMS, N_("Nu er der betalt for et af dine ønsker. Log ind for at se det.")),
    "message_from_citizen": Kind(EMAIL, N_("En borger har skrevet til dig. Log ind for at se beskeden.")),
    "message_answered": Kind(SMS, N_("Du har fået svar fra din støtteperson. Log ind for at se det.")),
    "help_shown": Kind(EMAIL, N_("En af dine borgere har det svært lige nu. Log ind og se det så hurtigt "
                                 "som muligt."), priority=0, quiet_minutes=60),
    "second_opinion_asked": Kind(EMAIL, N_("En støtteperson spørger dig om råd. Log ind for at se "
                                           "spørgsmålet.")),
    "second_opinion_answered": Kind(EMAIL, N_("Koordinatoren har svaret på dit spørgsmål. Log ind for at se "
                                              "svaret.")),
    "payment_waiting": Kind(EMAIL, N_("En betaling venter på dig. Log ind for at se den.")),
    "milestone_due": Kind(SMS, N_("Det er tid til at se på dine mål. Log ind for at se dem.")),
    "milestone_due_staff": Kind(EMAIL, N_("Det er tid til opfølgning hos en af dine borgere. Log ind for at "
                                          "se det.")),
}

EMAIL_SUBJECT = N_("Nyt i Borgerbudget")
EMAIL_FOOTER = N_("Denne e-mail er sendt automatisk. Du kan ikke svare på den.")


# --- where a notification can go (asked again by the sender) --------------------------------------------

def channel_configured(channel: str, config: Config | None = None) -> bool:
    config = config or load_config()
    return bool(config.smtp_host and config.smtp_from) if channel == EMAIL else bool(config.sms_gateway_url)


def staff_address(user: StaffUser | None) -> str | None:
    """A staff user's e-mail address: the one stored, else the username when it is an address."""
    if user is None or not user.active:
        return None
    if user.email:
        return user.email
    return user.username if "@" in user.username else None


def citizen_number(citizen: Citizen | None) -> str | None:
    """The citizen's mobile number, only while they say yes to SMS and their data is not erased."""
    if citizen is None or citizen.erased_at is not None or citizen.sms_consent_at is None:
        return None
    return citizen.mobile


# --- writing rows -------------------------------------------------------------------------------------------

def _add(session: Session, kind: str, *, staff: StaffUser | None = None, citizen: Citizen | None = None,
         about: int | None = None) -> bool:
    spec = KINDS[kind]
    if not channel_configured(spec.channel):
        return False
    if (staff_address(staff) if staff is not None else citizen_number(citizen)) is None:
        return False
    recipient = (OutboxMessage.staff_id == staff.id) if staff is not None else (OutboxMessage.citizen_id == citizen.id)
    waiting = session.scalar(select(OutboxMessage.id).where(OutboxMessage.kind == kind, recipient,
                                                            OutboxMessage.status.in_(UNSENT)).limit(1))
    if waiting is not None:
        return False
    if spec.quiet_minutes and session.scalar(select(OutboxMessage.id).where(
            OutboxMessage.kind == kind, recipient, OutboxMessage.about_citizen_id == about,
            OutboxMessage.created_at > utcnow() - timedelta(minutes=spec.quiet_minutes)).limit(1)) is not None:
        return False
    session.add(OutboxMessage(kind=kind, channel=spec.channel, priority=spec.priority,
                              staff_id=staff.id if staff is not None else None,
                              citizen_id=citizen.id if citizen is not None else None,
                              about_citizen_id=about if staff is not None else None, not_before=utcnow()))
    return True


def _support_person(session: Session, citizen_id: int) -> StaffUser | None:
    citizen = session.get(Citizen, citizen_id)
    return session.get(StaffUser, citizen.support_person_id) if citizen is not None else None


def _staff_with_role(session: Session, citizen_id: int, role: StaffRole) -> list[StaffUser]:
    citizen = session.get_one(Citizen, citizen_id)
    return list(session.scalars(select(StaffUser).where(StaffUser.programme_id == citizen.programme_id,
                                                        StaffUser.role == role.value, StaffUser.active.is_(True))
                                .order_by(StaffUser.id)))


# --- the triggers -------------------------------------------------------------------------------------------

def plan_sent(session: Session, citizen_id: int, *, version: int) -> bool:
    """A plan (version 1) or a changed plan (a later version) was sent: tell the support person."""
    return _add(session, "plan_sent" if version <= 1 else "plan_changed", staff=_support_person(session, citizen_id),
                about=citizen_id)


def decision_sent(session: Session, citizen_id: int) -> bool:
    """The support person's answer was sent (or a sent decision was changed): tell the citizen."""
    return _add(session, "decision_sent", citizen=session.get(Citizen, citizen_id))


def payment_made(session: Session, citizen_id: int) -> bool:
    """Finance paid for one of the citizen's wishes: tell the citizen."""
    return _add(session, "payment_made", citizen=session.get(Citizen, citizen_id))


def message_from_citizen(session: Session, citizen_id: int) -> bool:
    """The citizen wrote in their thread: tell the support person."""
    return _add(session, "message_from_citizen", staff=_support_person(session, citizen_id), about=citizen_id)


def message_answered(session: Session, citizen_id: int) -> bool:
    """The support person (or coordinator) answered in the thread: tell the citizen."""
    return _add(session, "message_answered", citizen=session.get(Citizen, citizen_id))


def help_shown(session: Session, citizen_id: int) -> bool:
    """The citizen pressed 'Jeg har det svært lige nu', or was shown where help is: tell the support person at
    once (first in the sender's queue; e-mail has no quiet hours). Not again about the same citizen within an
    hour: the support person was told, and the overview shows it at the top."""
    return _add(session, "help_shown", staff=_support_person(session, citizen_id), about=citizen_id)


def second_opinion_asked(session: Session, citizen_id: int) -> int:
    """A support person asked the coordinator: tell every active coordinator of the citizen's programme."""
    return sum(_add(session, "second_opinion_asked", staff=c, about=citizen_id)
               for c in _staff_with_role(session, citizen_id, StaffRole.COORDINATOR))


def second_opinion_answered(session: Session, asked_by_id: int, citizen_id: int | None = None) -> bool:
    """The coordinator answered: tell the support person who asked."""
    return _add(session, "second_opinion_answered", staff=session.get(StaffUser, asked_by_id), about=citizen_id)


def payment_waiting(session: Session, citizen_id: int) -> int:
    """A payment request waits for finance: tell the programme's finance staff."""
    return sum(_add(session, "payment_waiting", staff=f, about=citizen_id)
               for f in _staff_with_role(session, citizen_id, StaffRole.FINANCE))


def milestone_due(session: Session, citizen_id: int, *, citizen: bool = True, staff: bool = True) -> int:
    """A milestone of the citizen's period is due (storage/milestone_notices.py, once per milestone): tell the
    citizen (SMS) and their support person (e-mail), each only when their side still has it to do."""
    return ((citizen and _add(session, "milestone_due", citizen=session.get(Citizen, citizen_id)))
            + (staff and _add(session, "milestone_due_staff", staff=_support_person(session, citizen_id),
                              about=citizen_id)))


# --- the citizen's SMS choice and a staff user's e-mail address -------------------------------------------------

def quiet_hours(setting: str) -> tuple[int, int] | None:
    """BORGERBUDGET_SMS_QUIET_HOURS: '21-08' -> (21, 8); empty or unreadable -> None (any hour)."""
    try:
        start, end = (int(part) for part in setting.split("-"))
    except ValueError:
        return None
    return (start % 24, end % 24) if start != end else None


@dataclass(frozen=True)
class SmsChoice:
    mobile: str | None
    on: bool
    available: bool                     # the municipality has an SMS gateway
    quiet: tuple[int, int] | None       # no SMS from .. to .. o'clock


def sms_choice(session: Session, *, actor: Actor) -> SmsChoice:
    citizen = _own_citizen(session, actor)
    config = load_config()
    return SmsChoice(citizen.mobile, citizen.sms_consent_at is not None, channel_configured(SMS, config),
                     quiet_hours(config.sms_quiet_hours))


def turn_sms_on(session: Session, *, actor: Actor, mobile: str, consent: bool = True) -> None:
    """The citizen gives a mobile number and says yes to SMS notifications (no text from anyone, only that
    something waits in the app)."""
    citizen = _own_citizen(session, actor)
    number = normalise_mobile(mobile)
    if not consent:
        raise DomainError(N_("Sæt kryds, hvis du vil have SMS."))
    citizen.mobile = number
    citizen.sms_consent_at = utcnow()
    audit.record(session, actor, "sms_on", citizen_id=citizen.id)


def turn_sms_off(session: Session, *, actor: Actor) -> None:
    """'Slå SMS fra': no more SMS, and the number is forgotten. SMS that wait in the outbox are not sent."""
    citizen = _own_citizen(session, actor)
    citizen.mobile, citizen.sms_consent_at = None, None
    audit.record(session, actor, "sms_off", citizen_id=citizen.id)


def _own_citizen(session: Session, actor: Actor) -> Citizen:
    if actor.kind is not ActorKind.CITIZEN:
        raise DomainError(N_("Det kan kun borgeren selv gøre."))
    return session.get_one(Citizen, actor.id)


def own_email(session: Session, *, actor: Actor) -> str | None:
    """The address a staff user's notifications go to (stored, or the username when it is one)."""
    if not actor.is_staff:
        raise DomainError(N_("Det har du ikke adgang til."))
    return staff_address(session.get(StaffUser, actor.id))


def set_staff_email(session: Session, *, actor: Actor | None, staff_id: int, email: str | None) -> None:
    """Where a staff user's notifications go (the operator's CLI, or the user themself). Empty: none."""
    if actor is not None and not (actor.is_staff and actor.id == staff_id):
        raise DomainError(N_("Det har du ikke adgang til."))
    email = (email or "").strip() or None
    if email is not None and (len(email) > 254 or "@" not in email or any(c.isspace() for c in email)):
        raise DomainError(N_("Skriv en gyldig e-mailadresse."))
    session.get_one(StaffUser, staff_id).email = email
    audit.record(session, actor, "set_staff_email", object_type="staff_user", object_id=staff_id)


__all__ = ["KINDS", "EMAIL", "SMS", "EMAIL_SUBJECT", "EMAIL_FOOTER", "Kind", "SmsChoice", "channel_configured",
           "staff_address", "citizen_number", "plan_sent", "decision_sent", "payment_made", "message_from_citizen",
           "message_answered", "help_shown", "second_opinion_asked", "second_opinion_answered", "payment_waiting",
           "milestone_due", "quiet_hours", "own_email", "sms_choice", "turn_sms_on", "turn_sms_off", "set_staff_email"]
