"""'Spørg koordinator': a second opinion on a hard call. The coordinator answers; the support person decides."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs import limits
from dialogs.text import clean_text
from storage import audit, notifications
from storage.access import Action, Actor, Resource, authorize, require_role
from storage.errors import N_, DomainError, NotFound
from storage.models import Citizen, SecondOpinion, StaffRole, WishItem, utcnow


@dataclass(frozen=True)
class OpinionView:
    id: int
    wish_item_id: int
    citizen_id: int
    citizen_ref: str
    item_title: str
    item_total_ore: int | None
    question: str
    asked_at: datetime
    answer: str | None
    answered_at: datetime | None


def ask(session: Session, *, actor: Actor, wish_item_id: int, question: str) -> int:
    item = session.get(WishItem, wish_item_id)
    if item is None:
        raise NotFound()
    require_role(actor, StaffRole.SUPPORT)
    authorize(session, actor, item.citizen_id, Resource.SECOND_OPINION, Action.WRITE)
    question = clean_text(question, limit=limits.NOTE, required=True,
                          empty_message=N_("Skriv dit spørgsmål til koordinatoren."))
    opinion = SecondOpinion(wish_item_id=item.id, asked_by_id=actor.id, question=question)
    session.add(opinion)
    session.flush()
    audit.record(session, actor, "ask_second_opinion", citizen_id=item.citizen_id, object_type="wish_item",
                 object_id=item.id)
    notifications.second_opinion_asked(session, item.citizen_id)
    return opinion.id


def _views(session: Session, query) -> list[OpinionView]:
    rows = session.execute(query.join(WishItem, WishItem.id == SecondOpinion.wish_item_id)
                           .join(Citizen, Citizen.id == WishItem.citizen_id)
                           .add_columns(WishItem.citizen_id, Citizen.internal_ref, WishItem.title,
                                        WishItem.price_ore, WishItem.quantity)
                           .order_by(SecondOpinion.asked_at))
    return [OpinionView(o.id, o.wish_item_id, cid, ref, title, None if price is None else price * qty, o.question,
                        o.asked_at, o.answer, o.answered_at) for o, cid, ref, title, price, qty in rows]


def open_questions(session: Session, *, actor: Actor) -> list[OpinionView]:
    """The coordinator's list: unanswered questions from their programme."""
    require_role(actor, StaffRole.COORDINATOR)
    views = _views(session, select(SecondOpinion).where(SecondOpinion.answer.is_(None))
                   .where(Citizen.programme_id == actor.programme_id))
    audit.record_reads(session, actor, "list_second_opinions", (v.citizen_id for v in views),
                       detail=f"count={len(views)}")
    return views


def answered_questions(session: Session, *, actor: Actor, limit: int = 50) -> list[OpinionView]:
    """The coordinator's history: the programme's answered questions, newest answer first."""
    require_role(actor, StaffRole.COORDINATOR)
    views = _views(session, select(SecondOpinion).where(SecondOpinion.answer.is_not(None))
                   .where(Citizen.programme_id == actor.programme_id)
                   .order_by(SecondOpinion.answered_at.desc(), SecondOpinion.id.desc()).limit(limit))
    audit.record_reads(session, actor, "list_answered_second_opinions", (v.citizen_id for v in views),
                       detail=f"count={len(views)}")
    return views


def for_citizen(session: Session, *, actor: Actor, citizen_id: int) -> list[OpinionView]:
    authorize(session, actor, citizen_id, Resource.SECOND_OPINION, Action.READ)
    audit.record_staff(session, actor, "read_second_opinions", citizen_id=citizen_id)
    return _views(session, select(SecondOpinion).where(WishItem.citizen_id == citizen_id))


def answer(session: Session, *, actor: Actor, opinion_id: int, text: str) -> None:
    require_role(actor, StaffRole.COORDINATOR)
    opinion = session.get(SecondOpinion, opinion_id)
    if opinion is None:
        raise NotFound()
    item = session.get_one(WishItem, opinion.wish_item_id)
    authorize(session, actor, item.citizen_id, Resource.SECOND_OPINION, Action.WRITE)
    if opinion.answer is not None:
        raise DomainError(N_("Spørgsmålet er allerede besvaret."))
    opinion.answer = clean_text(text, limit=limits.NOTE, required=True, empty_message=N_("Skriv dit svar."))
    opinion.answered_by_id, opinion.answered_at = actor.id, utcnow()
    audit.record(session, actor, "answer_second_opinion", citizen_id=item.citizen_id, object_type="wish_item",
                 object_id=item.id)
    notifications.second_opinion_answered(session, opinion.asked_by_id, item.citizen_id)
