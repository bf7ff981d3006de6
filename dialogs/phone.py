"""Mobile numbers for SMS notifications: the one rule for what a citizen may type and how it is stored.

Danish numbers are 8 digits; '+45' or '0045' in front is fine, as are spaces and dashes. A number from
another country must start with '+' (or '00') and its country code. Stored as E.164: '+4512345678'.
"""
from __future__ import annotations

import re

from dialogs.i18n_markers import N_
from dialogs.rules import RuleError

MSG_BAD_MOBILE = N_("Skriv dit mobilnummer med 8 cifre, fx 12 34 56 78.")

_SEPARATORS = re.compile(r"[\s\-.()]")


def normalise_mobile(typed: str | None) -> str:
    """'12 34 56 78' -> '+4512345678'; anything that is not a phone number is refused calmly."""
    text = _SEPARATORS.sub("", typed or "")
    if text.startswith("00"):
        text = "+" + text[2:]
    if re.fullmatch(r"\d{8}", text):
        return "+45" + text
    if re.fullmatch(r"\+45\d{8}", text):
        return text
    if re.fullmatch(r"\+[1-9]\d{7,14}", text) and not text.startswith("+45"):
        return text
    raise RuleError(MSG_BAD_MOBILE)


def shown(mobile: str) -> str:
    """'+4512345678' -> '12 34 56 78' (a Danish number as Danes write it; others as stored)."""
    if mobile.startswith("+45") and len(mobile) == 11:
        digits = mobile[3:]
        return " ".join(digits[i:i + 2] for i in range(0, 8, 2))
    return mobile
