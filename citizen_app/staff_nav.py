"""Which citizen a staff page is about, and moving between the staff pages.

The chosen citizen lives only in the session (``selected_citizen_id``), never in the URL.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from citizen_app.i18n import _
from storage.db import write_session
from storage.errors import RuleError

T = TypeVar("T")

SELECTED_CITIZEN_KEY = "selected_citizen_id"
OVERVIEW_PAGE = "app_pages/support_overview.py"
CITIZEN_PAGE = "app_pages/support_citizen.py"
REVIEW_PAGE = "app_pages/review.py"
OPEN_SECTION_KEY = "open_citizen_section"  # the section support_citizen.py opens with, once (e.g. "messages")


def selected_citizen_id() -> int | None:
    value = st.session_state.get(SELECTED_CITIZEN_KEY)
    return value if isinstance(value, int) else None


def choose(citizen_id: int | None) -> None:
    """Remember (or forget, with None) the citizen the next pages are about."""
    if citizen_id is None:
        st.session_state.pop(SELECTED_CITIZEN_KEY, None)
    else:
        st.session_state[SELECTED_CITIZEN_KEY] = citizen_id


def open_page(citizen_id: int, page: str = CITIZEN_PAGE) -> None:
    """Remember the citizen in the session and go to their page (nothing about them in the URL)."""
    choose(citizen_id)
    st.switch_page(page)


def back_to_overview(key: str = "back_to_overview") -> None:
    if st.button(_("Tilbage til Mine borgere"), key=key, icon=":material/arrow_back:"):
        st.switch_page(OVERVIEW_PAGE)


def selected_citizen_or_hint() -> int | None:
    """The chosen citizen's id; without one, a short message and the way back.

    Pages return early on None rather than calling st.stop(), so the footer (the accessibility
    statement link) is still drawn.
    """
    citizen_id = selected_citizen_id()
    if citizen_id is None:
        st.info(_("Vælg først en borger på siden Mine borgere."), icon=":material/info:")
        back_to_overview("back_no_selection")
    return citizen_id


def load_or_refuse(work: Callable[..., T]) -> T | None:
    """Read the chosen citizen's data in one audited transaction, or refuse kindly and return None.

    A refusal forgets the choice, so a citizen outside the person's case load stays out of reach.
    """
    try:
        with write_session() as s:
            return work(s)
    except RuleError:
        choose(None)
        st.warning(_("Du har ikke adgang til denne borger. Gå tilbage til Mine borgere, og vælg en af dine borgere."),
                   icon=":material/block:")
        back_to_overview("back_refused")
        return None
