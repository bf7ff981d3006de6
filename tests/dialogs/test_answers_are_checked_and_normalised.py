"""Each answer kind is checked and stored as a small JSON-ready value, with Danish error messages."""
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dialogs import answers as msg
from dialogs.engine import validate_answer
from dialogs.amounts import MSG_AMBIGUOUS, MSG_EITHER


@pytest.fixture
def kinds(fixture_course):
    return fixture_course("all_kinds")


def check(course, step_id, raw, **kwargs):
    return validate_answer(course.step(step_id), raw, **kwargs)


def test_text_is_stripped(kinds):
    assert check(kinds, "a_text", "  hej  ").value == "hej"


@pytest.mark.parametrize("raw", ["", "   ", None, 42, "__skipped__"])
def test_empty_text_asks_for_an_answer_or_a_skip(kinds, raw):
    result = check(kinds, "a_text", raw)
    assert not result.ok and result.error_msgid == msg.MSG_EMPTY


def test_too_long_text_says_how_long_it_may_be(kinds):
    result = check(kinds, "a_text", "x" * 21)
    assert (result.error_msgid, result.error_params) == (msg.MSG_TOO_LONG, {"max_length": 20})


def test_control_characters_are_refused_but_emoji_and_rtl_text_are_fine(kinds):
    assert check(kinds, "a_text", "hej\x00du").error_msgid == msg.MSG_BAD_CHARACTERS
    assert check(kinds, "a_text", "hej\x1bdu").error_msgid == msg.MSG_BAD_CHARACTERS
    assert check(kinds, "a_text", "glad 😊👍🏽").value == "glad 😊👍🏽"
    assert check(kinds, "a_text", "مرحبا بك\u200f").value == "مرحبا بك\u200f"
    assert check(kinds, "a_text", "to\r\nlinjer").value == "to\nlinjer"


def test_default_text_limit_is_2000(fixture_course):
    step = fixture_course("linear").step("name_thing")
    assert validate_answer(step, "x" * 2000).ok
    assert not validate_answer(step, "x" * 2001).ok


def test_choice_takes_a_value_or_its_label(kinds):
    assert check(kinds, "a_choice", "fine").value == "fine"
    assert check(kinds, "a_choice", " jeg bor godt ").value == "fine"
    assert check(kinds, "a_choice", "maybe").error_msgid == msg.MSG_PICK_ONE


def test_choices_keep_option_order_without_duplicates(kinds):
    assert check(kinds, "some_choices", ["pet", "family", "pet"]).value == ["family", "pet"]
    assert check(kinds, "some_choices", []).error_msgid == msg.MSG_PICK_SOME
    assert check(kinds, "some_choices", ["family", "cars"]).error_msgid == msg.MSG_PICK_SOME


@pytest.mark.parametrize(("raw", "value"), [
    (True, True), (False, False), ("ja", True), ("Ja ", True), ("nej", False), ("yes", True), ("NO", False),
])
def test_yes_no_understands_danish_and_english(kinds, raw, value):
    assert check(kinds, "a_yesno", raw).value is value


def test_yes_no_refuses_anything_else(kinds):
    assert check(kinds, "a_yesno", "måske").error_msgid == msg.MSG_YES_NO


def test_amount_is_stored_in_ore_within_the_steps_range(kinds):
    assert check(kinds, "an_amount", "ca. 4.000 kr.").value == 400000
    assert check(kinds, "an_amount", 400000).value == 400000
    low = check(kinds, "an_amount", "50 kr.")
    assert (low.error_msgid, low.error_params) == (msg.MSG_AMOUNT_LOW, {"min": 100})
    high = check(kinds, "an_amount", "60.000 kr.")
    assert (high.error_msgid, high.error_params) == (msg.MSG_AMOUNT_HIGH, {"max": 50000})


def test_amount_errors_explain_why(kinds):
    result = check(kinds, "an_amount", "2000 eller 3000")
    assert result.error_msgid == MSG_EITHER  # asked back, never guessed
    assert result.error_params == {"first_ore": 200000, "second_ore": 300000}
    two = check(kinds, "an_amount", "2000 3000")
    assert (two.error_msgid, two.error_params) == (MSG_AMBIGUOUS, {"first_ore": 200000, "second_ore": 300000})


