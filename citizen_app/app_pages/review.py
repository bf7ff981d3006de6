"""'Svar på plan': decide each wished item with a plain reason, ask the coordinator, send the answer together.

Decisions are saved per item as they are made; the citizen sees them only after 'Send svar'. A sent
decision is changed only by a new one, and the history stays visible.
"""
from __future__ import annotations

import streamlit as st

from citizen_app import session, staff_widgets as sw, ui
from citizen_app.i18n import _, date_time, local_today, money, ngettext
from storage import caseload, citizens, decisions, plan as plans, second_opinions, submissions
from storage.db import write_session
from storage.decisions import ReviewItem
from storage.errors import N_
from storage.statuses import DecisionKind, SubmissionStatus

REASON_SUGGESTIONS = {
    "change": (
        N_("Prisen er høj. Find en billigere model, og send ønsket igen."),
        N_("Skriv lidt mere om, hvad det kan hjælpe dig med."),
        N_("Find et tilbud fra en butik, så vi kan se prisen."),
    ),
    "decline": (
        N_("Det kan budgettet ikke betale. Det hører under en anden ordning. Jeg hjælper dig med at søge der."),
        N_("Jeg kan ikke se, hvordan det hjælper dit mål. Lad os tale om det, når vi ses."),
        N_("Der er ikke penge nok tilbage til det. Vil du vælge et andet ønske?"),
    ),
}

actor = session.current_actor()
st.title(_("Svar på plan"))
sw.show_flash()
today = local_today()


def _queue() -> None:
    """No citizen chosen: every plan waiting among the person's own citizens, longest waiting first."""
    with write_session() as s:
        rows = [r for r in caseload.overview(s, actor=actor) if r.waiting_since]
    rows.sort(key=lambda r: r.waiting_since)
    if not rows:
        st.write(_("Ingen planer venter på dit svar lige nu."))
    for row in rows:
        with st.container(border=True):
            ui.plain(row.display_name)
            waiting = row.waiting(today)
            (st.error if waiting.overdue else st.info)(sw.waiting_text(waiting), icon=":material/schedule:")
            if st.button(_("Svar på planen"), key=f"queue_open_{row.citizen_id}", type="primary"):
                st.session_state[sw.SELECTED_CITIZEN_KEY] = row.citizen_id
                st.rerun()


def _reason_field(key: str, initial: str | None, kind: str) -> str:
    """The reason for the citizen, with its LIX and clickable example wording."""
    st.session_state.setdefault(key, initial or "")
    reason = st.text_area(_("Grund til borgeren"), key=key, max_chars=2000)
    st.caption(_("Borgeren læser grunden. Skriv kort og venligt, og sig, hvad der kan ske nu."))
    sw.lix_caption(reason)
    sw.suggestions(key, REASON_SUGGESTIONS[kind])
    return reason


def _second_opinion(wish_item_id: int, key: str, opinions: list[second_opinions.OpinionView]) -> None:
    for opinion in opinions:
        with st.container(border=True):
            st.caption(_("Spørgsmål til koordinator, {when}:", when=date_time(opinion.asked_at)))
            ui.plain(opinion.question)
            if opinion.answer:
                st.caption(_("Koordinatorens svar, {when}:", when=date_time(opinion.answered_at)))
                ui.plain(opinion.answer)
            else:
                st.caption(_("Venter på svar fra koordinator."))
    with st.expander(_("Spørg koordinator")), st.form(f"ask_{key}"):
        question = st.text_area(_("Dit spørgsmål"), key=f"question_{key}", max_chars=2000)
        st.caption(_("Koordinatoren giver et råd. Det er stadig dig, der beslutter."))
        asked = st.form_submit_button(_("Send spørgsmål"))
    if asked and sw.done(lambda s: second_opinions.ask(s, actor=actor, wish_item_id=wish_item_id,
                                                       question=question)):
        sw.clear_keys(f"question_{key}")
        sw.flash(_("Spørgsmålet er sendt til koordinator."))


def _item_facts(title: str, total_ore: int, quantity: int, goal_text: str | None, shop: str | None,
                note: str | None) -> None:
    ui.plain(title)
    if quantity > 1:
        st.caption(_("Pris: {amount} for {quantity} stk.", amount=money(total_ore), quantity=quantity))
    else:
        st.caption(_("Pris: {amount}", amount=money(total_ore)))
    if goal_text:
        st.caption(_("Hjælper med målet:"))
        ui.plain(goal_text)
    if shop:
        ui.plain(_("Butik: {shop}", shop=shop))
    if note:
        st.caption(_("Borgerens note:"))
        ui.plain(note)


def _review_item(item: ReviewItem, opinions: dict[int, list[second_opinions.OpinionView]]) -> None:
    key = str(item.submission_item_id)
    with st.container(border=True):
        _item_facts(item.title, item.price_ore, item.quantity, item.goal_text, item.shop, item.note)
        if item.draft_decision:
            st.write(_("Gemt, ikke sendt endnu: {decision}.",
                       decision=sw.label(sw.DECISION_DONE, item.draft_decision)))
        else:
            st.caption(_("Ingen beslutning endnu."))
        options = list(sw.DECISION_CHOICES)
        choice = st.radio(_("Din beslutning"), options, key=f"decision_{key}", horizontal=True,
                          index=options.index(item.draft_decision) if item.draft_decision in options else None,
                          format_func=lambda k: _(sw.DECISION_CHOICES[k]))
        reason = None
        if choice in REASON_SUGGESTIONS:
            reason = _reason_field(f"reason_{key}", item.draft_reason, choice)
        if st.button(_("Gem beslutning"), key=f"save_{key}", type="primary"):
            if choice is None:
                st.warning(_("Vælg først: godkend, bed om en ændring eller afslå."), icon=":material/info:")
            elif sw.done(lambda s: decisions.record(s, actor=actor, submission_item_id=item.submission_item_id,
                                                    decision=DecisionKind(choice), reason=reason)):
                sw.flash(_("Beslutningen er gemt. Borgeren ser den først, når du trykker 'Send svar'."))
        _second_opinion(item.wish_item_id, key, opinions.get(item.wish_item_id, []))


