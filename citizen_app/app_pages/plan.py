"""'Min plan': goal -> sub-goal -> wish -> kroner, against the budget, changed one small form at a time.

Each change is saved at once through storage.plan (citizen_app/plan_forms.py); a refusal shows a calm
message and changes nothing.
"""
from __future__ import annotations

import streamlit as st

from citizen_app import plan_forms as forms
from citizen_app import plan_widgets as pw
from citizen_app import help_panel, message_widgets, session, ui
from citizen_app.budget_bar import budget_box
from citizen_app.i18n import _, current_language, local_today, money
from citizen_app.labels import category_topic
from storage import plan as plans
from citizen_app.price_hint_widgets import price_hint
from storage import plan_changes, plan_view, price_hints, programmes, submissions
from storage.db import read_session
from storage.plan_view import GoalView, ItemView
from storage.statuses import EDITABLE, HOLDS_MONEY, PLANNED

actor = session.current_actor()
cid = actor.id
with read_session() as s:
    plan = plan_view.get_plan(s, actor=actor, citizen_id=cid)
    categories = programmes.goal_categories(programmes.get_programme(s, actor=actor))
    decisions = submissions.published_decisions(s, actor=actor, citizen_id=cid)
    item_categories = price_hints.categories_by_item(plan)
    hints = price_hints.hints_for(s, actor=actor, citizen_id=cid, wishes={
        i.id: (i.title, item_categories.get(i.id)) for i in plan.all_items() if i.status in EDITABLE})
cat_labels = pw.category_labels(categories)
categories_by_key = {c["key"]: c for c in categories}
read_only = not plan.is_open
# Approved wishes with a change on its way (the change is a wish of its own that replaces it once approved).
replaced = {i.replaces_item_id for i in plan.all_items() if i.replaces_item_id and i.status in PLANNED}


def after_approval(item: ItemView) -> None:
    """An approved wish: change or drop it as a new version, or why that is not possible."""
    if item.drop_state == "draft":
        st.info(_("Du vil fjerne ønsket. Du får pengene igen, når din støtteperson siger ja."),
                icon=":material/undo:")
        st.button(_("Behold ønsket alligevel"), key=f"keep_{item.id}", icon=":material/undo:",
                  on_click=forms.saving(lambda s: plan_changes.keep_item(s, actor=actor, citizen_id=cid,
                                                                         item_id=item.id), _("Ønsket er gemt.")))
        return
    if item.drop_state == "sent":
        st.info(_("Du har bedt om at fjerne ønsket. Du venter på svar."), icon=":material/schedule:")
        return
    if item.id in replaced:
        st.info(_("Du er ved at ændre ønsket. Det gamle ønske gælder, til din støtteperson siger ja."),
                icon=":material/edit_note:")
        return
    if item.status in ("ordered", "paid") or item.requested_ore:
        st.caption(_("Der er brugt penge på ønsket. Derfor kan det ikke ændres eller fjernes."))
        return
    if not plan_changes.can_change(item):
        return
    row = forms.action_row()
    forms.open_button(row, _("Ændr ønsket"), f"change:{item.id}", ":material/edit:")
    forms.open_button(row, _("Fjern ønsket"), f"drop:{item.id}", ":material/delete:")
    if pw.is_open(f"change:{item.id}"):
        st.caption(_("Ændringen bliver sendt til din støtteperson. Indtil da gælder det, der er godkendt."))
        forms.item_form(actor, plan, f"form_change_{item.id}", item, after_approval=True)
    forms.confirm_remove(f"drop:{item.id}", _("Vil du fjerne ønsket? Din støtteperson skal sige ja først."),
                         lambda s: plan_changes.drop_item(s, actor=actor, citizen_id=cid, item_id=item.id),
                         _("Ønsket er sat til at blive fjernet. Send planen for at spørge din støtteperson."))


def item_card(item: ItemView, index: int, count: int, *, needs_goal: bool = False) -> None:
    with st.container(border=True):
        pw.item_details(item, budget=plan.budget, needs_goal=needs_goal, decisions=decisions.get(item.id, ()))
        price_hint(hints.get(item.id))
        if item.replaces_item_id is not None and item.status in PLANNED:
            st.caption(_("Det er en ændring af et godkendt ønske. Det gamle ønske gælder, til din støtteperson "
                         "siger ja."))
        if item.status in ("change_requested", "declined") and decisions.get(item.id):
            message_widgets.ask_about_wish(item.id, cid)
        if read_only:
            return
        if item.status in HOLDS_MONEY:
            after_approval(item)
        row = forms.action_row()
        editable = item.status in EDITABLE
        if editable:
            forms.open_button(row, _("Ret ønsket"), pw.edit_item_form(item.id), ":material/edit:")
        forms.move_buttons(row, "item", item.id, index, count,
                           lambda s, up: plans.move_item(s, actor=actor, citizen_id=cid, item_id=item.id, up=up,
                                                         within_goal=True))
        if editable:
            forms.open_button(row, _("Fjern ønsket"), f"remove_item:{item.id}", ":material/delete:")
            if pw.is_open(pw.edit_item_form(item.id)):
                forms.item_form(actor, plan, f"form_item_{item.id}", item)
            forms.confirm_remove(f"remove_item:{item.id}", _("Vil du fjerne ønsket? Det kan ikke fortrydes."),
                                 lambda s: plans.remove_item(s, actor=actor, citizen_id=cid, item_id=item.id),
                                 _("Ønsket er fjernet."))


