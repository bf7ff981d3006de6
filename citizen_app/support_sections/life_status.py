"""Status at start and end: the support person fills it in together with the citizen. The substance-use
question appears only after the citizen has said yes to it (the words shown are stored with the yes)."""
from __future__ import annotations

import streamlit as st

from citizen_app import staff_nav as nav
from citizen_app import ui
from citizen_app.evidence_words import MOMENTS
from citizen_app.i18n import _, current_language, date_time
from dialogs import status_fields
from dialogs.i18n_markers import N_
from storage import evidence


def _label(field_key: str, answer: str) -> str:
    answers = {a.key: a.label for a in status_fields.load().field(field_key).answers}
    return _(answers.get(answer, answer))


def _consent(actor, cid: int, consent) -> None:
    files = status_fields.load()
    st.subheader(_("Samtykke til spørgsmål om stoffer og alkohol"))
    if consent is not None:
        st.write(_("Borgeren sagde ja {when}.", when=date_time(consent.given_at)))
        st.button(_("Borgeren siger nej nu"), key=f"consent_withdraw_{cid}", on_click=ui.on_click(
            lambda s: evidence.withdraw_consent(s, actor=actor, citizen_id=cid),
            _("Borgerens nej er gemt. Svarene om stoffer og alkohol er slettet.")))
        return
    st.write(_("Læs teksten højt for borgeren, eller lad borgeren læse den selv:"))
    text = _(files.consent_text)
    ui.plain(text)
    agreed = st.checkbox(_("Borgeren siger ja"), key=f"consent_yes_{cid}")
    st.button(_("Gem borgerens ja"), key=f"consent_save_{cid}", disabled=not agreed, on_click=ui.on_click(
        lambda s: evidence.give_consent(s, actor=actor, citizen_id=cid, text_shown=text, language=current_language()),
        _("Borgerens ja er gemt."), after=lambda: ui.clear_keys(f"consent_yes_{cid}"), errors=f"consent_{cid}"))
    ui.show_errors(f"consent_{cid}")


def _form(actor, cid: int, consented: bool) -> None:
    files = status_fields.load()
    st.subheader(_("Ny status"))
    moment = st.radio(_("Hvornår i forløbet?"), list(MOMENTS), key=f"status_moment_{cid}",
                      format_func=lambda m: _(MOMENTS[m]), horizontal=True)
    # Widgets of their own per moment: the answers offered differ by moment, and a widget that kept its key
    # while its options changed could lose a choice made right after the switch.
    keys = {name: f"status_{name}_{cid}_{moment}" for name in ("housing", "occupation", "support", "hours",
                                                                "substance", "support_need")}
    st.caption(_("Alle svar kan springes over. Vælg ”Vil ikke svare”, hvis borgeren ikke vil svare."))

    def save(s) -> None:
        form = st.session_state
        hours = form.get(keys["hours"])
        evidence.record_status(
            s, actor=actor, citizen_id=cid, moment=moment, housing=form.get(keys["housing"]),
            occupation=form.get(keys["occupation"]), support=form.get(keys["support"]) or None,
            support_hours=None if hours is None else int(hours),
            substance=form.get(keys["substance"]) if consented else None,
            support_need=form.get(keys["support_need"]) if moment == "end" else None)

    with st.form(f"status_form_{cid}_{moment}"):
        for name in ("housing", "occupation"):
            field = files.field(name)
            st.selectbox(_(field.question), [a.key for a in field.answers_for(moment)], index=None, key=keys[name],
                         format_func=lambda k, n=name: _label(n, k), placeholder=_("Vælg et svar"))
        support = files.field("support")
        st.multiselect(_(support.question), [a.key for a in support.answers], key=keys["support"],
                       format_func=lambda k: _label("support", k), placeholder=_("Vælg et eller flere svar"))
        st.number_input(_("Cirka hvor mange timer om ugen?"), min_value=0, max_value=evidence.MAX_HOURS_A_WEEK,
                        value=None, step=1, key=keys["hours"])
        if consented:
            field = files.field("substance")
            st.selectbox(_(field.question), [a.key for a in field.answers_for(moment)], index=None,
                         key=keys["substance"], format_func=lambda k: _label("substance", k),
                         placeholder=_("Vælg et svar"))
        if moment == "end":
            field = files.field("support_need")
            st.radio(_(field.question), [a.key for a in field.answers], index=None, key=keys["support_need"],
                     format_func=lambda k: _label("support_need", k))
        st.form_submit_button(_("Gem status"), type="primary", on_click=ui.on_click(
            save, _("Status er gemt."), after=lambda: ui.clear_keys(*keys.values()), errors=f"status_{cid}"))
    ui.show_errors(f"status_{cid}")


def _history(records) -> None:
    st.subheader(_("Tidligere status"))
    if not records:
        st.write(_("Der er ingen status endnu."))
    for record in records:
        with st.container(border=True):
            ui.say(N_("{moment}, {date}."), moment=_(MOMENTS[record.moment]), date=date_time(record.created_at))
            files = status_fields.load()
            for name, value in (("housing", record.housing), ("occupation", record.occupation),
                                ("substance", record.substance), ("support_need", record.support_need)):
                if value:   # a question and its answer, both our own words from the status file
                    ui.plain(f"{_(files.field(name).question)} {_label(name, value)}")
            if record.support:
                ui.plain(f"{_(files.field('support').question)} "
                         f"{', '.join(_label('support', k) for k in record.support)}")
            if record.support_hours is not None:
                st.write(_("Cirka {hours} timer om ugen.", hours=record.support_hours))


def show(actor, cid: int, profile) -> None:
    st.write(_("Udfyld status sammen med borgeren ved start og ved afslutning. Tallene bliver kun vist samlet."))
    loaded = nav.load_or_refuse(lambda s: (evidence.consent_state(s, actor=actor, citizen_id=cid),
                                           evidence.status_history(s, actor=actor, citizen_id=cid)))
    if loaded is None:
        return
    consent, records = loaded
    _consent(actor, cid, consent)
    _form(actor, cid, consent is not None)
    _history(records)
