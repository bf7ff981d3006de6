"""Small shared pieces for the staff pages: the chosen citizen, labels, waiting times, LIX and suggestions.

The chosen citizen lives only in the session (``selected_citizen_id``), never in the URL.
User text is never put into labels here; pages show it with ``ui.plain``.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import streamlit as st

from citizen_app import ui
from citizen_app.i18n import _, money, ngettext, weekday_date
from dialogs.lix import lix
from storage.caseload import LOCAL_TIMEZONE, Waiting
from storage.dates import working_days_between
from storage.db import write_session
from storage.errors import N_, DomainError
from storage.ledger import Ledger
from storage.plan import Budget

T = TypeVar("T")

SELECTED_CITIZEN_KEY = "selected_citizen_id"
FLASH_KEY = "staff_flash"
OVERVIEW_PAGE = "app_pages/support_overview.py"
CITIZEN_PAGE = "app_pages/support_citizen.py"
REVIEW_PAGE = "app_pages/review.py"

ITEM_STATUS_LABELS = {
    "draft": N_("Kladde – ikke sendt"),
    "submitted": N_("Sendt – venter på svar"),
    "approved": N_("Godkendt"),
    "change_requested": N_("Skal ændres"),
    "declined": N_("Afslået"),
    "ordered": N_("Bestilt – venter på betaling"),
    "paid": N_("Betalt"),
}
DECISION_CHOICES = {
    "approve": N_("Godkend"),
    "change": N_("Bed om en ændring"),
    "decline": N_("Afslå"),
}
DECISION_DONE = {
    "approve": N_("Godkendt"),
    "change": N_("Bedt om en ændring"),
    "decline": N_("Afslået"),
}
PAYMENT_STATUS_LABELS = {
    "requested": N_("Venter på økonomi"),
    "paid": N_("Betalt"),
    "rejected": N_("Afvist af økonomi"),
}


def label(table: dict[str, str], code: str | None) -> str:
    return _(table[code]) if code in table else (code or "")


# --- the chosen citizen ------------------------------------------------------------------------------

def selected_citizen_id() -> int | None:
    value = st.session_state.get(SELECTED_CITIZEN_KEY)
    return value if isinstance(value, int) else None


def open_page(citizen_id: int, page: str = CITIZEN_PAGE) -> None:
    """Remember the citizen in the session and go to their page (nothing about them in the URL)."""
    st.session_state[SELECTED_CITIZEN_KEY] = citizen_id
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
    except DomainError:
        st.session_state.pop(SELECTED_CITIZEN_KEY, None)
        st.warning(_("Du har ikke adgang til denne borger. Gå tilbage til Mine borgere, og vælg en af dine borgere."),
                   icon=":material/block:")
        back_to_overview("back_refused")
        return None


def done(work: Callable[..., object]) -> bool:
    """Run one action in its own transaction (ui.attempt); True when it went through."""

    def run(s) -> bool:
        work(s)
        return True
    return ui.attempt(run) is True


# --- a message that survives the rerun after a saved action -------------------------------------------

def flash(message: str) -> None:
    """Show ``message`` as a success at the top of the next run, then rerun (call outside a transaction)."""
    st.session_state[FLASH_KEY] = message
    st.rerun()


def show_flash() -> None:
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        st.success(message, icon=":material/check:")


# --- how long a plan has waited ------------------------------------------------------------------------

def waiting_since(version: int, submitted_at, answer_by, today) -> Waiting:
    """A Waiting for one sent plan whose promised date is already known (from list_submissions)."""
    sent = submitted_at.astimezone(LOCAL_TIMEZONE).date()
    return Waiting(version, submitted_at, working_days_between(sent, today), answer_by, today > answer_by,
                   working_days_between(answer_by, today))


def waiting_text(waiting: Waiting) -> str:
    """'Venter i 3 hverdage – svar senest tirsdag 1. december.' (or that the promise has passed)."""
    when = weekday_date(waiting.answer_by)
    if waiting.overdue:
        return ngettext("For sent: planen har ventet i {n} hverdag. Svaret skulle være sendt senest {date}.",
                        "For sent: planen har ventet i {n} hverdage. Svaret skulle være sendt senest {date}.",
                        waiting.working_days, date=when)
    if waiting.working_days == 0:
        return _("Planen er lige kommet – svar senest {date}.", date=when)
    return ngettext("Venter i {n} hverdag – svar senest {date}.",
                    "Venter i {n} hverdage – svar senest {date}.", waiting.working_days, date=when)


# --- the course ----------------------------------------------------------------------------------------

def load_course_or_none():
    """The course, once per page run; None while the course files are missing or broken."""
    try:
        from dialogs.engine import load_course
        return load_course()
    except Exception:  # noqa: BLE001 - progress is a nicety; the overview must work without the course
        return None


def course_progress_text(course, step_id: str | None, done: bool) -> str:
    if done:
        return _("Samtalen er færdig.")
    if step_id is None:
        return _("Har ikke startet samtalen endnu.")
    if course is not None:
        try:
            from dialogs.engine import progress
            where = progress(course, step_id)
            return _("I samtalen: trin {number} af {count} – {title}.", number=where.module_number,
                     count=where.module_count, title=_(where.module_title))
        except (KeyError, StopIteration, ValueError):
            pass
    return _("I gang med samtalen.")


# --- the budget, as the support person sees it ---------------------------------------------------------

def budget_box(budget: Budget, figures: Ledger) -> None:
    """The budget bar and the ledger in one box, in the support person's words (the citizen's bar says 'din')."""
    used = budget.approved_ore + budget.planned_ore
    share = min(1.0, used / budget.total_ore) if budget.total_ore else 1.0
    with st.container(border=True):
        st.progress(share, text=_("Budget i alt: {amount}", amount=money(figures.total_ore)))
        st.write(_("Godkendt: {amount}", amount=money(figures.approved_ore)))
        st.write(_("Bedt om betaling, ikke betalt endnu: {amount}", amount=money(figures.requested_ore)))
        st.write(_("Betalt: {amount}", amount=money(figures.paid_ore)))
        st.write(_("I planen, ikke godkendt endnu: {amount}", amount=money(budget.planned_ore)))
        st.write(_("Ledigt i budgettet: {amount}", amount=money(figures.left_ore)))
        if budget.level == "over":
            st.error(_("Planen koster {amount} mere, end der er tilbage.", amount=money(-budget.left_after_plan_ore)),
                     icon=":material/error:")
        elif budget.level == "warning":
            st.warning(_("Mere end 85 % af budgettet er godkendt eller i planen."), icon=":material/warning:")


def shared_answer(answer, course) -> tuple[str, str]:
    """A shared course answer (storage.course.SharedAnswer) as (question msgid, what to show): a chosen
    option shows as its label, not the stored value; otherwise the citizen's own words."""
    value = answer.value
    step = course.steps.get(answer.step_id) if course is not None else None
    if step is not None and step.options:
        labels = {option.value: option.label for option in step.options}
        values = value if isinstance(value, (list, tuple)) else [value]
        if values and all(v in labels for v in values):
            return answer.question, ", ".join(_(labels[v]) for v in values)
    words = answer.words
    if not words:
        words = ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value or "")
    return answer.question, words