def goal_head(goal: GoalView, index: int, count: int, *, sub: bool) -> None:
    """The goal's own buttons, and its edit and remove forms when open."""
    if read_only:
        return
    row = forms.action_row()
    forms.open_button(row, _("Ret delmålet") if sub else _("Ret målet"), f"goal:{goal.id}", ":material/edit:")
    forms.move_buttons(row, "goal", goal.id, index, count,
                       lambda s, up: plans.move_goal(s, actor=actor, citizen_id=cid, goal_id=goal.id, up=up))
    if all(i.status in EDITABLE for i in goal.all_items()):
        forms.open_button(row, _("Fjern delmålet") if sub else _("Fjern målet"), f"remove_goal:{goal.id}",
                          ":material/delete:")
    if pw.is_open(f"goal:{goal.id}"):
        forms.goal_form(actor, cat_labels, f"form_goal_{goal.id}", goal, sub=sub)
    question = (_("Vil du fjerne delmålet? Ønsker under det bliver også væk.") if sub else
                _("Vil du fjerne målet? Delmål og ønsker under det bliver også væk."))
    forms.confirm_remove(f"remove_goal:{goal.id}", question,
                         lambda s: plans.remove_goal(s, actor=actor, citizen_id=cid, goal_id=goal.id),
                         _("Målet er fjernet."))


def add_item_here(goal_id: int) -> None:
    if read_only:
        return
    form_id = f"new_item:{goal_id}"
    if pw.is_open(form_id):
        forms.item_form(actor, plan, f"form_new_item_{goal_id}", goal_id=goal_id)
    else:
        forms.open_button(forms.action_row(), _("Tilføj et ønske"), form_id, ":material/add:")


def sub_goal_block(sub: GoalView, index: int, count: int) -> None:
    st.markdown("##### " + _("Delmål"))
    ui.plain(sub.text)
    goal_head(sub, index, count, sub=True)
    for n, item in enumerate(sub.items):
        item_card(item, n, len(sub.items))
    add_item_here(sub.id)


def goal_block(goal: GoalView, index: int, count: int) -> None:
    with st.container(border=True):
        st.markdown("#### " + _("Mål {number}", number=index + 1))
        ui.plain(goal.text)
        if goal.category in categories_by_key:
            st.caption(category_topic(categories_by_key[goal.category]))
        goal_head(goal, index, count, sub=False)
        for n, item in enumerate(goal.items):
            item_card(item, n, len(goal.items))
        add_item_here(goal.id)
        for n, sub in enumerate(goal.sub_goals):
            st.divider()
            sub_goal_block(sub, n, len(goal.sub_goals))
        if not read_only:
            st.divider()
            if pw.is_open(f"new_sub:{goal.id}"):
                forms.goal_form(actor, cat_labels, f"form_new_sub_{goal.id}", sub=True, parent_id=goal.id)
            else:
                forms.open_button(forms.action_row(), _("Tilføj et delmål"), f"new_sub:{goal.id}", ":material/add:")
        st.markdown(_("Ønskerne til dette mål koster {amount} i alt.", amount=money(goal.subtotal_ore)))


def new_entries() -> None:
    """Add a goal or a wish that belongs to no goal yet (the first goal's form is open on an empty plan)."""
    if not plan.goals and not pw.any_form_open():
        forms.goal_form(actor, cat_labels, "form_first_goal", sub=False, can_cancel=False)
    elif pw.is_open("new_goal"):
        forms.goal_form(actor, cat_labels, "form_new_goal", sub=False)
    elif pw.is_open("new_item:none"):
        forms.item_form(actor, plan, "form_new_item_none")
    else:
        row = forms.action_row()
        forms.open_button(row, _("Tilføj et mål"), "new_goal", ":material/flag:")
        forms.open_button(row, _("Tilføj et ønske"), "new_item:none", ":material/add:")


st.title(_("Min plan"))
help_panel.hard_now_button("plan")
help_panel.show_if_needed()  # after 'Jeg har det svært lige nu', or a crisis signal in a goal, a wish or a note
pw.plan_status_notice(plan)
budget_box(plan.budget, end_date=plan.end_date)
st.caption(_("Her er dine mål. Under hvert mål står de ønsker, der hjælper dig på vej, og hvad de koster."))
if not plan.goals and not plan.unlinked_items:
    st.info(_("Din plan er tom. Start med at skrive et mål."), icon=":material/flag:")
for n, goal in enumerate(plan.goals):
    goal_block(goal, n, len(plan.goals))
if plan.unlinked_items:
    with st.container(border=True):
        st.markdown("#### " + _("Ikke koblet til et mål"))
        st.caption(_("Vælg et mål til hvert af de her ønsker, før du sender planen."))
        for n, item in enumerate(plan.unlinked_items):
            item_card(item, n, len(plan.unlinked_items), needs_goal=True)
if not read_only:
    new_entries()
st.divider()
st.download_button(_("Hent min plan som PDF"), data=pw.pdf_on_download(plan, categories, current_language(), local_today()), file_name=_("min-plan.pdf"),
                   mime="application/pdf", key="download_plan_pdf", icon=":material/download:", on_click="ignore")
if not read_only:
    st.page_link("app_pages/submit.py", label=_("Send planen og se svar"), icon=":material/send:")
