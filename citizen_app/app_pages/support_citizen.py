"""'Borger': one of the support person's citizens — plan and budget, follow-up, notes, payments, status.

The citizen is chosen on 'Mine borgere' and kept in the session, never in the URL. Only the part the
support person opens is read (and audited).
"""
from __future__ import annotations

import logging

import streamlit as st

from citizen_app import session, staff_widgets as sw, ui
from citizen_app.amounts import kroner_to_ore, ore_to_input
from citizen_app.i18n import _, date_time, local_today, long_date, money
from citizen_app.labels import status_label
from dialogs.categories import DEFAULT_CATEGORIES
from storage import checkins, citizens, ledger, notes, payments, plan as plans
from storage import course as course_store
from storage.errors import N_
from storage.statuses import CitizenStatus
from storage.plan import GoalView, ItemView

CATEGORY_LABELS = {c.key: c.label for c in DEFAULT_CATEGORIES}
SECTIONS = {
    "plan": N_("Plan og budget"),
    "follow_up": N_("Opfølgning"),
    "notes": N_("Notater"),
    "payments": N_("Betaling"),
    "status": N_("Forløb"),
}
STATUS_ACTIONS = {
    "pause": N_("Sæt planen på pause"),
    "resume": N_("Start planen igen"),
    "end": N_("Afslut forløbet"),
}
STATUS_SUGGESTIONS = {
    "pause": (N_("Vi holder pause med planen, så du kan få ro på. Intet er væk. Vi taler sammen om, "
                 "hvornår vi går videre."),
              N_("Planen holder pause, mens du er indlagt. Dit budget venter på dig.")),
    "resume": (N_("Godt, du er tilbage. Nu går vi videre med din plan."),),
    "end": (N_("Du er flyttet til en anden kommune, så din plan slutter her. Tak, fordi du var med."),
            N_("Din tid med budgettet er slut, så planen slutter her. Tak, fordi du var med. "
               "Du må altid ringe til mig.")),
}

actor = session.current_actor()
log = logging.getLogger("borgerbudget")


def _header(cid: int, profile) -> None:
    ui.plain(profile.display_name)
    st.caption(_("Nummer {ref}. Status: {status}. Budgettet gælder til {date}.", ref=profile.internal_ref,
                 status=status_label(profile.status), date=long_date(profile.end_date)))
    if profile.needs_help_since:
        st.error(_("Har trykket på 'Jeg har det svært lige nu' {when}.", when=date_time(profile.needs_help_since)),
                 icon=":material/emergency:")
        if st.button(_("Jeg har set det"), key="seen_flag", icon=":material/done:"):
            if sw.done(lambda s: citizens.clear_needs_help(s, actor=actor, citizen_id=cid)):
                sw.flash(_("Markeret som set. Husk at tale med borgeren."))
    if profile.status != CitizenStatus.ACTIVE.value and profile.status_reason:
        st.caption(_("Grunden, som borgeren kan se:"))
        ui.plain(profile.status_reason)


# --- plan and budget ---------------------------------------------------------------------------------

def _item(item: ItemView) -> None:
    with st.container(border=True):
        ui.plain(item.title)
        if item.quantity > 1:
            st.caption(_("Status: {status}. Pris: {amount} for {quantity} stk.", status=sw.label(
                sw.ITEM_STATUS_LABELS, item.status), amount=money(item.total_ore), quantity=item.quantity))
        else:
            st.caption(_("Status: {status}. Pris: {amount}", status=sw.label(sw.ITEM_STATUS_LABELS, item.status),
                         amount=money(item.total_ore)))


def _goal(goal: GoalView, long_term: bool) -> None:
    with st.container(border=long_term):
        st.caption(_("Langsigtet mål") if long_term else _("Delmål"))
        ui.plain(goal.text)
        if goal.category in CATEGORY_LABELS:
            st.caption(_("Område: {category}.", category=_(CATEGORY_LABELS[goal.category])))
        for item in goal.items:
            _item(item)
        for sub in goal.sub_goals:
            _goal(sub, long_term=False)


def _shared_answers(cid: int) -> None:
    """The course answers the citizen chose to share (skipped and private ones never reach this page)."""
    st.subheader(_("Svar fra samtalen, som borgeren har delt"))
    answers = sw.load_or_refuse(lambda s: course_store.shared_answers(s, actor=actor, citizen_id=cid))
    if answers is None:
        return
    if not answers:
        st.caption(_("Borgeren har ikke delt svar fra samtalen endnu."))
    course = sw.load_course_or_none()
    for answer in answers:
        question, text = sw.shared_answer(answer, course)
        st.caption(_(question))
        ui.plain(text)


