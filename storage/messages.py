"""Questions a citizen asks their support person from the course.

A minimal stand-in (branch `listen`): the question is kept as a chat turn under "?<step id>" for the citizen
and audited. The messages thread (the support person's overview, their reply, the citizen's home page) replaces
this module; its `ask_from_course` keeps this signature.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from storage import audit
from storage.access import Action, Actor, Resource, authorize
from storage.models import ChatTurn

QUESTION = "?"  # step id prefix of a question chat turn


def ask_from_course(session: Session, *, actor: Actor, text: str, step_id: str | None) -> int:
    """Pass the citizen's question on to their support person; returns the kept turn's id."""
    authorize(session, actor, actor.id, Resource.COURSE, Action.WRITE)
    turn = ChatTurn(citizen_id=actor.id, speaker="citizen", step_id=QUESTION + (step_id or ""), text=text[:2000])
    session.add(turn)
    session.flush()
    audit.record(session, actor, "ask_support_person", citizen_id=actor.id, object_type="chat_turn",
                 object_id=turn.id)
    return turn.id
