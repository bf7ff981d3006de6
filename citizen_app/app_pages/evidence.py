"""'Evidens': the coordinator's evidence for the committee — the Halsnæs figures, the spending, a savings
estimate from unit prices the coordinator enters, and "Status til udvalget" as PDF and Word. Numbers only."""
from __future__ import annotations

import streamlit as st

from citizen_app import evidence_content, session, ui
from citizen_app.evidence_docx import status_docx
from citizen_app.evidence_pdf import status_pdf
from citizen_app.evidence_words import PAYERS, activity_labels
from citizen_app.i18n import _, current_language, local_today, long_date, money, number, translator
from dialogs.amounts import parse_amount
from storage import evidence_figures, evidence_prices, evidence_savings, programmes
from storage.db import write_session
from storage.evidence_figures import Intake
from storage.small_groups import MIN_GROUP

actor = session.current_actor()
LABELS = activity_labels()

st.title(_("Evidens og status til udvalget"))
st.write(_("Tal til politikerne, som Halsnæs brugte dem. Der er ingen navne. Tal fra færre end {min} borgere "
           "vises ikke, og heller ikke det, man kan regne ud af dem.", min=MIN_GROUP))

with st.expander(_("Vælg et hold (borgere, der startede i en periode)")):
    start_from = st.date_input(_("Startede tidligst"), value=None, key="evidence_from", format="DD.MM.YYYY")
    start_to = st.date_input(_("Startede senest"), value=None, key="evidence_to", format="DD.MM.YYYY")
intake = Intake(start_from, start_to)

with write_session() as s:
    outcomes = evidence_figures.outcomes(s, actor=actor, intake=intake)
    spending = evidence_figures.spending(s, actor=actor, intake=intake)
    prices = evidence_prices.list_prices(s, actor=actor)
    programme_name = programmes.get_programme(s, actor=actor).name

fmt = evidence_content.Formats(money=money, number=number, date=long_date)


def _table(section: evidence_content.Section) -> None:
    st.subheader(section.title)
    st.table({_("Hvad"): [what for what, _fig in section.rows], _("Tal"): [fig for _what, fig in section.rows]})
    st.caption(section.method)


st.header(_("Sådan gik det for borgerne"))
st.write(_("{n} borgere. {start} har en status ved start, og {end} har en status ved afslutning.",
           n=outcomes.participants, start=outcomes.with_start, end=outcomes.with_end))
for section in evidence_content.outcome_sections(outcomes, _, fmt):
    _table(section)

st.header(_("Forbrug af budgettet"))
_table(evidence_content.spending_section(spending, _, fmt))

st.header(_("Enhedspriser"))
st.write(_("Skriv prisen for én enhed og hvor den kommer fra, fx SØM's vidensdatabase."))
with st.form("unit_price"):
    st.selectbox(_("Aktivitet"), list(LABELS), key="price_activity", format_func=lambda k: _(LABELS[k]),
                 placeholder=_("Vælg"))
    st.radio(_("Hvem betaler?"), list(PAYERS), key="price_payer", format_func=lambda k: _(PAYERS[k]),
             horizontal=True)
    st.text_input(_("Pris for én enhed i kroner"), key="price_amount")
    st.text_input(_("Kilde"), key="price_source", max_chars=evidence_prices.SOURCE_LIMIT)

    def _add(s) -> None:
        form = st.session_state
        evidence_prices.add_price(s, actor=actor, activity=form["price_activity"], payer=form["price_payer"],
                                  price_ore=parse_amount(form.get("price_amount") or ""),
                                  source=form.get("price_source") or "")
    st.form_submit_button(_("Gem prisen"), type="primary", on_click=ui.on_click(
        _add, _("Prisen er gemt."), after=lambda: ui.clear_keys("price_amount", "price_source"), errors="price"))
ui.show_errors("price")
for price in prices:
    with st.container(border=True):
        ui.plain(_("{activity}: {amount} pr. {unit}. Betaler: {payer}.", activity=_(LABELS.get(price.activity, price.activity)),
                   amount=money(price.price_ore), unit=_(price.unit), payer=_(PAYERS[price.payer])))
        st.caption(_("Kilde:"))
        ui.plain(price.source)
        st.button(_("Fjern prisen"), key=f"remove_price_{price.id}", on_click=ui.on_click(
            lambda s, pid=price.id: evidence_prices.remove_price(s, actor=actor, price_id=pid), _("Prisen er fjernet.")))

st.header(_("Skøn over besparelser"))
years = st.number_input(_("Antal år i skønnet"), min_value=1, max_value=evidence_savings.MAX_YEARS, value=1,
                        key="evidence_years")
staff_hours = st.number_input(_("Støttepersonernes timer i ordningen i alt"), min_value=0, max_value=1_000_000,
                              value=0, step=10, key="evidence_staff_hours")
estimate = evidence_savings.estimate(outcomes, prices, years=int(years), approved_ore=spending.approved_ore,
                                     staff_hours=int(staff_hours))
# the prices and their sources (typed text) are listed above as plain text, not in this table
savings = evidence_content.savings_section(estimate, [], LABELS, _, fmt)
st.warning(_("Det er et skøn, ikke en målt effekt."), icon=":material/info:")
_table(savings)
st.subheader(_("Metode og antagelser"))
for assumption in evidence_savings.ASSUMPTIONS:
    st.write(_(assumption))
st.download_button(_("Hent ændringer og priser som CSV"), evidence_savings.som_csv(estimate, prices).encode("utf-8"),
                   file_name=f"borgerbudget-soem-{local_today().isoformat()}.csv", mime="text/csv")

st.header(_("Status til udvalget"))
st.write(_("Et dokument med tallene, et diagram for hvert afsnit og metoden. Du kan skrive din egen tekst først."))
intro = st.text_area(_("Din tekst før tallene (kan springes over)"), key="evidence_intro", max_chars=4000)
closing = st.text_area(_("Din tekst efter tallene (kan springes over)"), key="evidence_closing", max_chars=4000)


def _document() -> evidence_content.StatusDocument:
    language = current_language()
    return evidence_content.build(outcomes, spending, estimate, prices, programme=programme_name,
                                  activity_labels=LABELS, intro=intro, closing=closing, today=local_today(),
                                  _=translator(language), fmt=fmt)


if st.button(_("Lav dokumentet"), type="primary", key="evidence_make"):
    document = _document()
    language = current_language()
    st.session_state["evidence_pdf"] = status_pdf(
        document, lambda page: translator(language)("Side {page} af {pages}", page=page, pages="{nb}"), language)
    st.session_state["evidence_docx"] = status_docx(document, language)
if "evidence_pdf" in st.session_state:
    name = f"status-til-udvalget-{local_today().isoformat()}"
    st.download_button(_("Hent som PDF"), st.session_state["evidence_pdf"], file_name=f"{name}.pdf",
                       mime="application/pdf", key="evidence_pdf_download")
    st.download_button(_("Hent som Word"), st.session_state["evidence_docx"], file_name=f"{name}.docx",
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                       key="evidence_docx_download")
