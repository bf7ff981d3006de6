"""What a free-text turn is, before a step reads it as an answer: the guide listens first.

`hear(text, step, previous=...)` sorts a turn into a TurnKind and keeps the corrected words of a correction;
`dialogs.replies.reply_to` says what the guide answers and what happens next. The phrases are data
(dialogs/turns.toml), matched on folded text, tolerant of typos (rapidfuzz). Pure: no Streamlit, no database.
When in doubt it is an answer: the step checks it anyway, and "Tilbage" and skipping are always there.
"""
from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from dialogs import safety
from dialogs.model import Step

RULES_FILE = Path(__file__).with_name("turns.toml")
FREE_TEXT_KINDS = frozenset({"text", "goal", "subgoal", "wish", "amount"})


class TurnKind(StrEnum):
    """What a turn is."""
    ANSWER = "answer"
    QUESTION = "question_to_support_person"
    DONT_KNOW = "dont_know"
    WHAT_DO_YOU_MEAN = "what_do_you_mean"
    CORRECTION = "correction"
    BACK = "back"
    PAUSE = "pause"
    SKIP = "skip"
    HELP = "help"


@dataclass(frozen=True)
class Turn:
    kind: TurnKind
    body: str = ""  # a correction: the corrected words, as typed; otherwise the whole turn


# The kinds a whole turn is one of, in the order they are tried ("spring over" is a skip, not a pause).
_WHOLE_KINDS = (TurnKind.BACK, TurnKind.SKIP, TurnKind.PAUSE, TurnKind.WHAT_DO_YOU_MEAN, TurnKind.DONT_KNOW)


# --- folding -------------------------------------------------------------------------------------------------

def _fold_word(word: str, words: Mapping[str, str]) -> str:
    word = re.sub(r"(\w)\1{2,}", r"\1\1", word)  # "ikkkke" -> "ikke"
    word = word.replace("aa", "a").replace("oe", "o").replace("ae", "e")
    return words.get(word, word)


def fold(text: str, words: Mapping[str, str] | None = None) -> str:
    """Lower case, æ/ø/å and ae/oe/aa as a/o/e, no accents or punctuation, known misspellings read right."""
    words = _rules().words if words is None else words
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\u200b-\u200f\u2060\ufeff]", "", text)
    text = text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(_fold_word(t, words) for t in text.split())


@dataclass(frozen=True)
class Rules:
    words: Mapping[str, str]
    filler: frozenset[str]
    whole: Mapping[TurnKind, tuple[str, ...]]
    after_no: tuple[tuple[str, ...], ...]
    correction_starts: tuple[tuple[str, ...], ...]
    correction_starts_on_buttons: tuple[tuple[str, ...], ...]
    read_back_kinds: frozenset[str]
    question_starts: tuple[tuple[str, ...], ...]
    question_starts_with_mark: tuple[tuple[str, ...], ...]
    mark_needed_on_kinds: frozenset[str]
    yes: tuple[tuple[str, ...], ...] = ()
    no: tuple[tuple[str, ...], ...] = ()
    asks: frozenset[str] = frozenset()            # steps whose every answer is a question for the support person
    asks_if_asked: frozenset[str] = frozenset()   # steps where a question is also the answer


