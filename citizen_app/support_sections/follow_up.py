"""Follow-up: at the citizen's current milestone, the support person rates each long-term goal (Socialstyrelsen's
scale, with a short note) beside the citizen's own rating, sees the citizen's WHO-5, and the old check-ins.
On 'Mine borgere', `overview_block` lists who is due or overdue."""
from __future__ import annotations

import streamlit as st

from citizen_app import staff_nav as nav
from citizen_app import ui
from citizen_app.followup_words import citizen_rating, goal_parts, milestone_key_name, milestone_line, support_rating
from citizen_app.i18n import _, date_time, number
from citizen_app.labels import label
from citizen_app.progress_widgets import rating_saver
from dialogs.followup import CHECK_IN_PHASES
from storage import checkins, goal_ratings, milestone_status, plan_view, who5
from storage.access import Actor
from storage.db import write_session
from storage.errors import N_
from storage.milestones import State
from storage.statuses import StaffRole

SECTION = "follow_up"
SUPPORT_VALUES = [value for value, _words in goal_ratings.SUPPORT_SCALE]
STATE_WORDS = {State.DUE: N_("Det er tid til at vurdere målene."),
               State.OVERDUE: N_("Vurderingen er forsinket."),
               State.DONE: N_("Du har vurderet alle mål.")}


def _goal(actor: Actor, cid: int, n: int, goal, milestone, ratings) -> None:
    with st.container(border=True):
        st.subheader(_("Mål {n}", n=n))
        ui.plain(goal.text)
        goal_parts(goal)
        theirs = ratings.citizen.get(goal.id)
        with st.container(border=True):
            st.write(_("Borgerens eget svar:"))
            if theirs is None:
                st.caption(_("Borgeren har ikke svaret endnu."))
            else:
                st.write(citizen_rating(theirs.rating))
                ui.plain(theirs.note)
        mine = ratings.support.get(goal.id)
        # Keys carry the citizen's id, so nothing chosen for one citizen shows up on another's page.
        rating_key, note_key = f"support_rate_{cid}_{milestone.key}_{goal.id}", f"support_note_{cid}_{milestone.key}_{goal.id}"
        errors = f"{rating_key}_errors"
        save = ui.on_click(rating_saver(actor, cid, milestone.key, goal.id, rating_key, note_key,
                                        N_("Vælg først en vurdering. Så gemmes noten med den.")),
                           _("Din vurdering er gemt."), errors=errors)
        st.radio(_("Din vurdering: I hvor høj grad er målet nået?"), SUPPORT_VALUES, key=rating_key,
                 index=SUPPORT_VALUES.index(mine.rating) if mine else None, format_func=lambda v: support_rating(v),
                 on_change=save)
        st.text_input(_("Kort note (kan springes over)"), key=note_key, value=(mine.note or "") if mine else "",
                      max_chars=goal_ratings.NOTE_LIMIT, on_change=save)
        st.caption(_("Borgeren kan se din vurdering og din note."))
        ui.show_errors(errors)
        if mine:
            st.caption(_("Gemt {when}.", when=date_time(mine.rated_at)))


def _who5(history, profile) -> None:
    st.subheader(_("Borgerens trivsel (WHO-5)"))
    if not history:
        st.caption(_("Borgeren har ikke svaret på WHO-5 endnu. Borgeren svarer selv i appen."))
    for view in history:
        name = milestone_key_name(profile.start_date, profile.end_date, view.milestone)
        if view.skipped:
            ui.say(N_("{name}: sprang over."), name=name)
        else:
            ui.say(N_("{name}: {score} af 100 (rå score {raw} af 25)."), name=name, score=number(view.index),
                   raw=number(view.raw))


def _old_check_ins(actor: Actor, cid: int) -> None:
    if not st.toggle(_("Vis ældre opfølgninger"), key=f"old_check_ins_{cid}"):
        return
    history = nav.load_or_refuse(lambda s: checkins.list_check_ins(s, actor=actor, citizen_id=cid))
    if not history:
        st.write(_("Der er ingen ældre opfølgninger."))
    for check_in in history or []:
        with st.container(border=True):
            st.write(_("{phase}, {date}.", phase=label(dict(CHECK_IN_PHASES), check_in.phase),
                       date=date_time(check_in.created_at)))
            if check_in.who5_raw is not None:
                st.write(_("Trivsel (WHO-5): {raw} af 25 point, det er {percent} af 100.", raw=check_in.who5_raw,
                           percent=check_in.who5_percent))
            if check_in.citizen_goal_rating is not None:
                st.write(_("Borgerens vurdering af målet: {rating} af 5.", rating=check_in.citizen_goal_rating))
            if check_in.support_goal_rating is not None:
                st.write(_("Støttepersonens vurdering af målet: {rating} af 5.",
                           rating=check_in.support_goal_rating))
            ui.plain(check_in.note)


def show(actor: Actor, cid: int, profile) -> None:
    def load(s):
        status = milestone_status.for_citizen(s, actor=actor, citizen_id=cid)
        ratings = goal_ratings.at_milestone(s, actor=actor, citizen_id=cid, milestone=status.milestone.key) \
            if status else None
        return (status, ratings, plan_view.get_plan(s, actor=actor, citizen_id=cid),
                who5.history(s, actor=actor, citizen_id=cid))
    loaded = nav.load_or_refuse(load)
    if loaded is None:
        return
    status, ratings, the_plan, history = loaded
    if status is None:
        st.write(_("Der er ingen opfølgning lige nu. Forløbet er ikke i gang."))
    else:
        st.write(_("Nu: {when}.", when=milestone_line(status.milestone)))
        state_words = STATE_WORDS.get(status.support)
        if state_words:
            (st.warning if status.support is State.OVERDUE else st.write)(_(state_words))
        if not the_plan.goals:
            st.write(_("Borgeren har ingen mål i planen endnu."))
        for n, goal in enumerate(the_plan.goals, start=1):
            _goal(actor, cid, n, goal, status.milestone, ratings)
    _who5(history, profile)
    _old_check_ins(actor, cid)


def overview_block(actor: Actor) -> None:
    """'Tid til opfølgning' on Mine borgere: the citizens whose milestone waits for your ratings."""
    if actor.role is not StaffRole.SUPPORT:
        return
    with write_session() as s:
        due = milestone_status.support_due(s, actor=actor)
    if not due:
        return
    st.subheader(_("Tid til opfølgning"))
    for row in due:
        with st.container(border=True):
            ui.say(N_("{name}: {when}."), name=row.display_name, when=milestone_line(row.status.milestone))
            if row.status.support is State.OVERDUE:
                st.warning(_("Vurderingen er forsinket."), icon=":material/schedule:")
            else:
                st.caption(_("Det er tid til at vurdere målene."))
            if st.button(_("Vurder målene"), key=f"follow_up_{row.citizen_id}", icon=":material/trending_up:"):
                st.session_state[nav.OPEN_SECTION_KEY] = SECTION
                nav.open_page(row.citizen_id, nav.CITIZEN_PAGE)
