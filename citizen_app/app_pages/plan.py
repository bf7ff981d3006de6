"""'Min plan': goal -> sub-goal -> wish -> kroner, against the budget, changed one small form at a time.

Each change is saved at once through storage.plan; a refusal shows a calm message and changes nothing.
"""
from __future__ import annotations

import streamlit as st

from citizen_app import plan_widgets as pw
from citizen_app import session, ui
from citizen_app.amounts import kroner_to_ore, ore_to_input
from citizen_app.budget_bar import budget_bar
from citizen_app.i18n import _, current_language, local_today, long_date, money
from citizen_app.printable import plan_pdf
from storage import plan as plans
from storage import programmes, submissions
from storage.db import read_session
from storage.plan import EDITABLE, MAX_GOAL_TEXT, MAX_NOTE, MAX_QUANTITY, MAX_SHOP, MAX_TITLE, GoalView, ItemView

PDF_KEY = "plan_pdf_cache"

actor = session.current_actor()
cid = actor.id
with read_session() as s:
    plan = plans.get_plan(s, actor=actor, citizen_id=cid)
    categories = programmes.goal_categories(programmes.get_programme(s, actor=actor))
    decisions = submissions.published_decisions(s, actor=actor, citizen_id=cid)
cat_labels = pw.category_labels(categories)
read_only = not pw.plan_is_open(plan)


def change(call, done: str | None = None) -> None:
    """Save one change in one transaction; on success close the form and show the fresh plan."""
    def work(s):
        call(s)
        return True

    if ui.attempt(work):
        if done:
            st.session_state[pw.FLASH_KEY] = done
        pw.open_form(None)
        st.rerun()


def action_row():
    return st.container(horizontal=True, gap="small")


def move_buttons(row, kind: str, obj_id: int, index: int, count: int, mover) -> None:
    if index > 0 and row.button(_("Flyt op"), key=f"up_{kind}_{obj_id}", icon=":material/arrow_upward:"):
        change(lambda s: mover(s, up=True))
    if index < count - 1 and row.button(_("Flyt ned"), key=f"down_{kind}_{obj_id}",
                                        icon=":material/arrow_downward:"):
        change(lambda s: mover(s, up=False))


def open_button(row, label: str, form_id: str, icon: str) -> None:
    row.button(label, key=f"open_{form_id}", icon=icon, on_click=pw.open_form, args=(form_id,))


def confirm_remove(form_id: str, question: str, remove, done: str) -> None:
    if not pw.is_open(form_id):
        return
    st.warning(question, icon=":material/help:")
    row = action_row()
    if row.button(_("Ja, fjern det"), key=f"yes_{form_id}", type="primary"):
        change(remove, done)
    row.button(_("Nej, behold det"), key=f"no_{form_id}", on_click=pw.open_form, args=(None,))


# --- forms -------------------------------------------------------------------------------------------

def form_buttons(form_id: str, save_label: str, can_cancel: bool = True) -> bool:
    row = action_row()
    with row:
        saved = st.form_submit_button(save_label, type="primary", key=f"{form_id}_save")
        if can_cancel:
            st.form_submit_button(_("Fortryd"), key=f"{form_id}_cancel", on_click=pw.open_form, args=(None,))
    return saved


