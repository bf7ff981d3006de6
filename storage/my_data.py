"""The right of access (GDPR art. 15): everything the app holds about one citizen, for the citizen, or for their
support person to hand over on the citizen's behalf. Audited as an export.

What is left out, and why:
- secrets: the code, the PIN and a phone's token are stored only as hashes, which say nothing (the file says
  whether a PIN is chosen and when the code was made);
- the support person's unsent decisions and questions to the coordinator: internal working papers until an
  answer is sent (forvaltningsloven § 23, databeskyttelsesloven § 22); sent decisions and their reasons are in;
- when the support person makes the file: the course answers the citizen has not shared, and the conversation
  (which holds them). The citizen's own file has everything.

The result is plain data with stable English keys (dates as ISO text, amounts in øre): the page writes it as a
readable text document in the citizen's language and as JSON (citizen_app/my_data_file.py).
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs.engine import load_course
from storage import audit
from storage.course import question_of
from storage.access import Action, Actor, ActorKind, Resource, authorize, require_role
from storage.models import (
    AuditEvent,
    ChatTurn,
    CheckIn,
    Consent,
    HelpShown,
    CitizenCredential,
    CourseAnswer,
    CourseProgress,
    Goal,
    GoalRating,
    ItemDecision,
    LedgerEntry,
    PaymentRequest,
    Programme,
    RememberedDevice,
    StaffRole,
    StaffUser,
    StatusRecord,
    Submission,
    SubmissionItem,
    Message,
    SupportNote,
    WishItem,
    Who5Response,
    Workshop,
    WorkshopParticipant,
)

# Tables with a citizen's data that the file leaves out on purpose (tests/storage/test_my_data.py checks that
# every other table holding citizen data is in the file).
LEFT_OUT = {
    "second_opinions": "internal advice between staff until the support person decides",
    "login_throttles": "hashed counters of wrong logins, kept for a day",
    "login_sessions": "hashed ids of open logins on the citizen's devices, ended at logout or expiry",
    "notification_outbox": "a queue of e-mails and SMS to send: no text, no address (the mobile number and the "
                           "SMS yes are in the profile); sent rows are deleted after 30 days",
    "milestone_notices": "only that a 'time to look at your goals' notice was made for a milestone, so it is "
                         "never sent twice: no text",
}


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _rows(session: Session, query) -> list:
    return list(session.scalars(query))


def collect(session: Session, *, actor: Actor, citizen_id: int) -> dict[str, Any]:
    """Everything about the citizen as plain data. The citizen themself, or their own support person."""
    if actor.is_staff:
        require_role(actor, StaffRole.SUPPORT)
    citizen = authorize(session, actor, citizen_id, Resource.PROFILE, Action.READ)
    by_citizen = actor.kind is ActorKind.CITIZEN
    programme = session.get_one(Programme, citizen.programme_id)
    support = session.get_one(StaffUser, citizen.support_person_id)
    credential = session.get(CitizenCredential, citizen_id)
    progress = session.get(CourseProgress, citizen_id)
    answers = _rows(session, select(CourseAnswer).where(CourseAnswer.citizen_id == citizen_id)
                    .order_by(CourseAnswer.answered_at, CourseAnswer.id))
    items = _rows(session, select(WishItem).where(WishItem.citizen_id == citizen_id).order_by(WishItem.id))
    data: dict[str, Any] = {
        "made_by": "citizen" if by_citizen else "support_person",
        "profile": {"name": citizen.display_name, "number": citizen.internal_ref, "language": citizen.language,
                    "status": citizen.status, "status_reason": citizen.status_reason,
                    "budget_ore": citizen.budget_total_ore, "start": _iso(citizen.start_date),
                    "end": _iso(citizen.end_date), "needs_help_since": _iso(citizen.needs_help_since),
                    "programme": programme.name, "support_person": support.display_name,
                    "created": _iso(citizen.created_at), "mobile_for_sms": citizen.mobile,
                    "sms_yes_since": _iso(citizen.sms_consent_at)},
        "login": {"code_made": _iso(credential.issued_at) if credential else None,
                  "pin_chosen": bool(credential and credential.pin_hash),
                  "locked": bool(credential and credential.locked_at),
                  "remembered_phones": [{"since": _iso(d.created_at), "last_used": _iso(d.last_used_at),
                                         "until": _iso(d.expires_at)} for d in _rows(
                      session, select(RememberedDevice).where(RememberedDevice.citizen_id == citizen_id))]},
        "course": {"at_step": progress.current_step_id if progress else None,
                   "finished": _iso(progress.completed_at) if progress else None,
                   "wish_waiting_for_yes": progress.pending_wish if progress and by_citizen else None,
                   "answers": [{"step": a.step_id, "question": _question(a.step_id), "answer": a.value,
                                "skipped": a.skipped, "shared": a.shared, "when": _iso(a.answered_at)}
                               for a in answers if by_citizen or a.shared]},
        "goals": [{"id": g.id, "sub_goal_of": g.parent_id, "text": g.text, "topic": g.category,
                   "removed": _iso(g.removed_at), "created": _iso(g.created_at)}
                  for g in _rows(session, select(Goal).where(Goal.citizen_id == citizen_id).order_by(Goal.id))],
        "wishes": [{"id": i.id, "goal": i.goal_id, "title": i.title, "price_ore": i.price_ore,
                    "quantity": i.quantity, "shop": i.shop, "note": i.note, "status": i.status,
                    "approved_ore": i.approved_ore, "removed": _iso(i.removed_at), "created": _iso(i.created_at)}
                   for i in items],
        "plans_sent": _plans(session, citizen_id),
        "decisions": [{"wish": d.wish_item_id, "decision": d.decision, "reason": d.reason, "sent": _iso(d.published_at)}
                      for d in _rows(session, select(ItemDecision).join(WishItem, WishItem.id == ItemDecision.wish_item_id)
                                     .where(WishItem.citizen_id == citizen_id, ItemDecision.published_at.is_not(None))
                                     .order_by(ItemDecision.published_at, ItemDecision.id))],
        "payments": [{"wish": p.wish_item_id, "to": p.vendor, "amount_ore": p.amount_ore, "reference": p.reference,
                      "bought": _iso(p.purchase_date), "status": p.status, "asked": _iso(p.requested_at),
                      "answered": _iso(p.handled_at), "reason": p.reject_reason}
                     for p in _rows(session, select(PaymentRequest).where(PaymentRequest.citizen_id == citizen_id)
                                    .order_by(PaymentRequest.id))],
        "budget_events": [{"wish": e.wish_item_id, "kind": e.kind, "amount_ore": e.amount_ore, "when": _iso(e.created_at)}
                          for e in _rows(session, select(LedgerEntry).where(LedgerEntry.citizen_id == citizen_id)
                                         .order_by(LedgerEntry.id))],
        "check_ins": [{"phase": c.phase, "who5_raw": c.who5_raw, "own_rating": c.citizen_goal_rating,
                       "support_rating": c.support_goal_rating, "note": c.note, "when": _iso(c.created_at)}
                      for c in _rows(session, select(CheckIn).where(CheckIn.citizen_id == citizen_id)
                                     .order_by(CheckIn.created_at, CheckIn.id))],
        "goal_ratings": [{"goal": r.goal_id, "milestone": r.milestone, "by": r.rater, "rating": r.rating,
                          "note": r.note, "when": _iso(r.created_at)}
                         for r in _rows(session, select(GoalRating).where(GoalRating.citizen_id == citizen_id)
                                        .order_by(GoalRating.created_at, GoalRating.id))],
        "who5": [{"milestone": w.milestone, "skipped": w.skipped,
                  "answers": [w.item1, w.item2, w.item3, w.item4, w.item5], "when": _iso(w.created_at)}
                 for w in _rows(session, select(Who5Response).where(Who5Response.citizen_id == citizen_id)
                                .order_by(Who5Response.created_at, Who5Response.id))],
        # the status at start and end, with the substance-use answer (health data) and the yes it was given under
        "status": [{"moment": r.moment, "milestone": r.milestone, "housing": r.housing, "occupation": r.occupation,
                    "support": r.support.strip(",").split(",") if r.support else [], "hours_a_week": r.support_hours,
                    "substance_use": r.substance, "support_need": r.support_need, "when": _iso(r.created_at)}
                   for r in _rows(session, select(StatusRecord).where(StatusRecord.citizen_id == citizen_id)
                                  .order_by(StatusRecord.created_at, StatusRecord.id))],
        "consents": [{"purpose": c.purpose, "text_shown": c.text_shown, "language": c.language,
                      "given": _iso(c.given_at), "withdrawn": _iso(c.withdrawn_at)}
                     for c in _rows(session, select(Consent).where(Consent.citizen_id == citizen_id)
                                    .order_by(Consent.given_at, Consent.id))],
        "help_shown": [{"when": _iso(h.at), "how": h.source, "where": h.place, "shared_words": h.shared_words}
                       for h in _rows(session, select(HelpShown).where(HelpShown.citizen_id == citizen_id)
                                      .order_by(HelpShown.at, HelpShown.id))],
        "journal_notes": [{"text": n.text, "when": _iso(n.created_at)}
                          for n in _rows(session, select(SupportNote).where(SupportNote.citizen_id == citizen_id)
                                         .order_by(SupportNote.created_at, SupportNote.id))],
        "messages": [{"from": m.author_kind, "text": m.body, "about_wish": m.about_wish_id, "about_goal": m.about_goal_id,
                      "from_course_step": m.from_course_step, "when": _iso(m.created_at),
                      "read_by_you": _iso(m.read_by_citizen_at), "read_by_support_person": _iso(m.read_by_staff_at),
                      "deleted": _iso(m.deleted_at)}
                     for m in _rows(session, select(Message).where(Message.citizen_id == citizen_id)
                                    .order_by(Message.created_at, Message.id))],
        "workshops": [{"title": title, "joined": _iso(joined)} for title, joined in session.execute(
            select(Workshop.title, WorkshopParticipant.joined_at).join(Workshop)
            .where(WorkshopParticipant.citizen_id == citizen_id))],
        "conversation": [{"who": t.speaker, "step": t.step_id, "text": t.text, "when": _iso(t.created_at)}
                         for t in _rows(session, select(ChatTurn).where(ChatTurn.citizen_id == citizen_id)
                                        .order_by(ChatTurn.created_at, ChatTurn.id))] if by_citizen else [],
        "who_looked": [{"when": _iso(e.at), "role": e.actor_role, "action": e.action}
                       for e in _rows(session, select(AuditEvent).where(AuditEvent.citizen_id == citizen_id,
                                                                        AuditEvent.actor_type == "staff")
                                      .order_by(AuditEvent.at, AuditEvent.id))],
    }
    audit.record(session, actor, "export_personal_data", citizen_id=citizen_id,
                 detail="by=citizen" if by_citizen else "by=support_person")
    return data


def _question(step_id: str) -> str | None:
    """The question the answer was given to (a Danish msgid from the course files), if the step still exists."""
    course = load_course()
    return question_of(course.step(step_id)) if step_id in course.steps else None


def _plans(session: Session, citizen_id: int) -> list[dict[str, Any]]:
    plans = _rows(session, select(Submission).where(Submission.citizen_id == citizen_id).order_by(Submission.version))
    items = _rows(session, select(SubmissionItem).join(Submission).where(Submission.citizen_id == citizen_id)
                  .order_by(SubmissionItem.id))
    return [{"version": p.version, "sent": _iso(p.submitted_at), "answered": _iso(p.answered_at),
             "wishes": [{"wish": i.wish_item_id, "title": i.title, "price_ore": i.price_ore, "quantity": i.quantity,
                         "goal": i.goal_text, "shop": i.shop, "note": i.note}
                        for i in items if i.submission_id == p.id]} for p in plans]
