"""The optional language model on the course page: "Sig det med andre ord", a goal suggestion, a reflection.

Shown under the current question, after the scripted course has decided what that question is; nothing
here chooses a step, stores an answer, reads an amount or decides about help. What the model writes has
passed dialogs/llm_guard.py and is shown with st.text (never markdown). Anything that goes wrong (no
package, a refused connection, a missing key, a timeout, a reply the checks drop) leaves the scripted
course as it is, with one log line and no error on the page.

What the model said belongs to one step: it is kept in session state with that step's id and forgotten
when the course moves to another step (forwards, back, or "Ret svaret").
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache

import streamlit as st

from citizen_app import course_widgets as cw
from citizen_app.i18n import _, current_language
from citizen_app.read_aloud import read_aloud
from dialogs import engine, safety
from dialogs.llm import CourseHelper, LLMSettingsError, model_from_settings
from dialogs.model import Course, Step
from storage.config import load_config

log = logging.getLogger(__name__)

STATE_KEY = "course_model_help"
REFLECT_MIN_WORDS = 6  # a short answer ("ja", "min bror") is not reflected


@lru_cache(maxsize=4)
def _helper_for(provider: str, base_url: str, model: str, api_key: str, timeout: float) -> CourseHelper | None:
    """Built once per setting, so a misconfiguration is logged once, not on every page run."""
    try:
        chat_model = model_from_settings(provider, base_url, model, api_key, timeout)
    except LLMSettingsError as exc:  # its message never holds the key
        log.warning("Language model switched off, the course runs without it: %s", exc)
        return None
    except Exception as exc:  # noqa: BLE001 - never let an optional helper break the page
        log.warning("Language model switched off, the course runs without it: %s", type(exc).__name__)
        return None
    if chat_model is not None:
        log.info("Language model on: provider %s, model %s, timeout %s s", provider, model, timeout)
    return CourseHelper(chat_model, timeout=timeout) if chat_model else None


def language_helper() -> CourseHelper | None:
    """The optional model; None when not configured (the default) or when its settings cannot work."""
    c = load_config()
    return _helper_for(c.llm_provider.strip(), c.llm_base_url.strip(), c.llm_model.strip(), c.llm_api_key,
                       c.llm_timeout_seconds)


def _memory(step_id: str) -> dict:
    """What the model said on this step; a fresh dict when the course has moved to another step."""
    memory = st.session_state.get(STATE_KEY)
    if not isinstance(memory, dict) or memory.get("step") != step_id:
        memory = {"step": step_id, "reflected": (memory or {}).get("reflected", ())
                  if isinstance(memory, dict) else ()}
        st.session_state[STATE_KEY] = memory
    return memory


def _asking(call: Callable[[], str | None]) -> str | None:
    with st.spinner(_("Et øjeblik …")):
        try:
            return call()
        except Exception as exc:  # noqa: BLE001 - CourseHelper catches its own; this is the last net
            log.warning("language model help failed: %s", type(exc).__name__)
            return None


def _previous_free_text(course: Course, state, step_id: str) -> tuple[str, str] | None:
    """(step id, words) of the free-text answer just before `step_id`, when it is worth reflecting."""
    path = list(state.path)
    if step_id not in path or path.index(step_id) == 0:
        return None
    before = path[path.index(step_id) - 1]
    words = state.answers.get(before)
    if course.step(before).kind != "text" or not isinstance(words, str) or engine.is_skipped(words):
        return None
    if len(words.split()) < REFLECT_MIN_WORDS or safety.detect_crisis(words):
        return None  # a crisis answer is for the scripted help, not for a model's words
    return before, words


def show(course: Course, step: Step, state, name: str, params_for: Callable[[str], dict]) -> None:
    """The model's suggestions for the current step, when a model is configured; nothing otherwise."""
    helper = language_helper()
    if helper is None:
        return
    memory = _memory(step.id)
    language = current_language()

    reflect_on = _previous_free_text(course, state, step.id)
    # Not after every turn: never two steps in a row.
    if reflect_on and "reflection" not in memory and reflect_on[0] not in memory["reflected"] \
            and not _follows_reflection(state, reflect_on[0], memory):
        before = course.step(reflect_on[0])
        question = " ".join(cw.guide_text(m, params_for(before.id)) for m in before.messages)
        memory["reflection"] = _asking(lambda: helper.reflect(question, reflect_on[1], language, names=[name]))
        if memory["reflection"]:
            memory["reflected"] = (*memory["reflected"], reflect_on[0])
    if memory.get("reflection"):
        with st.chat_message("assistant", avatar=":material/support_agent:"):
            st.text(memory["reflection"])
            read_aloud(memory["reflection"], key=f"model_reflection_{step.id}", personal=True)

    if st.button(_("Sig det med andre ord"), key=f"rephrase_{step.id}"):
        text = " ".join(cw.guide_text(m, params_for(step.id)) for m in step.messages)
        memory["rephrased"] = _asking(lambda: helper.rephrase(text, language, names=[name])) or ""
    if memory.get("rephrased"):
        with st.chat_message("assistant", avatar=":material/support_agent:"):
            st.text(memory["rephrased"])
            read_aloud(memory["rephrased"], key=f"model_rephrased_{step.id}", personal=True)
    elif memory.get("rephrased") == "":
        st.caption(_("Jeg kan ikke sige det på en anden måde lige nu. Du kan springe over eller spørge din "
                     "støtteperson."))

    if step.kind == "goal":
        if st.button(_("Hjælp mig med at skrive mit mål"), key=f"suggest_{step.id}"):
            own = [v for v in state.answers.values() if isinstance(v, str) and not engine.is_skipped(v)]
            memory["goal"] = _asking(lambda: helper.suggest_goal(own, language, names=[name])) or ""
        if memory.get("goal"):
            st.caption(_("Et forslag. Du bestemmer selv, om du vil bruge det:"))
            st.text(memory["goal"])
            st.button(_("Brug forslaget"), key=f"use_suggestion_{step.id}", on_click=_use_goal,
                      args=(step.id, memory["goal"]))
        elif memory.get("goal") == "":
            st.caption(_("Jeg har ikke et forslag lige nu. Skriv målet med dine egne ord."))


def _use_goal(step_id: str, text: str) -> None:
    """Put the suggestion in the goal's text field (course_widgets' key for it); the citizen can still change
    it, pick the category and send it: the model stores nothing."""
    st.session_state[f"in_{step_id}_value"] = text


def _follows_reflection(state, step_id: str, memory: dict) -> bool:
    """True when the answer before `step_id` in the path was itself reflected (no reflection two turns in a row)."""
    path = list(state.path)
    if step_id not in path or path.index(step_id) == 0:
        return False
    return path[path.index(step_id) - 1] in memory.get("reflected", ())
