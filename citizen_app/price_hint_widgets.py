"""The price hint under a wish (storage/price_hints.py): what others got similar wishes approved for."""
from __future__ import annotations

import streamlit as st

from citizen_app.i18n import _, money
from storage.price_hints import PriceHint


def price_hint(hint: PriceHint | None, *, staff: bool = False) -> None:
    """One calm line; nothing when the group was too small to show."""
    if hint is None:
        return
    amounts = dict(low=money(hint.low_ore), high=money(hint.high_ore), median=money(hint.median_ore))
    if staff:
        text = (_("Prisniveau: Lignende ønsker er godkendt til {low}–{high} i ordningen, median {median}",
                  **amounts) if hint.kind == "title" else
                _("Prisniveau: Ønsker til samme slags mål er godkendt til {low}–{high} i ordningen, "
                  "median {median}", **amounts))
    else:
        text = (_("Andre har fået noget lignende godkendt til {low}–{high}, typisk {median}", **amounts)
                if hint.kind == "title" else
                _("Andre har fået ønsker til samme slags mål godkendt til {low}–{high}, typisk {median}",
                  **amounts))
    st.caption(text)
