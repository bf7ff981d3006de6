"""'Data og sletning': the coordinator ends the programme, and erases the personal data of citizens whose period
ended longer ago than the retention period (a dry run first; the numbers for the report stay)."""
from __future__ import annotations

import streamlit as st

from citizen_app import session, ui
from citizen_app.i18n import _, long_date, ngettext
from dialogs import limits
from storage import programmes, retention
from storage.config import load_config
from storage.db import write_session

actor = session.current_actor()
days = load_config().personal_data_retention_days
KIND_WORDS = {"answers": _("svar"), "conversation": _("linjer i samtalen"), "goals": _("mål"),
              "wishes": _("ønsker"), "journal_notes": _("notater"), "messages": _("beskeder"),
              "payments": _("betalinger"), "check_in_notes": _("noter til opfølgning"),
              "help_shown": _("gange hjælp blev vist")}

st.title(_("Data og sletning"))
st.write(_("Persondata bliver slettet {days} dage efter, at en borgers forløb er slut. Tallene til rapporten "
           "bliver: beløb, datoer, status, emner og svar på skalaer. Loggen over opslag har sin egen slettefrist.",
           days=days))

with write_session() as s:
    programme = programmes.get_programme(s, actor=actor)
    due = retention.due(s, actor=actor)

st.subheader(_("Klar til sletning"))
if not due:
    st.write(_("Ingen borgere er klar til sletning lige nu."))
else:
    st.write(ngettext("{n} borgers data kan slettes nu:", "{n} borgeres data kan slettes nu:", len(due)))
    st.dataframe([{_("Borgernummer"): d.internal_ref, _("Forløbet sluttede"): long_date(d.ended_at.date()),
                   **{KIND_WORDS[k]: n for k, n in d.counts.items()}} for d in due], hide_index=True)
    confirm = st.checkbox(_("Ja, slet disse borgeres persondata. Det kan ikke fortrydes."), key="erase_confirm")
    st.button(_("Slet nu"), key="erase_now", type="primary", disabled=not confirm, on_click=ui.on_click(
        lambda s: retention.erase(s, actor=actor), _("Persondata er slettet. Tallene til rapporten er gemt."),
        after=lambda: ui.clear_keys("erase_confirm"), errors="erase_now"))
    ui.show_errors("erase_now")

st.subheader(_("Afslut programmet"))
if programme.ended_at is not None:
    st.write(_("Programmet sluttede {date}.", date=long_date(programme.ended_at.date())))
else:
    st.caption(_("Alle borgeres forløb slutter nu, og der kan ikke komme nye borgere ind. Borgerne ser grunden."))
    st.text_area(_("Grund til borgerne"), key="programme_end_reason", max_chars=limits.NOTE)
    sure = st.checkbox(_("Ja, afslut programmet for alle borgere."), key="programme_end_confirm")
    st.button(_("Afslut programmet"), key="programme_end", disabled=not sure, on_click=ui.on_click(
        lambda s: retention.end_programme(s, actor=actor, reason=st.session_state.get("programme_end_reason", "")),
        _("Programmet er afsluttet."), after=lambda: ui.clear_keys("programme_end_reason", "programme_end_confirm"),
        errors="programme_end"))
    ui.show_errors("programme_end")
