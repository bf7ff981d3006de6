"""A typed yes or no, in the ways people write it: "ja", "jep", "ja tak", "det passer", "jaaa", "yes", "نعم".

The one reading for every place that takes a typed yes/no (a yes/no step in dialogs.answers, the read-back
of a wish in dialogs.extract). Lower case, punctuation gone, a letter held down ("jaaa") counted once, and
Arabic hamza and vowel marks dropped, so "أيوه" and "ايوه" are the same word.
"""
from __future__ import annotations

import re
import unicodedata

YES = frozenset({
    "ja", "j", "jaa", "jah", "jep", "jeps", "jo", "ja tak", "ja det passer", "det passer", "passer",
    "det er rigtigt", "rigtigt", "korrekt", "ok", "okay", "oki", "fint", "det er fint", "ja ja", "jada",
    "jamen ja", "ja det gør", "ja det er rigtigt", "helt rigtigt", "ja gerne", "gerne", "klart", "selvfølgelig",
    "helt sikkert", "sikkert", "absolut", "javel", "jaja", "ja da", "jo da", "det vil jeg gerne",
    "ja det vil jeg gerne", "det kan du tro", "meget gerne", "ja meget gerne",
    "yes", "y", "yeah", "yep", "sure", "yes please", "right", "correct",
    "نعم", "ايوه", "ايوا", "اه", "ايه", "صح", "صحيح", "تمام", "اكيد", "طيب", "نعم شكرا", "اي", "بلى",
})
NO = frozenset({
    "nej", "n", "nej tak", "næ", "nix", "nope", "no", "nej det passer ikke", "det passer ikke", "forkert",
    "det er forkert", "ikke rigtigt", "nej nej", "nej det er forkert", "no thanks", "wrong",
    "aldrig", "niks", "nah", "nææ", "nej ikke nu", "ikke nu", "nej ikke lige nu", "ikke lige nu", "nej det vil jeg ikke",
    "det tror jeg ikke", "nej det tror jeg ikke", "ikke rigtig", "nej ikke rigtig", "nej helst ikke", "helst ikke",
    "لا", "لا شكرا", "كلا", "غلط", "مش صح", "خطا", "ليس صحيحا",
})


def reply_key(text: str) -> str:
    """The words of a short reply, as YES and NO hold them."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    text = re.sub(r"(\w)\1{2,}", r"\1", text)          # "jaaa", "neeej" (then "nej" below)
    words = " ".join(re.sub(r"[^\w\s]|_", " ", text).split())
    return re.sub(r"\bne+j\b", "nej", words)


def is_yes(text: object) -> bool:
    return isinstance(text, str) and reply_key(text) in YES


def is_no(text: object) -> bool:
    return isinstance(text, str) and reply_key(text) in NO
