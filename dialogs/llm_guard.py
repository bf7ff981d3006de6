"""The checks a language model's text must pass before a citizen sees it; otherwise the scripted text stays.

The same bar as our own text: LIX <= 25 (dialogs/lix.py), no crisis words (dialogs/safety.py: the model
never raises or lowers an alarm, the scripted check does), no links, e-mail addresses or phone numbers, no
markdown or HTML, no promises about what will be approved or paid, no amounts the question did not hold,
and short. `verdict` says which checks failed (for `borgerbudget llm-check` and the log, never the text);
`guarded` gives the cleaned text or None. Pure: no Streamlit, no database, no model.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from dialogs import lix, safety

MAX_CHARS = 300
MAX_SENTENCES = 3
LIX_MAX = lix.CITIZEN_TEXT_MAX

_URL = re.compile(r"(?i)\b(?:https?://|ftp://|www\.)|\b[\w-]+\.(?:dk|com|org|net|eu|io|info|nu|se|no|de|gov|ai)\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w")
_PHONE = re.compile(r"(?<!\d)(?:(?:\+|00)\s?\d{2}[\s-]?)?(?:\d[\s-]?){7}\d(?!\d)|\+\d")
# Markdown, HTML and Streamlit's own markup (":material/x:", ":red[x]", "$x$"): nothing of it in plain words.
_MARKUP = re.compile(r"[*_`#|~<>\[\]{}\\$]|^\s*(?:[-+•]|\d+[.)])\s|:[a-z_]+(?:/[a-z_]+)?:|:[a-z]+\[", re.MULTILINE)
_NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:,\d+)?")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
# Common little words of each language (none in both): a reply with more of the other language's is in the wrong one.
_LITTLE_WORDS = {
    "da": frozenset("du jeg det er og at en et har vil hvad dig din dit med på til ikke som kan mig min mit der den "
                    "de om hvor hvordan godt noget nu gerne skal være få får når også bare lidt".split()),
    "en": frozenset("you the what is and to your are do how it of my with want would be can not this that "
                    "when about something good now".split()),
}

# Promises: what the citizen will get, what is approved, who pays. Matched on safety.normalise'd text
# (lower case, æ/ø/å as ae/oe/aa, no punctuation), so "Du faar" and "du får" are one.
_PROMISES = tuple(re.compile(rf"\b(?:{p})\b") for p in (
    r"du (?:faar|kan faa|vil faa|skal nok faa|faer)",
    r"(?:bliver|blir|er|vil blive|bli) (?:\w+ )?(?:godkendt|bevilget|bevilliget|betalt|udbetalt)",
    r"godkend(?:er|es|t)|bevilg(?:er|es|et)|bevillig(?:er|es|et)|udbetal(?:er|es|t)",
    r"(?:kommunen|vi|jeg|programmet|budgettet|staten) (?:betaler|dekker|daekker|giver dig|sorger for|soerger for)",
    r"det (?:betaler|daekker|dekker) (?:kommunen|vi|budgettet|programmet)",
    r"(?:det|pengene) (?:er|bliver) (?:sikret|sikkert|lovet|garanteret)|garanti\w*|lover (?:dig|at)",
    r"helt sikkert|det skal nok (?:gaa|lykkes|blive)",
    r"you (?:will|ll|are going to|can) (?:get|receive|be paid)|(?:is|are|will be|be) (?:approved|granted|paid for)",
    r"(?:we|the municipality|the council|the budget) (?:will )?(?:pay|pays|cover|covers)|guarantee\w*|i promise",
))


@dataclass(frozen=True)
class Verdict:
    text: str | None  # the cleaned text when every check passed
    failed: tuple[str, ...]  # the names of the checks that failed, e.g. ("lix", "link")
    lix: float = 0.0

    @property
    def ok(self) -> bool:
        return self.text is not None


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")
    return " ".join(text.split()).strip("\"'“”„«» ")


def verdict(text: object, language: str, *, source: str = "", max_chars: int = MAX_CHARS,
            max_sentences: int = MAX_SENTENCES) -> Verdict:
    """Every check on the model's `text`. `source` is what the model was given: numbers in it may come back."""
    if not isinstance(text, str):
        return Verdict(None, ("empty",))
    raw = unicodedata.normalize("NFC", text)
    clean = _clean(raw)
    if not clean:
        return Verdict(None, ("empty",))
    failed: list[str] = []
    if len(clean) > max_chars:
        failed.append("length")
    if len(_SENTENCE_END.findall(clean)) > max_sentences:
        failed.append("sentences")
    score = lix.lix(clean)
    if score > LIX_MAX:
        failed.append("lix")
    if safety.detect_crisis(clean):
        failed.append("crisis")
    if _URL.search(raw):
        failed.append("link")
    if _EMAIL.search(raw):
        failed.append("email")
    if _PHONE.search(raw):
        failed.append("phone")
    if _MARKUP.search(raw):
        failed.append("markup")
    normal = safety.normalise(clean)
    if any(p.search(normal) for p in _PROMISES):
        failed.append("promise")
    allowed = {re.sub(r"\D", "", n) for n in _NUMBER.findall(source)}
    if any(re.sub(r"\D", "", n) not in allowed for n in _NUMBER.findall(clean)):
        failed.append("number")
    if language not in _LITTLE_WORDS or _wrong_language(clean, language):
        failed.append("language")
    return Verdict(None if failed else clean, tuple(failed), round(score, 1))


def _wrong_language(text: str, language: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text.lower())
    ours = sum(w in _LITTLE_WORDS[language] for w in words)
    return any(sum(w in little for w in words) > ours for other, little in _LITTLE_WORDS.items() if other != language)


def guarded(text: object, language: str, *, source: str = "", max_chars: int = MAX_CHARS,
            max_sentences: int = MAX_SENTENCES) -> str | None:
    """The model's text, cleaned, when it passes every check; None (use the scripted text) when not."""
    return verdict(text, language, source=source, max_chars=max_chars, max_sentences=max_sentences).text
