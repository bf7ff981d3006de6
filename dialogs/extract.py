"""Wish items from one sentence a citizen wrote: what the thing is and, if said, its rough price.

The title is the thing, without price words or filler ("det koster vist", "for tilsammen", "ca.",
"jeg mangler"). Several things in one sentence become `parts`, so the citizen can choose one wish or
several. A price that must be asked back ("2000 eller 3000", "4k") comes as `question`, never as a guess.
`reading_to_json` / `reading_from_json` carry a reading between requests (the read-back waits for a tap).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from dialogs import limits
from dialogs.amount_text import CURRENCY_AFTER, UNIT_AFTER, candidates
from dialogs.amounts import AmountError, read_price


@dataclass(frozen=True)
class WishPart:
    """One thing in a sentence that named several ("en sofa" in "en sofa og et spisebord")."""

    title: str
    price_ore: int | None = None


@dataclass(frozen=True)
class WishDraft:
    """A wish read from one sentence: what it is and, if said, its rough price in øre.

    `parts`: two or more things named in the sentence (else empty); `split` says they are offered as
    separate wishes first (each had its own price). `question`/`question_params`: the price was written but
    is not clear (an amounts.MSG_* msgid that asks back); then `price_ore` is None.
    """

    title: str
    price_ore: int | None
    parts: tuple[WishPart, ...] = ()
    split: bool = False
    question: str | None = None
    question_params: Mapping[str, object] = field(default_factory=dict)


_OPENERS = [re.compile(p, re.IGNORECASE) for p in (
    r"^(?:nej|ja|jo|jeps|øh+m*|hm+|altså|okay|ok|og|men|så|hej)\b[\s,.!:]*",
    r"^(?:jeg\s+|vi\s+)?(?:vil\s+(?:rigtig\s+|meget\s+)?gern?e?\s+(?:have|ha|ha'|købe|spare\s+op\s+til)|"
    r"vil\s+have|vil\s+ha|ønsker\s+mig|ønsker|har\s+brug\s+for|mangler|drømmer\s+om|"
    r"kunne\s+(?:godt\s+|rigtig\s+godt\s+)?(?:bruge|tænke\s+mig)|skal\s+(?:bruge|have|ha)|trænger\s+til|savner|"
    r"håber\s+på|tænker\s+på|tænker|vil\s+gerne|godt\s+kunne\s+bruge)\b[\s,:]*",
    r"^(?:måske|nok|bare|gerne|helst|noget\s+med|det\s+skal\s+være|det\s+er|det\s+kunne\s+være|"
    r"det\s+ville\s+være|det\s+var|fx|f\.\s?eks\.?|for\s+eksempel|at\s+få|penge\s+til(?=\s+(?:en|et)\b))"
    r"(?![^\W\d_])[\s,:]*",
    # Arabic: "I want", "I need", "I wish for" (standard and dialect), with or without "أن" and hamza
    r"^(?:[أا]نا\s+)?(?:[أا]ريد|بدي|[أا]بغى|[أا]بغي|عايز|عاوز|[أا]حتاج|محتاج|[أا]تمنى|نفسي\s+في)(?:\s+[أا]ن)?"
    r"(?![^\W\d_])[\s,:]*",
)]
# Words that join a title to its price ("til", "det koster vist", "for tilsammen", "kr.") and are dropped at
# the edge where the price was cut off; a few filler words ("tror jeg", "måske") are dropped at any end.
_PRICE_EDGE = frozenset(
    "til for til: koster kostede koste som der den det de ca ca. cirka omkring omtrent pris pris: prisen er på "
    "ved kr kr. kr: kroner krone dkk ,- .- - – — : = og eller mellem fra af i alt tilsammen sammen sammenlagt "
    "vist nok måske tror jeg vel sådan ish over under mindst højst op max maks a à á "
    # Arabic: "for", "at a price of", "about", "costs", kroner
    "ب بـ بسعر سعر السعر بحوالي حوالي تقريبا تقريباً ثمن ثمنها ثمنه تكلف يكلف كرونة كرونه كرون كرونات".split()
)
_FILLER_EDGE = frozenset("tror jeg vel måske nok tak ca ca. cirka omkring omtrent vist ish please".split())
_EDGE_PUNCTUATION = " .,!?:;-–—()\"'«»"
_PARTS = re.compile(r"\s*(?:,\s+|;\s*|\s+og\s+|\s+samt\s+|\s+plus\s+|\s*\+\s*|\s*&\s*)\s*", re.IGNORECASE)
_SMALL_WORDS_LOWER = frozenset("en et nogle ny nye min mit mine et par to tre hjælp penge".split())


def _trim(words: list[str], edge: frozenset[str], *, tail: bool = True, head: bool = True) -> list[str]:
    words = list(words)
    while tail and words and words[-1].lower().strip(_EDGE_PUNCTUATION) in edge | {""}:
        words.pop()
    while head and words and words[0].lower().strip(_EDGE_PUNCTUATION) in edge | {""}:
        words.pop(0)
    return words


def _strip_openers(text: str) -> str:
    changed = True
    while changed:
        changed = False
        for opener in _OPENERS:
            shorter = opener.sub("", text, count=1)
            if shorter != text:
                text, changed = shorter, True
    return text


def clean_title(text: str, *, price_cut: bool = False, capitalise: bool = True) -> str:
    """The thing itself from a piece of a sentence: openers, filler and price words off, capitalised."""
    words = _trim(text.split(), _PRICE_EDGE if price_cut else _FILLER_EDGE)
    title = _strip_openers(" ".join(words))
    words = _trim(title.split(), _PRICE_EDGE if price_cut else _FILLER_EDGE)
    title = " ".join(words).strip(_EDGE_PUNCTUATION)[: limits.WISH_TITLE].strip()
    return title[:1].upper() + title[1:] if capitalise else title


def _capital(title: str) -> str:
    return title[:1].upper() + title[1:]


def in_sentence(title: str) -> str:
    """A title inside a sentence ("Jeg skriver: en seng …"): a capital that only starts the title goes."""
    first = title.split(" ", 1)[0]
    if first.lower() in _SMALL_WORDS_LOWER and first[1:] == first[1:].lower():
        return title[:1].lower() + title[1:]
    return title


def _title_around(text: str, spans: tuple[tuple[int, int], ...], *, capitalise: bool = True) -> str:
    """The title: the words before the price, or if none, the words after it."""
    if not spans:
        return clean_title(text, capitalise=capitalise)
    before = clean_title(text[: spans[0][0]], price_cut=True, capitalise=capitalise)
    return before or clean_title(text[spans[-1][1]:], price_cut=True, capitalise=capitalise)


def _split_titles(title: str) -> tuple[WishPart, ...]:
    pieces = [clean_title(p) for p in _PARTS.split(title)]  # each part its own wish: each gets a capital
    pieces = [p for p in pieces if p]
    return tuple(WishPart(p) for p in pieces) if len(pieces) >= 2 else ()


def joined_title(titles: list[str]) -> str:
    """"En sofa og et bord": the parts as one wish (only the first keeps a capital)."""
    first, rest = _capital(titles[0]), [in_sentence(t) for t in titles[1:]]
    return first if not rest else ", ".join([first, *rest[:-1]]) + " og " + rest[-1]


def _pieces(text: str) -> list[str]:
    """`text` split at "og", commas, "+" …, but never inside one amount ("2 tusind og 500", "800 kr. og 50 øre")."""
    joints = [c.joint for c in candidates(text) if c.joint]
    pieces, last = [], 0
    for m in _PARTS.finditer(text):
        if not any(start <= m.start() and m.end() <= end for start, end in joints):
            pieces.append(text[last:m.start()])
            last = m.end()
    return [p for p in (*pieces, text[last:]) if p.strip()]


def _run_on(piece: str) -> list[str]:
    """"cykel 2000 lås 300", "tandlæge 3000 kr briller 1500 kr": things and prices one after another with no
    comma or "og" between them, cut after each price. Only when every cut piece is a thing with its own clear
    price; else [piece] ("husleje 500 kr om måneden i 6 måneder", "2 billetter til 300 kr." stay whole)."""
    cuts = []
    for c in candidates(piece):
        kroner = CURRENCY_AFTER.match(piece[c.end:])  # "2000 kr.", "2000,-": still the amount
        end = c.end + (kroner.end() if kroner else 0)
        # A price: kroner said, or 100 or more; not a count or a measure ("10 gange", "2 x", "55 tommer").
        price_like = end > c.end or (c.value is not None and c.value >= 100)
        if price_like and not UNIT_AFTER.match(piece[c.end:]) and re.match(r"\s+[^\W\d_]", piece[end:]):
            cuts.append(end)
    if not cuts:
        return [piece]
    cut_up = [piece[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(piece)])]
    for part in cut_up:
        price = read_price(part)
        if price.ore is None or not _title_around(part, price.spans):
            return [piece]
    return cut_up


def _priced_parts(text: str) -> tuple[WishPart, ...]:
    """"en sofa til 3000 og et bord til 1000": two things, each with its own clear price; else ().
    A price covers the things named since the last price ("en jakke og en cykel til 2000" is one price);
    things named after the last price have none ("en computer til 2500 og et kørekort": the kørekort is a
    wish of its own, not lost). One group alone is not parts: "en seng og en sofa til 4000" stays one wish."""
    pieces: list[str] = []
    for piece in (cut for whole in _pieces(text) for cut in _run_on(whole)):
        price = read_price(piece)
        if pieces and price.spans and not _title_around(piece, price.spans):
            pieces[-1] += ", " + piece  # "en sofa, den koster 2000 kr.": the price of the thing before it
        else:
            pieces.append(piece)
    if len(pieces) < 2:
        return ()
    parts: list[WishPart] = []
    since_last_price: list[str] = []
    for piece in pieces:
        price = read_price(piece)
        title = _title_around(piece, price.spans, capitalise=False)
        if not title or (price.spans and price.ore is None):
            return ()   # an unclear price is asked back about the whole sentence
        if not price.spans:
            since_last_price.append(title)
            continue
        group = [*since_last_price, title]
        parts.append(WishPart(joined_title(group) if len(group) > 1 else title, price.ore))
        since_last_price = []
    parts += [WishPart(title, None) for title in since_last_price if not _remark(title)]
    return tuple(parts) if len(parts) >= 2 and any(p.price_ore for p in parts) else ()


# A piece after the last price that starts like this says something about the wish, not another thing:
# "tandlæge ca 5.000 kr, har ondt", "en cykel til 2000, den skal være rød", "… fra ikea".
_REMARK_START = frozenset(
    "har havde er var bliver blev skal skulle vil ville kan kunne må den det de dem jeg du han hun vi i man "
    "så fordi men hvis når da ellers også gerne helst måske evt eller ikke bare lige fra til med på hos af "
    "som der her tak please".split())


def _remark(piece: str) -> bool:
    words = piece.split(maxsplit=1)
    return bool(words) and words[0].lower().strip(_EDGE_PUNCTUATION) in _REMARK_START


def extract_wish(text: str) -> WishDraft | None:
    """A wish from one sentence: "en brugt cykel til ca. 2.000 kr." -> ("En brugt cykel", 200000).

    The price is None when none is said; when one is said but unclear, `question` asks back. Returns None
    when there is no title (e.g. only "2000 kr.").
    """
    if not isinstance(text, str) or len(text) > limits.PARSED_TEXT:
        return None
    text = " ".join(text.split())
    priced = _priced_parts(text)
    if priced:
        total = sum(p.price_ore for p in priced) if all(p.price_ore for p in priced) else None
        title = joined_title([p.title for p in priced])
        return WishDraft(title, total, tuple(WishPart(_capital(p.title), p.price_ore) for p in priced), split=True)
    price = read_price(text)
    title = _title_around(text, price.spans)
    if not title:
        return None
    question, params = (price.error.message, dict(price.error.params)) if price.error else (None, {})
    return WishDraft(title, price.ore, _split_titles(title), False, question, params)


def price_only(text: str) -> tuple[int | None, AmountError | None]:
    """A reply that is only a price ("nej, det er 3000", "1.200 kr."): (øre, None), (None, the question), or
    (None, None) when the text names a thing (then it is a new wish, not a price)."""
    if not isinstance(text, str) or len(text) > limits.PARSED_TEXT:
        return None, None
    price = read_price(text)
    if not price.spans or _title_around(text, price.spans):
        return None, None
    return price.ore, price.error


# --- a reading carried between requests (JSON) ------------------------------------------------------------

def reading_to_json(draft: WishDraft) -> dict:
    return {"title": draft.title, "price_ore": draft.price_ore, "split": draft.split,
            "parts": [{"title": p.title, "price_ore": p.price_ore} for p in draft.parts],
            "question": draft.question, "question_params": dict(draft.question_params)}


def reading_from_json(data: Mapping) -> WishDraft:
    return WishDraft(str(data["title"]), data.get("price_ore"),
                     tuple(WishPart(str(p["title"]), p.get("price_ore")) for p in data.get("parts") or ()),
                     bool(data.get("split")), data.get("question"), dict(data.get("question_params") or {}))


def wishes_of(draft: WishDraft) -> list[WishPart]:
    """What the citizen confirms: one wish, or each part as its own wish when `split`."""
    if draft.split and draft.parts:
        return list(draft.parts)
    return [WishPart(draft.title, draft.price_ore)]
