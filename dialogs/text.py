"""One cleaner for every piece of text a person types, citizen or staff, before it is checked or stored.

Emoji and right-to-left scripts are welcome. Control characters (NUL, escape …) and unpaired surrogates are
refused with a friendly message. Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
removed: they can make a text display reversed for the next reader ("Trojan Source"), and real Arabic or
Hebrew never needs them.
"""
from __future__ import annotations

import re
import unicodedata

from dialogs.i18n_markers import N_
from dialogs.rules import RuleError

SKIPPED = "__skipped__"  # the course stores this for a skipped step; never a real answer

MSG_EMPTY = N_("Skriv et svar, eller spring spørgsmålet over.")
MSG_TOO_LONG = N_("Teksten er for lang. Skriv højst {max_length} tegn.")
MSG_BAD_CHARACTERS = N_("Der er tegn i teksten, som ikke kan gemmes. Prøv at skrive den igen.")

_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BIDI_EMBEDDINGS = re.compile("[\u202a-\u202e]")  # LRE, RLE, PDF, LRO, RLO: the ones that reverse what follows
_ALLOWED_CONTROLS = frozenset("\n\t")
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


def for_display(text: str) -> str:
    """User text as it is shown: embeddings and overrides removed, also from text stored before the cleaner
    removed them on input. Arabic and Hebrew need none of them (the browser orders their letters itself);
    the isolates that `isolate` adds are kept."""
    return _BIDI_EMBEDDINGS.sub("", text)


def isolate(text: str, *, always: bool = False) -> str:
    """User text placed inside one of our sentences ("Butik: {shop}"), without any bidi controls of its own.
    When it holds right-to-left letters it is wrapped in a first-strong isolate, so its direction cannot
    reorder the sentence around it; left-to-right text needs no wrapping in a left-to-right sentence and stays
    exactly as written. ``always``: the sentence is right-to-left, so every value is wrapped. A value that is
    already one whole isolate (inserted once before) is returned as it is."""
    if is_isolated(text):
        return text
    text = _BIDI_CONTROLS.sub("", text)
    if always or any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
    return text


def is_isolated(text: str) -> bool:
    """One isolate from the first character to the last, with none opened or closed inside."""
    inner = text[1:-1]
    return (len(text) >= 2 and text[0] == FIRST_STRONG_ISOLATE and text[-1] == POP_DIRECTIONAL_ISOLATE
            and FIRST_STRONG_ISOLATE not in inner and POP_DIRECTIONAL_ISOLATE not in inner)


def markdown_inert(text: str, *, limit: int = 60) -> str:
    """User text reduced to what has no meaning in markdown (letters, digits, spaces and . , - '), on one line:
    for the few places that must echo a bit of it inside a message Streamlit renders as markdown."""
    kept = "".join(c if c.isalnum() or c in ".,-'" else " " for c in text)
    kept = re.sub(r"(?i)\b(www)\.", r"\1 ", kept)  # "www.x.dk" would still become a link (GFM autolinks)
    return " ".join(kept.split())[:limit]


def clean_text(raw: object, *, limit: int, single_line: bool = False, required: bool = True,
               empty_message: str = MSG_EMPTY) -> str | None:
    """`raw` trimmed and checked, or a RuleError saying what to do. None when empty and not required.

    `single_line` folds every run of white space (also line breaks) into one space: names, titles, shops.
    """
    text = raw if isinstance(raw, str) else ""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _BIDI_CONTROLS.sub("", text)
    text = " ".join(text.split()) if single_line else text.strip()
    if not text or text == SKIPPED:
        if required:
            raise RuleError(empty_message)
        return None
    if any(unicodedata.category(c) in ("Cc", "Cs", "Co") and c not in _ALLOWED_CONTROLS for c in text):
        raise RuleError(MSG_BAD_CHARACTERS)
    if len(text) > limit:
        raise RuleError(MSG_TOO_LONG, max_length=limit)
    return text
