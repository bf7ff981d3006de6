"""The closing conversation at the end of the programme: what changed, what comes next.

Its content is data (dialogs/closing/*.toml), walked by the course's pure engine. Every answer is saved the
moment it is given, as a course answer row whose step id starts with "closing_" (the course leaves such rows
out, the citizen's data file and erasure already cover the table). It opens in the programme's last month or
once the programme has ended, so a citizen can say goodbye also after the end.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs import engine
from dialogs.model import SKIPPED, Course, Step
from storage import audit
from storage.access import Action, Actor, Resource, authorize
from storage.errors import N_, DomainError, NotFound
from storage.models import Citizen, CourseAnswer
from storage.statuses import CitizenStatus

CLOSING_DIR = Path(engine.__file__).parent / "closing"
OPENS_DAYS_BEFORE_END = 31   # the programme's last month
MSG_NOT_OPEN = N_("Du kan tale om slutningen, når der er en måned tilbage.")


@functools.cache
def closing_course() -> Course:
    return engine.load_course(CLOSING_DIR)


def is_open(status: str, end_date: date, today: date) -> bool:
    """The conversation is offered in the last month and after the end."""
    return status == CitizenStatus.ENDED.value or today >= end_date - timedelta(days=OPENS_DAYS_BEFORE_END)


@dataclass(frozen=True)
class ClosingState:
    step: Step | None                   # the step to show (None: finished)
    number: int                         # 1-based place on the route
    count: int                          # steps on the route
    answers: dict[str, Any]             # step id -> value or SKIPPED


def _answers(session: Session, citizen_id: int) -> dict[str, Any]:
    steps = closing_course().steps
    return {r.step_id: (SKIPPED if r.skipped else r.value) for r in session.scalars(
        select(CourseAnswer).where(CourseAnswer.citizen_id == citizen_id, CourseAnswer.step_id.like("closing_%")))
        if r.step_id in steps}


def _state(answers: dict[str, Any]) -> ClosingState:
    course = closing_course()
    path = engine.routing_path(course, answers)
    current = engine.current_step_id(course, answers)
    number = path.index(current) + 1 if current in path else len(path)
    return ClosingState(course.step(current) if current else None, number, len(path), answers)


def load(session: Session, *, actor: Actor, citizen_id: int) -> ClosingState:
    authorize(session, actor, citizen_id, Resource.COURSE, Action.READ)
    audit.record_staff(session, actor, "read_closing", citizen_id=citizen_id)
    return _state(_answers(session, citizen_id))


def _save(session: Session, citizen_id: int, step_id: str, value: Any, skipped: bool) -> None:
    row = session.scalar(select(CourseAnswer).where(CourseAnswer.citizen_id == citizen_id,
                                                    CourseAnswer.step_id == step_id))
    if row is None:
        row = CourseAnswer(citizen_id=citizen_id, step_id=step_id, shared=True)
        session.add(row)
    row.value, row.skipped = (None, True) if skipped else (value, False)
    session.flush()


def _open_step(session: Session, actor: Actor, citizen_id: int, step_id: str, today: date) -> Step:
    citizen: Citizen = authorize(session, actor, citizen_id, Resource.COURSE, Action.WRITE)
    if step_id not in closing_course().steps:
        raise NotFound()
    if not is_open(citizen.status, citizen.end_date, today):
        raise DomainError(MSG_NOT_OPEN)
    return closing_course().step(step_id)


def answer(session: Session, *, actor: Actor, citizen_id: int, step_id: str, raw: object,
           today: date) -> ClosingState:
    """Save one answer at once (a wrong one changes nothing) and return where the conversation goes next."""
    step = _open_step(session, actor, citizen_id, step_id, today)
    result = engine.validate_answer(step, raw)
    if not result.ok:
        raise DomainError(result.error_msgid, **dict(result.error_params))
    _save(session, citizen_id, step_id, result.value, skipped=False)
    return _state(_answers(session, citizen_id))


def skip(session: Session, *, actor: Actor, citizen_id: int, step_id: str, today: date) -> ClosingState:
    _open_step(session, actor, citizen_id, step_id, today)
    _save(session, citizen_id, step_id, None, skipped=True)
    return _state(_answers(session, citizen_id))
