"""The optional language model on the course page: a suggestion only, through the guards, kept to its step,
and never a crash (a fake chat model from langchain-core, and a local OpenAI-compatible server)."""
from __future__ import annotations

import logging
from unittest import mock

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from sqlalchemy import select

from citizen_app import course_helper
from dialogs.llm import CourseHelper
from storage.db import write_session
from storage.models import Citizen, CourseAnswer
from tests.app.conftest import first_login, press, texts
from tests.fake_openai_server import FakeOpenAI

SCRIPTED_NOW_GOOD = "Hvad går godt for dig?"  # part of the first free-text step's scripted question
ANSWER = "Min nabo hjælper mig tit med at handle ind"


class BrokenModel(FakeListChatModel):
    def _call(self, *args, **kwargs):
        raise RuntimeError("Missing credentials")


def _with_model(model):
    """Patch the page's helper: the fake model stands in for the configured one."""
    return mock.patch.object(course_helper, "language_helper", return_value=CourseHelper(model, timeout=5))


def _to_now_good(at, code):
    first_login(at, code)
    at.switch_page("app_pages/course.py")
    at.run()
    for label in ("Lad os gå i gang", "Det giver mening", "Det er fint"):
        press(at, label)
    assert not at.exception, at.exception


def _labels(at) -> list[str]:
    return [b.label for b in at.button]


def _captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def _nanna_answers(engine) -> dict:
    with write_session(engine) as s:
        nanna = s.scalar(select(Citizen.id).where(Citizen.display_name == "Nanna"))
        return {a.step_id: a.value for a in s.scalars(select(CourseAnswer).where(CourseAnswer.citizen_id == nanna))}


def test_no_model_no_buttons(app, demo_db, fresh_code, monkeypatch):
    monkeypatch.delenv("BORGERBUDGET_LLM_PROVIDER", raising=False)
    _to_now_good(app, fresh_code)
    assert "Sig det med andre ord" not in _labels(app)


def test_rephrase_is_shown_as_plain_text_and_forgotten_on_the_next_step(app, demo_db, fresh_code):
    model = FakeListChatModel(responses=["Hvad er godt i dit liv?", "Din nabo hjælper dig med at handle."])
    with _with_model(model):
        _to_now_good(app, fresh_code)
        press(app, "Sig det med andre ord")
        assert "Hvad er godt i dit liv?" in [t.value for t in app.text]  # st.text: never markdown
        assert not app.info and not app.exception
        app.chat_input[0].set_value(ANSWER).run()
        assert _nanna_answers(demo_db)["now_good"] == ANSWER  # the scripted course decided and saved
        page = texts(app)
        assert "Hvad er godt i dit liv?" not in page  # the rephrasing belonged to the step before
        assert "Din nabo hjælper dig med at handle." in page  # a reflection of the free-text answer
        assert "rephrase_now_hard" in [b.key for b in app.button]
        press(app, "Sig det med andre ord")  # the model's list is used up: it starts over
        assert "Hvad er godt i dit liv?" in texts(app)
        press(app, "Tilbage")
        assert "Hvad er godt i dit liv?" not in texts(app)


def test_a_reply_the_guards_drop_leaves_the_scripted_question(app, demo_db, fresh_code):
    model = FakeListChatModel(responses=["Se https://eksempel.test - så du får **kassen**."])
    with _with_model(model):
        _to_now_good(app, fresh_code)
        press(app, "Sig det med andre ord")
    page = texts(app)
    assert "eksempel" not in page and "kassen" not in page
    assert SCRIPTED_NOW_GOOD in page
    assert "Jeg kan ikke sige det på en anden måde lige nu." in _captions(app)
    assert not app.exception


def test_a_reflection_with_crisis_words_or_after_a_short_answer_is_not_shown(app, demo_db, fresh_code):
    model = FakeListChatModel(responses=["Du vil ikke leve mere."])
    with _with_model(model):
        _to_now_good(app, fresh_code)
        app.chat_input[0].set_value(ANSWER).run()
    assert "leve mere" not in texts(app)  # the model raises no alarm and shows no crisis words
    assert "Livslinien" not in texts(app)  # help is for the scripted check to show, not the model


def test_a_failing_model_gives_the_scripted_text_and_no_crash(app, demo_db, fresh_code, caplog):
    with _with_model(BrokenModel(responses=["x"])), caplog.at_level(logging.WARNING, logger="dialogs.llm"):
        _to_now_good(app, fresh_code)
        press(app, "Sig det med andre ord")
        assert not app.exception
        assert SCRIPTED_NOW_GOOD in texts(app)
        app.chat_input[0].set_value(ANSWER).run()
        assert not app.exception and _nanna_answers(demo_db)["now_good"] == ANSWER
    assert any("gave no rephrase: RuntimeError" in r.getMessage() for r in caplog.records)
    assert "Missing credentials" not in caplog.text


