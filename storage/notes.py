"""The support person's dated journal notes about a citizen (notatpligt). Shown as plain text only."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs import limits
from dialogs.text import clean_text
from storage import audit
from storage.access import Action, Actor, Resource, authorize
from storage.errors import N_
from storage.models import StaffUser, SupportNote


@dataclass(frozen=True)
class NoteView:
    id: int
    author: str
    text: str
    created_at: datetime


def add(session: Session, *, actor: Actor, citizen_id: int, text: str) -> int:
    authorize(session, actor, citizen_id, Resource.NOTE, Action.WRITE)
    text = clean_text(text, limit=limits.JOURNAL_NOTE, required=True, empty_message=N_("Skriv et notat."))
    note = SupportNote(citizen_id=citizen_id, author_id=actor.id, text=text)
    session.add(note)
    session.flush()
    audit.record(session, actor, "add_note", citizen_id=citizen_id, object_type="note", object_id=note.id)
    return note.id


def list_notes(session: Session, *, actor: Actor, citizen_id: int) -> list[NoteView]:
    authorize(session, actor, citizen_id, Resource.NOTE, Action.READ)
    audit.record(session, actor, "read_notes", citizen_id=citizen_id)
    rows = session.execute(select(SupportNote, StaffUser.display_name).join(StaffUser)
                           .where(SupportNote.citizen_id == citizen_id)
                           .order_by(SupportNote.created_at.desc(), SupportNote.id.desc()))
    return [NoteView(n.id, author, n.text, n.created_at) for n, author in rows]
