"""The course page: answers saved as given, the place kept across sessions, help on crisis words."""
from __future__ import annotations

from sqlalchemy import Engine, event, select
from streamlit.testing.v1 import AppTest

from storage.db import write_session
from storage.models import Citizen, CourseAnswer, HelpShown
from tests.app.conftest import APP, citizen_login, first_login, press, texts


def _open_course(at: AppTest, code: str, first: bool = True) -> AppTest:
    if first:
        first_login(at, code)
    else:
        citizen_login(at, code, "2580")
    at.switch_page("app_pages/course.py")
    at.run()
    assert not at.exception, at.exception
    return at


def _answers(engine) -> dict:
    with write_session(engine) as s:
        return {a.step_id: a.value for a in s.scalars(select(CourseAnswer))}


def test_quick_reply_answer_is_saved_and_the_guide_moves_on(app, demo_db, fresh_code):
    at = _open_course(app, fresh_code)
    [bar] = at.get("progress")
    assert bar.proto.text == "Trin 1 af 9: Velkommen"
    [start] = [b for b in at.button if b.label == "Lad os gå i gang"]
    assert start.proto.icon == ":material/rocket_launch:"  # the pictogram beside the words
    press(at, "Lad os gå i gang")
    assert _answers(demo_db).get("welcome_start") == "start"
    assert "at bruge i 12 måneder" in texts(at)  # the next step's guide text, with {budget} and {months} filled


def test_a_new_session_continues_at_the_same_step(app, demo_db, fresh_code):
    at = _open_course(app, fresh_code)
    press(at, "Lad os gå i gang")
    press(at, "Det giver mening")
    # A closed phone / another device: a brand-new session logs in again.
    again = _open_course(AppTest.from_file(APP, default_timeout=30).run(), fresh_code, first=False)
    assert "Kun du og din støtteperson kan se det." in texts(again)


def test_crisis_words_stop_the_course_and_show_help(app, demo_db, fresh_code):
    at = _open_course(app, fresh_code)
    for label in ("Lad os gå i gang", "Det giver mening"):
        press(at, label)
    at.chat_input[0].set_value("Jeg vil ikke leve mere").run()
    page = texts(at)
    assert "70 201 201" in page and "112" in page and "ikke en nødtjeneste" in page
    assert _answers(demo_db)["now_good"] == "Jeg vil ikke leve mere"  # saved, nothing lost
    assert not at.chat_input  # the flow is paused until the citizen chooses to go on
    with write_session(demo_db) as s:  # the support person is told (the old bug: only the button told them)
        nanna = s.scalar(select(Citizen).where(Citizen.display_name == "Nanna"))
        assert nanna.needs_help_since is not None
        [shown] = s.scalars(select(HelpShown).where(HelpShown.citizen_id == nanna.id)).all()
        assert (shown.source, shown.place, shown.shared_words) == ("signal", "course", None)


def test_hard_now_button_shows_help_and_flags_the_support_person(app, demo_db, fresh_code):
    at = _open_course(app, fresh_code)
    press(at, "Jeg har det svært lige nu")
    assert "Livslinien" in texts(at)
    with write_session(demo_db) as s:
        nanna = s.scalar(select(Citizen).where(Citizen.display_name == "Nanna"))
        assert nanna.needs_help_since is not None
        assert [h.source for h in s.scalars(select(HelpShown).where(HelpShown.citizen_id == nanna.id))] == ["button"]


def test_form_mode_saves_the_same_answers(app, demo_db, fresh_code):
    at = _open_course(app, fresh_code)
    at.toggle[0].set_value(True).run()
    press(at, "Lad os gå i gang")
    assert _answers(demo_db)["welcome_start"] == "start"


def test_skip_and_back(app, demo_db, fresh_code):
    at = _open_course(app, fresh_code)
    press(at, "Lad os gå i gang")
    press(at, "Det vil jeg ikke svare på nu")
    assert "welcome_budget" in _answers(demo_db)
    press(at, "Tilbage")
    assert "at bruge i 12 måneder" in texts(at)


def test_demo_citizen_halfway_continues_at_the_dreams(app):
    citizen_login(app, "HAVE-DEMA-3333", "1234")
    app.switch_page("app_pages/course.py")
    app.run()
    [bar] = app.get("progress")
    assert bar.proto.text.startswith("Trin 4 af 9")


def test_the_chat_box_stays_at_the_bottom_switched_off_on_button_steps(app, demo_db, fresh_code):
    """The bottom bar never comes and goes (that made Streamlit scroll a keyboard user's focus away)."""
    at = _open_course(app, fresh_code)
    [idle] = at.chat_input
    assert idle.disabled and idle.placeholder == "Vælg et svar ovenfor"
    for label in ("Lad os gå i gang", "Det giver mening"):
        press(at, label)
    [box] = at.chat_input  # a free-text step: the real chat box, switched on
    assert not box.disabled and box.placeholder == "Skriv dit svar her"


def _nannas_answers(engine) -> dict:
    """The answers of the fresh_code citizen (the demo citizens have answers of their own)."""
    with write_session(engine) as s:
        nanna = s.scalar(select(Citizen.id).where(Citizen.display_name == "Nanna"))
        return {a.step_id: a.value for a in s.scalars(select(CourseAnswer).where(CourseAnswer.citizen_id == nanna))}


def _to_first_text_step(at: AppTest) -> None:
    for label in ("Lad os gå i gang", "Det giver mening"):
        press(at, label)


