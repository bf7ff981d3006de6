"""'Rapport': the coordinator's cohort report — numbers for the whole programme, no names."""
from __future__ import annotations

import streamlit as st

from citizen_app import session
from citizen_app.i18n import _, local_today, money, ngettext, number
from citizen_app.labels import category_label, label, status_label
from dialogs.followup import CHECK_IN_PHASES
from storage import programmes, reports
from storage.db import write_session
from storage.reports import Average

actor = session.current_actor()
with write_session() as s:
    report = reports.cohort_report(s, actor=actor)
    categories = {c["key"]: category_label(c) for c in programmes.goal_categories(programmes.get_programme(s, actor=actor))}

st.title(_("Rapport"))
st.write(_("Tal for hele programmet, som i Socialstyrelsens evaluering. Rapporten viser ingen navne. "
           "Et gennemsnit af færre end {n} svar bliver ikke vist, så ingen kan genkendes.", n=reports.MIN_GROUP))


def _average(average: Average) -> str:
    if average.value is None:
        return ngettext("{n} svar – for få til et gennemsnit", "{n} svar – for få til et gennemsnit", average.n)
    return ngettext("{value} ({n} svar)", "{value} ({n} svar)", average.n, value=number(average.value))


st.header(_("Borgere"))
st.write(ngettext("{n} borger i programmet.", "{n} borgere i programmet.", report.citizens))
st.table({
    _("Status"): [status_label(code) for code in report.by_status],
    _("Antal"): [number(n) for n in report.by_status.values()],
})
st.subheader(_("Samtalen"))
st.table({
    _("Hvor langt"): [_("Ikke startet"), _("I gang"), _("Færdig")],
    _("Antal"): [number(report.course_not_started), number(report.course_in_progress),
                 number(report.course_finished)],
})

st.header(_("Mål"))
st.write(ngettext("{n} borger har skrevet mindst ét langsigtet mål.",
                  "{n} borgere har skrevet mindst ét langsigtet mål.", report.citizens_with_goals))
if report.goals_by_category:
    st.table({
        _("Emne"): [categories.get(key, key) if key else _("Uden emne") for key, _count in report.goals_by_category],
        _("Langsigtede mål"): [number(count) for _key, count in report.goals_by_category],
    })

st.header(_("Budget"))
st.table({
    _("Hvad"): [_("Budgetter i alt"), _("Godkendt"), _("Sendt til økonomi, ikke betalt endnu"), _("Betalt")],
    _("Beløb"): [money(report.budget_total_ore), money(report.approved_ore), money(report.waiting_payment_ore),
                 money(report.paid_ore)],
})
st.write(_("{share} % af budgetterne er godkendt til ønsker.", share=number(round(100 * report.used_share, 1))))

st.header(_("Hvor tæt er borgerne på deres mål?"))
st.caption(_("Fra 1 (langt fra målet) til 5 (målet er nået). Det nyeste svar for hver borger i hver fase."))
st.table({
    _("Hvornår"): [label(dict(CHECK_IN_PHASES), phase) for phase in report.citizen_goal_rating],
    _("Borgerens svar"): [_average(a) for a in report.citizen_goal_rating.values()],
    _("Støttepersonens svar"): [_average(a) for a in report.support_goal_rating.values()],
})

st.header(_("Trivsel (WHO-5)"))
st.caption(_("WHO-5 fra 0 til 100. Under 50 kan tyde på dårlig trivsel. En ændring på 10 point eller mere "
             "regnes for en tydelig ændring."))
st.table({
    _("Hvad"): [_("Ved start"), _("Ved afslutning"), _("Ændring for borgere med begge svar")],
    _("Gennemsnit"): [_average(report.who5_start), _average(report.who5_end), _average(report.who5_change)],
})
if report.who5_improved is None or report.who5_worse is None:
    st.write(_("Færre end {n} borgere har svaret både ved start og afslutning, så ændringen vises ikke.",
               n=reports.MIN_GROUP))
else:
    st.write(_("{better} fik det tydeligt bedre, og {worse} fik det tydeligt værre.",
               better=number(report.who5_improved), worse=number(report.who5_worse)))

st.header(_("Hent tallene"))
st.caption(_("Som CSV med faste nøgler, til jeres eget regneark. Beløb er i øre. Hentningen bliver logget."))
if st.button(_("Lav CSV-fil"), key="report_csv_make"):
    with write_session() as s:
        st.session_state["report_csv"] = reports.export_csv(s, actor=actor).encode("utf-8")
if "report_csv" in st.session_state:
    st.download_button(_("Hent rapporten som CSV"), st.session_state["report_csv"],
                       file_name=f"borgerbudget-rapport-{local_today().isoformat()}.csv", mime="text/csv")
