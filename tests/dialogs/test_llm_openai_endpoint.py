"""The real client (langchain-openai) against a local OpenAI-compatible server started by the test:
with and without an API key, a timeout, a server error, and `borgerbudget llm-check`."""
from __future__ import annotations

import logging
import time

import pytest

from dialogs.llm import LOCAL_API_KEY, CourseHelper, LLMSettingsError, model_from_settings
from storage import cli
from tests.fake_openai_server import FakeOpenAI


@pytest.fixture
def server():
    fake = FakeOpenAI().start()
    yield fake
    fake.stop()


@pytest.mark.parametrize(("api_key", "sent"), [("", f"Bearer {LOCAL_API_KEY}"), ("s3cret", "Bearer s3cret")])
def test_a_local_endpoint_with_and_without_a_key(server, api_key, sent):
    model = model_from_settings("openai", server.base_url, "tiny", api_key, timeout=5)
    helper = CourseHelper(model, timeout=5)
    assert helper.rephrase("Hvad går godt for dig?", "da", names=["Anna"]) == "Hvad er godt for dig lige nu?"
    [request] = server.chat_requests
    assert request["authorization"] == sent
    assert request["body"]["model"] == "tiny"
    assert request["body"]["messages"][-1]["content"] == "Hvad går godt for dig?"


def test_the_openai_service_without_a_key_is_a_settings_error_not_a_crash():
    with pytest.raises(LLMSettingsError, match="BORGERBUDGET_LLM_API_KEY"):
        model_from_settings("openai", "", "gpt-x", "")


def test_a_slow_endpoint_times_out_with_none(server, caplog):
    server.delay = 3
    helper = CourseHelper(model_from_settings("openai", server.base_url, "tiny", "", timeout=0.5), timeout=0.5)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="dialogs.llm"):
        assert helper.rephrase("Hvad går godt?", "da") is None
    assert time.monotonic() - started < 2
    assert any("no rephrase" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("trouble", ["status", "closed"])
def test_a_failing_endpoint_gives_none(server, trouble):
    if trouble == "status":
        server.status = 500
        base_url = server.base_url
    else:
        base_url = server.base_url
        server.stop()
    helper = CourseHelper(model_from_settings("openai", base_url, "tiny", "", timeout=2), timeout=2)
    assert helper.rephrase("Hvad går godt?", "da") is None


def test_a_reply_the_guards_drop_gives_none_and_the_log_says_why_not_what(server, caplog):
    server.replies = ["Ring til 70 20 12 01, så du får pengene."]
    helper = CourseHelper(model_from_settings("openai", server.base_url, "tiny", "", timeout=5), timeout=5)
    with caplog.at_level(logging.INFO, logger="dialogs.llm"):
        assert helper.rephrase("Hvad går godt?", "da") is None
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "phone" in logged and "promise" in logged and "70 20" not in logged


def _llm_env(monkeypatch, **values):
    for name in ("PROVIDER", "BASE_URL", "MODEL", "API_KEY", "TIMEOUT_SECONDS"):
        monkeypatch.delenv(f"BORGERBUDGET_LLM_{name}", raising=False)
    for name, value in values.items():
        monkeypatch.setenv(f"BORGERBUDGET_LLM_{name.upper()}", value)


def test_llm_check_passes_against_a_local_endpoint(server, monkeypatch, capsys):
    _llm_env(monkeypatch, provider="openai", base_url=server.base_url, model="tiny")
    assert cli.main(["llm-check"]) == 0
    out = capsys.readouterr().out
    assert "API key not set: a placeholder key is sent" in out
    assert "Output: Hvad er godt for dig lige nu?" in out and "Verdict: PASS" in out
    assert "Latency: " in out and "LIX: " in out


def test_llm_check_shows_the_drop_and_exits_non_zero(server, monkeypatch, capsys):
    server.replies = ["Se **mere** på https://borger.dk"]
    _llm_env(monkeypatch, provider="openai", base_url=server.base_url, model="tiny", api_key="s3cret")
    assert cli.main(["llm-check", "--language", "en", "--prompt", "What went well?"]) == 3
    out = capsys.readouterr().out
    assert "Verdict: DROP (" in out and "link" in out and "markup" in out
    assert "s3cret" not in out


def test_llm_check_timeout_and_not_configured(server, monkeypatch, capsys):
    server.delay = 3
    _llm_env(monkeypatch, provider="openai", base_url=server.base_url, model="tiny", timeout_seconds="0.5")
    assert cli.main(["llm-check"]) == 1
    assert "Verdict: FAIL" in capsys.readouterr().err
    _llm_env(monkeypatch)
    assert cli.main(["llm-check"]) == 2
    assert "No language model configured" in capsys.readouterr().err
    _llm_env(monkeypatch, provider="skynet", model="x")
    assert cli.main(["llm-check"]) == 2
    assert "unknown language model provider" in capsys.readouterr().err
