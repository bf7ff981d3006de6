"""The engine walks a course: next, previous, where to continue, and "Trin x af y"."""
from dialogs.engine import (
    Progress, current_step_id, next_step_id, previous_step_id, progress, routing_path,
)


def test_next_step_follows_default_and_ends_with_none(fixture_course):
    course = fixture_course("linear")
    assert next_step_id(course, "hello", {}) == "name_thing"
    assert next_step_id(course, "mood", {}) is None


def test_routing_path_lists_every_step_to_the_end(fixture_course):
    assert routing_path(fixture_course("linear"), {}) == ("hello", "name_thing", "mood")


def test_previous_step_goes_back_along_the_route(fixture_course):
    course = fixture_course("linear")
    assert previous_step_id(course, "mood", {}) == "name_thing"
    assert previous_step_id(course, "hello", {}) is None


def test_previous_step_of_a_step_off_the_route_is_none(fixture_course):
    course = fixture_course("housing_branch")
    assert previous_step_id(course, "now_housing_more", {"now_housing": "fine"}) is None
    assert previous_step_id(course, "now_mood", {"now_housing": "none"}) == "now_housing_better"


def test_citizen_continues_at_the_first_unanswered_step(fixture_course):
    course = fixture_course("linear")
    assert current_step_id(course, {}) == "hello"
    assert current_step_id(course, {"hello": "ok"}) == "name_thing"
    assert current_step_id(course, {"hello": "ok", "name_thing": "x", "mood": 3}) is None


def test_progress_counts_modules(fixture_course):
    course = fixture_course("linear")
    assert progress(course, "name_thing") == Progress("first", 1, 2, "Første")
    assert progress(course, "mood") == Progress("second", 2, 2, "Anden")
