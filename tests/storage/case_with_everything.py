"""A citizen with data in every table that can hold some, each free text a marker ("MK-…") that can be searched
for: for the right-of-access file (everything must be in it) and for erasure (nothing may be left)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage import checkins, citizens, decisions, devices, notes, payments, plan, second_opinions, submissions
from storage import safety_signals, workshops
from storage.db import write_session
from storage.models import ChatTurn, CourseAnswer, DecisionKind, Submission, SubmissionItem, utcnow
from storage.statuses import CitizenStatus
from tests.storage.factories import World, citizen_of

MARKERS = ("MK-name", "MK-goal", "MK-sub", "MK-wish", "MK-shop", "MK-note", "MK-reason", "MK-question",
           "MK-advice", "MK-vendor", "MK-ref", "MK-reject", "MK-checkin", "MK-journal", "MK-answer", "MK-private",
           "MK-chat", "MK-status", "MK-help", "MK-message", "MK-rating")
# What the citizen's support person may not see in a file made on the citizen's behalf (not shared with them).
PRIVATE = ("MK-private", "MK-chat")
# Internal until sent: the question to the coordinator and its answer.
INTERNAL = ("MK-question", "MK-advice")


def build_case(engine, w: World) -> int:
    """Returns the citizen's id (a new citizen of w.support, with everything)."""
    with write_session(engine) as s:
        cid = citizens.create_citizen(s, actor=w.support, display_name="Ditte MK-name").citizen_id
    me = citizen_of(w, cid)
    with write_session(engine) as s:
        goal = plan.add_goal(s, actor=me, citizen_id=cid, text="Et hjem MK-goal", category="housing")
        sub = plan.add_goal(s, actor=me, citizen_id=cid, text="Depositum MK-sub", parent_id=goal)
        first = plan.add_item(s, actor=me, citizen_id=cid, title="Sofa MK-wish", price_ore=300_000, goal_id=sub,
                              shop="Genbrug MK-shop", note="Brugt MK-note")
        second = plan.add_item(s, actor=me, citizen_id=cid, title="Bord", price_ore=100_000, goal_id=sub)
        s.add_all([CourseAnswer(citizen_id=cid, step_id="now_good", value="Min hund MK-answer", shared=True),
                   CourseAnswer(citizen_id=cid, step_id="now_hard", value="Gæld MK-private", shared=False),
                   ChatTurn(citizen_id=cid, speaker="citizen", step_id="now_hard", text="Gæld MK-chat")])
        devices.remember(s, actor=me)
    with write_session(engine) as s:
        version = submissions.submit(s, actor=me, citizen_id=cid)
        sid = s.scalar(select(Submission.id).where(Submission.citizen_id == cid, Submission.version == version))
        sub_items = dict(s.execute(select(SubmissionItem.wish_item_id, SubmissionItem.id)
                                   .where(SubmissionItem.submission_id == sid)).all())
        second_opinions.ask(s, actor=w.support, wish_item_id=first, question="Er det ok? MK-question")
        decisions.record(s, actor=w.support, submission_item_id=sub_items[first], decision=DecisionKind.APPROVE,
                         reason=None)
        decisions.record(s, actor=w.support, submission_item_id=sub_items[second], decision=DecisionKind.DECLINE,
                         reason="Ikke nu MK-reason")
    with write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=sid)
        [opinion] = second_opinions.open_questions(s, actor=w.coordinator)
        second_opinions.answer(s, actor=w.coordinator, opinion_id=opinion.id, text="Ja MK-advice")
        pid = payments.request_payment(s, actor=w.support, wish_item_id=first, vendor="Møbler MK-vendor",
                                       amount_ore=100_000, reference="Ordre MK-ref", purchase_date=date.today())
        payments.reject(s, actor=w.finance, payment_id=pid, reason="Bilag mangler MK-reject")
        checkins.add_check_in(s, actor=w.support, citizen_id=cid, phase="start", who5_raw=12,
                              citizen_goal_rating=2, support_goal_rating=2, note="God start MK-checkin")
        notes.add(s, actor=w.support, citizen_id=cid, text="Samtale MK-journal")
        from storage import goal_ratings
        goal_ratings.rate(s, actor=me, citizen_id=cid, goal_id=goal, milestone="start", rating="on_the_way",
                          note="Jeg øver mig MK-rating")
        from storage import messages
        messages.write(s, actor=me, citizen_id=cid, text="Spørgsmål MK-message")
        workshop = workshops.create(s, actor=w.facilitator, title="Torsdag")
        workshops.join(s, actor=me, code=workshop.join_code)
        citizens.flag_needs_help(s, actor=me)
        shown = safety_signals.check_citizen_text(s, actor=me, text="Jeg vil ikke leve mere", where="course")
        safety_signals.share_words(s, actor=me, help_id=shown, words="Jeg vil ikke leve mere MK-help")
    with write_session(engine) as s:
        citizens.set_status(s, actor=w.support, citizen_id=cid, status=CitizenStatus.ENDED,
                            reason="Flyttet MK-status")
    return cid


__all__ = ["INTERNAL", "MARKERS", "PRIVATE", "build_case", "utcnow"]
