"""Babel extractor for the course TOML files: module titles, messages, hints and option labels.

Registered as `dialog_toml` (pyproject entry point) and used by babel.cfg for dialogs/course/**.toml and
dialogs/facts.toml.
"""
from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any


def translatable_strings(course_data: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(Danish text, where it is) for every user-facing string, in file order (also the sentences of
    dialogs/facts.toml, which fill {housing_now}-style placeholders)."""
    for fact in course_data.get("facts", []):
        for value in fact.get("values", []):
            yield value.get("sentence", ""), f"fact {fact.get('name')}: {value.get('value')}"
    for field in course_data.get("fields", []):      # dialogs/status_fields.toml
        yield field.get("question", ""), f"status field {field.get('key')}: question"
        for answer in field.get("answers", []):
            yield answer.get("label", ""), f"status field {field.get('key')}: answer {answer.get('key')}"
    for activity in course_data.get("activities", []):
        yield activity.get("label", ""), f"activity {activity.get('key')}: label"
        yield activity.get("unit", ""), f"activity {activity.get('key')}: unit"
    if "consent" in course_data:
        yield course_data["consent"].get("text", ""), "consent text"
    for module in course_data.get("modules", []):
        yield module.get("title", ""), f"module {module.get('id')}: title"
        for step in module.get("steps", []):
            where = f"step {step.get('id')}"
            for message in step.get("messages", []):
                yield message, f"{where}: message"
            if "hint" in step:
                yield step["hint"], f"{where}: hint"
            if "simple" in step:
                yield step["simple"], f"{where}: simpler wording"
            for example in step.get("examples", []):
                yield example, f"{where}: example"
            for option in step.get("options", []):
                yield option.get("label", ""), f"{where}: option {option.get('value')}"


class _LineFinder:
    """Finds each string's line in the raw TOML text, searching onwards from the last one found."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.pos = 0

    def line_of(self, text: str) -> int:
        first_line = text.splitlines()[0] if text else text
        escaped = first_line.replace("\\", "\\\\").replace('"', '\\"')
        # the quoted forms first, so "Ja" does not match inside another string
        for needle in (f'"{escaped}"', f"'{first_line}'", first_line, escaped):
            for start in (self.pos, 0):
                found = self.raw.find(needle, start)
                if found >= 0:
                    self.pos = found + len(needle)
                    return self.raw.count("\n", 0, found) + 1
        return self.raw.count("\n", 0, self.pos) + 1


def extract_dialog(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Yield (lineno, funcname, message, comments) for each translatable course string."""
    raw = fileobj.read().decode("utf-8")
    finder = _LineFinder(raw)
    for text, where in translatable_strings(tomllib.loads(raw)):
        if isinstance(text, str) and text.strip():
            yield finder.line_of(text), None, text, [f"course {where}"]
