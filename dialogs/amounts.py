"""Money typed by a person: the one parser for every place a citizen or staff member writes an amount, the
one rule that a price is more than 0 kr., and the inverse for putting an amount back into an input field.

Money is integer øre. Digits are parsed by Babel (strict, da_DK) and number words by text2num;
this module only finds the candidates and decides what they mean. Ambiguity is an error with a question,
never a guess: two amounts, a range, "eller", a dot that may be a thousands separator ("3.5"), a
shorthand ("4k", "2t"), a bound ("over 3000"), zero, a minus, or a typing slip that is far too large.

`parse_amount(text)` reads a field that should hold one amount; `read_price(text)` reads the price in a
sentence ("en seng til 1.200 kr.") and says where it is, so the wish's title can be cut around it.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from babel.numbers import format_decimal

from dialogs import limits
from dialogs.amount_text import (
    BOUND_AFTER,
    BOUND_BEFORE,
    LOCALE,
    UNIT_AFTER,
    Candidate,
    candidates,
    linked,
)
from dialogs.amount_words import count_before, each_count_before, fraction, glued_times, per_period, times_before, vague
from dialogs.i18n_markers import N_
from dialogs.rules import RuleError

MSG_EMPTY = N_("Skriv et beløb, fx 2.500 kr.")
MSG_NOT_A_NUMBER = N_("Jeg kan ikke finde et beløb. Skriv det med tal, fx 2.500 kr.")
MSG_UNCLEAR = N_("Jeg kan ikke læse beløbet {text}. Skriv det sådan her: 2.500 kr.")
MSG_AMBIGUOUS = N_("Jeg ser to beløb: {first} og {second}. Hvilket beløb skal det være?")
MSG_EITHER = N_("Er det {first} eller {second}? Skriv det beløb, du tror mest på.")
MSG_RANGE = N_("Du skriver fra {first} til {second}. Hvad tror du, det koster? Skriv ét beløb.")
MSG_DOT = N_("Er det {small} eller {large}? Skriv hele beløbet igen.")
MSG_SHORTHAND = N_("Mener du {value}? Skriv hele beløbet med tal.")
MSG_BOUND = N_("Du skriver {text}. Hvad koster det cirka? Skriv ét beløb.")
MSG_NEGATIVE = N_("Et beløb kan ikke være minus. Mener du {value}?")
MSG_ZERO = N_("Beløbet skal være mere end 0 kr.")
MSG_ZERO_TYPED = N_("Du skriver 0 kr. Hvad koster det? Skriv et beløb over 0 kr.")
MSG_TOO_LARGE = N_("{value} er et meget stort beløb. Er der et 0 for meget?")
MSG_EACH = N_("Er {value} prisen for dem alle, eller for hver? Skriv, hvad det koster i alt.")
MSG_PER = N_("Du skriver {text}. Hvad koster det i alt for hele tiden? Skriv ét beløb.")
MSG_VAGUE = N_("Hvor meget cirka? Skriv ét beløb med tal, fx 2.500 kr.")
MSG_PER_PIECE = N_("Du skriver {text}. Hvor mange skal du have? Skriv, hvad de koster i alt.")
MSG_FOREIGN = N_("Skriv prisen i danske kroner, fx 2.500 kr.")

ALL_MESSAGES = (MSG_EMPTY, MSG_NOT_A_NUMBER, MSG_UNCLEAR, MSG_AMBIGUOUS, MSG_EITHER, MSG_RANGE, MSG_DOT,
                MSG_SHORTHAND, MSG_BOUND, MSG_NEGATIVE, MSG_ZERO, MSG_ZERO_TYPED, MSG_TOO_LARGE, MSG_EACH, MSG_PER,
                MSG_VAGUE, MSG_PER_PIECE, MSG_FOREIGN)


class AmountError(RuleError):
    """An amount could not be read; the message asks back how it is meant."""


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


# --- deciding what the numbers mean ----------------------------------------------------------------------

def _to_ore(value: Decimal) -> int | None:
    ore = value * 100
    return int(ore) if ore == ore.to_integral_value() else None


def _bigger(c: Candidate) -> int:
    """'3.5' read as thousands: 3.500 kr. in øre."""
    whole, _, part = c.raw.partition(".")
    return int(whole + part.ljust(3, "0")) * 100


def _judge(text: str, found: list[Candidate]) -> int:
    """The øre of the one amount in `found`, or AmountError with the question to ask back."""
    if vague(text):
        raise AmountError(MSG_VAGUE)
    if any(c.foreign for c in found):
        raise AmountError(MSG_FOREIGN)   # "300 euro" is not 300 kr.
    if written := fraction(text):
        raise AmountError(MSG_UNCLEAR, text=written)
    times = 1
    periods = [p for c in found if (p := per_period(text, c.start, c.end)) and p.count_span != (0, 0)]
    if periods:   # "500 kr. om måneden i 6 måneder": the 6 is how long, not a second amount
        low, high = periods[0].count_span
        found = [c for c in found if not low <= c.start < high]
    if (product := times_before(text, found[-1].start)) and all(c.start >= product[1] for c in found[:-1]):
        times, found = product[0], found[-1:]   # "2 x 500 kr.", "3 stk. à 200": the price of them all
    for c in found:
        if c.shorthand and c.value is not None and _to_ore(c.value * 1000) is not None:
            raise AmountError(MSG_SHORTHAND, value_ore=_to_ore(c.value * 1000))
    for c in found:
        if c.dotted and c.value is not None:
            raise AmountError(MSG_DOT, small_ore=_to_ore(c.value), large_ore=_bigger(c))
        if c.value is None or _to_ore(c.value) is None:
            raise AmountError(MSG_UNCLEAR, text=c.raw)
    distinct: dict[Decimal, Candidate] = {}
    for c in found:
        distinct.setdefault(c.value, c)  # type: ignore[arg-type]  # None raised above
    if len(distinct) > 1:
        first, second = list(distinct.values())[:2]
        link = linked(text, first, second)
        params = {"first_ore": _to_ore(first.value), "second_ore": _to_ore(second.value)}  # type: ignore[arg-type]
        raise AmountError({"either": MSG_EITHER, "range": MSG_RANGE}.get(link or "", MSG_AMBIGUOUS), **params)
    only = found[0]
    ore = _to_ore(only.value)  # type: ignore[arg-type]
    assert ore is not None
    if only.negative:
        raise AmountError(MSG_NEGATIVE, value_ore=ore)
    bound_before = BOUND_BEFORE.search(text[: only.start])
    if bound_before or BOUND_AFTER.match(text[only.end:]):
        words = (text[bound_before.start(): only.end] if bound_before else
                 text[only.start: only.end + BOUND_AFTER.match(text[only.end:]).end()])  # type: ignore[union-attr]
        raise AmountError(MSG_BOUND, text=" ".join(words.split()))
    if ore == 0:
        raise AmountError(MSG_ZERO_TYPED)
    if period := per_period(text, only.start, only.end):
        if period.count is None:
            raise AmountError(MSG_PER_PIECE if period.unit == "s" else MSG_PER, text=period.text)
        times *= period.count   # "300 kr. om måneden i 6 måneder": the price of the whole time
    if times == 1 and count_before(text, only.start):
        times = each_count_before(text, only.start) or 1   # "2 billetter à 450": 450 each
        if times == 1:
            raise AmountError(MSG_EACH, value_ore=ore)   # "2 billetter til 300 kr.": each, or both?
    ore *= times
    if ore == 0:
        raise AmountError(MSG_ZERO_TYPED)   # "0 x 500 kr."
    if ore > limits.AMOUNT_KR * 100:
        raise AmountError(MSG_TOO_LARGE, value_ore=ore)
    return ore


def parse_amount(text: str) -> int:
    """The one amount in `text` as whole øre, e.g. "ca. 4.000 kr." -> 400000, "1 200 kr" -> 120000.

    Raises AmountError (a Danish msgid that asks back) for empty text, no number, an unreadable number,
    two different amounts, a range, "eller", "3.5", "4k", a bound, a minus, zero, or more than limits.AMOUNT_KR.
    """
    if not isinstance(text, str) or not text.strip():
        raise AmountError(MSG_EMPTY)
    if len(text) > limits.PARSED_TEXT:
        raise AmountError(MSG_NOT_A_NUMBER)
    text = glued_times(text)
    found = candidates(text)
    if not found:
        raise AmountError(MSG_NOT_A_NUMBER)
    return _judge(text, _without_counts(text, found))


def _without_counts(text: str, found: list[Candidate]) -> list[Candidate]:
    """Beside a marked price, a number followed by a word is a count of things ("2 billetter til 300 kr."),
    not a second amount; the count is then asked about (each, or all?) instead of two amounts."""
    marked = [c for c in found if c.marked]
    if len(marked) != 1:
        return found
    return [c for c in found if c.marked or not count_before(text, marked[0].start, at=c)]


@dataclass(frozen=True)
class PriceReading:
    """The price in a sentence: `ore` when it is clear, `error` (the question to ask back) when a price was
    written but is not clear, both None when no price was written. `spans` are where the price words are."""

    ore: int | None = None
    error: AmountError | None = None
    spans: tuple[tuple[int, int], ...] = ()


def _price_like(text: str, found: list[Candidate]) -> list[Candidate]:
    """The numbers in a sentence that are a price: the marked ones and their partners in a range or a choice;
    else one bare number of 100 or more that is not a count ("en seng 1200 fra Ikea")."""
    marked = [c for c in found if c.marked]
    for a, b in pairwise(found):
        if linked(text, a, b) and (a in marked) != (b in marked):
            marked.append(b if a in marked else a)
    if marked:
        return sorted(marked, key=lambda c: (c.start, found.index(c)))
    bare = [c for c in found if c.value is not None and c.value >= 100 and not UNIT_AFTER.match(text[c.end:])]
    return bare if len(bare) == 1 else []


def read_price(text: str) -> PriceReading:
    """The price in one sentence ("en seng til 1.200 kr." -> 120000). Never raises: a price that must be
    asked back comes as `error`. Counts ("2 billetter til 300 kr.") are not prices."""
    if not isinstance(text, str) or len(text) > limits.PARSED_TEXT:
        return PriceReading()
    text = glued_times(text)
    found = _price_like(text, candidates(text))
    if not found:
        return PriceReading()
    spans = tuple(sorted({(c.start, c.end) for c in found}))
    if len(found) == 1 and (product := times_before(text, found[0].start)):
        spans = ((product[1], found[0].end),)   # "2 x 500 kr.": the count is part of the price
    try:
        return PriceReading(_judge(text, found), None, spans)
    except AmountError as asked:
        return PriceReading(None, asked, spans)


def find_amount(text: str) -> int | None:
    """The price in a sentence ("en cykel til ca. 2.000 kr." -> 200000), or None if none or unsure."""
    return read_price(text).ore
