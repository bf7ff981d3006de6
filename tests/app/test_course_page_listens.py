"""The course page hears a free-text turn before saving it: "ved ikke", "hvad mener du?", a question for the
support person, "pause", "tilbage" and a housing fact told in passing, each with the guide's reply on screen."""
from __future__ import annotations

from sqlalchemy import select

from storage.db import write_session
from storage.models import Citizen, CourseAnswer, Message
from tests.app.conftest import press, texts
from tests.app.test_course_page import _open_course, _to_first_text_step


def _say(at, words: str) -> str:
    at.chat_input[0].set_value(words).run()
    assert not at.exception, at.exception
    return texts(at)


def _nanna(engine) -> dict:
    with write_session(engine) as s:
        nanna = s.scalar(select(Citizen.id).where(Citizen.display_name == "Nanna"))
        answers = {a.step_id: a.value for a in s.scalars(select(CourseAnswer).where(CourseAnswer.citizen_id == nanna))}
        questions = list(s.scalars(select(Message.body).where(Message.citizen_id == nanna,  # in the thread
                                                              Message.from_course_step.is_not(None))))
    return {"answers": answers, "questions": questions}


def test_the_guide_listens_and_replies(app, demo_db, fresh_code):
    at = _open_course(app, fresh_code)
    _to_first_text_step(at)
    page = _say(at, "ved ikke")
    assert "Det er helt okay ikke at vide det." in page and "• Jeg har en god ven." in page
    assert "now_good" not in _nanna(demo_db)["answers"]  # "ved ikke" is never stored as an answer
    page = _say(at, "hvad mner du?")
    assert "Jeg siger det på en anden måde:" in page and "Hvad er godt i dit liv nu?" in page
    page = _say(at, "kan jeg få penge til husleje??")
    assert "Godt spørgsmål. Jeg sender det til din støtteperson." in page
    assert _nanna(demo_db)["questions"] == ["kan jeg få penge til husleje??"]
    page = _say(at, "pause")
    assert "Dine svar er gemt." in page and "Du kan lukke appen nu. Når du kommer tilbage, står samtalen her." in page
    press(at, "Fortsæt samtalen nu")
    _say(at, "Min hund og min nabo")
    page = _say(at, "sover hos min bror paa sofaen")
    assert "Tak. Så ved jeg lidt om, hvor du bor. Det spørger jeg ikke om igen." in page
    assert "Du har fortalt, at du ikke har et fast sted at bo lige nu." in page  # {housing_now}, a whole sentence
    assert _nanna(demo_db)["answers"]["now_housing"] == "none"
    page = _say(at, "tilbage")
    assert "Vi går et skridt tilbage." in page