def test_a_wish_whose_price_must_be_asked_back_is_not_stored_without_it(kinds):
    result = check(kinds, "a_wish", "en seng til 2000 eller 3000")
    assert (result.ok, result.error_msgid) == (False, MSG_EITHER)


def test_several_wishes_from_one_sentence_are_checked_each(kinds):
    value = check(kinds, "a_wish", "en sofa til 3000 og et bord til 1000").value
    assert value == {"title": "En sofa", "price_ore": 300000, "also": [{"title": "Et bord", "price_ore": 100000}]}
    assert check(kinds, "a_wish", value).value == value  # a stored value checks again to itself
    bad = {"title": "En sofa", "price_ore": None, "also": [{"title": "", "price_ore": None}]}
    assert check(kinds, "a_wish", bad).error_msgid == msg.MSG_WISH_TITLE


def test_rating_is_a_whole_number_in_range(kinds):
    assert check(kinds, "a_rating", 7).value == 7
    assert check(kinds, "a_rating", "10").value == 10
    for raw in (0, 11, "høj", True, 3.5):
        result = check(kinds, "a_rating", raw)
        assert (result.error_msgid, result.error_params) == (msg.MSG_RATING, {"min": 1, "max": 10})


def test_goal_needs_text_and_a_known_category(kinds):
    raw = {"text": " Få et job ", "category": "education_job"}
    assert check(kinds, "a_goal", raw).value == {"text": "Få et job", "category": "education_job"}
    assert check(kinds, "a_goal", {"text": "Få et job", "category": "space"}).error_msgid == msg.MSG_CATEGORY
    assert check(kinds, "a_goal", {"text": "", "category": "housing"}).error_msgid == msg.MSG_EMPTY


def test_goal_categories_can_be_configured(kinds):
    raw = {"text": "Lære at svømme", "category": "sport"}
    assert check(kinds, "a_goal", raw, categories={"sport"}).ok


def test_sub_goal_is_text(kinds):
    assert check(kinds, "a_subgoal", "Tage kørekort").value == {"text": "Tage kørekort"}
    assert check(kinds, "a_subgoal", {"text": "Tage kørekort"}).value == {"text": "Tage kørekort"}


def test_wish_from_one_sentence(kinds):
    value = check(kinds, "a_wish", "en brugt cykel til ca. 2.000 kr.").value
    assert value == {"title": "En brugt cykel", "price_ore": 200000}


def test_wish_from_fields_with_and_without_price(kinds):
    assert check(kinds, "a_wish", {"title": "Cykel", "price": "2.000 kr."}).value == {
        "title": "Cykel", "price_ore": 200000}
    assert check(kinds, "a_wish", {"title": "Cykel", "price": ""}).value == {"title": "Cykel", "price_ore": None}
    assert check(kinds, "a_wish", {"title": "", "price": "200"}).error_msgid == msg.MSG_WISH_TITLE
    assert check(kinds, "a_wish", "2000 kr.").error_msgid == msg.MSG_WISH_TITLE


ANY_RAW = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.text(max_size=60),
    st.lists(st.sampled_from(["family", "friends", "pet", "x"]), max_size=4),
    st.fixed_dictionaries({"text": st.text(max_size=30), "category": st.sampled_from(["housing", "x"])}),
    st.fixed_dictionaries({"title": st.text(max_size=30), "price": st.text(max_size=12)}),
)
STEP_IDS = ["a_text", "a_choice", "some_choices", "a_yesno", "an_amount", "a_rating", "a_goal",
            "a_subgoal", "a_wish"]


@given(step_id=st.sampled_from(STEP_IDS), raw=ANY_RAW)
def test_any_input_gives_a_result_and_stored_values_check_again_unchanged(fixture_course, step_id, raw):
    step = fixture_course("all_kinds").step(step_id)
    result = validate_answer(step, raw)
    if result.ok:
        json.dumps(result.value)
        assert validate_answer(step, result.value) == result
    else:
        assert result.error_msgid
