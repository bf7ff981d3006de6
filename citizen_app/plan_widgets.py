"""Words and small widgets for the citizen's plan and answers: statuses, item cards, decisions.

The citizen's own text (goals, titles, shop, notes) and staff text (reasons) are always shown with
ui.plain (st.text), never in markdown and never in a widget label.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

import streamlit as st

from citizen_app import plan_words, ui
from citizen_app.read_aloud import read_aloud
from citizen_app.i18n import _, date_time, long_date, money, translator
from citizen_app.labels import DECISION_SENTENCES, category_label, item_status_label
from storage.budget import Budget
from storage.errors import N_
from storage.plan_view import ItemView, PlanView
from storage.statuses import EDITABLE
from storage.submissions import PublishedDecision

# Which form on the plan page is open (one at a time).
OPEN_FORM_KEY = "plan_open_form"

PLAN_STATUS_NOTICES = {
    "paused": N_("Din plan holder pause lige nu. Intet er væk. Du kan se planen, men ikke ændre den. "
                 "Tal med din støtteperson om, hvornår I går videre."),
    "ended": N_("Dit forløb er slut. Du kan stadig se din plan, men ikke ændre den."),
}


def category_labels(categories: Sequence[Mapping[str, str]]) -> dict[str, str]:
    """key -> translated label."""
    return {c["key"]: category_label(c) for c in categories}


def edit_item_form(item_id: int) -> str:
    return f"item:{item_id}"


def open_form(form_id: str | None) -> None:
    if form_id is None:
        st.session_state.pop(OPEN_FORM_KEY, None)
    else:
        st.session_state[OPEN_FORM_KEY] = form_id


def is_open(form_id: str) -> bool:
    return st.session_state.get(OPEN_FORM_KEY) == form_id


def any_form_open() -> bool:
    return st.session_state.get(OPEN_FORM_KEY) is not None

def plan_status_notice(plan: PlanView) -> None:
    """The kind explanation for a paused or ended plan, with the support person's own words."""
    notice = PLAN_STATUS_NOTICES.get(plan.status)
    if notice:
        st.info(_(notice), icon=":material/pause_circle:")
        if plan.status_reason:
            st.caption(_("Din støtteperson skrev:"))
            ui.plain(plan.status_reason)


def price_line(item: ItemView) -> str:
    return plan_words.price_line(item, _, money)


def show_decisions(history: Sequence[PublishedDecision], *, key: str) -> None:
    """The newest answer with its reason, and older answers in 'Tidligere svar'."""
    if not history:
        return
    newest, older = history[0], history[1:]
    _decision(newest, key=f"{key}_0")
    if older:
        with st.expander(_("Tidligere svar"), key=key):
            for number, decision in enumerate(older, start=1):
                _decision(decision, key=f"{key}_{number}")


def _decision(decision: PublishedDecision, *, key: str) -> None:
    sentence = _(DECISION_SENTENCES.get(decision.decision, N_("Din støtteperson har svaret.")))
    st.markdown(sentence)
    said = [sentence]
    if decision.reason:
        st.caption(_("Din støtteperson skrev:"))
        ui.plain(decision.reason)
        said += [_("Din støtteperson skrev:"), decision.reason]
    st.caption(_("Svaret kom {time}.", time=date_time(decision.decided_at)))
    read_aloud(" ".join(said), key=f"decision_{key}", personal=bool(decision.reason))  # a reason is about the person


def item_details(item: ItemView, *, budget: Budget, needs_goal: bool = False,
                 decisions: Sequence[PublishedDecision] = ()) -> None:
    """One wish: what it is, price × quantity, status in words, shop, note, marks and the latest answer."""
    ui.plain(item.title)
    st.markdown(price_line(item))
    st.markdown(_("Status: {status}", status=item_status_label(item.status)))
    if item.shop:
        st.caption(_("Butik eller link:"))
        ui.plain(item.shop)
    if item.note:
        st.caption(_("Din note:"))
        ui.plain(item.note)
    if budget.is_over_left(item):
        st.warning(_("Koster mere, end der er tilbage."), icon=":material/warning:")
    if needs_goal and item.status in EDITABLE:
        st.warning(_("Ønsket mangler et mål. Vælg det mål, ønsket hjælper med."), icon=":material/link_off:")
    if decisions and item.status in ("change_requested", "declined"):
        show_decisions(decisions, key=f"history_plan_{item.id}")


def goal_choices(plan: PlanView, *, width: int = 60) -> dict[int | None, str]:
    """Options for 'which goal does it serve': long-term goals with their sub-goals indented under them."""
    def short(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    choices: dict[int | None, str] = {None: _("Vælg et mål")}
    for goal in plan.goals:
        choices[goal.id] = short(goal.text)
        for sub in goal.sub_goals:
            choices[sub.id] = "   ↳ " + short(sub.text)
    return choices


def pdf_on_download(plan: PlanView, categories: Sequence[Mapping[str, str]], language: str,
                    today: date) -> Callable[[], bytes]:
    """For st.download_button: makes the plan's PDF when the citizen taps the button, not on every run
    of the page. It runs outside the script run (no session state there), so it takes all it needs."""
    labels = list(categories)

    def build() -> bytes:
        from citizen_app.printable import plan_pdf
        return plan_pdf(plan, labels, translator(language), lambda ore: money(ore, language),
                        lambda day: long_date(day, language), language=language, today=today)
    return build
