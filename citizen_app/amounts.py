"""Danish amount input for forms: '3.000', '3.000,50', 'ca. 3000 kr.', 'tre tusind'."""
from __future__ import annotations

from dialogs.extract import AmountError, parse_amount
from storage.errors import DomainError


def kroner_to_ore(text: str) -> int:
    """Parse what a person typed, or raise a DomainError with the parser's friendly message."""
    try:
        return parse_amount(text)
    except AmountError as error:
        raise DomainError(error.msgid, **(error.params or {})) from None


def ore_to_input(ore: int | None) -> str:
    """An amount as a person would type it back in: 300000 -> '3.000', 300050 -> '3.000,50'."""
    if ore is None:
        return ""
    kroner, rest = divmod(ore, 100)
    text = f"{kroner:,}".replace(",", ".")
    return f"{text},{rest:02d}" if rest else text
