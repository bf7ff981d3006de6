"""Turns to finish: walk the course as a citizen who answers briefly, counting what they must send or tap.

Used by tests/dialogs/test_course_is_short.py and scripts/course_turns.py (which also measures an older course
from git). Pure: no Streamlit, no database.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dialogs import engine, facts
from dialogs.model import Course

BRIEF = {
    "text": "lidt",
    "goal": {"text": "Jeg vil have et job.", "category": "education_job"},
    "subgoal": {"text": "Ringe til jobcentret"},
    "wish": {"title": "En cykel", "price_ore": 200_000},
    "amount": 200_000,
    "rating": 3,
}


@dataclass(frozen=True)
class Walk:
    turns: int            # answers the citizen sends or taps
    guide_messages: int   # guide lines shown on the way
    steps: tuple[str, ...]


def walk(course: Course, *, housing: str = "fine", goals: int = 1, said: Mapping[str, str] | None = None,
         use_facts: bool = True) -> Walk:
    """`housing`: the housing choice; `goals`: how many goals (each gets a first step and one wish);
    `said`: free-text answers by step id (e.g. housing told in passing at now_hard)."""
    said = dict(said or {})
    answers: dict[str, object] = {}
    steps: list[str] = []
    step_id: str | None = course.first_step_id
    goals_written = 0
    while step_id is not None:
        step = course.step(step_id)
        steps.append(step_id)
        if step_id in said:
            value: object = said[step_id]
        elif step.kind == "choice":
            values = [o.value for o in step.options]
            value = housing if housing in values else values[0]
        elif step.kind == "choices":
            value = [step.options[0].value]
        elif step.kind == "yesno":
            value = step.id.startswith("goal_more") and goals_written < goals
        else:
            value = BRIEF[step.kind]
        goals_written += step.kind == "goal"
        answers[step_id] = value
        if use_facts:
            for known in facts.prefill(answers, steps=course.steps):
                if known.from_step == step_id:
                    answers[known.step_id] = known.value
        step_id = engine.next_open_step_id(course, step_id, answers)
    return Walk(len(steps), sum(len(course.step(s).messages) for s in steps), tuple(steps))
