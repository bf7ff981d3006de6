"""Finding the numbers in a person's own text for dialogs.amounts: digits ("1.200", "1 200", "3000kr", "4k"),
number words ("to tusinde", "halvanden tusind", "femten hundrede"), where they stand, and what is around
them (kr., a price word, a minus, "eller", a range). Deciding what they mean is dialogs.amounts' job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal
from text_to_num import alpha2digit

LOCALE = "da_DK"  # amounts are typed the Danish way whatever the page's language

_NUMBER_WORD = (r"(?:nul|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tretten|fjorten|femten|seksten|"
                r"sytten|atten|nitten|tyve|tredive|fyrre(?:tyve)?|halvtreds(?:indstyve)?|tres(?:indstyve)?|"
                r"halvfjerds(?:indstyve)?|firs(?:indstyve)?|halvfems(?:indstyve)?|hundrede|hundred|tusinde?|"
                r"millioner|million|mio|halvanden|halvandet|halvt|halv|tusser|tusse|og)")
_WORD_NUMBER = rf"(?!og\b)(?:{_NUMBER_WORD})+"  # "to", "tusind", "totusindfemhundrede", "femogtyve"
_SCALE = re.compile(r"hundred|tusind|tusse|million|mio|halvanden|halvandet")
_DIGITS = r"\d(?:[\d.,]*\d)?(?:[ \u00a0\u202f]\d{3}(?![\d]|[.,]\d))*"  # "1.200", "2.500,50", "1 200"
_SHORT = r"(?:\s?(?:k(?!r)|t|tkr|tus)\.?)"  # "4k", "5 k", "2t", "5 tkr": thousands, asked back
_ATOM = rf"(?:(?P<d>{_DIGITS})(?P<s>{_SHORT}(?![^\W\d_]))?(?![\d])|\b{_WORD_NUMBER}\b)"
# A number starts a word, or follows "ca", "kr" or "dkk" glued to it ("ca1200", "kr.1200").
_GLUED_CUE = r"(?<=\bca)|(?<=\bca\.)|(?<=\bkr)|(?<=\bkr\.)|(?<=\bdkk)"
_GROUP = re.compile(rf"(?:(?<!\w)|{_GLUED_CUE})(?<!\d,)(?<!\d\.){_ATOM}(?:[ \u00a0]+(?:og[ \u00a0]+)?\b{_WORD_NUMBER}\b)*", re.IGNORECASE)
_NUMBER = re.compile(r"\d(?:[\d.,]*\d)?")
_SMALL_WORDS = {"en": 1, "et": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9,
                "ti": 10}
_LINK_AFTER = re.compile(r"^\s*(?:-|–|til|og|eller)\s*(?:\d|[^\W\d_]+\s+(?:tusind|hundrede|million))",
                         re.IGNORECASE)

CURRENCY_AFTER = re.compile(r"^(?:,[-–]|\.[-–])?\s*(?:kr\b\.?|kroner\b|krone\b|kr(?=\d)|dkk\b|,[-–]|\.[-–]|"
                             r"كرون(?:ة|ه|ات)?\b)",
                             re.IGNORECASE)
# Another currency: the price must be asked again in kroner, never read as kroner ("300 euro" is not 300 kr.).
_FOREIGN_AFTER = re.compile(r"^\s*(?:euro\b|eur\b|€|dollars?\b|usd\b|\$|pund\b|£|gbp\b|sek\b|nok\b|"
                            r"(?:svenske|norske|islandske) (?:kroner|kr)\b)", re.IGNORECASE)
_FOREIGN_BEFORE = re.compile(r"(?:€|\$|£|\beur|\busd|\bgbp|\bsek)\s*$", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?:\bkr\.?|\bkroner|\bdkk)\s*:?\s*$", re.IGNORECASE)
_CUE_BEFORE = re.compile(
    r"(?:\btil|\bfor|\bkoster|\bkostede|\bca\.?|\bcirka|\bomkring|\bomtrent|\bpris(?:en)?(?:\s+er)?|\bpå|"
    r"\btilsammen|\bi\s+alt|\bsammenlagt|\bvist|\bnok|\bmåske|\bde|\bsådan|[:=])\s*$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"^\s*[^\W\d_]", re.IGNORECASE)
_SIGN_BEFORE = re.compile(r"(?:^\s*[-−–]\s*|(?:^|[\s(:])[-−–]|\bminus\s+)$", re.IGNORECASE)
_RANGE_BETWEEN = re.compile(r"^\s*(?:[-−–—]|til|og|à|a)\s*$", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"(?:\bmellem|\bfra|\bimellem)\s*(?:kr\.?\s*)?$", re.IGNORECASE)
_EITHER_BETWEEN = re.compile(r"^\s*(?:kr\.?|kroner|,-)?\s*(?:,\s*)?(?:eller|el\.?|/)\s*(?:måske\s+|også\s+)?"
                             r"(?:kr\.?\s*)?$", re.IGNORECASE)
BOUND_BEFORE = re.compile(r"(?:\bover|\bunder|\bmindst|\bhøjst|\bmax\.?|\bmaks\.?|\bop\s+til|\bmere\s+end|"
                           r"\bmindre\s+end|\bminimum|\bmaksimum|[<>])\s*$", re.IGNORECASE)
BOUND_AFTER = re.compile(r"^\s*(?:kr\.?|kroner)?\s*(?:eller\s+(?:mere|mindre|over|derover|under|derunder)|"
                          r"\+|og\s+op(?:efter)?)(?!\w)", re.IGNORECASE)
UNIT_AFTER = re.compile(r"^\s*(?:gb|tb|mb|cm|mm|m|meter|kg|kilo|km|stk|styk|gange|gang|uger?|dage?|timer?|"
                         r"mdr|måneder?|år|personer|pers|tommer|x|w|watt|liter|l|procent|%|børn|voksne|"
                         r"billetter|kurser?|sessioner|klip)\b", re.IGNORECASE)
_HALF = ((re.compile(r"\bhalvanden\s*tusinde?\b"), "1500"), (re.compile(r"\bhalvandet\s*hundrede\b"), "150"),
         (re.compile(r"\bhalvanden\s*million\b"), "1500000"), (re.compile(r"\b(?:en\s+)?halv\s*million\b"), "500000"),
         (re.compile(r"\b(?:en\s+)?halv\s*tusinde?\b"), "500"),      # "en halv tusse" (was read as 1.000 kr.)
         (re.compile(r"\b(?:et\s+)?halvt\s*hundrede\b"), "50"),
         (re.compile(r"\bnul\b"), "0"))
# "en to tusind", "en femhundrede": spoken Danish for "about"; the article is not a number of its own.
_ABOUT_ARTICLE = re.compile(r"\b(?:en|et)\s+(?=(?:to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tretten|fjorten|"
                            r"femten|seksten|sytten|atten|nitten|tyve|tredive|fyrre|halvtreds|tres|halvfjerds|firs|"
                            r"halvfems)\w*\b)")
_MULTIPLIER = re.compile(r"(\d[\d.,]*)\s*(tusinde?|hundreder?|hundrede|mio\b\.?|millioner|million)\b")
_RANGE_SCALE = re.compile(r"\b(\d{1,3})(\s*(?:-|–|til|og|eller)\s*)(\d{1,3})(000(?:000)?)\b")


def words_to_digits(text: str) -> str:
    """Lower-case `text`, turn "1 200" into "1.200", "3 tusind" and number words ("tre tusind",
    "halvanden tusind") into digits; in "2-3 tusind" both ends are thousands."""
    text = text.lower()
    text = re.sub(r"(?<![\d.,])(\d{1,3})((?:[ \u00a0\u202f]\d{3})+)(?![\d]|[.,]\d)",
                  lambda m: m.group(1) + re.sub(r"[ \u00a0\u202f]", ".", m.group(2)), text)
    text = re.sub(r"\btusser?\b", "tusind", text)   # "en tusse", "to tusser": slang for a thousand-krone note
    for pattern, digits in _HALF:
        text = pattern.sub(digits, text)
    text = _ABOUT_ARTICLE.sub("", text)

    def multiply(m: re.Match[str]) -> str:
        try:
            number = parse_decimal(m.group(1), locale=LOCALE, strict=True)
        except NumberFormatError:
            if not re.fullmatch(r"\d+\.\d{1,2}", m.group(1)):
                return m.group(0)
            number = Decimal(m.group(1))  # "1.5 tusind": 1.500 tusind would be absurd, so the dot is a decimal
        factor = {"t": 1000, "h": 100}.get(m.group(2)[0], 1_000_000)
        return str(int(number * factor)) if number * factor == int(number * factor) else m.group(0)

    text = _MULTIPLIER.sub(multiply, text)
    try:
        text = alpha2digit(text, "da")
    except Exception:  # text2num is not ours; any failure just means "no number words"
        pass

    def scale_both(m: re.Match[str]) -> str:  # "2-3000" (from "2-3 tusind") is 2000-3000
        low, high, zeros = int(m.group(1)), int(m.group(3)), m.group(4)
        return f"{low}{zeros}{m.group(2)}{high}{zeros}" if low < high else m.group(0)

    return _RANGE_SCALE.sub(scale_both, text)


@dataclass(frozen=True)
class Candidate:
    """One number the citizen wrote, where it is in their text, and what is around it."""

    start: int               # where the number (with its words) is in the text as written
    end: int
    raw: str                 # the digits as written (after number words became digits)
    value: Decimal | None    # None when Babel could not read it
    negative: bool
    marked: bool             # next to "kr."/"kroner"/",-", after a price word, or last: surely a price
    shorthand: bool = False  # "4k", "2t": thousands, written short
    dotted: bool = False     # "3.5", "2.50": a decimal point or a thousands separator?
    scaled: bool = False     # written with "tusind"/"hundrede"/"million"
    joint: tuple[int, int] | None = None  # one amount in two parts ("2 tusind og 500"): the words between them
    foreign: bool = False    # next to another currency ("300 euro", "$50")


def _read_digits(raw: str) -> tuple[Decimal | None, bool]:
    """(value, dotted) for digits as written the Danish way."""
    if re.fullmatch(r"\d+\.\d{1,2}", raw):
        return Decimal(raw), True  # "3.5" and "2.50": 3,50 kr. or 3.500 kr.?
    try:
        value: Decimal | None = parse_decimal(raw, locale=LOCALE, strict=True)
    except NumberFormatError:
        value = None
    if value is not None and "," in raw and len(raw.rsplit(",", 1)[1]) > 2:
        value = None  # "3,500" is 3.500 kr. or 3,50 kr.: ask rather than guess
    return value, False


def candidates(text: str) -> list[Candidate]:
    """Every number in `text` (digits or number words) with its place in the text as written."""
    found: list[Candidate] = []
    for m in _GROUP.finditer(text):
        written = m.group(0)
        digits_part, short = m.group("d"), m.group("s")
        converted = words_to_digits(written[: len(digits_part)] if short else written)
        before, after = text[: m.start()], text[m.end():]
        if not _NUMBER.search(converted) and written.lower() in _SMALL_WORDS and _LINK_AFTER.match(after):
            converted = str(_SMALL_WORDS[written.lower()])  # "to eller tre tusind": "to" is a number here
        numbers = list(_NUMBER.finditer(converted))
        if not numbers:
            continue  # "en", "et", "to" alone: an article or a count, not a number we read
        scaled = bool(_SCALE.search(written.lower()))
        cue = bool(_CUE_BEFORE.search(before)) or not after.strip(" .!?,)")
        foreign = bool(_FOREIGN_AFTER.match(after) or _FOREIGN_BEFORE.search(before))
        marked = bool(CURRENCY_AFTER.match(after) or _CURRENCY_BEFORE.search(before)) or scaled or foreign or (
            cue and not _WORD_AFTER.match(after))
        for n in numbers:
            raw = n.group(0)
            value, dotted = _read_digits(raw)
            first = n.start() == 0 and not converted[: n.start()].strip()
            negative = first and bool(_SIGN_BEFORE.search(before))
            found.append(Candidate(m.start(), m.end(), raw, value, negative, marked or bool(short),
                                   bool(short), dotted and not scaled, scaled, foreign=foreign))
    return _compound_pairs(text, _scale_pairs(text, found))


# "2 tusind og 500" is 2.500; "800 kr. og 50 øre" and "3 kr 50 øre" are 800,50 and 3,50 kr.
_AND_THE_REST = re.compile(r"^[ \u00a0]+(?:og[ \u00a0]+)?$", re.IGNORECASE)
_PLUS = re.compile(r"^\s*(?:kr\.?\s*)?\+\s*$", re.IGNORECASE)
_KRONER_AND = re.compile(r"^\s*(?:kr\.?|kroner|krone)\s*(?:og\s+)?$", re.IGNORECASE)
_ORE_AFTER = re.compile(r"^\s*øre\b", re.IGNORECASE)


def _compound_pairs(text: str, found: list[Candidate]) -> list[Candidate]:
    """One amount written in two parts: thousands and the rest ("2 tusind og 500", "3 tusind 2 hundrede"),
    kroner and øre ("800 kroner og 50 øre"), or a sum ("2000 + 500 kr."). Not inside a range ("mellem 2 tusind
    og 500")."""
    merged: list[Candidate] = []
    for c in found:
        a = merged[-1] if merged else None
        if a is None or a.value is None or c.value is None or a.start == c.start or a.value != int(a.value) \
                or c.value != int(c.value) or _RANGE_OPENER.search(text[: a.start]):
            merged.append(c)
            continue
        between = _between(text, a, c)
        rest = a.scaled and a.value >= 1000 and a.value % 1000 == 0 and 0 < c.value < 1000 and \
            _AND_THE_REST.match(between)
        ore = _KRONER_AND.match(between) and 0 < c.value < 100 and (after := _ORE_AFTER.match(text[c.end:]))
        plus = _PLUS.match(between) and not a.foreign and not c.foreign
        if rest or plus:
            merged[-1] = replace(a, end=c.end, raw=str(a.value + c.value), value=a.value + c.value,
                                 marked=a.marked or c.marked, joint=(a.end, c.start))
        elif ore:
            merged[-1] = replace(a, end=c.end + after.end(), raw=f"{a.value},{int(c.value):02d}",
                                 value=a.value + c.value / 100, marked=True, scaled=False, joint=(a.end, c.start))
        else:
            merged.append(c)
    return merged


def _scale_pairs(text: str, found: list[Candidate]) -> list[Candidate]:
    """In "2-3 tusind" and "mellem to og tre tusind" the first number is thousands too."""
    fixed = list(found)
    for i in range(len(fixed) - 1):
        a, b = fixed[i], fixed[i + 1]
        if a.scaled or a.value is None or b.value is None or not linked(text, a, b):
            continue
        if not b.scaled and not (a.value < 100 and b.value >= 1000 and a.value == int(a.value)):
            continue  # "2-3000" is 2.000-3.000 kr.; "500-3000" is what it says
        factor = 1_000_000 if b.value >= 1_000_000 and b.value % 1_000_000 == 0 else 1000
        if a.value * factor < b.value and b.value % factor == 0:
            fixed[i] = replace(a, value=a.value * factor, raw=str(a.value * factor), scaled=True, marked=True)
    return fixed


def _between(text: str, a: Candidate, b: Candidate) -> str:
    return text[a.end:b.start] if a.end <= b.start else ""


def linked(text: str, a: Candidate, b: Candidate) -> str | None:
    """'range' or 'either' when two numbers next to each other are a range ("2000-3000", "mellem 2 og 3
    tusind") or a choice ("2000 eller 3000"); None otherwise."""
    if a.start == b.start:  # one group of words: "mellem to og tre tusind"
        return "range"
    between = _between(text, a, b)
    if _EITHER_BETWEEN.match(between):
        return "either"
    bare = re.sub(r"(?i)\b(?:kr\.?|kroner)\s*", "", between)
    if _RANGE_BETWEEN.match(bare):
        word = bare.strip().lower()
        opened = bool(_RANGE_OPENER.search(text[: a.start]))
        if word in ("og", "a", "à") and not opened:
            return None
        if word == "til" and not opened and a.value is not None and b.value is not None and not (
                a.value * 10 >= b.value or (b.scaled and not a.scaled and a.value < 1000)):
            return None  # "en iphone 13 til 4000": a name and a price, not a range
        return "range"
    return None
