"""The coordinator's report charts: Altair bar charts, each shown with a sentence that says what it shows
(the text alternative) and the same numbers as a table beneath it (WCAG 1.1.1 and 1.3.1).

Numbers on the charts are Danish strings made by Babel (``number``, ``percent``, ``money``) and drawn as text
next to each bar, so no Vega number format (English by default) reaches the screen; the value axis is left
out. Colours are dark enough for 3:1 against white (WCAG 1.4.11) and every bar carries its own label, so
colour is never the only carrier of meaning. A withheld figure (a small group) is a row in the table that
says so, and no bar.
"""
from __future__ import annotations

from dataclasses import dataclass

from typing import TYPE_CHECKING

import streamlit as st

from citizen_app import ui

if TYPE_CHECKING:  # altair and pandas pull in numpy: imported when a chart is drawn, not when the server starts
    import altair as alt
    import pandas as pd

# 3:1 or more against white: blue 8.6:1, orange 4.6:1, green 6.0:1.
COLOURS = ("#1d4f91", "#a8480b", "#2b6a30")
TEXT_COLOUR = "#1f1f1f"


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value (None: withheld, no bar), the value as Danish text, and its group."""

    label: str
    value: float | None
    shown: str
    group: str = ""


def _frame(bars: list[Bar]) -> pd.DataFrame:
    import pandas as pd
    return pd.DataFrame([{"label": b.label, "value": b.value, "shown": b.shown, "group": b.group}
                         for b in bars if b.value is not None])


def bar_chart(bars: list[Bar], *, description: str, label_title: str, grouped: bool = False,
              domain_max: float | None = None) -> alt.Chart | None:
    """Horizontal bars with their Danish values written beside them; None when every bar is withheld."""
    import altair as alt

    data = _frame(bars)
    if data.empty:
        return None
    order = list(dict.fromkeys(b.label for b in bars))
    y = alt.Y("label:N", sort=order, title=label_title, axis=alt.Axis(labelLimit=220, labelColor=TEXT_COLOUR,
                                                                      titleColor=TEXT_COLOUR))
    scale = alt.Scale(domain=[0, domain_max * 1.25]) if domain_max else alt.Scale(nice=True)
    x = alt.X("value:Q", axis=None, scale=scale)
    groups = list(dict.fromkeys(b.group for b in bars))
    colour = alt.Color("group:N", scale=alt.Scale(domain=groups, range=list(COLOURS[:len(groups)])),
                       legend=alt.Legend(title=None, orient="bottom", labelColor=TEXT_COLOUR) if grouped else None)
    encodings = {"y": y, "x": x, "color": colour}
    if grouped:
        encodings["yOffset"] = alt.YOffset("group:N", sort=groups)
    base = alt.Chart(data).encode(**encodings)
    bars_layer = base.mark_bar()
    text_layer = base.mark_text(align="left", dx=4).encode(text="shown:N", color=alt.value(TEXT_COLOUR))
    height = max(80, len(data) * (22 if not grouped else 14) + 40)
    return (bars_layer + text_layer).properties(height=height, description=description)


def show(chart: alt.Chart | None, description: str, table: dict[str, list[str]]) -> None:
    """The chart, the sentence that describes it, and the table with the same numbers."""
    if chart is not None:
        st.altair_chart(chart, width="stretch")
    ui.plain(description)  # plain text: a category's label comes from the programme's settings
    st.table(table)
