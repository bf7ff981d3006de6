"""Every step has a second, simpler wording for "hvad mener du?" (LIX <= 20), and free-text steps have two or
three examples for "ved ikke"; the validator refuses a step without `simple` and examples on a tap step."""
from __future__ import annotations

import pytest

from dialogs.engine import load_course
from dialogs.lix import lix, lix_total
from dialogs.validate import validate_course

COURSE = load_course()
FREE_TEXT = {"text", "goal", "subgoal", "wish"}


@pytest.mark.parametrize("step_id", sorted(COURSE.steps))
def test_the_simpler_wording_is_very_easy_to_read(step_id):
    step = COURSE.step(step_id)
    assert step.simple and lix(step.simple) <= 20, (step.simple, lix(step.simple or ""))
    assert step.simple not in step.messages


def test_free_text_steps_have_two_or_three_examples():
    for step in COURSE.steps.values():
        if step.kind in FREE_TEXT:
            assert 2 <= len(step.examples) <= 3, step.id
    assert lix_total([e for s in COURSE.steps.values() for e in s.examples]) <= 25


def _one_step(**extra):
    return {"modules": [{"id": "m", "title": "M", "steps": [
        {"id": "a", "kind": "choice", "messages": ["A?"], "options": [{"value": "x", "label": "X"}],
         "default": "end", **extra}]}]}


def test_the_validator_wants_a_simpler_wording_and_no_examples_on_buttons():
    assert validate_course(_one_step()) == ["step 'a': needs 'simple': the question again in simpler words"]
    assert validate_course(_one_step(simple="Vælg.")) == []
    assert validate_course(_one_step(simple="Vælg.", examples=["X"])) == [
        "step 'a': kind 'choice' takes no examples (the citizen answers with a tap)"]
    assert validate_course(_one_step(simple="Vælg {nothing}.")) == ["step 'a': unknown placeholder {nothing}"]