def test_goal_suggestion_is_a_suggestion(app, demo_db, fresh_code):
    model = FakeListChatModel(responses=["Jeg vil have mit eget sted at bo."])
    with _with_model(model):
        _to_now_good(app, fresh_code)
        # Straight to the goal step through "Ret svaret" is not possible yet; skip to it instead.
        for _n in range(40):
            if "Hjælp mig med at skrive mit mål" in _labels(app):
                break
            press(app, "Det vil jeg ikke svare på nu")
        press(app, "Hjælp mig med at skrive mit mål")
    assert "Et forslag. Du bestemmer selv, om du vil bruge det:" in _captions(app)
    assert "Jeg vil have mit eget sted at bo." in [t.value for t in app.text]
    [goal_field] = [t for t in app.text_area if t.label == "Dit mål"]
    assert goal_field.value == ""  # a suggestion only: nothing is filled in or saved until the citizen says so
    press(app, "Brug forslaget")
    [goal_field] = [t for t in app.text_area if t.label == "Dit mål"]
    assert goal_field.value == "Jeg vil have mit eget sted at bo."
    assert not any(k.startswith("goal_") for k in _nanna_answers(demo_db) if k != "goals_forward")


@pytest.fixture
def local_server():
    fake = FakeOpenAI(replies=["Hvad er godt i dit liv?"]).start()
    yield fake
    fake.stop()


def _configure(monkeypatch, server, **extra):
    course_helper._helper_for.cache_clear()
    monkeypatch.setenv("BORGERBUDGET_LLM_PROVIDER", "openai")
    monkeypatch.setenv("BORGERBUDGET_LLM_BASE_URL", server.base_url)
    monkeypatch.setenv("BORGERBUDGET_LLM_MODEL", "tiny")
    monkeypatch.delenv("BORGERBUDGET_LLM_API_KEY", raising=False)
    for name, value in extra.items():
        monkeypatch.setenv(f"BORGERBUDGET_LLM_{name.upper()}", value)


@pytest.mark.parametrize("api_key", ["", "s3cret"])
def test_a_local_endpoint_with_or_without_a_key_works_on_the_page(app, demo_db, fresh_code, monkeypatch,
                                                                   local_server, api_key):
    _configure(monkeypatch, local_server, **({"api_key": api_key} if api_key else {}))
    _to_now_good(app, fresh_code)  # without a key this crashed with "OpenAIError: Missing credentials"
    press(app, "Sig det med andre ord")
    assert not app.exception
    assert "Hvad er godt i dit liv?" in [t.value for t in app.text]
    assert local_server.chat_requests[-1]["authorization"] == f"Bearer {api_key or 'not-needed'}"


def test_a_slow_local_endpoint_times_out_and_the_course_goes_on(app, demo_db, fresh_code, monkeypatch,
                                                                 local_server):
    import time
    local_server.delay = 4
    _configure(monkeypatch, local_server, timeout_seconds="0.5")
    _to_now_good(app, fresh_code)
    started = time.monotonic()
    press(app, "Sig det med andre ord")
    assert time.monotonic() - started < 3.5
    assert not app.exception
    assert "Jeg kan ikke sige det på en anden måde lige nu." in _captions(app)
    app.chat_input[0].set_value("Min nabo").run()
    assert _nanna_answers(demo_db)["now_good"] == "Min nabo"


@pytest.mark.parametrize(("settings", "expected"), [
    ({"provider": "openai", "model": "gpt-x", "base_url": "", "api_key": ""}, "needs BORGERBUDGET_LLM_API_KEY"),
    ({"provider": "skynet", "model": "x"}, "unknown language model provider"),
    ({"provider": "openai", "model": ""}, "needs a model name"),
])
def test_a_misconfiguration_is_logged_once_without_secrets_and_the_page_runs(app, demo_db, fresh_code,
                                                                              monkeypatch, caplog, settings,
                                                                              expected):
    course_helper._helper_for.cache_clear()
    for name in ("PROVIDER", "BASE_URL", "MODEL", "API_KEY"):
        monkeypatch.delenv(f"BORGERBUDGET_LLM_{name}", raising=False)
    for name, value in settings.items():
        monkeypatch.setenv(f"BORGERBUDGET_LLM_{name.upper()}", value)
    with caplog.at_level(logging.WARNING, logger="citizen_app.course_helper"):
        _to_now_good(app, fresh_code)
        app.run()
    warnings = [r.getMessage() for r in caplog.records if r.name == "citizen_app.course_helper"]
    assert len(warnings) == 1 and expected in warnings[0], warnings
    assert "Sig det med andre ord" not in _labels(app)
    assert SCRIPTED_NOW_GOOD in texts(app)
