"""Optional language-model help in the course, on langchain-core. The course never needs it.

"Sig det med andre ord" (rephrase a question) and "Hjælp mig med at skrive mit mål" (suggest a goal
from the citizen's answers). Names, phone numbers, e-mail addresses and CPR numbers are removed
before anything is sent. Every failure, including a timeout, gives None, so the scripted course
simply goes on.

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

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 15.0
MAX_REPLY_CHARS = 400
LANGUAGE_NAMES = {"da": "Danish", "en": "English"}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CPR = re.compile(r"(?<!\d)\d{6}-?\d{4}(?!\d)")
_PHONE = re.compile(r"(?<![\d])(?:(?:\+|00)45[\s-]?)?(?:\d[\s-]?){7}\d(?!\d)")

REPHRASE_PROMPT = (
    "You help a person answer a short question in a reflection course about their life and goals. "
    "Ask the same question again, more simply, in {language}: one or two short sentences, everyday "
    "words, informal 'you'. Do not add advice, praise or new questions. Reply with the question only."
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
        return self._ask(REPHRASE_PROMPT, question_text, language, names)

    def suggest_goal(
        self, answers_texts: Sequence[str], language: str, *, names: Sequence[str] = ()
    ) -> str | None:
        """A goal suggested from the citizen's own answers, or None."""
        texts = [t.strip() for t in answers_texts if isinstance(t, str) and t.strip()]
        if not texts:
            return None
        return self._ask(GOAL_PROMPT, "\n".join(f"- {t}" for t in texts), language, names)

    def _ask(self, prompt: str, content: str, language: str, names: Sequence[str]) -> str | None:
        from langchain_core.messages import HumanMessage, SystemMessage

        executor = ThreadPoolExecutor(max_workers=1)
        try:
            messages = [
                SystemMessage(prompt.format(language=LANGUAGE_NAMES.get(language, language))),
                HumanMessage(redact(content, names)),
            ]
            reply = executor.submit(self._model.invoke, messages).result(timeout=self._timeout)
            text = " ".join(reply.text.split()).strip("\"'“”„ ")
        except Exception as exc:  # noqa: BLE001 - the model is optional; never break the course
            log.warning("language model gave no answer: %s", type(exc).__name__)  # never the text
            return None
        finally:
            executor.shutdown(wait=False, cancel_futures=True)
        return text[:MAX_REPLY_CHARS] or None


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

            extra = {"base_url": base_url} if base_url else {}
            return ChatOllama(model=model, client_kwargs={"timeout": timeout}, **extra)
        from langchain_openai import ChatOpenAI

        extra = {"base_url": base_url} if base_url else {}
        extra |= {"api_key": api_key} if api_key else {}
        return ChatOpenAI(model=model, timeout=timeout, max_retries=0, **extra)
    except ImportError as exc:
        raise LLMSettingsError(
            f"language model provider {name!r} needs its package: pip install 'borgerbudget[llm]'"
        ) from exc
