"""Sub-goals and wishes belong to a goal; their messages show the citizen's own goal."""
from dialogs.engine import SKIPPED, goal_step_id, routing_path, step_params
from dialogs.validate import PLACEHOLDERS

GOAL = {"text": "Få et job", "category": "education_job"}


def test_wish_belongs_to_the_goal_through_its_sub_goal(fixture_course):
    course = fixture_course("goal_chain")
    assert goal_step_id(course, "wish_1") == "goal_1"
    assert goal_step_id(course, "subgoal_1") == "goal_1"
    assert goal_step_id(course, "goal_1") == "goal_1"


def test_messages_get_the_goal_and_sub_goal_text(fixture_course):
    course = fixture_course("goal_chain")
    answers = {"goal_1": GOAL, "subgoal_1": {"text": "Tage kørekort"}}
    params = step_params(course, "wish_1", answers)
    assert params == {"goal": "Få et job", "subgoal": "Tage kørekort", "budget": "", "months": "", "housing_now": ""}
    assert course.step("wish_1").messages[0].format(**params) == (
        "Skridtet: Tage kørekort. Målet: Få et job. Hvad kan hjælpe?"
    )


def test_skipped_sub_goal_leaves_its_placeholder_empty(fixture_course):
    course = fixture_course("goal_chain")
    params = step_params(course, "wish_1", {"goal_1": GOAL, "subgoal_1": SKIPPED})
    assert params == {"goal": "Få et job", "subgoal": "", "budget": "", "months": "", "housing_now": ""}


def test_budget_and_period_come_from_the_ui(fixture_course):
    course = fixture_course("goal_chain")
    params = step_params(course, "goal_1", {}, budget="50.000 kr.", months="15")
    assert params == {"goal": "", "subgoal": "", "budget": "50.000 kr.", "months": "15", "housing_now": ""}


def test_skipped_goal_skips_its_sub_goal_and_wish(fixture_course):
    course = fixture_course("goal_chain")
    assert routing_path(course, {"goal_1": SKIPPED}) == ("goal_1",)
    assert routing_path(course, {"goal_1": GOAL}) == ("goal_1", "subgoal_1", "wish_1")


def test_steps_say_where_their_answers_go(fixture_course):
    course = fixture_course("goal_chain")
    assert [course.step(s).store for s in ("goal_1", "subgoal_1", "wish_1")] == ["goal", "subgoal", "wish"]
    assert course.step("wish_1").parent == "subgoal_1"


def test_engine_fills_every_placeholder_the_validator_allows(fixture_course):
    assert set(step_params(fixture_course("goal_chain"), "wish_1", {})) == PLACEHOLDERS
