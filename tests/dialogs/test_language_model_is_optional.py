"""The language model only helps: it gets no personal details, and any failure gives None."""
import sys
import time
import types

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel, GenericFakeChatModel
from langchain_core.messages import AIMessage

from dialogs.llm import CourseHelper, LLMSettingsError, model_from_settings, redact


class RecordingModel(FakeListChatModel):
    """A fake model that remembers what it was sent."""

    seen: list = []

    def _call(self, messages, stop=None, run_manager=None, **kwargs):
        self.seen.append(messages)
        return super()._call(messages, stop, run_manager, **kwargs)


class BrokenModel(FakeListChatModel):
    def _call(self, *args, **kwargs):
        raise ConnectionError("server down")


class SlowModel(FakeListChatModel):
    def _call(self, *args, **kwargs):
        time.sleep(0.5)
        return "for sent"


def test_rephrase_returns_the_models_short_text():
    helper = CourseHelper(FakeListChatModel(responses=['  "Hvad er godt i dit liv?"  ']))
    assert helper.rephrase("Hvad går godt for dig?", "da") == "Hvad er godt i dit liv?"


def test_suggest_goal_works_with_a_generic_fake_model():
    model = GenericFakeChatModel(messages=iter([AIMessage(content="Jeg vil have mit eget sted at bo.")]))
    assert CourseHelper(model).suggest_goal(["Jeg vil bo selv", "ro"], "da") == "Jeg vil have mit eget sted at bo."


def test_names_phone_numbers_and_email_are_not_sent():
    model = RecordingModel(responses=["Mit mål"], seen=[])
    CourseHelper(model).suggest_goal(
        ["Jeg hedder Anna Jensen, ring 20 30 40 50 eller +45 12345678", "skriv til anna@eksempel.dk",
         "mit cpr er 010203-1234", "anna vil gerne have en cykel til 2.000 kr."],
        "da", names=["Anna Jensen"],
    )
    sent = model.seen[0][-1].content
    for secret in ("Anna", "anna", "Jensen", "20 30 40 50", "12345678", "anna@eksempel.dk", "010203-1234"):
        assert secret not in sent
    assert "[navn]" in sent and "[telefon]" in sent and "[e-mail]" in sent and "[cpr]" in sent
    assert "2.000 kr." in sent


def test_redact_keeps_ordinary_words():
    assert redact("Jeg vil gerne have en cykel", ["Bo"]) == "Jeg vil gerne have en cykel"


def test_a_failing_model_gives_none():
    helper = CourseHelper(BrokenModel(responses=["x"]))
    assert helper.rephrase("Hvad går godt?", "da") is None
    assert helper.suggest_goal(["noget"], "en") is None


def test_a_slow_model_times_out_with_none():
    helper = CourseHelper(SlowModel(responses=["x"]), timeout=0.05)
    started = time.monotonic()
    assert helper.rephrase("Hvad går godt?", "da") is None
    assert time.monotonic() - started < 0.4


@pytest.mark.parametrize("bad", ["", "   ", None])
def test_nothing_to_send_gives_none_without_calling(bad):
    model = RecordingModel(responses=["x"], seen=[])
    helper = CourseHelper(model)
    assert helper.rephrase(bad, "da") is None
    assert helper.suggest_goal([bad] if bad is not None else [], "da") is None
    assert model.seen == []


def test_empty_reply_gives_none():
    assert CourseHelper(FakeListChatModel(responses=["   "])).rephrase("Hvad går godt?", "da") is None


@pytest.mark.parametrize("provider", [None, "", "none", "None "])
def test_no_provider_means_no_model(provider):
    assert model_from_settings(provider, None, None, None) is None


def test_unknown_provider_or_missing_model_is_a_settings_error():
    with pytest.raises(LLMSettingsError, match="unknown"):
        model_from_settings("skynet", None, "m", None)
    with pytest.raises(LLMSettingsError, match="model name"):
        model_from_settings("ollama", None, "", None)


def test_provider_package_is_imported_only_when_chosen(monkeypatch):
    made = {}
    fake = types.ModuleType("langchain_openai")
    fake.ChatOpenAI = lambda **kwargs: made.update(kwargs) or "openai-model"
    monkeypatch.setitem(sys.modules, "langchain_openai", fake)
    model = model_from_settings("openai", "http://localhost:8000/v1", "small", "k", timeout=3)
    assert model == "openai-model"
    assert made == {"model": "small", "base_url": "http://localhost:8000/v1", "api_key": "k",
                    "timeout": 3, "max_retries": 0}


def test_missing_provider_package_is_a_settings_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "langchain_ollama", None)  # makes the import fail
    with pytest.raises(LLMSettingsError, match="borgerbudget\\[llm\\]"):
        model_from_settings("ollama", None, "llama3", None)
