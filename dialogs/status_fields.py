"""The status questions at start and end of a period (dialogs/status_fields.toml), loaded and checked.

The file is the one place a municipality adapts the questions, answers and what counts in the figures.
``load`` reports every error in the file at once (like dialogs/validate.py for the course). Labels are
Danish msgids, translated where they are shown; the answer "declined" is added to every field here.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dialogs.i18n_markers import N_

PATH = Path(__file__).with_name("status_fields.toml")
DECLINED = "declined"
DECLINED_LABEL = N_("Vil ikke svare")
MOMENTS = ("start", "milestone", "end")
FLAGS = {"housed": "housing", "shelter": "housing", "activity": "occupation", "relevant": "substance",
         "reduced": "substance"}
FIELD_KEYS = ("housing", "occupation", "support", "substance", "support_need")
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,29}$")
_ANSWER_AT = ("any", "start", "later")


class StatusFieldsError(ValueError):
    """The file has errors; ``errors`` lists every one."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Answer:
    key: str
    label: str
    at: str = "any"                      # "start": only at the start; "later": only after it
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Field:
    key: str
    question: str
    answers: tuple[Answer, ...]          # the file's answers, then "declined"
    multiple: bool = False
    special: bool = False                # health data (GDPR art. 9): needs the citizen's consent
    at: str = "any"                      # "end": only in the end status
    by_support_person: bool = False

    def keys(self) -> frozenset[str]:
        return frozenset(a.key for a in self.answers)

    def with_flag(self, flag: str) -> tuple[str, ...]:
        return tuple(a.key for a in self.answers if flag in a.flags)

    def answers_for(self, moment: str) -> tuple[Answer, ...]:
        at = "start" if moment == "start" else "later"
        return tuple(a for a in self.answers if a.at in ("any", at))


@dataclass(frozen=True)
class Activity:
    key: str
    label: str
    unit: str
    source: str                          # "hours", "housing:<answer>" or "support:<answer>"
    per_year: int


@dataclass(frozen=True)
class StatusFields:
    fields: dict[str, Field]
    activities: tuple[Activity, ...]
    consent_purpose: str
    consent_text: str

    def field(self, key: str) -> Field:
        return self.fields[key]


def _answers(field_key: str, raw: list, errors: list[str]) -> tuple[Answer, ...]:
    answers, seen = [], set()
    for entry in raw:
        key = entry.get("key", "")
        where = f"field {field_key}, answer {key or '?'}"
        if not _KEY.match(key) or key == DECLINED:
            errors.append(f"{where}: the key must be a short lowercase word, not '{DECLINED}'")
        if key in seen:
            errors.append(f"{where}: the key is used twice")
        seen.add(key)
        if not str(entry.get("label", "")).strip():
            errors.append(f"{where}: the label is empty")
        if entry.get("at", "any") not in _ANSWER_AT:
            errors.append(f"{where}: 'at' must be one of {', '.join(_ANSWER_AT)}")
        flags = frozenset(k for k in FLAGS if entry.get(k) is True)
        for flag in flags:
            if FLAGS[flag] != field_key:
                errors.append(f"{where}: the flag '{flag}' belongs to the field {FLAGS[flag]}")
        unknown = set(entry) - {"key", "label", "at", *FLAGS}
        if unknown:
            errors.append(f"{where}: unknown settings {', '.join(sorted(unknown))}")
        answers.append(Answer(key, entry.get("label", ""), entry.get("at", "any"), flags))
    if not answers:
        errors.append(f"field {field_key}: no answers")
    return (*answers, Answer(DECLINED, DECLINED_LABEL))


def parse(data: dict) -> StatusFields:
    errors: list[str] = []
    fields: dict[str, Field] = {}
    for raw in data.get("fields", []):
        key = raw.get("key", "")
        if key not in FIELD_KEYS:
            errors.append(f"field {key or '?'}: the app knows the fields {', '.join(FIELD_KEYS)}")
            continue
        if key in fields:
            errors.append(f"field {key}: defined twice")
        if not str(raw.get("question", "")).strip():
            errors.append(f"field {key}: the question is empty")
        fields[key] = Field(key, raw.get("question", ""), _answers(key, raw.get("answers", []), errors),
                            multiple=bool(raw.get("multiple")), special=bool(raw.get("special")),
                            at=raw.get("at", "any"), by_support_person=bool(raw.get("by_support_person")))
    errors += [f"field {key}: missing" for key in FIELD_KEYS if key not in fields]
    activities = []
    for raw in data.get("activities", []):
        key, source = raw.get("key", ""), raw.get("source", "")
        kind, _sep, answer = source.partition(":")
        if source != "hours" and not (kind in ("housing", "support") and kind in fields
                                      and answer in fields[kind].keys() - {DECLINED}):
            errors.append(f"activity {key}: unknown source '{source}'")
        if not isinstance(raw.get("per_year"), int) or raw["per_year"] <= 0:
            errors.append(f"activity {key}: per_year must be a whole number above 0")
        if not _KEY.match(key) or not raw.get("label") or not raw.get("unit"):
            errors.append(f"activity {key or '?'}: needs a key, a label and a unit")
        activities.append(Activity(key, raw.get("label", ""), raw.get("unit", ""), source, raw.get("per_year", 1)))
    if len({a.key for a in activities}) != len(activities):
        errors.append("activities: a key is used twice")
    consent = data.get("consent", {})
    if not consent.get("purpose") or not consent.get("text"):
        errors.append("consent: needs a purpose and a text")
    if errors:
        raise StatusFieldsError(errors)
    return StatusFields(fields, tuple(activities), consent["purpose"], consent["text"])


@lru_cache(maxsize=1)
def load(path: Path = PATH) -> StatusFields:
    """The checked file (read once per process)."""
    with path.open("rb") as handle:
        return parse(tomllib.load(handle))
