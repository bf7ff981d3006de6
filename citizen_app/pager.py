"""A long list a page at a time: 'Viser 1–50 af 1.234' and the buttons 'Forrige side' / 'Næste side'.

The page number lives in the session under the list's own key; the database reads only that page
(storage/caseload.py), so the list costs the same at 100 or 100 000 rows.
"""
from __future__ import annotations

import streamlit as st

from citizen_app.i18n import _, number


def current(key: str, total: int, size: int) -> int:
    """The page to show (0 is the first), kept within the pages ``total`` rows fill: a list that shrank
    since the last click shows its last page, not an empty one."""
    last = max(0, (total - 1) // size)
    return min(max(0, int(st.session_state.get(key, 0))), last)


def _go(key: str, page: int) -> None:
    st.session_state[key] = page


def show(key: str, *, page: int, shown: int, total: int, size: int, count_one_page: bool = True) -> None:
    """The count and the buttons under the list; ``count_one_page=False`` hides the count when all fit."""
    if total == 0 or (total <= size and not count_one_page):
        return
    first = page * size + 1
    st.caption(_("Viser {first}–{last} af {total}.", first=number(first), last=number(first + shown - 1),
                 total=number(total)))
    if total <= size:
        return
    bar = st.container(horizontal=True)
    bar.button(_("Forrige side"), key=f"{key}_previous", disabled=page == 0, icon=":material/arrow_back:",
               on_click=_go, args=(key, page - 1))
    bar.button(_("Næste side"), key=f"{key}_next", disabled=first + shown > total, icon=":material/arrow_forward:",
               on_click=_go, args=(key, page + 1))
