"""Wish items from one sentence a citizen wrote: what the thing is and, if said, its rough price."""
from __future__ import annotations

import re
from dataclasses import dataclass

from dialogs import limits
from dialogs.amounts import find_amount, words_to_digits


@dataclass(frozen=True)
class WishDraft:
    """A wish read from one sentence: what it is and, if said, its rough price in øre."""

    title: str
    price_ore: int | None


# Words that join a title to its price ("til", "som koster", "kr.") and wish openers to drop.
_JOINERS = frozenset(
    "til for til: koster koster: som der den det ca ca. cirka omkring pris pris: prisen er på "
    "ved kr kr. kroner krone dkk ,- - – : = og".split()
)
_OPENERS = re.compile(
    r"^(?:jeg\s+(?:vil\s+gerne\s+(?:have|købe)|vil\s+have|ønsker\s+mig|har\s+brug\s+for|"
    r"mangler|drømmer\s+om|kunne\s+godt\s+bruge))\s+",
    re.IGNORECASE,
)
_DIGITS_WORD = re.compile(r"^[-−–]?\d[\d.,]*(?:,[-–])?(?:kr\.?)?[.,!?]?$")


def _price_span(words: list[str], price_ore: int) -> tuple[int, int] | None:
    """Where in `words` the price is written, as digits or as number words."""
    for i, word in enumerate(words):
        if _DIGITS_WORD.match(word.lower()) and find_amount(word) == price_ore:
            return i, i + 1
    kroner = str(price_ore // 100) if price_ore % 100 == 0 else None
    for size in range(min(len(words), 8), 0, -1):  # the longest run of number words
        for i in range(len(words) - size + 1):
            chunk = " ".join(words[i : i + size]).lower().strip(".,!?")
            if kroner and words_to_digits(chunk) == kroner:
                return i, i + size
    return None


def _trim(words: list[str]) -> list[str]:
    words = list(words)
    while words and words[-1].lower().strip(".!?,") in _JOINERS | {""}:
        words.pop()
    while words and words[0].lower().strip(".!?,") in _JOINERS | {""}:
        words.pop(0)
    return words


def extract_wish(text: str) -> WishDraft | None:
    """A wish from one sentence: "en brugt cykel til ca. 2.000 kr." -> ("En brugt cykel", 200000).

    The price is None when none is said (or it is unclear). Returns None when there is no title.
    """
    if not isinstance(text, str) or len(text) > limits.PARSED_TEXT:
        return None
    words = text.split()
    price = find_amount(text)
    title_words = words
    if price is not None:
        span = _price_span(words, price)
        if span is not None:
            before, after = _trim(words[: span[0]]), _trim(words[span[1] :])
            title_words = before or after
    title = _OPENERS.sub("", " ".join(_trim(title_words))).strip(" .,!?:;-–")[:limits.WISH_TITLE]
    if not title:
        return None
    return WishDraft(title[0].upper() + title[1:], price)
