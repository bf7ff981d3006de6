"""Plan and budget: the citizen's goals and wishes with their status, the budget box, and shared answers."""
from __future__ import annotations

import streamlit as st

from citizen_app import staff_nav as nav
from citizen_app import staff_words as words
from citizen_app import ui
from citizen_app.budget_bar import budget_box
from citizen_app.i18n import _, money
from citizen_app.labels import category_label, item_status_label
from storage import course as course_store
from storage import ledger, plan_view, programmes
from storage.plan_view import GoalView, ItemView


def _item(item: ItemView) -> None:
    with st.container(border=True):
        ui.plain(item.title)
        if item.quantity > 1:
            st.caption(_("Status: {status}. Pris: {amount} for {quantity} stk.", status=item_status_label(item.status),
                         amount=money(item.total_ore), quantity=item.quantity))
        else:
            st.caption(_("Status: {status}. Pris: {amount}", status=item_status_label(item.status),
                         amount=money(item.total_ore)))


def _goal(goal: GoalView, categories: dict[str, str], long_term: bool) -> None:
    with st.container(border=long_term):
        st.caption(_("Langsigtet mål") if long_term else _("Delmål"))
        ui.plain(goal.text)
        if goal.category in categories:
            st.caption(_("Område: {category}.", category=categories[goal.category]))
        for item in goal.items:
            _item(item)
        for sub in goal.sub_goals:
            _goal(sub, categories, long_term=False)


def _shared_answers(actor, cid: int) -> None:
    """The course answers the citizen chose to share (skipped and private ones never reach this page)."""
    st.subheader(_("Svar fra samtalen, som borgeren har delt"))
    answers = nav.load_or_refuse(lambda s: course_store.shared_answers(s, actor=actor, citizen_id=cid))
    if answers is None:
        return
    if not answers:
        st.caption(_("Borgeren har ikke delt svar fra samtalen endnu."))
    course = words.load_course_or_none()
    for answer in answers:
        question, text = words.shared_answer(answer, course)
        st.caption(_(question))
        ui.plain(text)


def show(actor, cid: int, profile) -> None:
    loaded = nav.load_or_refuse(lambda s: (
        plan_view.get_plan(s, actor=actor, citizen_id=cid), ledger.summary(s, actor=actor, citizen_id=cid),
        programmes.goal_categories(programmes.get_programme(s, actor=actor))))
    if loaded is None:
        return
    view, budget, categories = loaded
    budget_box(budget, for_staff=True)
    if st.button(_("Gå til Svar på plan"), key="to_review", icon=":material/rule:"):
        nav.open_page(cid, nav.REVIEW_PAGE)
    st.subheader(_("Mål og ønsker"))
    if not view.goals and not view.unlinked_items:
        st.write(_("Borgeren har ikke skrevet mål eller ønsker endnu."))
    labels = {c["key"]: category_label(c) for c in categories}
    for goal in view.goals:
        _goal(goal, labels, long_term=True)
    if view.unlinked_items:
        st.caption(_("Ønsker, der ikke hører til et mål"))
        for item in view.unlinked_items:
            _item(item)
    _shared_answers(actor, cid)
