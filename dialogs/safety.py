"""Crisis signals in what a citizen writes, and where to find help.

The app is not an emergency service. When a signal is found the UI shows HELP_LINES (more than one:
Livslinien answers only some calls) and offers the "Jeg har det svært lige nu" path.

The phrase sets are data, in safety_phrases.toml (read its header for how a text is read and for
the decisions kept on purpose: negations fire, idioms such as "dø af grin" and "overdosis af kaffe"
do not). Matching is tolerant: æ/ø/å or their ASCII spellings, inflections, repeated letters, and one
typo in the key words (rapidfuzz). Storage calls this on every text a citizen writes
(storage/safety_signals.py).
Verify the help lines' numbers and opening hours before each release.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args

from rapidfuzz import process
from rapidfuzz.distance import OSA

from dialogs.i18n_markers import N_

Category = Literal["suicide", "self_harm", "violence", "relapse"]


@dataclass(frozen=True)
class CrisisSignal:
    """What kind of crisis the text suggests. It never carries the citizen's words."""

    category: Category


@dataclass(frozen=True)
class HelpLine:
    """A place to call. `name` and `description` are Danish msgids; `tel` is for tel: links."""

    key: str
    name: str
    phone: str
    tel: str
    description: str


NOT_EMERGENCY = N_(
    "Appen er ikke en nødtjeneste. Er dit liv eller en andens liv i fare, så ring 112."
)
HELP_INTRO = N_("Du er ikke alene. Her kan du få hjælp lige nu:")

HELP_LINES: tuple[HelpLine, ...] = (
    HelpLine("emergency", N_("Alarm 112"), "112", "112", N_("Ring, hvis et liv er i fare.")),
    HelpLine(
        "livslinien", N_("Livslinien"), "70 201 201", "+4570201201",
        N_("Hvis du tænker på selvmord. Du kan være anonym."),
    ),
    HelpLine(
        "acute_1813", N_("Akuttelefonen 1813"), "1813", "1813",
        N_("Akut hjælp i Region Hovedstaden. Andre regioner har deres eget nummer."),
    ),
    HelpLine(
        "sind", N_("Sind Rådgivning"), "70 23 27 50", "+4570232750",
        N_("Råd om psykisk sygdom, også til pårørende."),
    ),
    HelpLine(
        "blaa_linje", N_("Den Blå Linje"), "70 100 130", "+4570100130",
        N_("Hvis du har problemer med alkohol eller stoffer."),
    ),
)

_PHRASES_FILE = Path(__file__).with_name("safety_phrases.toml")
_LOOSE = {"æ": "(?:ae|a|e)", "ø": "(?:oe|o)", "å": "(?:aa|a|o)"}
_FORM = re.compile(r"\{([a-zæøå_]+)\}")


@dataclass(frozen=True)
class _Phrases:
    words: tuple[str, ...]
    keep: frozenset[str]
    harmless: tuple[re.Pattern[str], ...]
    signals: tuple[tuple[Category, re.Pattern[str]], ...]


def _fold(text: str) -> str:
    return text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")


def _expand(pattern: str, forms: dict[str, str]) -> str:
    """Put each {name}'s word forms in, then let æ/ø/å match their ASCII spellings and a space any spaces
    (" ?" none or some)."""
    pattern = _FORM.sub(lambda m: f"(?:{forms[m.group(1)]})", pattern)
    for letter, spelled in _LOOSE.items():
        pattern = pattern.replace(letter, spelled)
    return pattern.replace(" ?", r"\s*").replace(" ", r"\s+")


def _compile(patterns: list[str], forms: dict[str, str]) -> re.Pattern[str]:
    return re.compile("|".join(rf"\b(?:{_expand(p, forms)})\b" for p in patterns))


@lru_cache(maxsize=1)
def phrases() -> _Phrases:
    """The phrase sets in safety_phrases.toml, compiled once."""
    data = tomllib.loads(_PHRASES_FILE.read_text(encoding="utf-8"))
    forms = data["forms"]
    categories = get_args(Category)
    signals = []
    for block in data["signal"]:
        if block["category"] not in categories:
            raise ValueError(f"unknown crisis category {block['category']!r} in {_PHRASES_FILE.name}")
        signals.append((block["category"], _compile(block["patterns"], forms)))
    return _Phrases(
        words=tuple(_fold(w) for w in data["fuzzy"]["words"]),
        keep=frozenset(_fold(w) for w in data["fuzzy"]["keep"]),
        harmless=tuple(_compile(block["patterns"], forms) for block in data["harmless"]),
        signals=tuple(signals),
    )


def normalise(text: str) -> str:
    """Lower case, æ/ø/å as ae/oe/aa, no accents or punctuation, single spaces."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _fold(text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[\u200b-\u200f\u2060\ufeff]", "", text)
    text = re.sub(r"(\w)\1{2,}", r"\1", text)  # "selvmooord" -> "selvmord"
    text = re.sub(r"[^\w\s]|_", " ", text)
    text = re.sub(r"\b\w(?: \w\b){3,}", lambda m: m.group(0).replace(" ", ""), text)  # "s e l v m o r d"
    return " ".join(text.split())


def _typo_fixed(word: str, p: _Phrases) -> str:
    """`word`, or the crisis word it is one typo from (two for long words): "selvmrod" -> "selvmord"."""
    if len(word) < 4 or word in p.keep or not word.isalpha():
        return word
    limit = 1 if len(word) < 9 else 2
    best = process.extractOne(word, p.words, scorer=OSA.distance, score_cutoff=limit)
    return best[0] if best else word


def prepared(text: str) -> str:
    """The text as the signal patterns see it: normalised, typos in crisis words fixed, idioms blanked out."""
    p = phrases()
    clean = " ".join(_typo_fixed(w, p) for w in normalise(text).split())
    for pattern in p.harmless:
        clean = pattern.sub(" - ", clean)
    return clean


def detect_crisis(text: str) -> CrisisSignal | None:
    """The most serious crisis signal in `text`, or None."""
    if not isinstance(text, str) or not text.strip():
        return None
    clean = prepared(text)
    for category, pattern in phrases().signals:
        if pattern.search(clean):
            return CrisisSignal(category)
    return None
