"""The data's whole life (GDPR art. 5(1)(e) and 17): a programme ends, and once a citizen's period has been
over for the retention period, their personal data is erased while the numbers the programme report needs stay.

Erased: the name and the status reason, the login (code, PIN, remembered phones), course answers (the rows
stay, empty, so "started the course" still counts), the conversation, workshop memberships, journal notes, and
every free text: goals, wishes (title, shop, note), sent plans, decision reasons, questions to the coordinator,
payment vendors, references and reasons, check-in notes, the notes written with goal ratings, the substance-use
answers of the status records (health data) and the words of consents. Required text columns get ``ERASED``.
Kept: statuses, dates, amounts, the ledger, goal topics, course progress, check-in scores and ratings, the status
records' housing, work and support answers, when a consent was given and withdrawn, and the
audit log (which never held the citizen's words and has its own, shorter retention).

``due`` is the dry run: who would be erased and how much of each kind, no names. ``erase`` does it, with one
audit event per citizen that counts what went (never the content). Both run for a coordinator's own programme
or, from the operator's CLI (``borgerbudget erase-ended``, daily from cron), for every programme.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from dialogs import limits
from dialogs.text import clean_text
from storage import audit
from storage.access import Actor, require_role
from storage.config import load_config
from storage.errors import N_, DomainError
from storage.models import (
    ChatTurn,
    CheckIn,
    Consent,
    GoalRating,
    HelpShown,
    Citizen,
    CitizenCredential,
    CitizenStatus,
    CourseAnswer,
    CourseProgress,
    Goal,
    ItemDecision,
    PaymentRequest,
    Programme,
    RememberedDevice,
    SecondOpinion,
    StaffRole,
    StatusRecord,
    Submission,
    SubmissionItem,
    Message,
    SupportNote,
    WishItem,
    WorkshopParticipant,
    utcnow,
)

ERASED = "[slettet]"


@dataclass(frozen=True)
class DueForErasure:
    """One citizen whose personal data is due to go, and how much of each kind (no names, no content)."""

    citizen_id: int
    internal_ref: str
    ended_at: datetime
    counts: dict[str, int]


def end_programme(session: Session, *, actor: Actor, reason: str) -> int:
    """The coordinator ends the programme: every citizen's period ends now, with the reason they will read.
    No new citizens can join. Returns how many citizens' periods ended."""
    require_role(actor, StaffRole.COORDINATOR)
    reason = clean_text(reason, limit=limits.NOTE, required=True,
                        empty_message=N_("Skriv en grund til, at programmet slutter. Borgerne kan se den."))
    programme = session.get_one(Programme, actor.programme_id, with_for_update=True)
    if programme.ended_at is not None:
        raise DomainError(N_("Programmet er allerede afsluttet."))
    now = utcnow()
    programme.ended_at = now
    ended = session.execute(
        update(Citizen).where(Citizen.programme_id == programme.id, Citizen.status != CitizenStatus.ENDED.value)
        .values(status=CitizenStatus.ENDED.value, status_reason=reason, ended_at=now)
        .returning(Citizen.id)).scalars().all()
    audit.record_reads(session, actor, "end_programme", ended, detail=f"citizens={len(ended)}")
    return len(ended)


def _scope(actor: Actor | None):
    """Whose data this actor may erase: a coordinator their programme's, the operator's CLI (None) all."""
    if actor is None:
        return True
    require_role(actor, StaffRole.COORDINATOR)
    return Citizen.programme_id == actor.programme_id


# What goes, per kind: (label, count of rows that hold personal data) for the dry run.
def _summed(*counts: dict[int, int]) -> dict[int, int]:
    total: dict[int, int] = {}
    for one in counts:
        for cid, n in one.items():
            total[cid] = total.get(cid, 0) + n
    return total


def _counts(session: Session, ids: list[int]) -> dict[int, dict[str, int]]:
    def per_citizen(query) -> dict[int, int]:
        return dict(session.execute(query.group_by("citizen_id")).all())

    kinds = {
        "answers": per_citizen(select(CourseAnswer.citizen_id, func.count()).where(
            CourseAnswer.citizen_id.in_(ids), CourseAnswer.value.is_not(None))),
        "conversation": per_citizen(select(ChatTurn.citizen_id, func.count()).where(ChatTurn.citizen_id.in_(ids))),
        "goals": per_citizen(select(Goal.citizen_id, func.count()).where(Goal.citizen_id.in_(ids))),
        "wishes": per_citizen(select(WishItem.citizen_id, func.count()).where(WishItem.citizen_id.in_(ids))),
        "journal_notes": per_citizen(select(SupportNote.citizen_id, func.count())
                                     .where(SupportNote.citizen_id.in_(ids))),
        "messages": per_citizen(select(Message.citizen_id, func.count()).where(Message.citizen_id.in_(ids))),
        "payments": per_citizen(select(PaymentRequest.citizen_id, func.count())
                                .where(PaymentRequest.citizen_id.in_(ids))),
        # Follow-up notes: the old check-ins' and the sentences written with a goal rating (both sides).
        "check_in_notes": _summed(per_citizen(select(CheckIn.citizen_id, func.count()).where(
            CheckIn.citizen_id.in_(ids), CheckIn.note.is_not(None))), per_citizen(select(
                GoalRating.citizen_id, func.count()).where(GoalRating.citizen_id.in_(ids), GoalRating.note.is_not(None)))),
        "help_shown": per_citizen(select(HelpShown.citizen_id, func.count()).where(HelpShown.citizen_id.in_(ids))),
    }
    return {cid: {kind: counts.get(cid, 0) for kind, counts in kinds.items()} for cid in ids}


