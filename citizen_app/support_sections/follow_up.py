"""Follow-up: a check-in at start, midway and end (WHO-5 and both sides' goal ratings), and the history."""
from __future__ import annotations

import streamlit as st

from citizen_app import staff_nav as nav
from citizen_app import ui
from citizen_app.i18n import _, date_time
from citizen_app.labels import label
from dialogs import limits
from dialogs.followup import CHECK_IN_PHASES, GOAL_RATINGS, WHO5_ANSWERS, WHO5_QUESTIONS
from storage import checkins


def _keys(cid: int) -> tuple[list[str], list[str]]:
    # Field keys carry the citizen's id, so nothing typed for one citizen shows up on another's page.
    return ([f"who5_{n}_{cid}" for n in range(len(WHO5_QUESTIONS))],
            [f"check_in_{field}_{cid}" for field in ("phase", "citizen", "support", "note")])


def _save(actor, cid: int):
    who5_keys, (phase, citizen, support, note) = _keys(cid)

    def work(s) -> None:
        form = st.session_state
        checkins.add_check_in(s, actor=actor, citizen_id=cid, phase=form.get(phase),
                              who5_raw=checkins.who5_raw_from_items([form.get(k) for k in who5_keys]),
                              citizen_goal_rating=form.get(citizen), support_goal_rating=form.get(support),
                              note=form.get(note))
    return work


def _form(actor, cid: int) -> None:
    who5_keys, keys = _keys(cid)
    st.write(_("Spørg borgeren ved start, midt i forløbet og til sidst. Svarene går ind i programmets tal."))
    with st.form(f"check_in_{cid}"):
        st.selectbox(_("Hvornår i forløbet?"), list(CHECK_IN_PHASES), key=keys[0],
                     format_func=lambda p: _(CHECK_IN_PHASES[p]), placeholder=_("Vælg"))
        st.write(_("Trivsel (WHO-5). Læs sætningerne op, og lad borgeren vælge. Spring over, hvis borgeren ikke vil."))
        for question, key in zip(WHO5_QUESTIONS, who5_keys):
            st.selectbox(_(question), list(WHO5_ANSWERS), index=None, key=key, placeholder=_("Vælg et svar"),
                         format_func=lambda v: _(WHO5_ANSWERS[v]))
        st.radio(_("Borgeren: Hvor tæt er du på dit mål?"), list(GOAL_RATINGS), index=None, key=keys[1],
                 format_func=lambda v: _(GOAL_RATINGS[v]))
        st.radio(_("Dig: Hvor tæt er borgeren på sit mål?"), list(GOAL_RATINGS), index=None, key=keys[2],
                 format_func=lambda v: _(GOAL_RATINGS[v]))
        st.text_area(_("Note til opfølgningen (kan springes over)"), key=keys[3], max_chars=limits.NOTE)
        st.form_submit_button(_("Gem opfølgning"), type="primary", on_click=ui.on_click(
            _save(actor, cid), _("Opfølgningen er gemt."), after=lambda: ui.clear_keys(*keys, *who5_keys),
            errors=f"check_in_{cid}"))
    ui.show_errors(f"check_in_{cid}")


def show(actor, cid: int, profile) -> None:
    _form(actor, cid)
    history = nav.load_or_refuse(lambda s: checkins.list_check_ins(s, actor=actor, citizen_id=cid))
    if history is None:
        return
    st.subheader(_("Tidligere opfølgninger"))
    if not history:
        st.write(_("Der er ingen opfølgninger endnu."))
    for check_in in history:
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
