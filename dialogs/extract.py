"""Danish amounts and wish items from free text.

Money is integer øre. Digits are parsed by Babel (strict, da_DK) and number words by text2num;
this module only finds the candidates and decides what they mean.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal
from text_to_num import alpha2digit

from dialogs.i18n_markers import N_

LOCALE = "da_DK"
MAX_AMOUNT_KR = 10_000_000  # more than this is a typing slip, not a wish
MAX_INPUT_CHARS = 300  # an amount or a wish is short; longer text is not parsed
MAX_TITLE_CHARS = 200

MSG_EMPTY = N_("Skriv et beløb, fx 2.500 kr.")
MSG_NOT_A_NUMBER = N_("Jeg kan ikke finde et beløb. Skriv det med tal, fx 2.500 kr.")
MSG_UNCLEAR = N_("Jeg kan ikke læse beløbet {text}. Skriv det sådan her: 2.500 kr.")
MSG_AMBIGUOUS = N_("Jeg ser to beløb: {first} og {second}. Skriv kun ét beløb.")
MSG_NEGATIVE = N_("Skriv beløbet uden minus.")
MSG_ZERO = N_("Beløbet skal være mere end 0 kr.")
MSG_TOO_LARGE = N_("Det beløb er meget stort. Se, om der er et 0 for meget.")


class AmountError(ValueError):
    """An amount could not be read. `msgid` is a Danish message; `params` fill its placeholders."""

    def __init__(self, msgid: str, params: dict[str, str] | None = None) -> None:
        super().__init__(msgid)
        self.msgid = msgid
        self.params = params or {}


@dataclass(frozen=True)
class WishDraft:
    """A wish read from one sentence: what it is and, if said, its rough price in øre."""

    title: str
    price_ore: int | None


@dataclass(frozen=True)
class _Candidate:
    raw: str  # the digits as written (after number words became digits)
    value: Decimal | None  # None when Babel could not read it
    negative: bool
    marked: bool  # next to "kr."/"kroner"/",-" or after a price word, so surely a price


_NUMBER = re.compile(r"(?<![\w.,])\d(?:[\d.,]*\d)?(?![\w])")
_DASH_SUFFIX = re.compile(r"^,[-–]")
_CURRENCY_AFTER = re.compile(r"^(?:,[-–])?\s*(?:kr\b\.?|kroner\b|krone\b|dkk\b|,[-–])")
_CURRENCY_BEFORE = re.compile(r"(?:\bkr\.?|\bdkk)\s*$")
_CUE_BEFORE = re.compile(
    r"(?:\btil|\bfor|\bkoster|\bca\.?|\bcirka|\bomkring|\bpris(?:en)?(?:\s+er)?|\bpå|[:=])\s*$"
)
_WORD_AFTER = re.compile(r"^\s*[^\W\d_]")
_SIGN_BEFORE = re.compile(r"(?:^\s*[-−–]\s*|(?:^|[\s(])[-−–]|\bminus\s+)$")
_GLUED = re.compile(r"(\d)(kr\b|kroner\b|dkk\b)")  # "3000kr" -> "3000 kr"
_GLUED_DOT = re.compile(r"([^\W\d_])\.(\d)")  # "kr.3000" -> "kr. 3000"
_MULTIPLIER = re.compile(r"(\d[\d.,]*)\s*(tusinde?|mio\b\.?|millioner|million)\b")


def _words_to_digits(text: str) -> str:
    """Lower-case `text`, turn "3 tusind" and number words ("tre tusind") into digits."""
    text = text.lower()

    def multiply(m: re.Match[str]) -> str:
        try:
            number = parse_decimal(m.group(1), locale=LOCALE, strict=True)
        except NumberFormatError:
            return m.group(0)
        factor = 1000 if m.group(2).startswith("tusind") else 1_000_000
        return str(int(number * factor)) if number * factor == int(number * factor) else m.group(0)

    text = _GLUED.sub(r"\1 \2", _GLUED_DOT.sub(r"\1. \2", text))
    text = _MULTIPLIER.sub(multiply, text)
    try:
        return alpha2digit(text, "da")
    except Exception:  # text2num is not ours; any failure just means "no number words"
        return text


def _candidates(text: str) -> list[_Candidate]:
    found = []
    for m in _NUMBER.finditer(text):
        raw = m.group(0)
        before, after = text[: m.start()], text[m.end() :]
        try:
            value: Decimal | None = parse_decimal(raw, locale=LOCALE, strict=True)
        except NumberFormatError:
            value = None
        if value is not None and "," in raw and len(raw.rsplit(",", 1)[1]) > 2:
            value = None  # "3,500" is 3.500 kr. or 3,50 kr.: ask rather than guess
        cue = bool(_CUE_BEFORE.search(before)) or not after.strip(" .!?,)")
        marked = bool(_CURRENCY_AFTER.match(after) or _CURRENCY_BEFORE.search(before)) or (
            cue and not _WORD_AFTER.match(after)
        )
        shown = raw + (",-" if _DASH_SUFFIX.match(after) else "")
        found.append(_Candidate(shown, value, bool(_SIGN_BEFORE.search(before)), marked))
    return found


def _to_ore(value: Decimal) -> int | None:
    ore = value * 100
    return int(ore) if ore == ore.to_integral_value() else None


def parse_amount(text: str) -> int:
    """The one amount in `text` as whole øre, e.g. "ca. 4.000 kr." -> 400000.

    Raises AmountError (with a Danish msgid saying why) for empty text, no number, an unreadable
    number, two different amounts, a negative or zero amount, or more than MAX_AMOUNT_KR.
    """
    if not isinstance(text, str) or not text.strip():
        raise AmountError(MSG_EMPTY)
    if len(text) > MAX_INPUT_CHARS:
        raise AmountError(MSG_NOT_A_NUMBER)
    found = _candidates(_words_to_digits(text))
    if not found:
        raise AmountError(MSG_NOT_A_NUMBER)
    for c in found:
        if c.value is None or _to_ore(c.value) is None:
            raise AmountError(MSG_UNCLEAR, {"text": c.raw})
    distinct = {}
    for c in found:
        distinct.setdefault(c.value, c)
    if len(distinct) > 1:
        first, second = list(distinct.values())[:2]
        raise AmountError(MSG_AMBIGUOUS, {"first": first.raw, "second": second.raw})
    only = found[0]
    if only.negative:
        raise AmountError(MSG_NEGATIVE)
    if only.value == 0:
        raise AmountError(MSG_ZERO)
    if only.value > MAX_AMOUNT_KR:
        raise AmountError(MSG_TOO_LARGE)
    return _to_ore(only.value)  # type: ignore[return-value]  # checked above


def find_amount(text: str) -> int | None:
    """The price in a sentence ("en cykel til ca. 2.000 kr." -> 200000), or None if unsure.

    Only numbers that look like a price count (next to "kr."/"kroner", after "til"/"koster"/"ca.",
    or last in the text), so "2 billetter til 300 kr." gives 30000. Never raises.
    """
    if not isinstance(text, str) or len(text) > MAX_INPUT_CHARS:
        return None
    found = [c for c in _candidates(_words_to_digits(text)) if c.marked]
    if any(c.value is None for c in found):
        return None
    values = {c.value for c in found if not c.negative}
    if len(values) != 1:
        return None
    value = values.pop()
    ore = _to_ore(value)
    if ore is None or value <= 0 or value > MAX_AMOUNT_KR:
        return None
    return ore


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
            if kroner and _words_to_digits(chunk) == kroner:
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
    if not isinstance(text, str) or len(text) > MAX_INPUT_CHARS:
        return None
    words = text.split()
    price = find_amount(text)
    title_words = words
    if price is not None:
        span = _price_span(words, price)
        if span is not None:
            before, after = _trim(words[: span[0]]), _trim(words[span[1] :])
            title_words = before or after
    title = _OPENERS.sub("", " ".join(_trim(title_words))).strip(" .,!?:;-–")[:MAX_TITLE_CHARS]
    if not title:
        return None
    return WishDraft(title[0].upper() + title[1:], price)
