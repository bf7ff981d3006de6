"""Payments: ask finance to pay for what was bought for the citizen, and what was asked before."""
from __future__ import annotations

import streamlit as st

from citizen_app import staff_nav as nav
from citizen_app import ui
from citizen_app.i18n import _, date_time, local_today, long_date, money
from citizen_app.labels import PAYMENT_STATUS_LABELS, label
from dialogs import limits
from dialogs.i18n_markers import N_
from dialogs.amounts import ore_to_input, parse_amount
from storage import payments


def _payment_form(actor, item: payments.PayableItem) -> None:
    keys = tuple(f"pay_{field}_{item.wish_item_id}" for field in ("vendor", "amount", "reference", "date"))

    def work(s) -> None:
        form = st.session_state
        payments.request_payment(s, actor=actor, wish_item_id=item.wish_item_id, vendor=form.get(keys[0], ""),
                                 amount_ore=parse_amount(form.get(keys[1], "")), reference=form.get(keys[2]),
                                 purchase_date=form.get(keys[3]))

    with st.expander(_("Bed om betaling")), st.form(f"pay_{item.wish_item_id}"):
        st.text_input(_("Hvem skal have pengene? (butik eller firma)"), key=keys[0], max_chars=limits.VENDOR)
        st.text_input(_("Beløb i kroner"), value=ore_to_input(item.open_ore), key=keys[1])
        st.text_input(_("Faktura- eller ordrenummer"), key=keys[2], max_chars=limits.REFERENCE)
        st.date_input(_("Købsdato"), value=local_today(), format="DD.MM.YYYY", key=keys[3])
        st.form_submit_button(_("Send til økonomi"), type="primary", on_click=ui.on_click(
            work, _("Betalingen er sendt til økonomi."), after=lambda: ui.clear_keys(*keys), errors=keys[0]))
    ui.show_errors(keys[0])


def show(actor, cid: int, profile) -> None:
    loaded = nav.load_or_refuse(lambda s: (payments.payable_items(s, actor=actor, citizen_id=cid),
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
            _payment_form(actor, item)
    st.subheader(_("Betalinger"))
    if not history:
        st.write(_("Der er ikke bedt om nogen betalinger endnu."))
    for payment in history:
        with st.container(border=True):
            ui.plain(payment.item_title)
            st.write(_("Status: {status}. Beløb: {amount}", amount=money(payment.amount_ore),
                       status=label(PAYMENT_STATUS_LABELS, payment.status)))
            ui.say(N_("Til: {vendor}"), vendor=payment.vendor)
            if payment.reference:
                ui.say(N_("Faktura eller ordre: {reference}"), reference=payment.reference)
            st.caption(_("Købt {date}. Sendt til økonomi {when}.", date=long_date(payment.purchase_date),
                         when=date_time(payment.requested_at)))
            if payment.reject_reason:
                ui.say(N_("Grund fra økonomi: {reason}"), reason=payment.reject_reason)
