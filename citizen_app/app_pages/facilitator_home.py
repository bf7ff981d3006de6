"""'Værksted': the facilitator runs the course for a group (Kapitalværksted).

The facilitator sets the pace; each participant answers privately on their own phone. This page
shows the code to say aloud, which part the group talks about, and how many are where — never
who wrote what.
"""
from __future__ import annotations

import streamlit as st

from citizen_app import session, ui, workshop_box
from citizen_app.i18n import _, ngettext, number
from dialogs import limits
from storage import workshops
from storage.db import read_session, write_session

actor = session.current_actor()
TITLES = workshop_box.module_titles()
CHOSEN_KEY = "workshop_chosen"

st.title(_("Værksted"))
st.write(_("Du styrer tempoet. Hver deltager svarer privat på sin egen telefon. "
           "Du ser kun, hvor mange der er nået hvor langt – aldrig deres svar."))

with read_session() as s:  # a read: no write lock (the room below is audited, so it writes)
    open_workshops = workshops.list_open(s, actor=actor)


def _start(s) -> None:
    new = workshops.create(s, actor=actor, title=st.session_state.get("workshop_title", ""))
    st.session_state[CHOSEN_KEY] = new.id


def _new_workshop_form(expanded: bool) -> None:
    with st.expander(_("Start et nyt værksted"), expanded=expanded, icon=":material/add:"):
        with st.form("new_workshop"):
            st.text_input(_("Navn på værkstedet"), key="workshop_title", max_chars=limits.TITLE,
                          placeholder=_("F.eks. Torsdagsværkstedet i caféen"))
            st.form_submit_button(_("Start værkstedet"), type="primary", on_click=ui.on_click(
                _start, _("Værkstedet er startet. Sig koden til deltagerne."),
                after=lambda: ui.clear_keys("workshop_title"), errors="new_workshop"))
        ui.show_errors("new_workshop")


def _run(open_workshops: list[workshops.WorkshopView]) -> None:
    """The chosen open workshop: its code, the part the group is at, and where the participants are."""
    by_id = {w.id: w for w in open_workshops}
    chosen = st.session_state.get(CHOSEN_KEY)
    if len(open_workshops) > 1:
        chosen = st.selectbox(_("Vælg værksted"), list(by_id), format_func=lambda wid: by_id[wid].title,
                              index=list(by_id).index(chosen) if chosen in by_id else 0, placeholder=_("Vælg"))
    chosen = chosen if chosen in by_id else open_workshops[0].id
    st.session_state[CHOSEN_KEY] = chosen

    with write_session() as s:
        room = workshops.room(s, actor=actor, workshop_id=chosen)
    shop = room.workshop

    with st.container(border=True):
        ui.plain(shop.title)
        st.subheader(_("Koden er {code}", code=" ".join(shop.join_code)))
        st.caption(_("Deltagerne skriver koden på deres forside under 'Er du på et værksted?'."))

    st.header(_("Det taler I om nu"))
    module_ids = list(TITLES)
    current = shop.current_module_id if shop.current_module_id in TITLES else module_ids[0]
    position = module_ids.index(current)
    st.write(_("Del {n} af {count}: {title}", n=position + 1, count=len(module_ids), title=TITLES[current]))
    if position + 1 < len(module_ids):
        st.button(_("Gå videre til: {title}", title=TITLES[module_ids[position + 1]]), type="primary",
                  icon=":material/arrow_forward:", key="workshop_next",
                  on_click=ui.on_click(lambda s: workshops.next_module(s, actor=actor, workshop_id=chosen)))
    else:
        st.write(_("Det er den sidste del af samtalen."))
    with st.form("workshop_pick_part"):
        st.selectbox(_("Eller vælg en anden del"), module_ids, index=position, key=f"workshop_part_{position}",
                     format_func=lambda mid: TITLES[mid], placeholder=_("Vælg"))
        st.form_submit_button(_("Vis den for deltagerne"), on_click=ui.on_click(
            lambda s: workshops.set_module(s, actor=actor, workshop_id=chosen,
                                           module_id=st.session_state[f"workshop_part_{position}"])))

    st.header(_("Hvor er deltagerne?"))
    st.write(ngettext("{n} deltager er med.", "{n} deltagere er med.", room.participants))
    if room.participants:
        rows = [(TITLES[mid], room.at_module.get(mid, 0)) for mid in module_ids]
        rows.append((_("Færdige med hele samtalen"), room.at_module.get(workshops.FINISHED, 0)))
        st.table({_("Del af samtalen"): [title for title, _n in rows], _("Deltagere"): [number(n) for _t, n in rows]})
    st.button(_("Opdater tallene"), icon=":material/refresh:", key="workshop_refresh")

    st.divider()
    with st.expander(_("Afslut værkstedet"), icon=":material/stop_circle:"):
        st.write(_("Når værkstedet er slut, kan ingen komme med med koden. Deltagernes svar bliver hos dem."))
        st.button(_("Ja, afslut værkstedet"), key="workshop_end", on_click=ui.on_click(
            lambda s: workshops.end(s, actor=actor, workshop_id=chosen), _("Værkstedet er afsluttet."),
            after=lambda: ui.clear_keys(CHOSEN_KEY)))
    _new_workshop_form(expanded=False)


if open_workshops:
    _run(open_workshops)
else:  # (no st.stop(): the footer with the accessibility statement must still be drawn)
    st.write(_("Du har ikke et værksted i gang."))
    _new_workshop_form(expanded=True)
