"""The words staff pages show about a case: waiting times, course progress, shared answers, and help to write
plainly to the citizen (LIX of what is being written, example wording to click).

User text is never put into labels here; pages show it with ``ui.plain``.
"""
from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from citizen_app.i18n import _, ngettext, weekday_date
from dialogs.lix import band, lix
from storage.errors import N_
from storage.waiting import Waiting

LIX_ADVICE = {  # band -> (msgid, is it a warning?)
    "very_easy": (N_("LIX {score}: meget let at læse. Godt."), False),
    "easy": (N_("LIX {score}: let at læse. Godt."), False),
    "medium": (N_("LIX {score}: lidt svær at læse. Prøv korte sætninger og korte ord."), True),
    "hard": (N_("LIX {score}: svær at læse. Brug kortere sætninger og færre lange ord."), True),
    "very_hard": (N_("LIX {score}: meget svær at læse. Brug kortere sætninger og færre lange ord."), True),
}


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


def show_waiting(waiting: Waiting) -> None:
    (st.error if waiting.overdue else st.info)(waiting_text(waiting), icon=":material/schedule:")


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


def lix_caption(text: str | None) -> None:
    """Show the LIX of what the support person is writing to the citizen, with what it means."""
    if not (text or "").strip():
        return
    score = round(lix(text or ""))
    msgid, warn = LIX_ADVICE[band(score)]
    if warn:
        st.warning(_(msgid, score=score), icon=":material/edit_note:")
    else:
        st.caption(_(msgid, score=score))


def _use_phrase(target_key: str, phrase: str) -> None:
    st.session_state[target_key] = phrase


def suggestions(target_key: str, phrases: Sequence[str]) -> None:
    """Example wording the support person can click to put into the text field ``target_key``."""
    st.caption(_("Forslag til ord. Tryk for at bruge et af dem, og ret det bagefter."))
    for number, phrase in enumerate(phrases):
        st.button(_(phrase), key=f"{target_key}_suggestion_{number}", type="tertiary", icon=":material/edit:",
                  on_click=_use_phrase, args=(target_key, _(phrase)))
