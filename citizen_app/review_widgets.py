"""Pieces of 'Svar på plan': one sent wish with its decision form, the coordinator's advice, and a wish whose
answer was sent (with 'Lav en ny beslutning'). Every action is a callback (ui.on_click)."""
from __future__ import annotations

import streamlit as st

from citizen_app import staff_words as words
from citizen_app import ui
from citizen_app.i18n import _, date_time, money
from citizen_app.labels import DECISION_CHOICES, DECISION_DONE, item_status_label, label
from dialogs import limits
from storage import decisions, second_opinions
from storage.decisions import ReviewItem
from storage.price_hints import PriceHint
from storage.errors import N_, RuleError
from storage.statuses import ANSWERED, DecisionKind, ItemStatus

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
MSG_CHOOSE_FIRST = N_("Vælg først: godkend, bed om en ændring eller afslå.")


def reason_field(key: str, initial: str | None, kind: str) -> str:
    """The reason for the citizen, with its LIX and clickable example wording."""
    st.session_state.setdefault(key, initial or "")
    reason = st.text_area(_("Grund til borgeren"), key=key, max_chars=limits.NOTE)
    st.caption(_("Borgeren læser grunden. Skriv kort og venligt, og sig, hvad der kan ske nu."))
    words.lix_caption(reason)
    words.suggestions(key, REASON_SUGGESTIONS[kind])
    return reason


def second_opinion(actor, wish_item_id: int, key: str, opinions: list[second_opinions.OpinionView]) -> None:
    for opinion in opinions:
        with st.container(border=True):
            st.caption(_("Spørgsmål til koordinator, {when}:", when=date_time(opinion.asked_at)))
            ui.plain(opinion.question)
            if opinion.answer:
                st.caption(_("Koordinatorens svar, {when}:", when=date_time(opinion.answered_at)))
                ui.plain(opinion.answer)
            else:
                st.caption(_("Venter på svar fra koordinator."))
    field = f"question_{key}"
    with st.expander(_("Spørg koordinator")), st.form(f"ask_{key}"):
        st.text_area(_("Dit spørgsmål"), key=field, max_chars=limits.NOTE)
        st.caption(_("Koordinatoren giver et råd. Det er stadig dig, der beslutter."))
        st.form_submit_button(_("Send spørgsmål"), on_click=ui.on_click(
            lambda s: second_opinions.ask(s, actor=actor, wish_item_id=wish_item_id,
                                          question=st.session_state.get(field, "")),
            _("Spørgsmålet er sendt til koordinator."), after=lambda: ui.clear_keys(field), errors=field))
    ui.show_errors(field)