def _waiting_submission(summary: submissions.SubmissionSummary,
                        opinions: dict[int, list[second_opinions.OpinionView]]) -> None:
    items = sw.load_or_refuse(lambda s: decisions.review_items(s, actor=actor, submission_id=summary.id))
    if items is None:
        return
    st.subheader(_("Plan nummer {version}", version=summary.version))
    waiting = sw.waiting_since(summary.version, summary.submitted_at, summary.answer_by, today)
    (st.error if waiting.overdue else st.info)(sw.waiting_text(waiting), icon=":material/schedule:")
    for item in items:
        _review_item(item, opinions)
    missing = [i for i in items if i.draft_decision is None]
    if missing:
        st.warning(ngettext("{n} ønske mangler en beslutning:", "{n} ønsker mangler en beslutning:", len(missing)),
                   icon=":material/pending:")
        for item in missing:
            ui.plain(item.title)
    else:
        st.success(_("Alle ønsker har en beslutning. Borgeren ser svaret, når du trykker 'Send svar'."),
                   icon=":material/task_alt:")
    if st.button(_("Send svar"), key=f"publish_{summary.id}", type="primary", icon=":material/send:"):
        if sw.done(lambda s: decisions.publish(s, actor=actor, submission_id=summary.id)):
            sw.flash(_("Svaret er sendt. Borgeren kan se det nu."))


def _sent_item(item, history: list[submissions.PublishedDecision]) -> None:
    key = str(item.id)
    with st.container(border=True):
        ui.plain(item.title)
        st.caption(_("Status: {status}.", status=sw.label(sw.ITEM_STATUS_LABELS, item.status)))
        for number, decision in enumerate(history):
            params = {"decision": sw.label(sw.DECISION_DONE, decision.decision),
                      "when": date_time(decision.decided_at)}
            if number == 0:
                st.write(_("{decision}, sendt {when}.", **params))
            else:
                st.caption(_("Tidligere: {decision}, sendt {when}.", **params))
            ui.plain(decision.reason)
        with st.expander(_("Lav en ny beslutning")):
            st.caption(_("Den gamle beslutning bliver i listen. Borgeren ser den nye med det samme."))
            options = [k for k in sw.DECISION_CHOICES if k != history[0].decision]
            choice = st.radio(_("Ny beslutning"), options, key=f"revise_{key}", index=None, horizontal=True,
                              format_func=lambda k: _(sw.DECISION_CHOICES[k]))
            reason = _reason_field(f"revise_reason_{key}", None, choice) if choice in REASON_SUGGESTIONS else None
            if st.button(_("Send den nye beslutning"), key=f"revise_save_{key}", type="primary"):
                if choice is None:
                    st.warning(_("Vælg først den nye beslutning."), icon=":material/info:")
                elif sw.done(lambda s: decisions.revise(s, actor=actor, wish_item_id=item.id,
                                                        decision=DecisionKind(choice), reason=reason)):
                    sw.clear_keys(f"revise_{key}", f"revise_reason_{key}")
                    sw.flash(_("Den nye beslutning er sendt til borgeren."))


def _chosen(cid: int) -> None:
    loaded = sw.load_or_refuse(lambda s: (
        citizens.get_profile(s, actor=actor, citizen_id=cid),
        submissions.list_submissions(s, actor=actor, citizen_id=cid),
        second_opinions.for_citizen(s, actor=actor, citizen_id=cid),
        submissions.published_decisions(s, actor=actor, citizen_id=cid),
        plans.get_plan(s, actor=actor, citizen_id=cid),
    ))
    if loaded is None:
        return
    profile, sent, asked, told, view = loaded
    ui.plain(profile.display_name)
    if st.button(_("Vis alle planer, der venter"), key="show_queue", icon=":material/list:"):
        st.session_state.pop(sw.SELECTED_CITIZEN_KEY, None)
        st.rerun()
    if profile.status != "active":
        st.warning(_("Planen holder pause eller er afsluttet. Du kan bede om ændringer eller afslå, men ikke "
                     "godkende."), icon=":material/pause_circle:")
    opinions: dict[int, list[second_opinions.OpinionView]] = {}
    for opinion in asked:
        opinions.setdefault(opinion.wish_item_id, []).append(opinion)

    waiting_plans = sorted((x for x in sent if x.status == SubmissionStatus.WAITING.value), key=lambda x: x.version)
    if not waiting_plans:
        st.write(_("Der er ingen plan fra borgeren, som venter på svar."))
    for waiting_plan in waiting_plans:
        _waiting_submission(waiting_plan, opinions)

    items_by_id = {i.id: i for i in view.all_items()}
    answered = [(items_by_id[wid], history) for wid, history in told.items() if wid in items_by_id]
    if answered:
        st.subheader(_("Sendte svar"))
        for plan_item, item_history in answered:
            _sent_item(plan_item, item_history)


chosen = sw.selected_citizen_id()
if chosen is None:
    _queue()
else:
    _chosen(chosen)
