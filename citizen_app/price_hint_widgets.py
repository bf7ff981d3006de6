"""The price hint under a wish (storage/price_hints.py): what others got similar wishes approved for."""
from __future__ import annotations

import streamlit as st

from citizen_app.i18n import _, money
from storage.price_hints import PriceHint


def price_hint(hint: PriceHint | None) -> None:
    """One calm line for the citizen; nothing when the group was too small to show."""
    if hint is None:
        return
    amounts = dict(low=money(hint.low_ore), high=money(hint.high_ore), median=money(hint.median_ore))
    st.caption(_("Andre har fået noget lignende godkendt til {low}–{high}, typisk {median}", **amounts)
               if hint.kind == "title" else
               _("Andre har fået ønsker til samme slags mål godkendt til {low}–{high}, typisk {median}", **amounts))
