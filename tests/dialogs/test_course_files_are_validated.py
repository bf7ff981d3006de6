"""Course files are checked at load, and every error is reported with its step id."""
import pytest

from dialogs.engine import COURSE_DIR, CourseError, load_course, read_course_data
from dialogs.validate import validate_course

from .conftest import FIXTURES


def test_packaged_course_has_no_errors():
    assert validate_course(read_course_data(COURSE_DIR)) == []


def test_packaged_course_is_loaded_once():
    assert load_course() is load_course()


def test_validator_reports_every_error_with_its_step_id():
    errors = validate_course(read_course_data(FIXTURES / "broken_everything.toml"))
    expected = [
        "step 'dup': duplicate step id",
        "step 'no_default_here': missing default route",
        "step 'no_default_here': unknown key 'colour'",
        "step 'strange_kind': unknown kind 'poem'",
        "step 'pick_one': kind 'choice' needs options",
        "step 'start': unknown condition 'no_such_condition'",
        "step 'start': route goes to unknown step 'nowhere'",
        "step 'orphan_step': parent 'lonely' must be a goal step",
        "step 'orphan_step': {goal} needs a goal step among its parents",
        "step 'wrong_wish': parent 'pick_one' must be a goal or subgoal step",
        "step 'wrong_wish': unknown placeholder {price}",
        "step 'lonely': cannot be reached from the first step",
        "step 'loop_b': routes back to 'loop_a', making a loop",
    ]
    for error in expected:
        assert error in errors


def test_load_course_raises_with_all_errors_joined():
    with pytest.raises(CourseError) as caught:
        load_course(FIXTURES / "broken_everything.toml")
    assert len(caught.value.errors) >= 13
    assert "step 'dup': duplicate step id" in str(caught.value)
    assert "step 'lonely': cannot be reached" in str(caught.value)


def test_default_target_must_exist():
    data = {"modules": [{"id": "m", "title": "M", "steps": [
        {"id": "a", "kind": "text", "simple": "Enkelt.", "messages": ["A."], "default": "b"},
    ]}]}
    assert validate_course(data) == ["step 'a': default goes to unknown step 'b'"]


def test_kind_and_store_must_agree():
    data = {"modules": [{"id": "m", "title": "M", "steps": [
        {"id": "a", "kind": "text", "simple": "Enkelt.", "store": "goal", "messages": ["A."], "default": "end"},
    ]}]}
    assert validate_course(data) == ["step 'a': kind 'text' cannot store 'goal'"]


def test_rating_needs_a_range_and_messages_are_limited_to_three():
    data = {"modules": [{"id": "m", "title": "M", "steps": [
        {"id": "a", "kind": "rating", "simple": "Enkelt.", "messages": ["1.", "2.", "3.", "4."], "default": "end"},
    ]}]}
    assert validate_course(data) == [
        "step 'a': needs 1 to 3 messages",
        "step 'a': rating needs min and max",
    ]


@pytest.mark.parametrize("data", [None, {}, {"modules": []}, {"modules": ["x"]}, {"modules": [{"id": 1}]}])
def test_malformed_data_gives_errors_not_exceptions(data):
    assert validate_course(data)


def test_files_in_a_folder_load_in_name_order(fixture_course):
    course = fixture_course("two_files")
    assert [m.id for m in course.modules] == ["first", "second"]
    assert course.first_step_id == "start"


def test_broken_toml_names_the_file(tmp_path):
    (tmp_path / "01_bad.toml").write_text("[[modules]\nid = ", encoding="utf-8")
    with pytest.raises(CourseError, match="01_bad.toml"):
        load_course(tmp_path)


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(CourseError, match="no course files"):
        load_course(tmp_path)


def _choice_step(**option) -> dict:
    return {"modules": [{"id": "m", "title": "M", "steps": [
        {"id": "a", "kind": "choice", "simple": "Enkelt.", "messages": ["A?"], "default": "end",
         "options": [{"value": "yes", "label": "Ja", **option}]},
    ]}]}


def test_an_option_may_carry_a_known_pictogram():
    assert validate_course(_choice_step(icon="thumb_up")) == []


def test_an_unknown_pictogram_or_option_key_is_reported():
    assert validate_course(_choice_step(icon="thumbs_upp")) == [
        "step 'a': option 'yes': unknown icon 'thumbs_upp' (dialogs/icons.py lists the known ones)"]
    assert validate_course(_choice_step(picture="x.png")) == ["step 'a': option 'yes' has unknown keys ['picture']"]
