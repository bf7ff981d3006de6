"""The budget bar: total, approved, planned and what is left, in words as well as colour."""
from __future__ import annotations

from datetime import date

import streamlit as st

from citizen_app.i18n import _, long_date, money
from storage.plan import Budget


def budget_bar(budget: Budget, end_date: date | None = None) -> None:
    used = budget.approved_ore + budget.planned_ore
    share = min(1.0, used / budget.total_ore) if budget.total_ore else 1.0
    with st.container(border=True):
        st.progress(share, text=_("Budget: {total}", total=money(budget.total_ore)))
        st.write(_("Godkendt: {amount}", amount=money(budget.approved_ore)))
        st.write(_("I din plan, ikke godkendt endnu: {amount}", amount=money(budget.planned_ore)))
        st.write(_("Tilbage nu: {amount}", amount=money(budget.left_ore)))
        if budget.level == "over":
            st.error(_("Din plan koster {amount} mere, end der er tilbage.",
                       amount=money(-budget.left_after_plan_ore)), icon=":material/error:")
        elif budget.level == "warning":
            st.warning(_("Du har brugt eller planlagt mere end 85 % af dit budget."), icon=":material/warning:")
        if end_date:
            st.caption(_("Dit budget gælder til {date}.", date=long_date(end_date)))