def build_rules(data: Mapping[str, Any]) -> Rules:
    """The rules from turns.toml data, every phrase folded once."""
    words = {fold(k, {}): fold(v, {}) for k, v in data.get("words", {}).items()}

    def phrases(items: Sequence[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(fold(p, words) for p in items))

    def prefixes(items: Sequence[str]) -> tuple[tuple[str, ...], ...]:
        # longest first, so "kan jeg også få" wins over "kan jeg"
        return tuple(sorted({tuple(fold(p, words).split()) for p in items}, key=len, reverse=True))

    filler = frozenset(fold(w, words) for w in data.get("filler", []))
    whole = {kind: phrases(data.get(kind.value, {}).get("whole", []))
             for kind in _WHOLE_KINDS}
    correction, question = data.get("correction", {}), data.get("question_to_support_person", {})
    return Rules(words, filler, whole, prefixes(correction.get("after_no", [])),
                 prefixes(correction.get("starts", [])), prefixes(correction.get("starts_on_buttons", [])),
                 frozenset(correction.get("read_back_kinds", [])),
                 prefixes(question.get("starts", [])), prefixes(question.get("starts_with_mark", [])),
                 frozenset(question.get("mark_needed_on_kinds", [])),
                 prefixes(data.get("yes_no", {}).get("yes", [])), prefixes(data.get("yes_no", {}).get("no", [])),
                 frozenset(question.get("steps_that_ask", [])), frozenset(question.get("steps_that_take_questions", [])))


@functools.cache
def _rules() -> Rules:
    return build_rules(tomllib.loads(RULES_FILE.read_text(encoding="utf-8")))


# --- matching ------------------------------------------------------------------------------------------------

def _allowed_typos(length: int, text: str = "") -> int:
    """Typos tolerated in a phrase of `length` letters. None outside Latin letters: Arabic words are short and
    one letter apart mean something else ("اريد" I want, "اكيد" sure)."""
    if text and not text.isascii():
        return 0
    return 0 if length <= 4 else 1 if length <= 9 else 2 if length <= 19 else 3


def _is_one_of(text: str, phrases: Sequence[str]) -> bool:
    if not text:
        return False
    for phrase in phrases:
        limit = _allowed_typos(min(len(phrase), len(text)), text)
        if abs(len(phrase) - len(text)) <= limit and Levenshtein.distance(text, phrase, score_cutoff=limit) <= limit:
            return True
    return False


def _same_word(typed: str, wanted: str) -> bool:
    if typed == wanted:
        return True
    return len(wanted) >= 4 and typed.isascii() and Levenshtein.distance(typed, wanted, score_cutoff=1) <= 1


def _starts_with(tokens: Sequence[str], prefixes: Sequence[tuple[str, ...]]) -> int:
    """How many tokens the longest matching prefix takes (0: none matches)."""
    for prefix in prefixes:
        if len(tokens) >= len(prefix) and all(_same_word(t, w) for t, w in zip(tokens, prefix)):
            return len(prefix)
    return 0


_NUMBER = re.compile(r"\d")
_NO = frozenset({"nej", "ne", "nej nej"})
_LEADING = re.compile(r"^(?:(?:det|den) (?:er|var|koster)|prisen er)\s+", re.IGNORECASE)  # left of a correction


def _body_after(text: str, words_taken: int) -> str:
    """The typed text after its first `words_taken` words (punctuation before the rest dropped)."""
    parts = re.split(r"(\s+)", text.strip())
    words_seen, cut = 0, len(parts)
    for i, part in enumerate(parts):
        if part.strip() and re.search(r"\w", part):
            if words_seen == words_taken:
                cut = i
                break
            words_seen += 1
    return "".join(parts[cut:]).strip(" ,.:;-–!") if words_taken else text.strip()


def _correction(text: str, tokens: list[str], rules: Rules, step: Step | None, previous: Step | None
                ) -> Turn | None:
    if previous is None or previous.kind not in FREE_TEXT_KINDS:
        return None
    read_back = previous.kind in rules.read_back_kinds
    skipped = 0
    while skipped < len(tokens) and tokens[skipped] in _NO:
        skipped += 1
    if skipped:
        rest = tokens[skipped:]
        taken = _starts_with(rest, rules.after_no)
        if taken and (read_back or rest[:2] == ["jeg", "mente"]):
            body = _body_after(text, _typed_words_for(text, skipped + taken, tokens))
            return Turn(TurnKind.CORRECTION, body) if body else None
        if rest and _NUMBER.match(rest[0]) and previous.kind in ("wish", "amount"):
            return Turn(TurnKind.CORRECTION, _body_after(text, _typed_words_for(text, skipped, tokens)))
        return None
    taken = _starts_with(tokens, rules.correction_starts)
    if not taken and read_back:
        taken = _starts_with(tokens, rules.correction_starts_on_buttons)
        on_buttons = step is not None and step.kind not in FREE_TEXT_KINDS
        if not (on_buttons or _NUMBER.search(" ".join(tokens[taken:]))):
            taken = 0
    if taken and (read_back or tokens[:2] == ["jeg", "mente"]):
        body = _LEADING.sub("", _body_after(text, _typed_words_for(text, taken, tokens)))
        return Turn(TurnKind.CORRECTION, body) if body else None
    return None


def _typed_words_for(text: str, folded_taken: int, tokens: Sequence[str]) -> int:
    """How many typed words the first `folded_taken` folded words came from (folding can split "vedikke")."""
    typed = [w for w in re.split(r"\s+", text.strip()) if re.search(r"\w", w)]
    count, n = 0, 0
    while n < len(typed) and count < folded_taken:
        count += len(fold(typed[n]).split()) or 1
        n += 1
    return n


def _question(tokens: list[str], marked: bool, rules: Rules, step: Step | None) -> bool:
    while tokens and tokens[0] in rules.filler:
        tokens = tokens[1:]
    if not tokens:
        return False
    needs_mark = step is not None and step.kind in rules.mark_needed_on_kinds
    if _starts_with(tokens, rules.question_starts):
        return marked or not needs_mark
    return marked and bool(_starts_with(tokens, rules.question_starts_with_mark))


def hear(text: str, step: Step | None = None, *, previous: Step | None = None) -> Turn:
    """What the turn is. `step` is the step being asked, `previous` the one before it (for corrections)."""
    if not isinstance(text, str) or not text.strip() or safety.detect_crisis(text):
        return Turn(TurnKind.HELP if isinstance(text, str) and text.strip() else TurnKind.ANSWER, text or "")
    rules = _rules()
    tokens = fold(text, rules.words).split()
    bare = " ".join(t for t in tokens if t not in rules.filler)
    for kind in _WHOLE_KINDS:
        if _is_one_of(bare, rules.whole[kind]):
            return Turn(kind, text.strip())
    if found := _correction(text, tokens, rules, step, previous):
        return found
    if _question(tokens, "?" in text, rules, step):
        return Turn(TurnKind.QUESTION, text.strip())
    return Turn(TurnKind.ANSWER, text.strip())


def question_steps() -> tuple[frozenset[str], frozenset[str]]:
    """(steps whose answer is always passed on, steps where a question is passed on and also the answer)."""
    return _rules().asks, _rules().asks_if_asked


def yes_or_no(text: str) -> bool | None:
    """A typed yes or no ("ja tak", "nej, det er det hele"), or None when the turn says neither."""
    rules = _rules()
    tokens = fold(text).split() if isinstance(text, str) else []
    return False if _starts_with(tokens, rules.no) else True if _starts_with(tokens, rules.yes) else None


def classify(text: str, step: Step | None = None, *, previous: Step | None = None) -> TurnKind:
    """The kind of the turn (see `hear`)."""
    return hear(text, step, previous=previous).kind
