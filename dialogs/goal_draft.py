"""The guide's draft of a goal: the citizen's own words from what would move them forward (or their dreams), and
a proposed category from the keyword table in goal_words.toml. Pure: no Streamlit, no database.

The draft is only a suggestion: the page shows it, the citizen confirms it with one tap, edits it, or picks
another category. Nothing is drafted from "ved ikke" or an empty answer, and no category is proposed without a
word that points to one.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from dialogs import limits
from dialogs.categories import DEFAULT_CATEGORIES
from dialogs.text import SKIPPED

WORDS_FILE = Path(__file__).with_name("goal_words.toml")
STRONG, WEAK = 2, 1
FUZZY_MIN_LENGTH = 6      # a typo is forgiven only in a word this long (short words differ by one letter)
FUZZY_RATIO = 0.85

_WORD = re.compile(r"[^\W_]+(?:[.-][^\W_]+)*\.?")  # letters of any script: an answer in Arabic has words too
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class GoalDraft:
    text: str               # the citizen's own words
    category: str | None    # a proposed category key, or None when no word points to one


@dataclass(frozen=True)
class _Keyword:
    category: str
    words: tuple[str, ...]  # folded; a phrase has several
    prefix: bool
    weight: int

    @property
    def length(self) -> int:
        return sum(len(w) for w in self.words)


def fold(text: str) -> str:
    """Lower case, æ/ø/å and their ASCII spellings folded together ("kørekort", "koerekort", "korekort" are the
    same), accents removed."""
    text = text.casefold()
    text = text.replace("æ", "e").replace("ø", "o").replace("å", "a")
    text = text.replace("aa", "a").replace("ae", "e").replace("oe", "o")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def _tokens(text: str) -> list[str]:
    return [t.rstrip(".") or t for t in _WORD.findall(fold(text))]


@dataclass(frozen=True)
class _Table:
    keywords: tuple[_Keyword, ...]
    not_a_goal: frozenset[str]
    draft_from: tuple[str, ...]  # the course steps whose answers a goal is drafted from, best first


@lru_cache(maxsize=4)
def load_table(path: Path = WORDS_FILE) -> _Table:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    known = {c.key for c in DEFAULT_CATEGORIES}
    keywords: list[_Keyword] = []
    for category, lists in data["categories"].items():
        if category not in known:
            raise ValueError(f"{path.name}: unknown category {category!r}")
        for weight_name, weight in (("strong", STRONG), ("weak", WEAK)):
            for raw in lists.get(weight_name, []):
                prefix = raw.endswith("*")
                words = tuple(_tokens(raw.rstrip("*")))
                if not words:
                    raise ValueError(f"{path.name}: empty keyword in {category}")
                keywords.append(_Keyword(category, words, prefix, weight))
    not_a_goal = frozenset(" ".join(_tokens(p)) for p in data.get("not_a_goal", []))
    return _Table(tuple(keywords), not_a_goal, tuple(data.get("draft_from", ())))


EXACT, FUZZY, NO = 2, 1, 0


def _word_matches(token: str, word: str, prefix: bool) -> int:
    """EXACT (the word, or a word it starts when `prefix`), FUZZY (a small typo in a long word) or NO."""
    if token == word or (prefix and token.startswith(word)):
        return EXACT
    if len(word) < FUZZY_MIN_LENGTH or len(token) < FUZZY_MIN_LENGTH - 1 or not word.isascii():
        return NO   # typos only in Latin letters: Arabic words a letter apart are other words
    candidates = [token[:n] for n in (len(word) - 1, len(word), len(word) + 1)] if prefix else [token]
    return FUZZY if any(SequenceMatcher(None, c, word).ratio() >= FUZZY_RATIO for c in candidates) else NO


def _match(tokens: list[str], position: int, keyword: _Keyword) -> int:
    """How well the keyword matches the words from `position`: its weakest word's match."""
    if position + len(keyword.words) > len(tokens):
        return NO
    last = len(keyword.words) - 1
    return min(_word_matches(tokens[position + n], w, keyword.prefix and n == last)
               for n, w in enumerate(keyword.words))


def _hits(tokens: list[str], table: _Table) -> list[tuple[int, _Keyword]]:
    """(position, keyword) for every keyword found. Where several keywords match at one position, an exact match
    beats a typo ("regninger" is a bill, not "træning"), and then only the longest counts: "rejsekort" is
    transport, not "rejse*" (leisure)."""
    found: list[tuple[int, _Keyword]] = []
    for position in range(len(tokens)):
        here = [(q, k) for k in table.keywords if (q := _match(tokens, position, k))]
        if here:
            best = max((q, k.length) for q, k in here)
            found.extend((position, k) for q, k in here if (q, k.length) == best)
    return found


def propose_category(text: str, allowed: Collection[str] | None = None, *, table: _Table | None = None
                     ) -> str | None:
    """The category the words point to most (strong words count double), or None. A tie goes to the topic named
    first. Only categories in `allowed` (the programme's) are proposed."""
    table = table or load_table()
    scores: dict[str, int] = {}
    first: dict[str, int] = {}
    for position, keyword in _hits(_tokens(text), table):
        if allowed is not None and keyword.category not in allowed:
            continue
        scores[keyword.category] = scores.get(keyword.category, 0) + keyword.weight
        first.setdefault(keyword.category, position)
    if not scores:
        return None
    return min(scores, key=lambda c: (-scores[c], first[c]))


def is_not_a_goal(text: str, *, table: _Table | None = None) -> bool:
    """"Ved ikke", "ingenting", a lone "ja": nothing to make a goal of."""
    table = table or load_table()
    tokens = _tokens(text)
    return not any(len(t) > 1 for t in tokens) or " ".join(tokens) in table.not_a_goal


def sentences(text: str) -> list[str]:
    """The answer's sentences, trimmed, in order."""
    return [s.strip(" \t-–•*") for s in _SENTENCE_END.split(text) if s.strip(" \t-–•*")]


def _as_goal(sentence: str) -> str:
    """The citizen's words as they wrote them: only the first letter made a capital, cut at the goal's length."""
    text = " ".join(sentence.split())[: limits.COURSE_GOAL_TEXT].strip()
    return text[:1].upper() + text[1:]


def draft_goal(answers: Mapping[str, object], *, used: Iterable[str] = (), allowed: Collection[str] | None = None
               ) -> GoalDraft | None:
    """A goal in the citizen's own words from the first sentence of the source answers that is not "ved ikke"
    and not a goal already written (`used`: the texts of the other goal answers), with its proposed category."""
    table = load_table()
    taken = {" ".join(_tokens(u)) for u in used}
    for step_id in table.draft_from:
        value = answers.get(step_id)
        if not isinstance(value, str) or value == SKIPPED:
            continue
        for sentence in sentences(value):
            if is_not_a_goal(sentence, table=table) or " ".join(_tokens(sentence)) in taken:
                continue
            text = _as_goal(sentence)
            return GoalDraft(text, propose_category(text, allowed, table=table))
    return None
