"""The course's summary: what the course has drafted, shown on the summary steps beside the guide's question.

Goals with their topic, sub-goals, wishes with prices, what the wishes cost against the budget and what would
be left. Each line can be changed or removed right there, with the plan's own forms (citizen_app/plan_forms.py)
and rules (storage/plan.py); the figures come from storage.budget.Budget, the one home for money left.
The citizen's own words are shown with st.text (ui.plain), never as markdown.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from citizen_app import plan_forms as forms
from citizen_app import plan_widgets as pw
from citizen_app import ui
from citizen_app.i18n import _, money
from citizen_app.labels import category_topic
from storage import plan as plans
from storage import plan_view
from storage.access import Actor
from storage.db import read_session
from storage.plan_view import GoalView, ItemView, PlanView
from storage.statuses import EDITABLE

# The steps that show the summary; on CHANGE_STEP ("Jeg vil gerne ændre noget") the way to add is open too.
CHECK_STEP = "summary_check"
CHANGE_STEP = "summary_change"
SUMMARY_STEPS = frozenset({CHECK_STEP, CHANGE_STEP})
FORM_PREFIX = "sum_"


def shows_summary(step_id: str | None) -> bool:
    return step_id in SUMMARY_STEPS


def _form(name: str) -> str:
    return FORM_PREFIX + name


def _item_line(actor: Actor, plan: PlanView, item: ItemView) -> None:
    with st.container(border=True, key=f"sum_item_{item.id}"):
        ui.plain(item.title)
        st.markdown(pw.price_line(item))
        if plan.budget.is_over_left(item):
            st.caption(_("Koster mere, end der er tilbage."))
        if not plan.is_open or item.status not in EDITABLE:
            return  # sent or answered: the plan page shows what happens with it
        row = forms.action_row()
        forms.open_button(row, _("Ret ønsket"), _form(f"item:{item.id}"), ":material/edit:")
        forms.open_button(row, _("Fjern ønsket"), _form(f"remove_item:{item.id}"), ":material/delete:")
        if pw.is_open(_form(f"item:{item.id}")):
            forms.item_form(actor, plan, f"sum_form_item_{item.id}", item)
        forms.confirm_remove(_form(f"remove_item:{item.id}"), _("Vil du fjerne ønsket?"),
                             lambda s: plans.remove_item(s, actor=actor, citizen_id=actor.id, item_id=item.id),
                             _("Ønsket er fjernet."))


def _goal_lines(actor: Actor, plan: PlanView, categories: Mapping[str, Mapping[str, str]], goal: GoalView, *,
                sub: bool) -> None:
    ui.plain(goal.text)
    if not sub and goal.category in categories:
        st.caption(category_topic(categories[goal.category]))
    if not plan.is_open:
        return
    row = forms.action_row()
    forms.open_button(row, _("Ret delmålet") if sub else _("Ret målet"), _form(f"goal:{goal.id}"), ":material/edit:")
    if all(i.status in EDITABLE for i in goal.all_items()):
        forms.open_button(row, _("Fjern delmålet") if sub else _("Fjern målet"), _form(f"remove_goal:{goal.id}"),
                          ":material/delete:")
    if pw.is_open(_form(f"goal:{goal.id}")):
        forms.goal_form(actor, pw.category_labels(list(categories.values())), f"sum_form_goal_{goal.id}", goal,
                        sub=sub)
    question = (_("Vil du fjerne delmålet? Ønsker under det bliver også væk.") if sub else
                _("Vil du fjerne målet? Delmål og ønsker under det bliver også væk."))
    forms.confirm_remove(_form(f"remove_goal:{goal.id}"), question,
                         lambda s: plans.remove_goal(s, actor=actor, citizen_id=actor.id, goal_id=goal.id),
                         _("Målet er fjernet."))


def _totals(plan: PlanView) -> None:
    """What the wishes cost against the budget, and what would be left (storage.budget.Budget decides)."""
    budget = plan.budget
    st.markdown(_("Dit budget: {amount}", amount=money(budget.total_ore)))
    if budget.approved_ore:
        st.markdown(_("Godkendt: {amount}", amount=money(budget.approved_ore)))
    st.markdown(_("Dine ønsker koster i alt: {amount}", amount=money(budget.planned_ore)))
    if budget.left_after_plan_ore >= 0:
        st.markdown(_("Hvis du får ja til alle ønsker, er der {amount} tilbage.",
                      amount=money(budget.left_after_plan_ore)))
    else:
        st.warning(_("Dine ønsker koster {amount} mere, end der er i budgettet.",
                     amount=money(-budget.left_after_plan_ore)), icon=":material/warning:")
    if any(i.price_ore is None for i in plan.all_items()):
        st.caption(_("Nogle ønsker mangler en pris. De er ikke talt med."))


def _add_buttons(actor: Actor, plan: PlanView, cat_labels: Mapping[str, str]) -> None:
    if pw.is_open(_form("new_goal")):
        forms.goal_form(actor, dict(cat_labels), "sum_form_new_goal", sub=False)
    elif pw.is_open(_form("new_item")):
        forms.item_form(actor, plan, "sum_form_new_item", goal_id=plan.goals[0].id if plan.goals else None)
    else:
        row = forms.action_row()
        forms.open_button(row, _("Tilføj et mål"), _form("new_goal"), ":material/flag:")
        forms.open_button(row, _("Tilføj et ønske"), _form("new_item"), ":material/add:")


def show(actor: Actor, categories: Sequence[Mapping[str, str]], *, step_id: str) -> None:
    """The drafted plan, each line with its own "Ret" and "Fjern", and the totals. On the change step the
    citizen can also add a goal or a wish."""
    with read_session() as s:
        plan = plan_view.get_plan(s, actor=actor, citizen_id=actor.id)
    cat_labels = pw.category_labels(categories)
    by_key = {c["key"]: c for c in categories}
    with st.container(border=True, key="course_summary"):
        st.subheader(_("Din plan lige nu"))
        if not plan.goals and not plan.unlinked_items:
            st.caption(_("Der står ingen mål eller ønsker i din plan endnu."))
        for number, goal in enumerate(plan.goals, start=1):
            st.markdown("**" + _("Mål {number}", number=number) + "**")
            _goal_lines(actor, plan, by_key, goal, sub=False)
            for item in goal.items:
                _item_line(actor, plan, item)
            for sub in goal.sub_goals:
                st.markdown("**" + _("Delmål") + "**")
                _goal_lines(actor, plan, by_key, sub, sub=True)
                for item in sub.items:
                    _item_line(actor, plan, item)
        if plan.unlinked_items:
            st.markdown("**" + _("Ønsker uden mål") + "**")
            for item in plan.unlinked_items:
                _item_line(actor, plan, item)
        st.divider()
        _totals(plan)
        if step_id == CHANGE_STEP and plan.is_open:
            _add_buttons(actor, plan, cat_labels)