def item_facts(title: str, total_ore: int, quantity: int, goal_text: str | None, shop: str | None,
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
        ui.say(N_("Butik: {shop}"), shop=shop)
    if note:
        st.caption(_("Borgerens note:"))
        ui.plain(note)


def staff_price_hint(hint: PriceHint | None) -> None:
    """What similar wishes were approved for in the programme (storage/price_hints.py); nothing for small groups."""
    if hint is None:
        return
    amounts = dict(low=money(hint.low_ore), high=money(hint.high_ore), median=money(hint.median_ore))
    st.caption(_("Prisniveau: Lignende ønsker er godkendt til {low}–{high} i ordningen, median {median}", **amounts)
               if hint.kind == "title" else
               _("Prisniveau: Ønsker til samme slags mål er godkendt til {low}–{high} i ordningen, median {median}",
                 **amounts))


def _decide(actor, item: ReviewItem, choice_key: str, reason_key: str):
    def work(s) -> None:
        choice = st.session_state.get(choice_key)
        if choice is None:
            raise RuleError(MSG_CHOOSE_FIRST)
        reason = st.session_state.get(reason_key) if choice in REASON_SUGGESTIONS else None
        decisions.record(s, actor=actor, submission_item_id=item.submission_item_id, decision=DecisionKind(choice),
                         reason=reason)
    return work


def review_item(actor, item: ReviewItem, opinions: dict[int, list[second_opinions.OpinionView]],
                hint: PriceHint | None = None) -> None:
    key = str(item.submission_item_id)
    with st.container(border=True):
        item_facts(item.title, item.price_ore, item.quantity, item.goal_text, item.shop, item.note)
        staff_price_hint(hint)
        if item.change == "drop":
            st.info(_("Borgeren vil fjerne dette godkendte ønske. Godkend betyder, at det fjernes, og at pengene "
                      "kommer tilbage i budgettet. Afslå betyder, at det bliver i planen."), icon=":material/undo:")
        elif item.change == "change":
            st.info(_("En ændring af et godkendt ønske. Godkender du, erstatter den det gamle ønske."),
                    icon=":material/edit_note:")
        if item.draft_decision:
            st.write(_("Gemt, ikke sendt endnu: {decision}.", decision=label(DECISION_DONE, item.draft_decision)))
        else:
            st.caption(_("Ingen beslutning endnu."))
        options = list(DECISION_CHOICES)
        choice = st.radio(_("Din beslutning"), options, key=f"decision_{key}", horizontal=True,
                          index=options.index(item.draft_decision) if item.draft_decision in options else None,
                          format_func=lambda k: _(DECISION_CHOICES[k]))
        if choice in REASON_SUGGESTIONS:
            reason_field(f"reason_{key}", item.draft_reason, choice)
        st.button(_("Gem beslutning"), key=f"save_{key}", type="primary", on_click=ui.on_click(
            _decide(actor, item, f"decision_{key}", f"reason_{key}"),
            _("Beslutningen er gemt. Borgeren ser den først, når du trykker 'Send svar'."), errors=f"save_{key}"))
        ui.show_errors(f"save_{key}")
        second_opinion(actor, item.wish_item_id, key, opinions.get(item.wish_item_id, []))


def _revise(actor, item_id: int, choice_key: str, reason_key: str):
    def work(s) -> None:
        choice = st.session_state.get(choice_key)
        if choice is None:
            raise RuleError(N_("Vælg først den nye beslutning."))
        reason = st.session_state.get(reason_key) if choice in REASON_SUGGESTIONS else None
        decisions.revise(s, actor=actor, wish_item_id=item_id, decision=DecisionKind(choice), reason=reason)
    return work


def sent_item(actor, item, history) -> None:
    key = str(item.id)
    with st.container(border=True):
        ui.plain(item.title)
        st.caption(_("Status: {status}.", status=item_status_label(item.status)))
        for number, decision in enumerate(history):
            params = {"decision": label(DECISION_DONE, decision.decision), "when": date_time(decision.decided_at)}
            if number == 0:
                st.write(_("{decision}, sendt {when}.", **params))
            else:
                st.caption(_("Tidligere: {decision}, sendt {when}.", **params))
            ui.plain(decision.reason)
        if item.status not in ANSWERED:  # the citizen changed it: the answer goes to the new version
            st.caption(_("Borgeren har ændret ønsket og sendt det igen. Svar på den nye udgave ovenfor.")
                       if item.status == ItemStatus.SUBMITTED.value else
                       _("Borgeren er ved at ændre ønsket. Du kan svare, når det er sendt igen."))
            return
        with st.expander(_("Lav en ny beslutning")):
            st.caption(_("Den gamle beslutning bliver i listen. Borgeren ser den nye med det samme."))
            options = [k for k in DECISION_CHOICES if k != history[0].decision]
            choice = st.radio(_("Ny beslutning"), options, key=f"revise_{key}", index=None, horizontal=True,
                              format_func=lambda k: _(DECISION_CHOICES[k]))
            if choice in REASON_SUGGESTIONS:
                reason_field(f"revise_reason_{key}", None, choice)
            st.button(_("Send den nye beslutning"), key=f"revise_save_{key}", type="primary", on_click=ui.on_click(
                _revise(actor, item.id, f"revise_{key}", f"revise_reason_{key}"),
                _("Den nye beslutning er sendt til borgeren."),
                after=lambda: ui.clear_keys(f"revise_{key}", f"revise_reason_{key}"), errors=f"revise_save_{key}"))
            ui.show_errors(f"revise_save_{key}")
