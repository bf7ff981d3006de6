"""Sentences about the plan that the page and the PDF both say, as pure functions of a translate and a money
function (the PDF is made outside a page run, in the citizen's language)."""
from __future__ import annotations

from collections.abc import Callable

from storage.plan_view import ItemView

Translate = Callable[..., str]
MoneyFormat = Callable[[int | None], str]


def price_line(item: ItemView, _: Translate, money: MoneyFormat) -> str:
    """'Pris: 2.000 kr.', 'Pris: 2.500 kr. × 2 = 5.000 kr.' or that the price is missing."""
    if item.price_ore is None:
        return _("Pris mangler. Skriv en pris.")
    if item.quantity == 1:
        return _("Pris: {price}", price=money(item.price_ore))
    return _("Pris: {price} × {quantity} = {total}", price=money(item.price_ore), quantity=item.quantity,
             total=money(item.total_ore))
