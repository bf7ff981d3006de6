"""'Sådan går det': the citizen's long-term goals with what was bought and what waits, their own rating of each
at the current milestone beside their support person's, WHO-5 when the milestone asks it, and their WHO-5
picture over time. Every answer is saved the moment it is given."""
from __future__ import annotations

import streamlit as st

from citizen_app import help_panel, progress_widgets, session
from citizen_app.followup_words import milestone_line
from citizen_app.i18n import _
from storage import citizens, goal_ratings, milestone_status, plan_view, who5
from storage.db import read_session

actor = session.current_actor()
with read_session() as s:
    me = citizens.get_profile(s, actor=actor, citizen_id=actor.id)
    status = milestone_status.for_citizen(s, actor=actor, citizen_id=actor.id)
    my_plan = plan_view.get_plan(s, actor=actor, citizen_id=actor.id)
    milestone = status.milestone if status else None
    ratings = goal_ratings.at_milestone(s, actor=actor, citizen_id=actor.id, milestone=milestone.key) \
        if milestone else None
    history = who5.history(s, actor=actor, citizen_id=actor.id)

st.title(_("Sådan går det"))
if milestone is not None:
    st.write(_("Nu er det tid til at se på dine mål: {when}.", when=milestone_line(milestone)))
    st.write(_("Vælg for hvert mål, hvor tæt du er. Din støtteperson svarer også. I kan se hinandens svar."))
else:
    st.write(_("Her kan du se dine mål, og hvad der er købt til dem."))

if not my_plan.goals:
    st.write(_("Du har ingen mål i din plan endnu."))
    st.page_link("app_pages/plan.py", label=_("Se min plan"), icon=":material/checklist:")
for n, goal in enumerate(my_plan.goals, start=1):
    progress_widgets.goal_card(actor, n, goal, milestone, ratings)

if milestone is not None and milestone.asks_who5:
    progress_widgets.who5_form(actor, milestone, next((v for v in history if v.milestone == milestone.key), None))
progress_widgets.who5_picture(history, me.start_date, me.end_date)
help_panel.show_if_needed()
