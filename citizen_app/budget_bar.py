"""The budget box: total, approved, planned and what is left, in words as well as colour.

One widget for both readers: the citizen's box says "din"/"dit", the support person's adds what was asked of
finance and what is paid. The figures and the warning level come from storage.budget.Budget.
"""
from __future__ import annotations

from datetime import date

import streamlit as st

from citizen_app.i18n import _, long_date, money, percent
from storage.budget import WARNING_SHARE, Budget
from storage.errors import N_

# (msgid, which figure) in the order shown.
CITIZEN_LINES = ((N_("Godkendt: {amount}"), "approved_ore"),
                 (N_("I din plan, ikke godkendt endnu: {amount}"), "planned_ore"),
                 (N_("Tilbage nu: {amount}"), "left_ore"))
STAFF_LINES = ((N_("Godkendt: {amount}"), "approved_ore"),
               (N_("Bedt om betaling, ikke betalt endnu: {amount}"), "requested_ore"),
               (N_("Betalt: {amount}"), "paid_ore"),
               (N_("I planen, ikke godkendt endnu: {amount}"), "planned_ore"),
               (N_("Ledigt i budgettet: {amount}"), "left_ore"))
WORDS = {
    "citizen": {"total": N_("Budget: {total}"),
                "over": N_("Din plan koster {amount} mere, end der er tilbage."),
                "warning": N_("Du har brugt eller planlagt mere end {share} af dit budget.")},
    "staff": {"total": N_("Budget i alt: {total}"),
              "over": N_("Planen koster {amount} mere, end der er tilbage."),
              "warning": N_("Mere end {share} af budgettet er godkendt eller i planen.")},
}


def budget_box(budget: Budget, *, for_staff: bool = False, end_date: date | None = None) -> None:
    words = WORDS["staff" if for_staff else "citizen"]
    with st.container(border=True):
        st.progress(budget.used_share, text=_(words["total"], total=money(budget.total_ore)))
        for msgid, figure in STAFF_LINES if for_staff else CITIZEN_LINES:
            st.write(_(msgid, amount=money(getattr(budget, figure))))
        if budget.level == "over":
            st.error(_(words["over"], amount=money(-budget.left_after_plan_ore)), icon=":material/error:")
        elif budget.level == "warning":
            st.warning(_(words["warning"], share=percent(WARNING_SHARE)), icon=":material/warning:")
        if end_date:
            st.caption(_("Dit budget gælder til {date}.", date=long_date(end_date)))
