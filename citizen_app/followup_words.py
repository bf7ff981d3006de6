"""Words for the months after the plan, shared by the citizen's 'Sådan går det' and the support person's
follow-up: a milestone's name, the two rating scales, and what was bought for a goal."""
from __future__ import annotations

import streamlit as st

from citizen_app import ui
from citizen_app.i18n import _, long_date, ngettext
from storage import goal_ratings, milestones
from storage.errors import N_
from storage.milestones import END, LAST, START, Milestone
from storage.plan_view import GoalView
from storage.statuses import ItemStatus

CITIZEN_WORDS = dict(goal_ratings.CITIZEN_SCALE)
SUPPORT_WORDS = dict(goal_ratings.SUPPORT_SCALE)


def milestone_name(milestone: Milestone) -> str:
    if milestone.key == START:
        return _("Starten")
    if milestone.key == LAST:
        return _("Den sidste måned")
    if milestone.key == END:
        return _("Slutningen")
    return ngettext("Efter {n} måned", "Efter {n} måneder", milestone.months)


def milestone_key_name(start, end, key: str) -> str:
    """The name of a stored milestone key within the citizen's period."""
    found = milestones.find(start, end, key)
    return milestone_name(found) if found else _("Et andet tidspunkt")


def milestone_line(milestone: Milestone) -> str:
    return _("{name} ({date})", name=milestone_name(milestone), date=long_date(milestone.on))


def citizen_rating(value: str) -> str:
    return _(CITIZEN_WORDS[value])


def support_rating(value: str) -> str:
    return _(SUPPORT_WORDS[value])


BOUGHT = {ItemStatus.PAID.value, ItemStatus.ORDERED.value}
WAITING = {ItemStatus.APPROVED.value: "approved", ItemStatus.SUBMITTED.value: "sent"}


def goal_parts(goal: GoalView) -> None:
    """The goal's sub-goals, what was bought for it, and what still waits (approved, or sent for an answer)."""
    for sub in goal.sub_goals:
        ui.say(N_("Delmål: {text}"), text=sub.text)
    for item in goal.all_items():
        if item.status == ItemStatus.PAID.value:
            ui.say(N_("Købt og betalt: {title}"), title=item.title)
        elif item.status == ItemStatus.ORDERED.value:
            ui.say(N_("Bestilt: {title}"), title=item.title)
        elif item.status == ItemStatus.APPROVED.value:
            ui.say(N_("Godkendt, venter på at blive købt: {title}"), title=item.title)
        elif item.status == ItemStatus.SUBMITTED.value:
            ui.say(N_("Sendt, venter på svar: {title}"), title=item.title)
    if not goal.sub_goals and not any(i.status in BOUGHT or i.status in WAITING for i in goal.all_items()):
        st.caption(_("Der er ikke købt noget til målet endnu."))
