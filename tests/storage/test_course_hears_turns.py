"""The course hears a free-text turn before saving it as an answer (storage.course.take_turn)."""
from __future__ import annotations

from sqlalchemy import select

from dialogs import replies as turns
from storage import course
from storage.db import write_session
from storage.models import Message, WishItem
from tests.storage.factories import build_world, citizen_of
from tests.storage.test_course_storage import answer_until


def _turn(engine, me, step_id, words, raw=None):
    with write_session(engine) as s:
        return course.take_turn(s, actor=me, step_id=step_id, raw=words if raw is None else raw, words=words)


def test_ved_ikke_gives_examples_then_skips_and_is_never_stored(engine):
    me = citizen_of(build_world(engine))
    answer_until(engine, me, stop_at="now_good")
    heard = _turn(engine, me, "now_good", "ved ikke")
    assert heard.reply.then is turns.Then.STAY and heard.reply.examples
    assert heard.state.current_step_id == "now_good" and "now_good" not in heard.state.answers
    again = _turn(engine, me, "now_good", "aner det ik")
    assert again.reply.then is turns.Then.SKIP
    assert again.state.current_step_id == "now_hard" and again.state.answers["now_good"] == course.SKIPPED
    assert again.state.asides["now_good"][0] == ("citizen", "ved ikke")  # a reload shows what was said
    assert ("guide", turns.MSG_EXAMPLES) in again.state.asides["now_good"]
    assert again.state.last_words["now_good"] == course.SKIP_TEXT


def test_spring_over_skips_at_once_and_is_never_stored_as_an_answer(engine):
    me = citizen_of(build_world(engine))
    answer_until(engine, me, stop_at="now_good")
    heard = _turn(engine, me, "now_good", "det vil jeg ikke svare på")
    assert heard.reply.then is turns.Then.SKIP and turns.MSG_SKIPPED in heard.reply.lines
    assert heard.state.current_step_id == "now_hard" and heard.state.answers["now_good"] == course.SKIPPED


def test_what_do_you_mean_back_and_pause_keep_the_answers(engine):
    me = citizen_of(build_world(engine))
    answer_until(engine, me, stop_at="now_hard")
    simpler = _turn(engine, me, "now_hard", "hvad mner du?")
    assert simpler.reply.then is turns.Then.STAY and "Hvad er hårdt for dig nu?" in simpler.reply.lines
    back = _turn(engine, me, "now_hard", "tilbage")
    assert back.state.current_step_id == "now_good" and back.state.answers["now_good"] == "Jeg har det okay"
    pause = _turn(engine, me, "now_good", "jeg gider ikke mere")
    assert pause.reply.then is turns.Then.PAUSE and "Dine svar er gemt." in pause.reply.lines
    assert pause.state.answers["now_good"] == "Jeg har det okay"


def test_housing_said_in_passing_is_not_asked_again(engine):
    me = citizen_of(build_world(engine))
    answer_until(engine, me, stop_at="now_hard")
    state = _turn(engine, me, "now_hard", "sover hos min bror paa sofaen").state
    assert state.answers["now_housing"] == "none"
    assert state.answers["now_housing_more"] == "sover hos min bror paa sofaen"
    assert state.current_step_id == "now_housing_better"
    assert ("guide", course.MSG_KNOWN) in state.asides["now_housing"]


def test_a_question_is_acknowledged_and_the_step_stays_open(engine):
    me = citizen_of(build_world(engine))
    answer_until(engine, me, stop_at="now_good")
    heard = _turn(engine, me, "now_good", "kan jeg få penge til husleje??")
    assert heard.reply.then is turns.Then.ASK
    assert "Godt spørgsmål. Jeg sender det til din støtteperson." in heard.reply.lines
    assert heard.state.current_step_id == "now_good" and "now_good" not in heard.state.answers
    from storage import messages
    with write_session(engine) as s:  # the page passes it on: it lands in the thread with the support person
        messages.ask_from_course(s, actor=me, text="kan jeg få penge til husleje??", step_id="now_good")
        assert s.execute(select(Message.body, Message.from_course_step, Message.author_kind)).one() == \
            ("kan jeg få penge til husleje??", "now_good", "citizen")


def test_a_price_correction_changes_the_wish_just_read_back(engine):
    me = citizen_of(build_world(engine))
    state = answer_until(engine, me, stop_at="wish_more_1")
    assert state.answers["wish_1"]["price_ore"] == 1_200_000
    heard = _turn(engine, me, "wish_more_1", "nej, det er 3000", raw="nej, det er 3000")
    assert heard.reply.then is turns.Then.CORRECT
    assert heard.state.current_step_id == "wish_more_1"
    assert heard.state.answers["wish_1"] == {"title": "Køreskole", "price_ore": 300_000}
    with write_session(engine) as s:
        assert s.scalar(select(WishItem.price_ore).where(WishItem.source_step_id == "wish_1")) == 300_000


def test_an_answer_is_saved_as_before(engine):
    me = citizen_of(build_world(engine))
    answer_until(engine, me, stop_at="now_good")
    heard = _turn(engine, me, "now_good", "jeg ved ikke om jeg tør, men jeg vil gerne have et job")
    assert heard.reply.then is turns.Then.ANSWER
    assert heard.state.answers["now_good"] == "jeg ved ikke om jeg tør, men jeg vil gerne have et job"


def test_a_typed_no_thanks_answers_a_yes_no_step(engine):
    me = citizen_of(build_world(engine))
    answer_until(engine, me, stop_at="wish_more_1")
    heard = _turn(engine, me, "wish_more_1", "nej tak")
    assert heard.state.answers["wish_more_1"] is False and heard.state.current_step_id != "wish_more_1"


def test_the_budget_question_is_the_answer_and_goes_on(engine):
    me = citizen_of(build_world(engine))
    answer_until(engine, me, stop_at="welcome_budget")
    with write_session(engine) as s:
        course.answer(s, actor=me, step_id="welcome_budget", raw="question")
    heard = _turn(engine, me, "welcome_question", "kan jeg få penge til husleje?")
    assert heard.reply.then is turns.Then.ANSWER_AND_ASK
    assert heard.state.answers["welcome_question"] == "kan jeg få penge til husleje?"
    assert ("guide", "Godt spørgsmål. Jeg sender det til din støtteperson.") in heard.state.asides["welcome_question"]
