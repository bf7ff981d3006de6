"""Facts the citizen gave in passing ("sover hos min bror paa sofaen"), so the guide does not ask again.

The table is data (dialogs/facts.toml). `prefill(course, answers)` gives the answers a later step already has
from what was written earlier; storage saves them like answers, and the citizen can change them with
"Ret svaret". `sentences(answers)` fills {housing_now}-style placeholders with whole-sentence msgids.
Pure: no Streamlit, no database.
"""
from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dialogs.model import is_skipped
from dialogs.turns import fold

FACTS_FILE = Path(__file__).with_name("facts.toml")
_NEGATIONS = frozenset({"ikke", "aldrig", "ingen"})


@dataclass(frozen=True)
class Value:
    value: str
    sentence: str
    phrases: tuple[tuple[str, ...], ...]  # folded, as words


@dataclass(frozen=True)
class Fact:
    name: str
    step: str
    words_to: str | None
    from_steps: tuple[str, ...]
    values: tuple[Value, ...]


def build_facts(data: Mapping[str, Any]) -> tuple[Fact, ...]:
    return tuple(
        Fact(f["name"], f["step"], f.get("words_to"), tuple(f["from_steps"]),
             tuple(Value(v["value"], v["sentence"], tuple(tuple(fold(p).split()) for p in v["phrases"]))
                   for v in f["values"]))
        for f in data.get("facts", []))


@functools.cache
def table() -> tuple[Fact, ...]:
    return build_facts(tomllib.loads(FACTS_FILE.read_text(encoding="utf-8")))


def _found(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    for i in range(len(words) - n + 1):
        if tuple(words[i:i + n]) == phrase and not _NEGATIONS & set(words[max(0, i - 3):i]):
            return True
    return False


def read(text: str, fact: Fact) -> Value | None:
    """The fact's value the text gives, or None."""
    words = fold(text).split() if isinstance(text, str) else []
    return next((v for v in fact.values if any(_found(words, p) for p in v.phrases)), None)


@dataclass(frozen=True)
class Known:
    step_id: str
    value: object
    words: str        # the citizen's own words it came from
    from_step: str


def prefill(answers: Mapping[str, object], *, steps: Mapping[str, Any] | None = None) -> list[Known]:
    """Answers that steps without one already have from earlier free-text answers. `steps` (the course's
    steps) limits them to steps the course has."""
    found: list[Known] = []
    for fact in table():
        if fact.step in answers or (steps is not None and fact.step not in steps):
            continue
        for source in fact.from_steps:
            text = answers.get(source)
            if not isinstance(text, str) or is_skipped(text):
                continue
            value = read(text, fact)
            if value is None:
                continue
            found.append(Known(fact.step, value.value, text, source))
            if fact.words_to and fact.words_to not in answers and value.value != "fine" \
                    and (steps is None or fact.words_to in steps):
                found.append(Known(fact.words_to, text, text, source))
            break
    return found


def sentences(answers: Mapping[str, object]) -> dict[str, str]:
    """{fact name: the sentence msgid for its stored value, or ""} for message placeholders."""
    out = {}
    for fact in table():
        value = answers.get(fact.step)
        out[fact.name] = next((v.sentence for v in fact.values if v.value == value), "")
    return out
