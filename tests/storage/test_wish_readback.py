"""A wish read from free text is read back before it is stored: nothing reaches the plan until "Ja"; the price
and the name can be changed; several things can be one wish or several; the reading survives a restart."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from dialogs import amounts
from dialogs.extract import WishPart, wishes_of
from storage import course
from storage.db import write_session
from storage.errors import DomainError
from storage.models import CourseProgress, WishItem
from tests.storage.factories import build_world, citizen_of
from tests.storage.test_course_storage import answer_until


def _items(engine, me):
    with write_session(engine) as s:
        return [(i.title, i.price_ore, i.source_step_id) for i in
                s.scalars(select(WishItem).where(WishItem.citizen_id == me.id, WishItem.removed_at.is_(None))
                          .order_by(WishItem.id))]


def _at_wish(engine):
    w = build_world(engine)
    me = citizen_of(w)
    state = answer_until(engine, me, stop_at="wish_1")
    assert state.current_step_id == "wish_1"
    return me


def _say(engine, me, text, step_id="wish_1"):
    with write_session(engine) as s:
        return course.answer(s, actor=me, step_id=step_id, raw=text)


def test_nothing_is_stored_until_the_citizen_says_yes(engine):
    me = _at_wish(engine)
    state = _say(engine, me, "en seng 1 200 kr")
    assert state.current_step_id == "wish_1" and "wish_1" not in state.answers
    assert wishes_of(state.pending.reading) == [WishPart("En seng", 120000)]
    assert state.pending.words == "en seng 1 200 kr"
    assert _items(engine, me) == []
    with write_session(engine) as s:
        state = course.confirm_wish(s, actor=me, step_id="wish_1")
    assert state.current_step_id != "wish_1" and state.pending is None
    assert state.answers["wish_1"] == {"title": "En seng", "price_ore": 120000}
    assert state.last_words["wish_1"] == "en seng 1 200 kr"
    assert _items(engine, me) == [("En seng", 120000, "wish_1")]


def test_the_reading_waits_across_a_restart(engine, reopen):
    me = _at_wish(engine)
    _say(engine, me, "Et kørekort, det koster vist 8000")
    fresh = reopen()
    try:
        with write_session(fresh) as s:
            state = course.load_state(s, actor=me, citizen_id=me.id)
    finally:
        fresh.dispose()
    assert wishes_of(state.pending.reading) == [WishPart("Et kørekort", 800000)]


def test_a_price_that_must_be_asked_back_blocks_yes_until_it_is_clear(engine):
    me = _at_wish(engine)
    state = _say(engine, me, "en seng til måske 2000 eller 3000")
    assert state.pending.reading.question == amounts.MSG_EITHER
    with pytest.raises(DomainError), write_session(engine) as s:
        course.confirm_wish(s, actor=me, step_id="wish_1")
    with pytest.raises(DomainError) as asked, write_session(engine) as s:
        course.set_wish_price(s, actor=me, step_id="wish_1", text="4k")
    assert asked.value.message == amounts.MSG_SHORTHAND
    with write_session(engine) as s:
        state = course.set_wish_price(s, actor=me, step_id="wish_1", text="2.500 kr.")
    assert state.pending.reading.question is None and state.pending.reading.price_ore == 250000
    with write_session(engine) as s:
        course.confirm_wish(s, actor=me, step_id="wish_1")
    assert _items(engine, me) == [("En seng", 250000, "wish_1")]


def test_a_typed_reply_with_only_a_price_corrects_the_waiting_wish(engine):
    me = _at_wish(engine)
    _say(engine, me, "en seng 1 200 kr")
    state = _say(engine, me, "nej, det er 3000")
    assert wishes_of(state.pending.reading) == [WishPart("En seng", 300000)]
    state = _say(engine, me, "en dyne til 400")  # a new thing: a new reading
    assert wishes_of(state.pending.reading) == [WishPart("En dyne", 40000)]


def test_the_citizen_can_say_the_price_is_unknown_and_change_the_name(engine):
    me = _at_wish(engine)
    _say(engine, me, "en cykel 3.5")
    with write_session(engine) as s:
        course.set_wish_price(s, actor=me, step_id="wish_1", text=None)
    with write_session(engine) as s:
        course.set_wish_title(s, actor=me, step_id="wish_1", text="el-cykel")
    with pytest.raises(DomainError), write_session(engine) as s:
        course.set_wish_title(s, actor=me, step_id="wish_1", text="   ")
    with write_session(engine) as s:
        course.confirm_wish(s, actor=me, step_id="wish_1")
    assert _items(engine, me) == [("El-cykel", None, "wish_1")]


def test_two_things_become_two_wishes_when_the_citizen_chooses(engine):
    me = _at_wish(engine)
    state = _say(engine, me, "En sofa og et spisebord for tilsammen 4.000")
    assert not state.pending.reading.split
    assert wishes_of(state.pending.reading) == [WishPart("En sofa og et spisebord", 400000)]
    with write_session(engine) as s:
        state = course.set_wish_split(s, actor=me, step_id="wish_1", split=True)
    with write_session(engine) as s:
        course.set_wish_price(s, actor=me, step_id="wish_1", text="3000", part=0)
    with write_session(engine) as s:
        state = course.confirm_wish(s, actor=me, step_id="wish_1")
    assert _items(engine, me) == [("Et spisebord", None, "wish_1#2"), ("En sofa", 300000, "wish_1")]
    # Answering the step again with one wish removes the second draft.
    with write_session(engine) as s:
        course.go_to(s, actor=me, step_id="wish_1")
    _say(engine, me, "en sofa til 3000")
    with write_session(engine) as s:
        course.confirm_wish(s, actor=me, step_id="wish_1")
    assert _items(engine, me) == [("En sofa", 300000, "wish_1")]


def test_two_priced_things_are_offered_as_two_and_can_be_joined(engine):
    me = _at_wish(engine)
    state = _say(engine, me, "en sofa til 3000 og et bord til 1000")
    assert state.pending.reading.split
    with write_session(engine) as s:
        state = course.set_wish_split(s, actor=me, step_id="wish_1", split=False)
    assert wishes_of(state.pending.reading) == [WishPart("En sofa og et bord", 400000)]
    with write_session(engine) as s:
        course.confirm_wish(s, actor=me, step_id="wish_1")
    assert _items(engine, me) == [("En sofa og et bord", 400000, "wish_1")]


def test_skipping_drops_the_waiting_reading(engine):
    me = _at_wish(engine)
    _say(engine, me, "en seng")
    with write_session(engine) as s:
        state = course.skip(s, actor=me, step_id="wish_1")
    assert state.pending is None
    with write_session(engine) as s:
        assert s.get(CourseProgress, me.id).pending_wish is None
    with pytest.raises(DomainError), write_session(engine) as s:
        course.confirm_wish(s, actor=me, step_id="wish_1")


def test_a_sentence_without_a_thing_is_refused_with_the_question(engine):
    me = _at_wish(engine)
    with pytest.raises(DomainError) as refused, write_session(engine) as s:
        course.answer(s, actor=me, step_id="wish_1", raw="måske 2000 eller 3000")
    assert refused.value.message == amounts.MSG_EITHER
    with pytest.raises(DomainError), write_session(engine) as s:
        course.answer(s, actor=me, step_id="wish_1", raw="2000 kr")


def test_a_part_renamed_or_priced_keeps_the_whole_in_step(engine):
    me = _at_wish(engine)
    _say(engine, me, "En sofa og et spisebord for tilsammen 4.000")
    with write_session(engine) as s:
        course.set_wish_split(s, actor=me, step_id="wish_1", split=True)
    with write_session(engine) as s:
        course.set_wish_title(s, actor=me, step_id="wish_1", text="Et bord", part=1)
    with write_session(engine) as s:
        course.set_wish_price(s, actor=me, step_id="wish_1", text="3000", part=0)
    with write_session(engine) as s:
        state = course.set_wish_split(s, actor=me, step_id="wish_1", split=False)
    assert wishes_of(state.pending.reading) == [WishPart("En sofa og et bord", 400000)]  # the total she said


@pytest.mark.parametrize("yes", ["ja", "Ja!", "det passer", "ok"])
def test_yes_typed_in_the_chat_is_the_yes_button(engine, yes):
    me = _at_wish(engine)
    _say(engine, me, "en seng 1 200 kr")
    state = _say(engine, me, yes)
    assert state.pending is None and state.answers["wish_1"] == {"title": "En seng", "price_ore": 120000}


def test_no_typed_in_the_chat_asks_what_to_fix_and_keeps_the_reading(engine):
    me = _at_wish(engine)
    _say(engine, me, "en seng 1 200 kr")
    with pytest.raises(DomainError) as asked, write_session(engine) as s:
        course.answer(s, actor=me, step_id="wish_1", raw="nej")
    assert asked.value.message == course.MSG_WHAT_TO_FIX
    with write_session(engine) as s:
        state = course.load_state(s, actor=me, citizen_id=me.id)
    assert wishes_of(state.pending.reading) == [WishPart("En seng", 120000)]
    # Without a reading waiting, "ja" is not a wish and not a confirmation.
    with write_session(engine) as s:
        course.skip(s, actor=me, step_id="wish_1")