def due(session: Session, *, actor: Actor | None, days: int | None = None,
        now: datetime | None = None) -> list[DueForErasure]:
    """The dry run: citizens whose period ended more than `days` ago (the setting by default), not yet erased."""
    days = load_config().personal_data_retention_days if days is None else days
    cutoff = (now or utcnow()) - timedelta(days=days)
    rows = session.execute(
        select(Citizen.id, Citizen.internal_ref, Citizen.ended_at)
        .where(_scope(actor), Citizen.status == CitizenStatus.ENDED.value, Citizen.erased_at.is_(None),
               Citizen.ended_at.is_not(None), Citizen.ended_at <= cutoff)
        .order_by(Citizen.ended_at, Citizen.id)).all()
    counts = _counts(session, [r.id for r in rows]) if rows else {}
    found = [DueForErasure(r.id, r.internal_ref, r.ended_at, counts[r.id]) for r in rows]
    if actor is not None:
        audit.record_reads(session, actor, "list_due_for_erasure", (f.citizen_id for f in found),
                           detail=f"count={len(found)} days={days}")
    return found


def erase(session: Session, *, actor: Actor | None, days: int | None = None,
          now: datetime | None = None) -> list[DueForErasure]:
    """Erase the personal data of every citizen `due` names; returns them. A constant number of statements."""
    found = due(session, actor=actor, days=days, now=now)
    ids = [f.citizen_id for f in found]
    if not ids:
        return []
    items = select(WishItem.id).where(WishItem.citizen_id.in_(ids))
    subs = select(Submission.id).where(Submission.citizen_id.in_(ids))
    for statement in (
        update(Citizen).where(Citizen.id.in_(ids)).values(display_name=ERASED, status_reason=None,
                                                          needs_help_since=None, mobile=None,
                                                          sms_consent_at=None, erased_at=now or utcnow()),
        delete(CitizenCredential).where(CitizenCredential.citizen_id.in_(ids)),
        delete(RememberedDevice).where(RememberedDevice.citizen_id.in_(ids)),
        update(CourseAnswer).where(CourseAnswer.citizen_id.in_(ids)).values(value=None),
        update(CourseProgress).where(CourseProgress.citizen_id.in_(ids)).values(pending_wish=None),
        delete(ChatTurn).where(ChatTurn.citizen_id.in_(ids)),
        delete(WorkshopParticipant).where(WorkshopParticipant.citizen_id.in_(ids)),
        delete(SupportNote).where(SupportNote.citizen_id.in_(ids)),
        delete(Message).where(Message.citizen_id.in_(ids)),
        update(Goal).where(Goal.citizen_id.in_(ids)).values(text=ERASED),
        update(WishItem).where(WishItem.citizen_id.in_(ids)).values(title=ERASED, shop=None, note=None),
        update(Submission).where(Submission.citizen_id.in_(ids)).values(snapshot={"erased": True}),
        update(SubmissionItem).where(SubmissionItem.submission_id.in_(subs))
        .values(title=ERASED, goal_text=None, note=None, shop=None),
        update(ItemDecision).where(ItemDecision.wish_item_id.in_(items), ItemDecision.reason.is_not(None))
        .values(reason=ERASED),
        update(SecondOpinion).where(SecondOpinion.wish_item_id.in_(items)).values(question=ERASED),
        update(SecondOpinion).where(SecondOpinion.wish_item_id.in_(items), SecondOpinion.answer.is_not(None))
        .values(answer=ERASED),
        update(PaymentRequest).where(PaymentRequest.citizen_id.in_(ids))
        .values(vendor=ERASED, reference=None, reject_reason=None),
        update(CheckIn).where(CheckIn.citizen_id.in_(ids)).values(note=None),
        update(GoalRating).where(GoalRating.citizen_id.in_(ids), GoalRating.note.is_not(None)).values(note=None),
        delete(HelpShown).where(HelpShown.citizen_id.in_(ids)),
        # health data (substance use) goes; housing, work and support stay as numbers for the figures
        update(StatusRecord).where(StatusRecord.citizen_id.in_(ids), StatusRecord.substance.is_not(None))
        .values(substance=None),
        update(Consent).where(Consent.citizen_id.in_(ids)).values(text_shown=ERASED),
    ):
        session.execute(statement.execution_options(synchronize_session=False))
    audit.record_each(session, actor, "erase_personal_data", {
        f.citizen_id: " ".join(f"{kind}={n}" for kind, n in f.counts.items()) for f in found})
    return found
