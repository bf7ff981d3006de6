"""Course answers are saved before the guide moves on, feed the draft plan, and survive a restart."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dialogs import engine as course_engine
from storage import course, plan_view
from storage.db import write_session
from storage.errors import AccessDenied, DomainError
from storage.models import CourseAnswer, Goal, WishItem
from tests.storage.factories import build_world, citizen_of

CANNED = {
    "text": "Jeg har det okay",
    "rating": 3,
    "yesno": False,
    "amount": "2.000 kr.",
    "goal": {"text": "At få et job", "category": "education_job"},
    "subgoal": {"text": "Tage kørekort"},
    "wish": "Køreskole til ca. 12.000 kr.",
}


def canned(step):
    if step.kind in ("choice",):
        return step.options[0].value
    if step.kind == "choices":
        return [step.options[0].value]
    return CANNED[step.kind]


def answer_until(engine, me, stop_at: str | None = None, overrides: dict | None = None):
    overrides = overrides or {}
    with write_session(engine) as s:
        state = course.load_state(s, actor=me, citizen_id=me.id)
    steps = course_engine.load_course().steps
    while state.current_step_id is not None and state.current_step_id != stop_at:
        step = steps[state.current_step_id]
        with write_session(engine) as s:
            state = course.answer(s, actor=me, step_id=step.id, raw=overrides.get(step.id, canned(step)))
        if state.pending is not None:  # a wish from free text is read back first: "Ja"
            with write_session(engine) as s:
                state = course.confirm_wish(s, actor=me, step_id=step.id)
    return state


def test_first_visit_starts_at_the_first_step(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        state = course.load_state(s, actor=citizen_of(w), citizen_id=w.citizen_id)
    assert state.current_step_id == course_engine.load_course().first_step_id
    assert state.answers == {}


def test_each_answer_is_stored_and_the_place_survives_a_server_restart(engine, reopen):
    w = build_world(engine)
    me = citizen_of(w)
    state = answer_until(engine, me, stop_at="now_mood")
    assert state.current_step_id == "now_mood"
    # A "restart": a brand-new engine (new pool, new process state) on the same database.
    fresh = reopen()
    try:
        with write_session(fresh) as s:
            again = course.load_state(s, actor=me, citizen_id=me.id)
    finally:
        fresh.dispose()
    assert again.current_step_id == "now_mood"
    assert again.answers["now_good"] == "Jeg har det okay"


def test_whole_course_builds_draft_goals_sub_goals_and_wish_items(engine):
    w = build_world(engine)
    me = citizen_of(w)
    state = answer_until(engine, me)
    assert state.finished
    with write_session(engine) as s:
        view = plan_view.get_plan(s, actor=me, citizen_id=me.id)
    [goal] = view.goals
    assert (goal.text, goal.category) == ("At få et job", "education_job")
    [sub] = goal.sub_goals
    assert sub.text == "Tage kørekort"
    [item] = sub.items
    assert (item.title, item.price_ore, item.status) == ("Køreskole", 1_200_000, "draft")


def test_changing_an_answer_updates_the_same_draft_instead_of_adding_one(engine):
    w = build_world(engine)
    me = citizen_of(w)
    answer_until(engine, me)
    with write_session(engine) as s:
        course.go_to(s, actor=me, step_id="goal_1")
    with write_session(engine) as s:
        state = course.answer(s, actor=me, step_id="goal_1", raw={"text": "Et job i et køkken",
                                                                   "category": "education_job"})
    assert state.finished  # everything after it was already answered
    with write_session(engine) as s:
        texts = list(s.scalars(select(Goal.text).where(Goal.citizen_id == me.id, Goal.parent_id.is_(None))))
    assert texts == ["Et job i et køkken"]


def test_back_keeps_the_answer_and_continues_where_it_was(engine):
    w = build_world(engine)
    me = citizen_of(w)
    answer_until(engine, me, stop_at="now_hard")
    with write_session(engine) as s:
        state = course.go_back(s, actor=me)
    assert state.current_step_id == "now_good" and state.answers["now_good"] == "Jeg har det okay"
    with write_session(engine) as s:
        state = course.answer(s, actor=me, step_id="now_good", raw="Bedre i dag")
    assert state.current_step_id == "now_hard"


def test_skipping_is_remembered_and_can_be_answered_later(engine):
    w = build_world(engine)
    me = citizen_of(w)
    answer_until(engine, me, stop_at="now_good")
    with write_session(engine) as s:
        state = course.skip(s, actor=me, step_id="now_good")
    assert state.current_step_id == "now_hard"
    assert course_engine.is_skipped(state.answers["now_good"])
    assert state.last_words["now_good"] == course.SKIP_TEXT


def test_housing_follow_up_is_skipped_when_housing_is_fine(engine):
    w = build_world(engine)
    me = citizen_of(w)
    state = answer_until(engine, me, stop_at="matters_most", overrides={"now_housing": "fine"})
    assert "now_housing_more" not in state.path


def test_invalid_answer_is_refused_and_nothing_is_saved(engine):
    w = build_world(engine)
    me = citizen_of(w)
    answer_until(engine, me, stop_at="now_mood")
    with write_session(engine) as s:
        before = s.scalar(select(func.count()).select_from(CourseAnswer))
    with pytest.raises(DomainError) as err, write_session(engine) as s:
        course.answer(s, actor=me, step_id="now_mood", raw="meget")
    assert err.value.message
    with write_session(engine) as s:
        assert s.scalar(select(func.count()).select_from(CourseAnswer)) == before


def test_unclear_wish_price_keeps_the_wish_without_a_silent_guess(engine):
    w = build_world(engine)
    me = citizen_of(w)
    answer_until(engine, me, overrides={"wish_1": "En cykel"})
    with write_session(engine) as s:
        item = s.scalar(select(WishItem).where(WishItem.citizen_id == me.id))
    assert (item.title, item.price_ore) == ("En cykel", None)


def test_support_person_sees_only_shared_answers_and_the_read_is_audited(engine):
    w = build_world(engine)
    me = citizen_of(w)
    answer_until(engine, me, stop_at="now_mood")
    with write_session(engine) as s:
        course.set_shared(s, actor=me, step_id="now_hard", shared=False)
    with write_session(engine) as s:
        shared = {a.step_id for a in course.shared_answers(s, actor=w.support, citizen_id=me.id)}
    assert "now_hard" not in shared and "now_good" in shared
    with pytest.raises(AccessDenied), write_session(engine) as s:
        course.shared_answers(s, actor=w.other_support, citizen_id=me.id)
    with pytest.raises(AccessDenied), write_session(engine) as s:
        course.shared_answers(s, actor=w.finance, citizen_id=me.id)
