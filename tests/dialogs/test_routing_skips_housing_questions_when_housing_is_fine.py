"""Housing follow-up questions are asked only when housing is not fine, or not at all if skipped."""
import pytest

from dialogs.engine import SKIPPED, load_course, next_step_id, routing_path


def test_fine_housing_goes_straight_on(fixture_course):
    course = fixture_course("housing_branch")
    assert next_step_id(course, "now_housing", {"now_housing": "fine"}) == "now_mood"
    assert routing_path(course, {"now_housing": "fine"}) == ("now_housing", "now_mood")


@pytest.mark.parametrize("answer", ["unsure", "none"])
def test_uncertain_housing_asks_follow_up_questions(fixture_course, answer):
    course = fixture_course("housing_branch")
    assert routing_path(course, {"now_housing": answer}) == (
        "now_housing", "now_housing_more", "now_housing_better", "now_mood",
    )


def test_skipped_housing_question_takes_the_default_route(fixture_course):
    course = fixture_course("housing_branch")
    assert next_step_id(course, "now_housing", {"now_housing": SKIPPED}) == "now_mood"


def test_real_course_skips_housing_follow_up_when_housing_is_fine():
    course = load_course()
    fine = routing_path(course, {"now_housing": "fine"})
    unsure = routing_path(course, {"now_housing": "unsure"})
    assert "now_housing_more" not in fine and "now_housing_better" not in fine
    assert {"now_housing_more", "now_housing_better"} <= set(unsure)