# --- plain words: LIX and suggestions ------------------------------------------------------------------

def lix_caption(text: str | None) -> None:
    """Show the LIX of what the support person is writing to the citizen, with what it means."""
    if not (text or "").strip():
        return
    score = round(lix(text or ""))
    if score < 25:
        st.caption(_("LIX {score}: meget let at læse. Godt.", score=score))
    elif score < 35:
        st.caption(_("LIX {score}: let at læse. Godt.", score=score))
    elif score < 45:
        st.warning(_("LIX {score}: lidt svær at læse. Prøv korte sætninger og korte ord.", score=score),
                   icon=":material/edit_note:")
    elif score < 55:
        st.warning(_("LIX {score}: svær at læse. Brug kortere sætninger og færre lange ord.", score=score),
                   icon=":material/edit_note:")
    else:
        st.warning(_("LIX {score}: meget svær at læse. Brug kortere sætninger og færre lange ord.", score=score),
                   icon=":material/edit_note:")


def _use_phrase(target_key: str, phrase: str) -> None:
    st.session_state[target_key] = phrase


def suggestions(target_key: str, phrases: Sequence[str]) -> None:
    """Example wording the support person can click to put into the text field ``target_key``."""
    st.caption(_("Forslag til ord. Tryk for at bruge et af dem, og ret det bagefter."))
    for number, phrase in enumerate(phrases):
        st.button(_(phrase), key=f"{target_key}_suggestion_{number}", type="tertiary", icon=":material/edit:",
                  on_click=_use_phrase, args=(target_key, _(phrase)))


def clear_keys(*keys: str) -> None:
    """Empty form fields after a saved action (call before flash(), which reruns)."""
    for key in keys:
        st.session_state.pop(key, None)


# --- follow-up: WHO-5 and goal ratings ------------------------------------------------------------------

CHECK_IN_PHASES = {
    "start": N_("Ved start"),
    "mid": N_("Midtvejs"),
    "end": N_("Ved afslutning"),
    "other": N_("Anden opfølgning"),
}
# WHO-5 Trivselsindeks (Psykiatrisk Center Nordsjælland), the Danish wording; each answer counts 0-5.
WHO5_QUESTIONS = (
    N_("I de sidste to uger har jeg været glad og i godt humør."),
    N_("I de sidste to uger har jeg følt mig rolig og afslappet."),
    N_("I de sidste to uger har jeg følt mig aktiv og energisk."),
    N_("I de sidste to uger er jeg vågnet frisk og udhvilet."),
    N_("I de sidste to uger har min dagligdag været fyldt med ting, der interesserer mig."),
)
WHO5_ANSWERS = {
    5: N_("Hele tiden"),
    4: N_("Det meste af tiden"),
    3: N_("Lidt mere end halvdelen af tiden"),
    2: N_("Lidt mindre end halvdelen af tiden"),
    1: N_("Lidt af tiden"),
    0: N_("På intet tidspunkt"),
}
GOAL_RATINGS = {
    1: N_("1 – Ikke tættere på målet"),
    2: N_("2 – Lidt tættere på målet"),
    3: N_("3 – Tættere på målet"),
    4: N_("4 – Målet er næsten nået"),
    5: N_("5 – Målet er nået"),
}
