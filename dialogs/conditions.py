"""Routing conditions: named predicates over the answers so far, all registered here.

A course file names them in `next = [{ when = "…", goto = "…" }]`. Each predicate gets the
answers (step id -> stored value) and returns a bool. A skipped or missing answer never makes a
predicate true, so a skipped step follows its default route: defaults are the shorter way.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from dialogs.model import is_skipped

Answers = Mapping[str, object]
Condition = Callable[[Answers], bool]


def _said_yes(step_id: str) -> Condition:
    return lambda answers: answers.get(step_id) is True


def _chose(step_id: str, *values: str) -> Condition:
    return lambda answers: answers.get(step_id) in values


def _answered(step_id: str) -> Condition:
    return lambda answers: step_id in answers and not is_skipped(answers[step_id])


CONDITIONS: Mapping[str, Condition] = MappingProxyType({
    # welcome: the citizen has a question about the budget
    "has_budget_question": _chose("welcome_budget", "question"),
    # where you are now: ask more about housing only when it is not fine
    "housing_needs_follow_up": _chose("now_housing", "unsure", "none"),
    # goals: one more goal?
    "wants_second_goal": _said_yes("goal_more_1"),
    "wants_third_goal": _said_yes("goal_more_2"),
    # first steps and wishes are asked for each goal the citizen wrote
    "has_goal_1": _answered("goal_1"),
    "has_goal_2": _answered("goal_2"),
    "has_goal_3": _answered("goal_3"),
    # wishes: one more thing that would help with this goal?
    "wants_more_help_1": _said_yes("wish_more_1"),
    "wants_more_help_2": _said_yes("wish_more_2"),
    "wants_more_help_3": _said_yes("wish_more_3"),
    # summary: the citizen wants to change something
    "wants_changes": _chose("summary_check", "change"),
})
