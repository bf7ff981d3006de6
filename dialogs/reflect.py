"""Short reflections built from the citizen's own words: "Du skriver, at du sover hos din bror. Det lyder ikke let."

Never canned praise and never after every turn: only on free-text answers with enough words, at most every
third one, with varied wording. Worked out from the stored answers, so a reload shows the same reflections.
Pure: no Streamlit, no database. The Danish here is gettext msgids; {words} is the citizen's own words.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dialogs import safety
from dialogs.i18n_markers import N_
from dialogs.model import Course, is_skipped

EVERY = 3          # at most one reflection per this many free-text answers
MIN_WORDS = 5      # a shorter answer is not reflected
MAX_WORDS = 12     # the part reflected: the first sentence, when it is this short
SAID_AS_CLAUSE = (N_("Du skriver, at {words}."), N_("Jeg hører, at {words}."), N_("Så for dig er det sådan, at {words}."))
SAID_AS_QUOTE = (N_("Du skriver: »{words}«."), N_("Jeg hører dig sige: »{words}«."), N_("Du siger: »{words}«."))
TONE = {
    "hard": (N_("Det lyder ikke let."), N_("Det er meget at stå med."), N_("Det lyder hårdt.")),
    "hope": (N_("Det er værd at holde fast i."), N_("Det kan vi bygge videre på."), N_("Det giver en retning.")),
}
_SUBJECTS = frozenset({"jeg", "min", "mit", "mine", "vi", "vores", "det", "der", "han", "hun", "de", "man"})
_YOU = {"jeg": "du", "mig": "dig", "min": "din", "mit": "dit", "mine": "dine", "vi": "I", "os": "jer",
        "vores": "jeres"}
_NEGATIONS = frozenset({"ikke", "ik", "aldrig", "ingen", "intet"})


@dataclass(frozen=True)
class Reflection:
    said: str            # msgid with {words}
    words: str           # the citizen's words, turned to "du"
    tone: str | None     # msgid or None


def _first_sentence(text: str) -> list[str] | None:
    first = re.split(r"[.!?;:\n]|,?\s+men\s+", text.strip(), maxsplit=1)[0]
    words = first.split()
    return words if MIN_WORDS <= len(words) <= MAX_WORDS else None


def reflect_words(text: str) -> tuple[str, bool] | None:
    """(the citizen's first sentence, as said back, and whether it reads as an at-clause), or None."""
    words = _first_sentence(text)
    if words is None or any(c in text for c in "<>[]{}*_`#|"):
        return None
    plain = [w.strip(",").lower() for w in words]
    if plain[0] in _SUBJECTS and not _NEGATIONS & set(plain) and "du" not in plain and "dig" not in plain:
        said = [_YOU.get(p, p) + ("," if w.endswith(",") else "") for p, w in zip(plain, words)]
        return " ".join(said).strip(" ,"), True
    return " ".join(words).strip(" ,"), False


def reflection(course: Course, path: Sequence[str], answers: Mapping[str, object], step_id: str,
               words: str | None = None) -> Reflection | None:
    """The guide's reflection after the answer to `step_id`, or None (most answers get none)."""
    step = course.step(step_id)
    text = words if isinstance(words, str) else answers.get(step_id)
    if step.kind != "text" or not isinstance(text, str) or is_skipped(answers.get(step_id)):
        return None
    answered = [s for s in path if course.step(s).kind == "text" and isinstance(answers.get(s), str)
                and not is_skipped(answers[s])]
    if step_id not in answered:
        return None
    n = answered.index(step_id) + 1
    if n % EVERY != 2 or safety.detect_crisis(text):
        return None
    said = reflect_words(text)
    if said is None:
        return None
    words_back, clause = said
    turn = (n // EVERY) % 3
    template = (SAID_AS_CLAUSE if clause else SAID_AS_QUOTE)[turn]
    tone = TONE[step.tone][turn] if step.tone in TONE else None
    return Reflection(template, words_back, tone)
