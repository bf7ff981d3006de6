"""The course's goal step and summary: drafts in the citizen's own words, what was typed survives a refusal,
the summary shows and changes the drafted plan, no English from Streamlit."""
from __future__ import annotations

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from storage import course
from storage.access import Actor, ActorKind
from storage.db import write_session
from storage.models import Citizen, CourseAnswer, CourseProgress
from tests.app.conftest import first_login, press, texts


def _nanna(s) -> Actor:
    nanna = s.scalar(select(Citizen).where(Citizen.display_name == "Nanna"))
    return Actor(kind=ActorKind.CITIZEN, id=nanna.id, programme_id=nanna.programme_id)


def _answer(engine, *answers: tuple[str, object]) -> None:
    """Answer steps through the storage layer, as the page would."""
    with write_session(engine) as s:
        me = _nanna(s)
        for step_id, raw in answers:
            course.answer(s, actor=me, step_id=step_id, raw=raw, words=str(raw))


def _jump(engine, step_id: str) -> None:
    with write_session(engine) as s:
        me = _nanna(s)
        progress = s.get(CourseProgress, me.id)
        if progress is None:
            s.add(CourseProgress(citizen_id=me.id, current_step_id=step_id))
        else:
            progress.current_step_id = step_id


def _page(at: AppTest) -> str:
    return texts(at) + "\n" + "\n".join(c.value for c in at.caption)


def _open(at: AppTest, code: str) -> AppTest:
    first_login(at, code)
    at.switch_page("app_pages/course.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_goal_text_is_kept_when_the_topic_is_missing(app, demo_db, fresh_code):
    at = _open(app, fresh_code)
    _jump(demo_db, "goal_1")
    at.run()
    [goal] = [t for t in at.text_area if t.label == "Dit mål"]
    goal.input("Jeg vil have mit eget sted at bo.")
    press(at, "Send svar")
    assert "Vælg, hvad målet handler om." in texts(at)
    [goal] = [t for t in at.text_area if t.label == "Dit mål"]
    assert goal.value == "Jeg vil have mit eget sted at bo."


def test_the_goal_step_drafts_the_goal_in_her_own_words_and_proposes_its_topic(app, demo_db, fresh_code):
    at = _open(app, fresh_code)
    _answer(demo_db, ("goals_forward", "et kørekort så jeg kan komme rundt"))
    _jump(demo_db, "goal_1")
    at.run()
    page = _page(at)
    assert "Et kørekort så jeg kan komme rundt" in page and "Emne: Transport" in page
    [goal] = [t for t in at.text_area if t.label == "Dit mål"]
    assert goal.value == "Et kørekort så jeg kan komme rundt"  # the form holds it too, to change
    press(at, "Ja, brug det")
    with write_session(demo_db) as s:
        value = s.scalar(select(CourseAnswer.value).where(CourseAnswer.step_id == "goal_1",
                                                          CourseAnswer.citizen_id == _nanna(s).id))
    assert value == {"text": "Et kørekort så jeg kan komme rundt", "category": "transport"}