def test_an_answer_the_database_could_not_take_is_not_called_saved_and_stays_in_the_box(app, demo_db,
                                                                                          fresh_code):
    """The database is locked twice in a row (the save is tried once more): the citizen is told it was not
    saved, the words are back in the chat box, and sending again stores them once."""
    import sqlite3
    from unittest import mock

    from sqlalchemy.exc import OperationalError

    from storage import course
    at = _open_course(app, fresh_code)
    _to_first_text_step(at)
    real = course.answer
    locked = OperationalError("UPDATE", {}, sqlite3.OperationalError("database is locked"))
    with mock.patch.object(course, "answer", side_effect=locked) as answer:
        at.chat_input[0].set_value("Min nabo er god.").run()
    assert answer.call_count == 2
    assert "now_good" not in _nannas_answers(demo_db)
    assert [e.value for e in at.error] == ["Det blev ikke gemt, fordi der var travlt lige nu. Prøv igen om lidt."]
    assert "gemt." not in " ".join(s.value for s in at.success)
    assert at.chat_input[0].proto.value == "Min nabo er god."
    with mock.patch.object(course, "answer", side_effect=real):
        at.chat_input[0].set_value("Min nabo er god.").run()
    assert _nannas_answers(demo_db)["now_good"] == "Min nabo er god."
    assert not at.error


def test_the_error_box_says_gemt_only_when_nothing_of_the_action_was_lost(app, demo_db, fresh_code):
    from unittest import mock

    from storage import course
    at = _open_course(app, fresh_code)
    _to_first_text_step(at)

    def broken_after_writing(session, **kwargs):
        session.add(CourseAnswer(citizen_id=kwargs["actor"].id, step_id="now_good", value="x"))
        session.flush()
        raise RuntimeError("a bug after the write")

    with mock.patch.object(course, "answer", side_effect=broken_after_writing):
        at.chat_input[0].set_value("Noget").run()
    assert [e.value for e in at.error][-1] == ("Beklager, der skete en fejl. Det, du lige gjorde, blev ikke gemt. "
                                                "Prøv igen.")
    assert "now_good" not in _nannas_answers(demo_db)
    with mock.patch.object(course, "context", side_effect=RuntimeError("a bug while reading")):
        at.run()
    assert [e.value for e in at.error][-1] == "Beklager, der skete en fejl. Dine svar er gemt."
    assert _nannas_answers(demo_db)["welcome_start"] == "start"  # true: every earlier answer is stored


def test_a_chat_answer_costs_three_transactions(app, demo_db, fresh_code):
    """Issue 18: the callback checks the login in the transaction that saves; the script checks the login again
    (a callback may have changed it) and reads what the page draws in one go. Words with no crisis signal open
    no transaction."""
    at = _open_course(app, fresh_code)
    for label in ("Lad os gå i gang", "Det giver mening"):
        press(at, label)
    begun: list[object] = []

    def count(connection) -> None:
        begun.append(connection)

    event.listen(Engine, "begin", count)
    try:
        at.chat_input[0].set_value("Min nabo er god, og jeg sover bedre nu.").run()
    finally:
        event.remove(Engine, "begin", count)
    assert not at.exception
    assert _answers(demo_db)["now_good"] == "Min nabo er god, og jeg sover bedre nu."
    assert len(begun) == 3  # was 6: the check before the save, and the help check's login check and empty one


def test_the_conversation_draws_its_last_steps_and_the_earlier_ones_when_opened(app, demo_db, fresh_code):
    """Issue 18: late in the course a turn redrew every step before it; now the last six, the rest on request."""
    from citizen_app.course_view import RECENT_STEPS  # noqa: PLC0415
    at = _open_course(app, fresh_code)
    for _ in range(RECENT_STEPS + 2):
        press(at, "Det vil jeg ikke svare på nu")
    said = [t.value for t in at.text if t.value == "Det vil jeg ikke svare på nu."]
    assert len(said) == RECENT_STEPS and [e.label for e in at.expander][0] == "Tidligere i samtalen"
    assert len(_answers(demo_db)) == RECENT_STEPS + 2  # every answer is still saved
    at.session_state["course_earlier"] = True  # the citizen opens "Tidligere i samtalen"
    at.run()
    said = [t.value for t in at.text if t.value == "Det vil jeg ikke svare på nu."]
    assert len(said) == RECENT_STEPS + 2


def test_an_answer_after_the_login_was_revoked_is_not_saved(app, demo_db, fresh_code):
    """The login is checked in the answer's own transaction: a revoked login saves nothing and shows the login."""
    from storage import citizens
    from storage.auth import staff_actor
    from storage.models import StaffUser
    at = _open_course(app, fresh_code)
    with write_session(demo_db) as s:  # the support person gives Nanna a new code: her open tab is logged out
        sara = staff_actor(s.scalar(select(StaffUser).where(StaffUser.username == "sara")))
        nanna = s.scalar(select(Citizen).where(Citizen.display_name == "Nanna"))
        s.expunge(nanna)
        citizens.reissue_access_code(s, actor=sara, citizen_id=nanna.id)
    press(at, "Lad os gå i gang")
    with write_session(demo_db) as s:
        assert s.scalars(select(CourseAnswer).where(CourseAnswer.citizen_id == nanna.id)).all() == []
    assert at.title[0].value == "Log ind"