def goal_form(form_id: str, goal: GoalView | None = None, *, sub: bool, parent_id: int | None = None,
              can_cancel: bool = True) -> None:
    with st.form(form_id):
        if sub:
            text = st.text_area(_("Dit delmål med dine egne ord"), value=goal.text if goal else "",
                                max_chars=MAX_GOAL_TEXT, key=f"{form_id}_text")
            st.caption(_("Et delmål er et skridt på vejen. Fx kørekort på vej til et job."))
            category = None
        else:
            text = st.text_area(_("Dit mål med dine egne ord"), value=goal.text if goal else "",
                                max_chars=MAX_GOAL_TEXT, key=f"{form_id}_text")
            st.caption(_("Hvad vil du gerne nå? Fx et job, en rolig bolig eller mere tid med familien."))
            keys = [None, *cat_labels]
            current = goal.category if goal and goal.category in cat_labels else None
            category = st.selectbox(_("Hvilket emne passer bedst?"), keys, index=keys.index(current),
                                    format_func=lambda k: cat_labels.get(k) or _("Ved ikke endnu"),
                                    key=f"{form_id}_category", placeholder=_("Vælg"))
        saved = form_buttons(form_id, _("Gem delmål") if sub else _("Gem mål"), can_cancel)
    if saved:
        if goal is not None:
            change(lambda s: plans.update_goal(s, actor=actor, citizen_id=cid, goal_id=goal.id, text=text,
                                               category=category), _("Målet er gemt."))
        else:
            change(lambda s: plans.add_goal(s, actor=actor, citizen_id=cid, text=text, category=category,
                                            parent_id=parent_id), _("Målet er gemt."))


def item_form(form_id: str, item: ItemView | None = None, *, goal_id: int | None = None) -> None:
    choices = pw.goal_choices(plan)
    ids = list(choices)
    current = item.goal_id if item else goal_id
    with st.form(form_id):
        title = st.text_input(_("Hvad ønsker du dig?"), value=item.title if item else "", max_chars=MAX_TITLE,
                              key=f"{form_id}_title")
        chosen = st.selectbox(_("Hvilket mål er det til?"), ids,
                              index=ids.index(current) if current in ids else 0, format_func=choices.get,
                              key=f"{form_id}_goal", placeholder=_("Vælg"))
        st.caption(_("Du skal vælge et mål, før du kan sende planen."))
        price = st.text_input(_("Hvad koster det?"), value=ore_to_input(item.price_ore) if item else "",
                              placeholder=_("fx 3.000 kr."), key=f"{form_id}_price")
        st.caption(_("Skriv fx 3.000 eller ca. 3000 kr. Et cirka-beløb er fint."))
        quantity = st.number_input(_("Antal"), min_value=1, max_value=MAX_QUANTITY, step=1,
                                   value=item.quantity if item else 1, key=f"{form_id}_quantity")
        shop = st.text_input(_("Butik eller link (kan springes over)"), value=(item.shop or "") if item else "",
                             max_chars=MAX_SHOP, key=f"{form_id}_shop")
        note = st.text_area(_("Note (kan springes over)"), value=(item.note or "") if item else "",
                            max_chars=MAX_NOTE, key=f"{form_id}_note")
        saved = form_buttons(form_id, _("Gem ønske"))
    if saved:
        def save(s):
            price_ore = kroner_to_ore(price) if price.strip() else None
            fields = dict(title=title, price_ore=price_ore, goal_id=chosen, quantity=int(quantity), shop=shop,
                          note=note)
            if item is None:
                plans.add_item(s, actor=actor, citizen_id=cid, **fields)
            else:
                plans.update_item(s, actor=actor, citizen_id=cid, item_id=item.id, **fields)
        change(save, _("Ønsket er gemt."))


# --- the plan ----------------------------------------------------------------------------------------

def item_card(item: ItemView, index: int, count: int, *, needs_goal: bool = False) -> None:
    with st.container(border=True):
        pw.item_details(item, budget=plan.budget, needs_goal=needs_goal, decisions=decisions.get(item.id, ()))
        if read_only:
            return
        row = action_row()
        editable = item.status in EDITABLE
        if editable:
            open_button(row, _("Ret ønsket"), pw.edit_item_form(item.id), ":material/edit:")
        move_buttons(row, "item", item.id, index, count,
                     lambda s, up: plans.move_item(s, actor=actor, citizen_id=cid, item_id=item.id, up=up,
                                                   within_goal=True))
        if editable:
            open_button(row, _("Fjern ønsket"), f"remove_item:{item.id}", ":material/delete:")
            if pw.is_open(pw.edit_item_form(item.id)):
                item_form(f"form_item_{item.id}", item)
            confirm_remove(f"remove_item:{item.id}", _("Vil du fjerne ønsket? Det kan ikke fortrydes."),
                           lambda s: plans.remove_item(s, actor=actor, citizen_id=cid, item_id=item.id),
                           _("Ønsket er fjernet."))