def _plan_section(cid: int, profile) -> None:
    loaded = sw.load_or_refuse(lambda s: (plans.get_plan(s, actor=actor, citizen_id=cid),
                                          ledger.summary(s, actor=actor, citizen_id=cid)))
    if loaded is None:
        return
    view, figures = loaded
    sw.budget_box(view.budget, figures)
    if st.button(_("Gå til Svar på plan"), key="to_review", icon=":material/rule:"):
        sw.open_page(cid, sw.REVIEW_PAGE)
    st.subheader(_("Mål og ønsker"))
    if not view.goals and not view.unlinked_items:
        st.write(_("Borgeren har ikke skrevet mål eller ønsker endnu."))
    for goal in view.goals:
        _goal(goal, long_term=True)
    if view.unlinked_items:
        st.caption(_("Ønsker, der ikke hører til et mål"))
        for item in view.unlinked_items:
            _item(item)
    _shared_answers(cid)


# --- follow-up ---------------------------------------------------------------------------------------

def _follow_up_section(cid: int, profile) -> None:
    # Field keys carry the citizen's id, so nothing typed for one citizen shows up on another's page.
    who5_keys = [f"who5_{n}_{cid}" for n in range(len(sw.WHO5_QUESTIONS))]
    keys = [f"check_in_{field}_{cid}" for field in ("phase", "citizen", "support", "note")]
    st.write(_("Spørg borgeren ved start, midt i forløbet og til sidst. Svarene går ind i programmets tal."))
    with st.form(f"check_in_{cid}"):
        phase = st.selectbox(_("Hvornår i forløbet?"), list(sw.CHECK_IN_PHASES), key=keys[0],
                             format_func=lambda p: _(sw.CHECK_IN_PHASES[p]), placeholder=_("Vælg"))
        st.write(_("Trivsel (WHO-5). Læs sætningerne op, og lad borgeren vælge. Spring over, hvis borgeren ikke vil."))
        who5 = [st.selectbox(_(question), list(sw.WHO5_ANSWERS), index=None, key=key,
                             placeholder=_("Vælg et svar"), format_func=lambda v: _(sw.WHO5_ANSWERS[v]))
                for question, key in zip(sw.WHO5_QUESTIONS, who5_keys)]
        citizen_rating = st.radio(_("Borgeren: Hvor tæt er du på dit mål?"), list(sw.GOAL_RATINGS), index=None,
                                  key=keys[1], format_func=lambda v: _(sw.GOAL_RATINGS[v]))
        support_rating = st.radio(_("Dig: Hvor tæt er borgeren på sit mål?"), list(sw.GOAL_RATINGS), index=None,
                                  key=keys[2], format_func=lambda v: _(sw.GOAL_RATINGS[v]))
        note = st.text_area(_("Note til opfølgningen (kan springes over)"), key=keys[3], max_chars=2000)
        sent = st.form_submit_button(_("Gem opfølgning"), type="primary")
    if sent and sw.done(lambda s: checkins.add_check_in(
            s, actor=actor, citizen_id=cid, phase=phase, who5_raw=checkins.who5_raw_from_items(who5),
            citizen_goal_rating=citizen_rating, support_goal_rating=support_rating, note=note)):
        sw.clear_keys(*keys, *who5_keys)
        sw.flash(_("Opfølgningen er gemt."))
    history = sw.load_or_refuse(lambda s: checkins.list_check_ins(s, actor=actor, citizen_id=cid))
    if history is None:
        return
    st.subheader(_("Tidligere opfølgninger"))
    if not history:
        st.write(_("Der er ingen opfølgninger endnu."))
    for check_in in history:
        with st.container(border=True):
            st.write(_("{phase}, {date}.", phase=sw.label(sw.CHECK_IN_PHASES, check_in.phase),
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


# --- notes -------------------------------------------------------------------------------------------

def _notes_section(cid: int, profile) -> None:
    st.write(_("Dit journalnotat om borgeren. Skriv kort, hvad der skete, og hvad I aftalte. Borgeren kan ikke se det."))
    with st.form(f"new_note_{cid}"):
        text = st.text_area(_("Nyt notat"), key=f"note_text_{cid}", max_chars=notes.MAX_NOTE)
        sent = st.form_submit_button(_("Gem notat"), type="primary")
    if sent and sw.done(lambda s: notes.add(s, actor=actor, citizen_id=cid, text=text)):
        sw.clear_keys(f"note_text_{cid}")
        sw.flash(_("Notatet er gemt."))
    journal = sw.load_or_refuse(lambda s: notes.list_notes(s, actor=actor, citizen_id=cid))
    if journal is None:
        return
    if not journal:
        st.write(_("Der er ingen notater endnu."))
    for note in journal:
        with st.container(border=True):
            ui.plain(_("Skrevet {when} af {author}.", when=date_time(note.created_at), author=note.author))
            ui.plain(note.text)


# --- payments ----------------------------------------------------------------------------------------

def _payment_form(item: payments.PayableItem) -> None:
    keys = tuple(f"pay_{field}_{item.wish_item_id}" for field in ("vendor", "amount", "reference", "date"))
    with st.expander(_("Bed om betaling")), st.form(f"pay_{item.wish_item_id}"):
        vendor = st.text_input(_("Hvem skal have pengene? (butik eller firma)"), key=keys[0], max_chars=200)
        amount = st.text_input(_("Beløb i kroner"), value=ore_to_input(item.open_ore), key=keys[1])
        reference = st.text_input(_("Faktura- eller ordrenummer"), key=keys[2], max_chars=200)
        bought = st.date_input(_("Købsdato"), value=local_today(), format="DD.MM.YYYY", key=keys[3])
        sent = st.form_submit_button(_("Send til økonomi"), type="primary")
    if sent and sw.done(lambda s: payments.request_payment(
            s, actor=actor, wish_item_id=item.wish_item_id, vendor=vendor, amount_ore=kroner_to_ore(amount),
            reference=reference, purchase_date=bought)):
        sw.clear_keys(*keys)
        sw.flash(_("Betalingen er sendt til økonomi."))


def _payments_section(cid: int, profile) -> None:
    loaded = sw.load_or_refuse(lambda s: (payments.payable_items(s, actor=actor, citizen_id=cid),
                                          payments.for_citizen(s, actor=actor, citizen_id=cid)))
    if loaded is None:
        return
    payable, history = loaded
    st.write(_("Når du har købt noget til borgeren, beder du økonomi om at betale. Borgeren får aldrig kontanter."))
    open_items = [i for i in payable if i.open_ore > 0]
    if not open_items:
        st.write(_("Der er ingen godkendte ønsker, som mangler betaling."))
    for item in open_items:
        with st.container(border=True):
            ui.plain(item.title)
            st.caption(_("Kan stadig betales: {open} af de godkendte {approved}", approved=money(item.approved_ore),
                         open=money(item.open_ore)))
            _payment_form(item)
    st.subheader(_("Betalinger"))
    if not history:
        st.write(_("Der er ikke bedt om nogen betalinger endnu."))
    for payment in history:
        with st.container(border=True):
            ui.plain(payment.item_title)
            st.write(_("Status: {status}. Beløb: {amount}", amount=money(payment.amount_ore),
                       status=sw.label(sw.PAYMENT_STATUS_LABELS, payment.status)))
            ui.plain(_("Til: {vendor}", vendor=payment.vendor))
            if payment.reference:
                ui.plain(_("Faktura eller ordre: {reference}", reference=payment.reference))
            st.caption(_("Købt {date}. Sendt til økonomi {when}.", date=long_date(payment.purchase_date),
                         when=date_time(payment.requested_at)))
            if payment.reject_reason:
                ui.plain(_("Grund fra økonomi: {reason}", reason=payment.reject_reason))


# --- status: pause, resume, end ----------------------------------------------------------------------

def _status_section(cid: int, profile) -> None:
    st.write(_("Status nu: {status}.", status=status_label(profile.status)))
    if profile.status == CitizenStatus.ENDED.value:
        st.info(_("Forløbet er afsluttet og kan ikke ændres."), icon=":material/info:")
        return
    choices = ["resume", "end"] if profile.status == CitizenStatus.PAUSED.value else ["pause", "end"]
    action_key, reason_key, confirm_key = (f"status_action_{cid}", f"status_reason_{cid}",
                                           f"status_confirm_end_{cid}")
    action = st.radio(_("Hvad vil du gøre?"), choices, key=action_key,
                      format_func=lambda a: _(STATUS_ACTIONS[a]))
    if action == "pause":
        st.caption(_("En pause stopper køb og godkendelser. Intet bliver slettet, og I kan starte igen senere."))
    elif action == "end":
        st.warning(_("Et afsluttet forløb kan ikke startes igen."), icon=":material/warning:")
    st.session_state.setdefault(reason_key, "")
    reason = st.text_area(_("Grund til borgeren"), key=reason_key, max_chars=2000)
    st.caption(_("Borgeren ser det, du skriver. Skriv venligt og med ord, vi bruger hver dag."))
    sw.lix_caption(reason)
    sw.suggestions(reason_key, STATUS_SUGGESTIONS[action])
    confirmed = action != "end" or st.checkbox(_("Ja, jeg vil afslutte forløbet."), key=confirm_key)
    if st.button(_("Gem"), key="status_save", type="primary", disabled=not confirmed):
        target = {"pause": CitizenStatus.PAUSED, "resume": CitizenStatus.ACTIVE, "end": CitizenStatus.ENDED}[action]
        if sw.done(lambda s: citizens.set_status(s, actor=actor, citizen_id=cid, status=target,
                                                 reason=reason)):
            sw.clear_keys(reason_key, action_key, confirm_key)
            sw.flash(_("Status er gemt: {status}.", status=status_label(target.value)))


SHOW = {"plan": _plan_section, "follow_up": _follow_up_section, "notes": _notes_section,
        "payments": _payments_section, "status": _status_section}


def main() -> None:
    st.title(_("Borger"))
    sw.show_flash()
    cid = sw.selected_citizen_or_hint()
    if cid is None:
        return
    profile = sw.load_or_refuse(lambda s: citizens.get_profile(s, actor=actor, citizen_id=cid))
    if profile is None:
        return
    _header(cid, profile)
    section = st.segmented_control(_("Vælg, hvad du vil se"), list(SECTIONS), default="plan", required=True,
                                   format_func=lambda key: _(SECTIONS[key]), key="citizen_section")
    SHOW[section or "plan"](cid, profile)


main()
