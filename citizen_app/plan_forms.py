"""The small forms and buttons of 'Min plan': add or change a goal or a wish, move, remove. One form is open
at a time (plan_widgets.open_form). Every save is a callback (ui.on_click): saved before the page is drawn
again, the form closes and a toast says so; a refusal shows under the form, which keeps what was typed.
Every text is first read for crisis signals (citizen_app/help_panel.py); plan.py shows the help panel."""
from __future__ import annotations

import streamlit as st

from citizen_app import help_panel as hp
from citizen_app import plan_widgets as pw
from citizen_app import ui
from citizen_app.i18n import _
from dialogs import limits
from dialogs.amounts import ore_to_input, parse_amount
from storage import plan as plans
from storage import plan_changes
from storage.access import Actor
from storage.plan_view import GoalView, ItemView, PlanView


def action_row():
    return st.container(horizontal=True, gap="small")


def saving(work, done: str | None = None, *, errors: str = ui.TOP):
    """The callback for a save on this page: on success the open form closes."""
    return ui.on_click(work, done, after=lambda: pw.open_form(None), errors=errors)


def move_buttons(row, kind: str, obj_id: int, index: int, count: int, mover) -> None:
    if index > 0:
        row.button(_("Flyt op"), key=f"up_{kind}_{obj_id}", icon=":material/arrow_upward:",
                   on_click=saving(lambda s: mover(s, up=True)))
    if index < count - 1:
        row.button(_("Flyt ned"), key=f"down_{kind}_{obj_id}", icon=":material/arrow_downward:",
                   on_click=saving(lambda s: mover(s, up=False)))


def open_button(row, label: str, form_id: str, icon: str) -> None:
    row.button(label, key=f"open_{form_id}", icon=icon, on_click=pw.open_form, args=(form_id,))


def confirm_remove(form_id: str, question: str, remove, done: str) -> None:
    if not pw.is_open(form_id):
        return
    st.warning(question, icon=":material/help:")
    row = action_row()
    row.button(_("Ja, fjern det"), key=f"yes_{form_id}", type="primary", on_click=saving(remove, done))
    row.button(_("Nej, behold det"), key=f"no_{form_id}", on_click=pw.open_form, args=(None,))


def _form_buttons(form_id: str, save_label: str, on_save, can_cancel: bool = True) -> None:
    with action_row():
        st.form_submit_button(save_label, type="primary", key=f"{form_id}_save", on_click=on_save)
        if can_cancel:
            st.form_submit_button(_("Fortryd"), key=f"{form_id}_cancel", on_click=pw.open_form, args=(None,))


def goal_form(actor: Actor, categories: dict[str, str], form_id: str, goal: GoalView | None = None, *, sub: bool,
              parent_id: int | None = None, can_cancel: bool = True) -> None:
    """Write or change a long-term goal (with its topic) or a sub-goal."""
    cid = actor.id

    def save(s) -> None:
        text = st.session_state.get(f"{form_id}_text", "")
        category = None if sub else st.session_state.get(f"{form_id}_category")
        if goal is not None:
            plans.update_goal(s, actor=actor, citizen_id=cid, goal_id=goal.id, text=text, category=category)
        else:
            plans.add_goal(s, actor=actor, citizen_id=cid, text=text, category=category, parent_id=parent_id)

    with st.form(form_id):
        if sub:
            st.text_area(_("Dit delmål med dine egne ord"), value=goal.text if goal else "",
                         max_chars=limits.GOAL_TEXT, key=f"{form_id}_text")
            st.caption(_("Et delmål er et skridt på vejen. Fx kørekort på vej til et job."))
        else:
            st.text_area(_("Dit mål med dine egne ord"), value=goal.text if goal else "",
                         max_chars=limits.GOAL_TEXT, key=f"{form_id}_text")
            st.caption(_("Hvad vil du gerne nå? Fx et job, en rolig bolig eller mere tid med familien."))
            keys = [None, *categories]
            current = goal.category if goal and goal.category in categories else None
            st.selectbox(_("Hvilket emne passer bedst?"), keys, index=keys.index(current),
                         format_func=lambda k: categories.get(k) or _("Ved ikke endnu"),
                         key=f"{form_id}_category", placeholder=_("Vælg"))
        _form_buttons(form_id, _("Gem delmål") if sub else _("Gem mål"),
                      hp.checking(actor, "sub_goal" if sub else "goal", [f"{form_id}_text"],
                                  saving(save, _("Målet er gemt."), errors=form_id)), can_cancel)
    ui.show_errors(form_id)


def item_form(actor: Actor, plan: PlanView, form_id: str, item: ItemView | None = None, *,
              goal_id: int | None = None, after_approval: bool = False) -> None:
    """Write or change a wish: what, for which goal, price, how many, shop and a note.

    ``after_approval``: ``item`` is approved; saving makes a new version of it to send (storage/plan_changes)."""
    cid = actor.id
    choices = pw.goal_choices(plan)
    ids = list(choices)
    current = item.goal_id if item else goal_id

    def save(s) -> None:
        form = st.session_state
        price = form.get(f"{form_id}_price", "")
        fields = dict(title=form.get(f"{form_id}_title", ""), goal_id=form.get(f"{form_id}_goal"),
                      price_ore=parse_amount(price) if price.strip() else None,
                      quantity=int(form.get(f"{form_id}_quantity", 1)), shop=form.get(f"{form_id}_shop"),
                      note=form.get(f"{form_id}_note"))
        if item is None:
            plans.add_item(s, actor=actor, citizen_id=cid, **fields)
        elif after_approval:
            plan_changes.change_item(s, actor=actor, citizen_id=cid, item_id=item.id, **fields)
        else:
            plans.update_item(s, actor=actor, citizen_id=cid, item_id=item.id, **fields)

    with st.form(form_id):
        st.text_input(_("Hvad ønsker du dig?"), value=item.title if item else "", max_chars=limits.WISH_TITLE,
                      key=f"{form_id}_title")
        st.selectbox(_("Hvilket mål er det til?"), ids, index=ids.index(current) if current in ids else 0,
                     format_func=choices.get, key=f"{form_id}_goal", placeholder=_("Vælg"))
        st.caption(_("Du skal vælge et mål, før du kan sende planen."))
        st.text_input(_("Hvad koster det?"), value=ore_to_input(item.price_ore) if item else "",
                      placeholder=_("fx 3.000 kr."), key=f"{form_id}_price")
        st.caption(_("Skriv fx 3.000 eller ca. 3000 kr. Et cirka-beløb er fint."))
        st.number_input(_("Antal"), min_value=1, max_value=limits.QUANTITY, step=1,
                        value=item.quantity if item else 1, key=f"{form_id}_quantity")
        st.text_input(_("Butik eller link (kan springes over)"), value=(item.shop or "") if item else "",
                      max_chars=limits.SHOP, key=f"{form_id}_shop")
        st.text_area(_("Note (kan springes over)"), value=(item.note or "") if item else "",
                     max_chars=limits.NOTE, key=f"{form_id}_note")
        _form_buttons(form_id, _("Gem ønske"), hp.checking(
            actor, "wish", [f"{form_id}_{field}" for field in ("title", "shop", "note")],
            saving(save, _("Ønsket er gemt."), errors=form_id)))
    ui.show_errors(form_id)
