"""Money typed by a person: the one parser for every place a citizen or staff member writes an amount, the
one rule that a price is more than 0 kr., and the inverse for putting an amount back into an input field.

Money is integer øre. Digits are parsed by Babel (strict, da_DK) and number words by text2num;
this module only finds the candidates and decides what they mean. Ambiguity is an error with a question,
never a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import NumberFormatError, format_decimal, parse_decimal
from text_to_num import alpha2digit

from dialogs import limits
from dialogs.i18n_markers import N_
from dialogs.rules import RuleError

LOCALE = "da_DK"  # amounts are typed the Danish way whatever the page's language

MSG_EMPTY = N_("Skriv et beløb, fx 2.500 kr.")
MSG_NOT_A_NUMBER = N_("Jeg kan ikke finde et beløb. Skriv det med tal, fx 2.500 kr.")
MSG_UNCLEAR = N_("Jeg kan ikke læse beløbet {text}. Skriv det sådan her: 2.500 kr.")
MSG_AMBIGUOUS = N_("Jeg ser to beløb: {first} og {second}. Skriv kun ét beløb.")
MSG_NEGATIVE = N_("Skriv beløbet uden minus.")
MSG_ZERO = N_("Beløbet skal være mere end 0 kr.")
MSG_TOO_LARGE = N_("Det beløb er meget stort. Se, om der er et 0 for meget.")


class AmountError(RuleError):
    """An amount could not be read; the message says how to write it."""


def check_positive(ore: int) -> int:
    """The one rule that an amount (a price, a payment) is more than 0 kr."""
    if ore <= 0:
        raise AmountError(MSG_ZERO)
    return ore


def ore_to_input(ore: int | None) -> str:
    """An amount as a person would type it back in (Danish digits): 300000 -> '3.000', 300050 -> '3.000,50'."""
    if ore is None:
        return ""
    pattern = "#,##0" if ore % 100 == 0 else "#,##0.00"
    return format_decimal(Decimal(ore) / 100, format=pattern, locale=LOCALE)


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


def words_to_digits(text: str) -> str:
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
    number, two different amounts, a negative or zero amount, or more than limits.AMOUNT_KR.
    """
    if not isinstance(text, str) or not text.strip():
        raise AmountError(MSG_EMPTY)
    if len(text) > limits.PARSED_TEXT:
        raise AmountError(MSG_NOT_A_NUMBER)
    found = _candidates(words_to_digits(text))
    if not found:
        raise AmountError(MSG_NOT_A_NUMBER)
    for c in found:
        if c.value is None or _to_ore(c.value) is None:
            raise AmountError(MSG_UNCLEAR, text=c.raw)
    distinct = {}
    for c in found:
        distinct.setdefault(c.value, c)
    if len(distinct) > 1:
        first, second = list(distinct.values())[:2]
        raise AmountError(MSG_AMBIGUOUS, first=first.raw, second=second.raw)
    only = found[0]
    if only.negative:
        raise AmountError(MSG_NEGATIVE)
    if only.value > limits.AMOUNT_KR:
        raise AmountError(MSG_TOO_LARGE)
    return check_positive(_to_ore(only.value))  # type: ignore[arg-type]  # checked above


def find_amount(text: str) -> int | None:
    """The price in a sentence ("en cykel til ca. 2.000 kr." -> 200000), or None if unsure.

    Only numbers that look like a price count (next to "kr."/"kroner", after "til"/"koster"/"ca.",
    or last in the text), so "2 billetter til 300 kr." gives 30000. Never raises.
    """
    if not isinstance(text, str) or len(text) > limits.PARSED_TEXT:
        return None
    found = [c for c in _candidates(words_to_digits(text)) if c.marked]
    if any(c.value is None for c in found):
        return None
    values = {c.value for c in found if not c.negative}
    if len(values) != 1:
        return None
    value = values.pop()
    ore = _to_ore(value)
    if ore is None or value <= 0 or value > limits.AMOUNT_KR:
        return None
    return ore
