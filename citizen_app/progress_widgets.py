"""The parts of 'Sådan går det': a goal with the citizen's own rating (saved the moment it is chosen) beside
the support person's (read only), WHO-5 with 'Spring over', and the citizen's own WHO-5 picture."""
from __future__ import annotations

import streamlit as st

from citizen_app import help_panel as hp
from citizen_app import ui
from citizen_app.followup_words import citizen_rating, goal_parts, milestone_key_name, support_rating
from citizen_app.i18n import _, number
from storage import goal_ratings, who5
from storage.access import Actor
from storage.errors import N_, DomainError
from storage.goal_ratings import MilestoneRatings
from storage.milestones import Milestone
from storage.plan_view import GoalView
from storage.who5 import Who5View

CITIZEN_VALUES = [value for value, _words in goal_ratings.CITIZEN_SCALE]
WHO5_VALUES = [points for points, _words in who5.ANSWERS]
WHO5_WORDS = dict(who5.ANSWERS)
REDO_KEY = "who5_again"


def _rating_keys(milestone: Milestone, goal_id: int) -> tuple[str, str, str]:
    base = f"rate_{milestone.key}_{goal_id}"
    return base, f"{base}_note", f"{base}_errors"


def rating_saver(actor: Actor, citizen_id: int, milestone_key: str, goal_id: int, rating_key: str, note_key: str,
                 choose_first: str):
    """The work of saving one side's rating of a goal (and its note) from the widgets' keys, for ui.on_click.
    A note without a rating is refused with ``choose_first``: the note belongs to a rating."""
    def work(s) -> None:
        rating = st.session_state.get(rating_key)
        if rating is None:
            raise DomainError(choose_first)
        goal_ratings.rate(s, actor=actor, citizen_id=citizen_id, goal_id=goal_id, milestone=milestone_key,
                          rating=rating, note=st.session_state.get(note_key))
    return work


def goal_card(actor: Actor, number: int, goal: GoalView, milestone: Milestone | None,
              ratings: MilestoneRatings | None) -> None:
    with st.container(border=True):
        st.subheader(_("Mål {n}", n=number))
        ui.plain(goal.text)
        goal_parts(goal)
        if milestone is None or ratings is None:
            return
        rating_key, note_key, errors = _rating_keys(milestone, goal.id)
        mine = ratings.citizen.get(goal.id)
        save = ui.on_click(rating_saver(actor, actor.id, milestone.key, goal.id, rating_key, note_key,
                                        N_("Vælg først, hvor tæt du er på målet. Så gemmer vi din sætning.")),
                           _("Gemt."), errors=errors)
        st.radio(_("Hvor tæt er du på målet?"), CITIZEN_VALUES, key=rating_key, format_func=lambda v: citizen_rating(v),
                 index=CITIZEN_VALUES.index(mine.rating) if mine else None, on_change=save)
        st.text_input(_("Vil du skrive en sætning om det? Du kan springe over."), key=note_key,
                      value=(mine.note or "") if mine else "", max_chars=goal_ratings.NOTE_LIMIT,
                      on_change=hp.checking(actor, "goal_rating", [note_key], save))
        ui.show_errors(errors)
        if mine:
            st.caption(_("Dit svar er gemt."))
        theirs = ratings.support.get(goal.id)
        with st.container(border=True):
            st.write(_("Din støttepersons svar (du kan ikke ændre det):"))
            if theirs is None:
                st.caption(_("Din støtteperson har ikke svaret endnu."))
            else:
                st.write(support_rating(theirs.rating))
                ui.plain(theirs.note)


# --- WHO-5 ------------------------------------------------------------------------------------------------

def _who5_keys(milestone: Milestone) -> list[str]:
    return [f"who5_{milestone.key}_{n}" for n in range(len(who5.ITEMS))]


def _save_who5_when_complete(actor: Actor, milestone: Milestone):
    keys = _who5_keys(milestone)

    def work(s) -> None:
        who5.answer(s, actor=actor, citizen_id=actor.id, milestone=milestone.key,
                    items=[st.session_state.get(k) for k in keys])

    def after() -> None:
        ui.clear_keys(*keys, REDO_KEY)

    def callback() -> None:
        if all(st.session_state.get(k) is not None for k in keys):
            ui.on_click(work, _("Dine svar er gemt."), after=after, errors="who5")()
    return callback


def who5_form(actor: Actor, milestone: Milestone, answered: Who5View | None) -> None:
    st.subheader(_("Hvordan har du haft det?"))
    if answered is not None and not st.session_state.get(REDO_KEY):
        if answered.skipped:
            st.write(_("Du sprang over. Det er helt i orden."))
        else:
            st.write(_("Tak. Dine svar er gemt."))
        st.button(_("Svar igen"), key="who5_redo", on_click=lambda: st.session_state.update({REDO_KEY: True}))
        return
    st.write(_("Fem korte spørgsmål om, hvordan du har haft det. Du må gerne springe over."))
    st.write(_(who5.INTRO))
    save = _save_who5_when_complete(actor, milestone)
    for item, key in zip(who5.ITEMS, _who5_keys(milestone)):
        st.radio(_(item), WHO5_VALUES, index=None, key=key, format_func=lambda p: _(WHO5_WORDS[p]), on_change=save)
    st.caption(_("Vi gemmer dine svar, når du har svaret på alle fem."))
    ui.show_errors("who5")
    st.button(_("Spring over"), key="who5_skip", icon=":material/skip_next:", on_click=ui.on_click(
        lambda s: who5.answer(s, actor=actor, citizen_id=actor.id, milestone=milestone.key, skip=True),
        _("Gemt. Du sprang over."), after=lambda: ui.clear_keys(*_who5_keys(milestone), REDO_KEY), errors="who5"))


def who5_picture(history: list[Who5View], start, end) -> None:
    """The citizen's own WHO-5 over time: a bar per answer, with the number in words beside it."""
    answered = [v for v in history if v.index is not None]
    if not answered:
        return
    st.subheader(_("Din trivsel"))
    st.caption(_("Tallet går fra 0 til 100. Jo højere, jo bedre har du haft det."))
    for view in answered:
        st.progress(view.index / 100, text=_("{name}: {score} af 100", name=milestone_key_name(start, end, view.milestone),
                                             score=number(view.index)))
    if len(answered) < 2:
        return
    change = answered[-1].index - answered[0].index
    if change > 0:
        st.write(_("Det er {n} point mere end første gang.", n=number(change)))
    elif change < 0:
        st.write(_("Det er {n} point mindre end første gang.", n=number(-change)))
    else:
        st.write(_("Det er det samme som første gang."))
