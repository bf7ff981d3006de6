"""'Rapport': Socialstyrelsen's figures for the programme or one intake, as charts with tables. No names."""
from __future__ import annotations

from datetime import date

import streamlit as st

from citizen_app import session, ui
from citizen_app.i18n import _, local_today, money, ngettext, number, percent
from citizen_app.labels import category_label
from citizen_app.report_charts import Bar, bar_chart, show
from storage import evaluator_data, programme_report, programmes, report_export, report_sql
from storage.db import write_session
from storage.programme_report import Intake
from storage.small_groups import MIN_GROUP

actor = session.current_actor()
st.title(_("Rapport"))
st.write(_("Tallene fra Socialstyrelsens evaluering, for hele programmet eller for et hold. Rapporten viser "
           "ingen navne. Tal om færre end {n} borgere bliver ikke vist, så ingen kan genkendes.", n=MIN_GROUP))
WITHHELD = _("For få til at vise")

whole = _("Hele programmet")
scope = st.radio(_("Hvem skal tallene handle om?"), [whole, _("Et hold: borgere, der startede i en periode")],
                 key="report_scope")
intake = None
if scope != whole:
    left, right = st.columns(2)
    bounds = {"min_value": date(2000, 1, 1), "max_value": date(local_today().year + 2, 12, 31), "format": "DD.MM.YYYY"}
    start_from = left.date_input(_("Startede fra"), value=date(local_today().year, 1, 1), key="report_from", **bounds)
    start_to = right.date_input(_("Startede til og med"), value=local_today(), key="report_to", **bounds)
    if start_from > start_to:
        st.error(_("Den første dato skal ligge før den sidste. Tallene viser hele programmet."))
    else:
        intake = Intake(start_from, start_to)

with write_session() as s:
    f = programme_report.programme_figures(s, actor=actor, intake=intake)
    programme = programmes.get_programme(s, actor=actor)
    categories = {c["key"]: category_label(c) for c in programmes.goal_categories(programme)}


def shown(value, fmt) -> str:
    return WITHHELD if value is None else fmt(value)


if f.citizens is None:
    st.write(_("Holdet har færre end {n} borgere, så der vises ingen tal om det.", n=MIN_GROUP))
else:
    st.write(ngettext("Tallene handler om {n} borger.", "Tallene handler om {n} borgere.", f.citizens))

# --- the two figures ---------------------------------------------------------------------------------
st.header(_("Er borgerne nået deres mål?"))
own, theirs = f.citizen_attainment, f.support_attainment
own_label = _("Borgerne selv: målet er nået eller tæt på")
their_label = _("Støttepersonerne: målet er nået i meget høj eller høj grad")
own_sentence = (_("For få borgere har selv svaret til at vise en andel.") if own.value is None else
                _("{share} af borgerne siger selv, at de har nået et mål eller er tæt på.", share=percent(own.value)))
their_sentence = (_("For få mål har et svar fra støttepersonen til at vise en andel.") if theirs.value is None else
                  _("{share} af målene er nået i meget høj eller høj grad, siger støttepersonerne.",
                    share=percent(theirs.value)))
sentence = " ".join((_("Søjlediagram med to søjler."), own_sentence, their_sentence))
show(bar_chart([Bar(own_label, own.value, shown(own.value, percent)),
                Bar(their_label, theirs.value, shown(theirs.value, percent))],
               description=sentence, label_title="", domain_max=1.0), sentence, {
    _("Hvad"): [own_label, their_label],
    _("Andel"): [shown(own.value, percent), shown(theirs.value, percent)],
    _("Ud af"): [ngettext("{count} borger", "{count} borgere", own.n, count=number(own.n)) if own.n else WITHHELD,
                 ngettext("{count} mål", "{count} mål", theirs.n, count=number(theirs.n)) if theirs.n else WITHHELD],
})
st.caption(_("Borgerens eget svar ved det seneste tidspunkt, hvor borgeren har svaret. Støttepersonens nyeste "
             "svar for hvert mål."))

# --- WHO-5 -------------------------------------------------------------------------------------------
st.header(_("Trivsel (WHO-5) fra start til slut"))
w = f.who5
if w.n is None:
    st.write(_("Færre end {n} borgere har svaret både ved start og slut, så der vises ingen tal.", n=MIN_GROUP))
else:
    start_label, end_label = _("Ved start"), _("Ved slut")
    sentence = _("Søjlediagram. {n} borgere har svaret ved start og slut. Deres trivsel var {start} i gennemsnit "
                 "ved start og {end} ved slut, en ændring på {change} point. {better} fik det mindst 10 point bedre.",
                 n=number(w.n), start=number(w.mean_start), end=number(w.mean_end), change=number(w.mean_change),
                 better=percent(w.improved_share))
    show(bar_chart([Bar(start_label, w.mean_start, number(w.mean_start)),
                    Bar(end_label, w.mean_end, number(w.mean_end))],
                   description=sentence, label_title="", domain_max=100), sentence, {
        _("Hvad"): [start_label, end_label, _("Ændring i gennemsnit"), _("Mindst 10 point bedre"),
                    _("Mindst 10 point værre")],
        _("Tal"): [number(w.mean_start), number(w.mean_end), number(w.mean_change),
                   _("{n} ({share})", n=number(w.improved), share=percent(w.improved_share)), number(w.worse)],
    })
    st.caption(_("WHO-5 går fra 0 til 100. En ændring på 10 point eller mere regnes for en tydelig ændring."))

