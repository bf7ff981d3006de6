"""The words around a price that change what it means, for dialogs.amounts: a product ("2 x 500 kr."),
a count of things before the price ("2 billetter til 300 kr.": each, or all?), a price per period
("300 kr. om måneden"), a vague amount ("et par tusind") and a fraction sign ("2½ tusind").
Pure functions over the text as written; dialogs.amounts decides what to ask.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_COUNT_WORDS = {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10,
                "elleve": 11, "tolv": 12, "femten": 15, "tyve": 20}
_COUNT = rf"(?<![\w.,])(?P<n>\d{{1,3}}|{'|'.join(_COUNT_WORDS)})"
_TIMES = re.compile(rf"{_COUNT}\s*(?:x|×|\*|gange\s*(?:à|á|a)?|stk\.?\s*(?:à|á|a|af)?|styk\s*(?:à|á|a)?|à|á)\s*"
                    r"(?:kr\.?\s*)?$",
                    re.IGNORECASE)
_NOT_A_THING = r"(?!(?:til|for|kr|kroner|og|eller|à|a|x|af|på)\b)"
# "2 billetter til", "psykolog 10 gange til", "5 klippekort til svømmehallen": a count, a thing, up to three
# more words, and then the price. "og" or a comma in between makes it a list, not a count.
_COUNT_OF_THINGS = re.compile(
    rf"{_COUNT}\s+{_NOT_A_THING}[^\W\d_]+(?:\s+(?!og\b|eller\b)[^\W\d_]+){{0,3}}\s*(?:til|for|à|á|:|-|–)?\s*"
    r"(?:kr\.?\s*)?$", re.IGNORECASE)
_PERIOD = (r"måneden|måned|md\.?|mdr\.?|mnd\.?|ugen|uge|året|dagen|dag|døgnet|døgn|timen|time|gangen|gang|"
           r"stykket|styk|stk\.?")
_PER_AFTER = re.compile(
    rf"^\s*(?:kr\.?|kroner|,-)?\s*(?P<p>(?:om|pr\.?|per|hver|om\s+en|a|à|á|/)\s*(?:{_PERIOD})|stykket|"
    r"i\s+(?:måneden|ugen|året|timen|døgnet)|månedlig(?:t)?|ugentlig(?:t)?|årlig(?:t)?|daglig(?:t)?)(?!\w)",
    re.IGNORECASE)
# "… om måneden i 6 måneder": how many periods, said right after (the same unit, or it is asked back)
_FOR_HOW_LONG = re.compile(rf"^\s*,?\s*(?:i|gennem|over|for)\s+(?P<n>\d{{1,3}}|{'|'.join(_COUNT_WORDS)})\s+"
                           r"(?P<u>måneder|måned|mdr\.?|mnd\.?|uger|uge|år|dage|dag|døgn|gange|gang|timer|time)(?!\w)",
                           re.IGNORECASE)
_UNITS = (("måned", "m"), ("md", "m"), ("mnd", "m"), ("uge", "u"), ("ugent", "u"), ("år", "a"), ("dag", "d"),
          ("døgn", "d"), ("gang", "g"), ("time", "t"), ("stk", "s"), ("styk", "s"))
_PER_BEFORE = re.compile(r"(?:månedlig(?:t)?|ugentlig(?:t)?|årlig(?:t)?|hver\s+måned|om\s+måneden)\s*(?:kr\.?\s*)?$",
                         re.IGNORECASE)
_VAGUE = re.compile(r"\b(?:et\s+par|par|nogle|flere|mange|adskillige)\s+(?:tusinde?|hundrede|tusind\w*)\b",
                    re.IGNORECASE)
_FRACTION = re.compile(r"\d*\s*[½¼¾]\s*(?:tusinde?|hundrede|kr\.?|kroner)?", re.IGNORECASE)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _COUNT_WORDS[word.lower()]


_GLUED_X = re.compile(r"(?<=[\d\s])[xX](?=\s*\d)")
_ASCII_DIGITS = {**{0x0660 + n: str(n) for n in range(10)}, **{0x06F0 + n: str(n) for n in range(10)}}  # ٠-٩, ۰-۹
# "5oo kr", "3OOO": the letter o typed for a zero, inside a number that starts with a digit
_O_FOR_ZERO = re.compile(r"(?<![\w.,])\d[\d.,]*[oO][\doO.,]*(?![^\W\d_])")


def glued_times(text: str) -> str:
    """Same-length fixes before numbers are read (spans stay right): "2x500" → "2×500" (the 500 is no longer
    glued to a letter), "5oo" → "500" (an o typed for a zero; before, "5oo kr" was read as 5 kr.), and
    Arabic-Indic digits and separators as Danish ones ("١٬٥٠٠" → "1.500")."""
    text = _O_FOR_ZERO.sub(lambda m: m.group(0).replace("o", "0").replace("O", "0"), text)
    text = text.replace("\u066c", ".").replace("\u066b", ",").translate(_ASCII_DIGITS)   # Arabic digits, separators
    return _GLUED_X.sub("×", text)


def times_before(text: str, start: int) -> tuple[int, int] | None:
    """(count, where the count starts) when the price at `start` follows "2 x", "3 stk. à", "4 gange"."""
    m = _TIMES.search(text[:start])
    return (_number(m.group("n")), m.start()) if m else None


def _things_counted(text: str, start: int) -> tuple[int, re.Match[str]] | None:
    """(the count, its match) when two or more things are counted just before the price at `start`."""
    m = _COUNT_OF_THINGS.search(text[:start])
    return (_number(m.group("n")), m) if m and _number(m.group("n")) >= 2 else None


def count_before(text: str, start: int, *, at: object | None = None) -> bool:
    """True when a count of two or more things stands just before the price at `start` ("2 billetter til").
    With `at` (a candidate number), only when that number is the count."""
    counted = _things_counted(text, start)
    return counted is not None and (at is None or getattr(at, "start", None) == counted[1].start("n"))


_EACH_JUST_BEFORE = re.compile(r"(?:à|á)\s*(?:kr\.?\s*)?$", re.IGNORECASE)


def each_count_before(text: str, start: int) -> int | None:
    """The count when "à" stands between a count of things and the price ("2 billetter à 450": 450 each, so
    900 in all); None otherwise ("2 billetter til 450" may be each or all: that is asked)."""
    counted = _things_counted(text, start)
    return counted[0] if counted and _EACH_JUST_BEFORE.search(text[:start]) else None


@dataclass(frozen=True)
class Period:
    """A price per month, week, year, day, hour, time or piece: the words as written, and how many periods
    when the text says so right after ("i 6 måneder"), with where that number stands."""

    text: str
    unit: str | None = None                # "m" month, "u" week, "a" year, "d" day, "g" time, "t" hour, "s" piece
    count: int | None = None
    count_span: tuple[int, int] = (0, 0)   # where "6" in "i 6 måneder" stands, also when it is asked back


def _unit(words: str) -> str | None:
    last = re.sub(r"^(?:om|pr\.?|per|hver|om\s+en|a|à|á|i|/)\s*", "", words.strip().lower())
    return next((key for prefix, key in _UNITS if last.startswith(prefix)), None)


def per_period(text: str, start: int, end: int) -> Period | None:
    """The period of the price at start:end ("300 kr. om måneden"), or None for a price of the whole thing."""
    if before := _PER_BEFORE.search(text[:start]):
        return Period(" ".join(text[before.start(): end].split()), _unit(before.group(0)) or "m")
    after = _PER_AFTER.match(text[end:])
    if not after:
        return None
    said = Period(" ".join(text[start: end + after.end()].split()), _unit(after.group("p")))
    rest = end + after.end()
    how_long = _FOR_HOW_LONG.match(text[rest:])
    if not how_long:
        return said
    span = (rest + how_long.start("n"), rest + how_long.end("n"))
    same_unit = _unit(after.group("p")) == _unit(how_long.group("u"))   # "om ugen i 3 måneder": asked back
    return Period(said.text, said.unit, _number(how_long.group("n")) if same_unit else None, span)


def vague(text: str) -> bool:
    """"et par tusind", "nogle hundrede": an amount nobody can write down."""
    return bool(_VAGUE.search(text))


def fraction(text: str) -> str | None:
    """"2½ tusind" as written: a fraction sign the number reader does not read."""
    m = _FRACTION.search(text)
    return " ".join(m.group(0).split()) if m else None
