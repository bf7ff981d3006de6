"""Which catalog a line of a page comes from: text of another language must not show on a page (issue 17).

For a page in language L, a line is "foreign" when it is the whole text of a message in another language's
catalog (Danish: the msgid; others: the msgstr), that message reads differently in L, and no message of L reads
that way. Whole lines only: user text (Danish demo wishes on an English page are the citizen's own words) never
matches by accident in part, and a sentence with placeholders matches as a pattern ("Du har .+ tilbage.").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po

from storage import languages

LOCALES = Path(__file__).resolve().parents[2] / "locales"
PLACEHOLDER = re.compile(r"\{\w+\}")
BIDI_MARKS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
MIN_LETTERS = 4  # "OK", "PIN" and the like are the same in every language


def _texts(message, language: str) -> list[str]:
    source = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
    if language == languages.SOURCE_LANGUAGE:
        return list(source)
    strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
    return [s for s in strings if s]


@lru_cache(maxsize=None)
def _catalogs() -> dict[str, dict[str, list[str]]]:
    """language -> message id -> its texts in that language."""
    found = {}
    for code in languages.available():
        with (LOCALES / code / "LC_MESSAGES" / "messages.po").open("rb") as f:
            catalog = read_po(f)
        found[code] = {str(m.id): _texts(m, code) for m in catalog if m.id}
    return found


def _usable(text: str) -> bool:
    literal = PLACEHOLDER.sub("", text)
    return "\n" not in text and "](" not in text and sum(c.isalpha() for c in literal) >= MIN_LETTERS


def _pattern(text: str) -> re.Pattern:
    text = text.replace("**", "")
    parts = PLACEHOLDER.split(text)
    return re.compile(".+?".join(re.escape(p) for p in parts))


@dataclass(frozen=True)
class Foreign:
    exact: dict[str, str]                    # text -> the language it belongs to
    patterns: list[tuple[re.Pattern, str]]   # (pattern, language)

    def find(self, lines: list[str]) -> list[str]:
        hits = []
        for raw in lines:
            line = " ".join(BIDI_MARKS.sub("", raw).split())
            if not line:
                continue
            if line in self.exact:
                hits.append(f"{line!r} ({self.exact[line]})")
                continue
            for pattern, language in self.patterns:
                if pattern.fullmatch(line):
                    hits.append(f"{line!r} ({language}: {pattern.pattern})")
                    break
        return hits


@lru_cache(maxsize=None)
def foreign_to(language: str) -> Foreign:
    catalogs = _catalogs()
    own = catalogs[language]
    own_texts = {" ".join(t.replace("**", "").split()) for texts in own.values() for t in texts}
    exact, patterns = {}, []
    for other, messages in catalogs.items():
        if other == language:
            continue
        for msgid, texts in messages.items():
            for text in texts:
                text = " ".join(text.replace("**", "").split())
                if text in own_texts or text in own.get(msgid, []) or not _usable(text):
                    continue
                if PLACEHOLDER.search(text):
                    if not PLACEHOLDER.fullmatch(text):
                        patterns.append((_pattern(text), other))
                else:
                    exact.setdefault(text, other)
    return Foreign(exact, patterns)