def items_of(goal: GoalView) -> list[ItemView]:
    return list(goal.items) + [i for sub in goal.sub_goals for i in sub.items]


def goal_head(goal: GoalView, index: int, count: int, *, sub: bool) -> None:
    """The goal's own buttons, and its edit and remove forms when open."""
    if read_only:
        return
    row = action_row()
    open_button(row, _("Ret delmålet") if sub else _("Ret målet"), f"goal:{goal.id}", ":material/edit:")
    move_buttons(row, "goal", goal.id, index, count,
                 lambda s, up: plans.move_goal(s, actor=actor, citizen_id=cid, goal_id=goal.id, up=up))
    removable = all(i.status in EDITABLE for i in items_of(goal))
    if removable:
        open_button(row, _("Fjern delmålet") if sub else _("Fjern målet"), f"remove_goal:{goal.id}",
                    ":material/delete:")
    if pw.is_open(f"goal:{goal.id}"):
        goal_form(f"form_goal_{goal.id}", goal, sub=sub)
    question = (_("Vil du fjerne delmålet? Ønsker under det bliver også væk.") if sub else
                _("Vil du fjerne målet? Delmål og ønsker under det bliver også væk."))
    confirm_remove(f"remove_goal:{goal.id}", question,
                   lambda s: plans.remove_goal(s, actor=actor, citizen_id=cid, goal_id=goal.id),
                   _("Målet er fjernet."))


def add_item_here(goal_id: int) -> None:
    if read_only:
        return
    form_id = f"new_item:{goal_id}"
    if pw.is_open(form_id):
        item_form(f"form_new_item_{goal_id}", goal_id=goal_id)
    else:
        open_button(action_row(), _("Tilføj et ønske"), form_id, ":material/add:")


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
        if goal.category in cat_labels:
            st.caption(_("Emne: {category}", category=cat_labels[goal.category]))
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
                goal_form(f"form_new_sub_{goal.id}", sub=True, parent_id=goal.id)
            else:
                open_button(action_row(), _("Tilføj et delmål"), f"new_sub:{goal.id}", ":material/add:")
        st.markdown(_("Ønskerne til dette mål koster {amount} i alt.", amount=money(goal.subtotal_ore)))


def printable_plan() -> bytes:
    """The PDF, built again only when the plan, the language or the day changes."""
    key = (plan, current_language(), local_today(), tuple((c["key"], c["label"]) for c in categories))
    cached = st.session_state.get(PDF_KEY)
    if cached is None or cached[0] != key:
        data = plan_pdf(plan, categories, _, money, long_date, status_labels=pw.ITEM_STATUS_LABELS,
                        language=current_language(), today=local_today())
        cached = st.session_state[PDF_KEY] = (key, data)
    return cached[1]


st.title(_("Min plan"))
pw.show_flash()
pw.plan_status_notice(plan)
budget_bar(plan.budget, plan.end_date)
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
    if not plan.goals and st.session_state.get(pw.OPEN_FORM_KEY) is None:
        goal_form("form_first_goal", sub=False, can_cancel=False)
    elif pw.is_open("new_goal"):
        goal_form("form_new_goal", sub=False)
    elif pw.is_open("new_item:none"):
        item_form("form_new_item_none")
    else:
        row = action_row()
        open_button(row, _("Tilføj et mål"), "new_goal", ":material/flag:")
        open_button(row, _("Tilføj et ønske"), "new_item:none", ":material/add:")

st.divider()
st.download_button(_("Hent min plan som PDF"), data=printable_plan(), file_name=_("min-plan.pdf"),
                   mime="application/pdf", key="download_plan_pdf", icon=":material/download:", on_click="ignore")
if not read_only:
    st.page_link("app_pages/submit.py", label=_("Send planen og se svar"), icon=":material/send:")
