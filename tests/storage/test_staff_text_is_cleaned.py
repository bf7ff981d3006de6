"""What staff type is cleaned like what citizens type (issue 13): NUL, control characters and over-long text
get a friendly message on both databases, never a DataError and never a stored control character."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dialogs.text import MSG_BAD_CHARACTERS, MSG_TOO_LONG
from storage import checkins, citizens, notes, plan, programmes, second_opinions, workshops
from storage.db import write_session
from storage.errors import DomainError
from storage.models import AuditEvent, Citizen, Goal, StaffRole
from tests.storage.factories import build_world, citizen_of, plan_with_items

BAD = {"nul": ("Karin\x00", MSG_BAD_CHARACTERS), "escape": ("Karin\x1b[31m", MSG_BAD_CHARACTERS),
       "bell": ("Ka\x07rin", MSG_BAD_CHARACTERS), "too_long": ("K" * 5001, MSG_TOO_LONG)}


def _actions(w, item_id):
    """(name, work(session, text)) for every staff-entered field."""
    return {
        "programme name": lambda s, t: programmes.create_programme(s, name=t, default_budget_ore=100_000),
        "programme rename": lambda s, t: programmes.update_programme(s, actor=w.coordinator, name=t,
                                                                     default_budget_ore=100_000, period_months=12,
                                                                     answer_working_days=5),
        "staff username": lambda s, t: programmes.create_staff(s, programme_id=w.programme_id, username=t,
                                                               display_name="Ny", role=StaffRole.SUPPORT,
                                                               password="en-lang-adgangskode"),
        "staff name": lambda s, t: programmes.create_staff(s, programme_id=w.programme_id, username="ny",
                                                           display_name=t, role=StaffRole.SUPPORT,
                                                           password="en-lang-adgangskode"),
        "citizen name": lambda s, t: citizens.create_citizen(s, actor=w.support, display_name=t),
        "end reason": lambda s, t: citizens.set_status(s, actor=w.support, citizen_id=w.citizen_id,
                                                       status=citizens.CitizenStatus.PAUSED, reason=t),
        "journal note": lambda s, t: notes.add(s, actor=w.support, citizen_id=w.citizen_id, text=t),
        "check-in note": lambda s, t: checkins.add_check_in(s, actor=w.support, citizen_id=w.citizen_id,
                                                            phase="start", note=t),
        "question": lambda s, t: second_opinions.ask(s, actor=w.support, wish_item_id=item_id, question=t),
        "workshop title": lambda s, t: workshops.create(s, actor=w.facilitator, title=t),
    }


def test_control_characters_and_overlong_staff_text_are_refused_kindly(engine):
    """Every field, every kind of bad text, in one world: each refusal says what to do and stores nothing."""
    w = build_world(engine)
    _goal, [item_id] = plan_with_items(engine, citizen_of(w), [100_000])
    with write_session(engine) as s:
        events = s.scalar(select(func.count()).select_from(AuditEvent))
    wrong = []
    for field, work in _actions(w, item_id).items():
        for bad, (text, message) in BAD.items():
            try:
                with write_session(engine) as s:
                    work(s, text)
            except DomainError as refused:
                if refused.message != message:
                    wrong.append((field, bad, refused.message))
            else:
                wrong.append((field, bad, "stored"))
    assert wrong == []
    with write_session(engine) as s:  # nothing was stored: every transaction rolled back
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == events
        assert s.scalar(select(func.count()).select_from(Citizen)) == 3


def test_a_goal_topic_must_be_one_of_the_programmes(engine):
    w = build_world(engine)
    me = citizen_of(w)
    for category in ("no_such_topic", "x\x00", "k" * 500):
        with pytest.raises(DomainError), write_session(engine) as s:
            plan.add_goal(s, actor=me, citizen_id=me.id, text="Et job", category=category)
    with write_session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Goal)) == 0
