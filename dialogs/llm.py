"""Optional language-model help in the course, on langchain-core. The course never needs it.

"Sig det med andre ord" (rephrase a question), "Hjælp mig med at skrive mit mål" (suggest a goal
from the citizen's answers) and a one-sentence reflection of a free-text answer. Always a suggestion,
asked for after the scripted course has decided what happens: the model never chooses the next step,
an amount or whether help is shown. Names, phone numbers, e-mail addresses and CPR numbers are removed
before anything is sent. Every reply passes dialogs/llm_guard.py (LIX, crisis words, links, markup,
promises, length) or is dropped. Every failure, including a timeout, a refused connection or a drop,
gives None and a log line without the text, so the scripted course simply goes on.

langchain-core is imported only when a model is configured and used: without one (the default) the
server never loads it (it is about 600 modules and 35 MiB of heap that every garbage collection
would otherwise walk).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from dialogs import limits, llm_guard

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 15.0
LANGUAGE_NAMES = {"da": "Danish", "en": "English"}
LOCAL_API_KEY = "not-needed"  # sent to a self-hosted endpoint configured without a key

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CPR = re.compile(r"(?<!\d)\d{6}-?\d{4}(?!\d)")
_PHONE = re.compile(r"(?<![\d])(?:(?:\+|00)45[\s-]?)?(?:\d[\s-]?){7}\d(?!\d)")

REPHRASE_PROMPT = (
    "You help a person answer a short question in a reflection course about their life and goals. "
    "Ask the same question again, more simply, in {language}: one or two short sentences, everyday "
    "words, informal 'you'. Do not add advice, praise or new questions. Reply with the question only."
)
REFLECT_PROMPT = (
    "You help a person in a reflection course about their life and goals. Below is the question they were "
    "asked and their answer. Reflect back, in {language}, in ONE short sentence of everyday words, what you "
    "heard, using their own words. Informal 'you'. No praise, no advice, no promises, no question. "
    "Reply with the sentence only."
)
GOAL_PROMPT = (
    "Below are a person's own answers about what matters to them. Write one possible long-term goal "
    "for them in {language}: first person, at most 15 words, their own everyday words, no praise, "
    "no advice. Reply with the goal only."
)


class LLMSettingsError(ValueError):
    """The language-model settings cannot work (unknown provider, missing package or model)."""


def redact(text: str, names: Sequence[str] = ()) -> str:
    """`text` without e-mail addresses, CPR and phone numbers, or the given names."""
    text = _EMAIL.sub("[e-mail]", text)
    text = _CPR.sub("[cpr]", text)
    text = _PHONE.sub("[telefon]", text)
    parts = {p for name in names for p in [name, *name.split()] if len(p.strip()) >= 2}
    for part in sorted(parts, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(part.strip())}(?!\w)", "[navn]", text, flags=re.IGNORECASE)
    return text


class CourseHelper:
    """Wraps a chat model; each call returns the model's short text or None."""

    def __init__(self, model: BaseChatModel, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        self._model = model
        self._timeout = timeout

    def rephrase(self, question_text: str, language: str, *, names: Sequence[str] = ()) -> str | None:
        """The question said more simply, or None."""
        if not isinstance(question_text, str) or not question_text.strip():
            return None
        return self._ask(REPHRASE_PROMPT, question_text, language, names, purpose="rephrase")

    def suggest_goal(
        self, answers_texts: Sequence[str], language: str, *, names: Sequence[str] = ()
    ) -> str | None:
        """A goal suggested from the citizen's own answers, or None."""
        texts = [t.strip() for t in answers_texts if isinstance(t, str) and t.strip()]
        if not texts:
            return None
        return self._ask(GOAL_PROMPT, "\n".join(f"- {t}" for t in texts), language, names, purpose="goal",
                         max_chars=limits.GOAL_TEXT, max_sentences=1)

    def reflect(self, question_text: str, answer_text: str, language: str, *,
                names: Sequence[str] = ()) -> str | None:
        """One sentence saying back what the citizen wrote, or None."""
        if not all(isinstance(t, str) and t.strip() for t in (question_text, answer_text)):
            return None
        content = f"Question: {question_text.strip()}\nAnswer: {answer_text.strip()}"
        return self._ask(REFLECT_PROMPT, content, language, names, purpose="reflection", max_sentences=1)

    def ask_raw(self, prompt: str, content: str, language: str) -> str:
        """The model's unguarded reply (for `borgerbudget llm-check`, which shows the guards' verdict itself).
        Raises whatever the model raises, TimeoutError after the timeout."""
        return self._invoke(prompt, content, language, ())

    def _invoke(self, prompt: str, content: str, language: str, names: Sequence[str]) -> str:
        from langchain_core.messages import HumanMessage, SystemMessage

        executor = ThreadPoolExecutor(max_workers=1)
        try:
            messages = [
                SystemMessage(prompt.format(language=LANGUAGE_NAMES.get(language, language))),
                HumanMessage(redact(content, names)),
            ]
            reply = executor.submit(self._model.invoke, messages).result(timeout=self._timeout)
            return reply.text if isinstance(reply.text, str) else str(reply.text())
        finally:
            executor.shutdown(wait=False, cancel_futures=True)

    def _ask(self, prompt: str, content: str, language: str, names: Sequence[str], *, purpose: str,
             max_chars: int = llm_guard.MAX_CHARS, max_sentences: int = llm_guard.MAX_SENTENCES) -> str | None:
        try:
            text = self._invoke(prompt, content, language, names)
        except Exception as exc:  # noqa: BLE001 - the model is optional; never break the course
            log.warning("language model gave no %s: %s", purpose, type(exc).__name__)  # never the text
            return None
        result = llm_guard.verdict(text, language, source=redact(content, names), max_chars=max_chars,
                                   max_sentences=max_sentences)
        if not result.ok and result.failed != ("empty",):
            log.info("language model's %s dropped by the checks: %s", purpose, ", ".join(result.failed))
        return result.text


def model_from_settings(
    provider: str | None,
    base_url: str | None,
    model: str | None,
    api_key: str | None,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
) -> BaseChatModel | None:
    """A chat model for `provider` ("ollama" or "openai"), or None when it is empty or "none".

    The provider package is imported only here (install with the `llm` extra).
    Raises LLMSettingsError when the settings cannot work.
    """
    name = (provider or "").strip().lower()
    if name in ("", "none"):
        return None
    if name not in ("ollama", "openai"):
        raise LLMSettingsError(f"unknown language model provider {provider!r}: use none, ollama or openai")
    if not model:
        raise LLMSettingsError(f"language model provider {name!r} needs a model name")
    try:
        if name == "ollama":
            from langchain_ollama import ChatOllama
        else:
            from langchain_openai import ChatOpenAI
    except ImportError as exc:
        raise LLMSettingsError(
            f"language model provider {name!r} needs its package: pip install 'borgerbudget[llm]'"
        ) from exc
    extra = {"base_url": base_url} if base_url else {}
    try:
        if name == "ollama":
            return ChatOllama(model=model, client_kwargs={"timeout": timeout}, **extra)
        if api_key:
            extra["api_key"] = api_key
        elif base_url:
            # A self-hosted OpenAI-compatible server (vLLM, llama.cpp, Ollama's /v1) usually wants no key, but the
            # openai client refuses to start without one ("Missing credentials"): any text will do.
            extra["api_key"] = LOCAL_API_KEY
        else:
            raise LLMSettingsError("language model provider 'openai' without BORGERBUDGET_LLM_BASE_URL needs "
                                   "BORGERBUDGET_LLM_API_KEY")
        return ChatOpenAI(model=model, timeout=timeout, max_retries=0, **extra)
    except LLMSettingsError:
        raise
    except Exception as exc:  # noqa: BLE001 - a client that cannot be made is a settings problem, never a crash
        # Only the exception's type: its text may hold the key or the address with credentials.
        raise LLMSettingsError(f"language model provider {name!r} could not be set up: {type(exc).__name__}") \
            from exc