# --- goal categories ---------------------------------------------------------------------------------
st.header(_("Hvad handler målene om?"))
if not f.categories:
    st.write(_("Der er ingen langsigtede mål endnu."))
else:
    names = [categories.get(c.key, c.key) if c.key else _("Uden emne") for c in f.categories]
    sentence = _("Søjlediagram med de langsigtede mål fordelt på emner. Flest handler om {top}.", top=names[0])
    show(bar_chart([Bar(name, c.goals, shown(c.goals, number)) for name, c in zip(names, f.categories)],
                   description=sentence, label_title=""), sentence, {
        _("Emne"): names,
        _("Langsigtede mål"): [shown(c.goals, number) for c in f.categories],
        _("Borgere"): [shown(c.citizens, number) for c in f.categories],
    })

# --- money -------------------------------------------------------------------------------------------
st.header(_("Budgettet pr. borger"))
measure_names = {"planned": _("Planlagt"), "approved": _("Godkendt"), "paid": _("Betalt")}
if f.budgets_ore is not None:
    st.write(_("Budgetterne er {total} i alt.", total=money(f.budgets_ore)))
st.table({
    _("Hvad"): [measure_names[m.measure] for m in f.money],
    _("I alt"): [shown(m.total_ore, money) for m in f.money],
    _("Gennemsnit pr. borger"): [shown(m.mean_ore, money) for m in f.money],
    _("Median pr. borger"): [shown(m.median_ore, money) for m in f.money],
})
band_names = [_("0 kr.")] + [_("{low} til {high}", low=money(max(report_sql.BAND_ORE * (b - 1), 100)),
                                high=money(report_sql.BAND_ORE * b - 100)) for b in range(1, report_sql.BANDS)] + \
    [_("{low} eller mere", low=money(report_sql.BAND_ORE * (report_sql.BANDS - 1)))]
approved = next(m for m in f.money if m.measure == "approved")
sentence = _("Søjlediagram over hvor mange borgere der har planlagt, fået godkendt og fået betalt beløb i hvert "
             "interval. Godkendt pr. borger er {mean} i gennemsnit og {median} i midten.",
             mean=shown(approved.mean_ore, money), median=shown(approved.median_ore, money))
show(bar_chart([Bar(band, m.bands[b], shown(m.bands[b], number), measure_names[m.measure])
                for b, band in enumerate(band_names) for m in f.money],
               description=sentence, label_title="", grouped=True), sentence, {
    _("Beløb pr. borger"): band_names,
    **{measure_names[m.measure]: [shown(n, number) for n in m.bands] for m in f.money},
})

# --- answers and periods -----------------------------------------------------------------------------
st.header(_("Svar på sendte planer"))
a = f.answers
st.table({
    _("Hvad"): [_("Besvarede planer"), _("Arbejdsdage til svar (median)"),
                _("Besvaret inden for {days} arbejdsdage", days=a.promise_working_days),
                _("Venter på svar"), _("Venter og er over tiden")],
    _("Tal"): [shown(a.answered, number), shown(a.median_working_days, number),
               WITHHELD if a.within_promise is None else _("{n} ({share})", n=number(a.within_promise),
                                                           share=percent(a.within_share)),
               shown(a.waiting, number), shown(a.waiting_overdue, number)],
})
st.header(_("Pauser og afslutninger"))
kind_names = {"active": _("I gang"), "paused": _("Holder pause"), "period_over": _("Afsluttet efter perioden"),
              "ended_early": _("Afsluttet før tid"), "programme_ended": _("Programmet blev afsluttet")}
st.table({_("Hvor er forløbet"): [kind_names[k] for k in f.endings],
          _("Borgere"): [shown(n, number) for n in f.endings.values()]})
st.caption(_("Grundene står med borgernes egne ord og bliver ikke vist her."))

# --- exports -----------------------------------------------------------------------------------------
st.header(_("Hent tallene"))
st.caption(_("Tallene som CSV med faste nøgler, til jeres eget regneark. Beløb er i øre. Hentningen bliver logget."))
if st.button(_("Lav CSV-fil med tallene"), key="report_csv_make"):
    with write_session() as s:
        st.session_state["report_csv"] = report_export.figures_csv(s, actor=actor, intake=intake).encode("utf-8")
if "report_csv" in st.session_state:
    st.download_button(_("Hent tallene som CSV"), st.session_state["report_csv"],
                       file_name=f"borgerbudget-rapport-{local_today().isoformat()}.csv", mime="text/csv")
st.caption(_("Til en evaluator: én linje pr. borger uden navne og uden tekst. Hver borger har et fast nummer, "
             "som kun serveren kan lave. Hentningen bliver logget på hver borger."))
if st.button(_("Lav datasæt til evaluering"), key="report_dataset_make"):
    made = ui.attempt(lambda s: evaluator_data.evaluation_csv(s, actor=actor))
    if made is not None:
        st.session_state["report_dataset"] = made.encode("utf-8")
if "report_dataset" in st.session_state:
    st.download_button(_("Hent datasættet som CSV"), st.session_state["report_dataset"],
                       file_name=f"borgerbudget-evaluering-{local_today().isoformat()}.csv", mime="text/csv")
