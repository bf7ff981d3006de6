"""LIX readability of Danish text: words per sentence + percent of words with 7 or more letters.

Bands: under 25 very easy, 25-34 easy, 35-44 medium, 45-54 hard, 55 and over very hard.
Counting follows the shared release check: placeholders count as one short word, and a text
without an end mark is one sentence.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

LONG_WORD_LETTERS = 7  # a long word has more than six letters
CITIZEN_TEXT_MAX = 25  # what we aim for in everything a citizen reads
# (upper bound, band): under 25 very easy, 25-34 easy, 35-44 medium, 45-54 hard, 55 and over very hard.
BANDS = ((25, "very_easy"), (35, "easy"), (45, "medium"), (55, "hard"), (float("inf"), "very_hard"))

_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[sd]|%[sd]")
_MARKUP = re.compile(r"[*_`#>\[\]()|~]|https?://\S+|:[a-z_]+:")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.:!?]+(?:\s|$)|\n\s*\n|\n\s*[-•]\s")


@dataclass(frozen=True)
class LixCounts:
    """What LIX is computed from; counts of several texts add up."""

    words: int = 0
    sentences: int = 0
    long_words: int = 0

    def __add__(self, other: LixCounts) -> LixCounts:
        return LixCounts(
            self.words + other.words,
            self.sentences + other.sentences,
            self.long_words + other.long_words,
        )

    @property
    def lix(self) -> float:
        if self.words == 0:
            return 0.0
        return self.words / max(self.sentences, 1) + 100.0 * self.long_words / self.words


def counts(text: str) -> LixCounts:
    """Words, sentences and long words of one text."""
    text = _MARKUP.sub(" ", _PLACEHOLDER.sub("X", text))
    words = _WORD.findall(text)
    if not words:
        return LixCounts()
    sentences = max(1, len(_SENTENCE_END.findall(text.strip() + " ")))
    long_words = sum(
        1 for w in words if len(w.replace("-", "").replace("'", "")) >= LONG_WORD_LETTERS
    )
    return LixCounts(len(words), sentences, long_words)


def lix(text: str) -> float:
    """LIX of one text (0.0 for a text without words)."""
    return counts(text).lix


def band(score: float) -> str:
    """The band a LIX score falls in: very_easy, easy, medium, hard or very_hard."""
    return next(name for upper, name in BANDS if score < upper)


def lix_total(texts: Iterable[str]) -> float:
    """LIX of several texts read as one: their counts are added first."""
    return sum((counts(t) for t in texts), LixCounts()).lix
