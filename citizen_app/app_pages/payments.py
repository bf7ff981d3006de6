"""'Betalinger': finance pays or rejects the support persons' requests. Citizens appear only by internal number."""
from __future__ import annotations

import streamlit as st

from citizen_app import session, ui
from citizen_app.i18n import _, date_time, local_today, long_date, money, ngettext
from dialogs import limits
from dialogs.i18n_markers import N_
from storage import payments
from storage.db import write_session
from storage.payments import FinanceRow

actor = session.current_actor()
st.title(_("Betalinger"))

with write_session() as s:
    rows = payments.list_for_finance(s, actor=actor)
waiting = [r for r in rows if r.status == "requested"]
handled = sorted((r for r in rows if r.status != "requested"), key=lambda r: (r.handled_at, r.payment_id),
                 reverse=True)


def _export() -> str:
    """Made only when the button is pressed, so only a real export is logged."""
    with write_session() as s:
        return payments.export_csv(s, actor=actor)


st.download_button(_("Hent alle betalinger som CSV-fil"), data=_export,
                   file_name=f"borgerbudget-betalinger-{local_today().isoformat()}.csv", mime="text/csv",
                   icon=":material/download:", key="export_csv", on_click="ignore")
st.caption(_("Filen kan læses ind i kommunens økonomisystem. I filen står borgerne kun med deres nummer."))


def _facts(row: FinanceRow) -> None:
    st.write(_("Borgernummer {ref}: {amount}", ref=row.citizen_ref, amount=money(row.amount_ore)))
    ui.say(N_("Til: {vendor}"), vendor=row.vendor)
    if row.reference:
        ui.say(N_("Faktura eller ordre: {reference}"), reference=row.reference)
    st.caption(_("Købt {date}. Bedt om betaling {when}.", date=long_date(row.purchase_date),
                 when=date_time(row.requested_at)))


st.subheader(_("Venter på betaling"))
if not waiting:
    st.write(_("Der er ingen betalinger, som venter."))
else:
    st.write(ngettext("{n} betaling venter.", "{n} betalinger venter.", len(waiting)))
for row in waiting:
    pid = row.payment_id
    with st.container(border=True):
        _facts(row)
        st.button(_("Marker som betalt"), key=f"paid_{pid}", type="primary", icon=":material/check:",
                  on_click=ui.on_click(lambda s, pid=pid: payments.mark_paid(s, actor=actor, payment_id=pid),
                                       _("Betalingen er markeret som betalt.")))
        reason_key = f"reject_reason_{pid}"
        with st.expander(_("Afvis betalingen")), st.form(f"reject_{pid}"):
            st.text_area(_("Grund til afvisningen"), key=reason_key, max_chars=limits.NOTE)
            st.caption(_("Støttepersonen ser grunden og kan bede om betaling igen."))
            st.form_submit_button(_("Afvis"), on_click=ui.on_click(
                lambda s, pid=pid, key=reason_key: payments.reject(s, actor=actor, payment_id=pid,
                                                                   reason=st.session_state.get(key, "")),
                _("Betalingen er afvist. Støttepersonen kan se grunden."),
                after=lambda key=reason_key: ui.clear_keys(key), errors=reason_key))
        ui.show_errors(reason_key)

st.subheader(_("Behandlede betalinger"))
if not handled:
    st.write(_("Der er ingen behandlede betalinger endnu."))
for row in handled:
    with st.container(border=True):
        _facts(row)
        if row.status == "paid":
            st.write(_("Betalt {when}.", when=date_time(row.handled_at)))
        else:
            st.write(_("Afvist {when}.", when=date_time(row.handled_at)))
            ui.say(N_("Grund: {reason}"), reason=row.reject_reason)
