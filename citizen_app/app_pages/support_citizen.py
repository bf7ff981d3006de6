"""'Borger': one of the support person's citizens — plan and budget, follow-up, notes, payments, status.

The citizen is chosen on 'Mine borgere' and kept in the session, never in the URL. Only the part the
support person opens is read (and audited); each part is a module in citizen_app/support_sections/.
"""
from __future__ import annotations

import streamlit as st

from citizen_app import session, ui
from citizen_app import staff_nav as nav
from citizen_app.i18n import _, date_time, long_date
from citizen_app.labels import status_label
from citizen_app.support_sections import follow_up, life_status, messages, notes, payments, plan, status
from storage import citizens
from storage.errors import N_

SECTIONS = {
    "plan": (N_("Plan og budget"), plan.show),
    messages.SECTION: (N_("Beskeder og svar"), messages.show),
    follow_up.SECTION: (N_("Opfølgning"), follow_up.show),
    "life_status": (N_("Status før og efter"), life_status.show),
    "notes": (N_("Notater"), notes.show),
    "payments": (N_("Betaling"), payments.show),
    "status": (N_("Forløb"), status.show),
}

actor = session.current_actor()


def _header(cid: int, profile) -> None:
    ui.plain(profile.display_name)
    st.caption(_("Nummer {ref}. Status: {status}. Budgettet gælder til {date}.", ref=profile.internal_ref,
                 status=status_label(profile.status), date=long_date(profile.end_date)))
    if profile.needs_help_since:
        st.error(_("Appen viste borgeren hjælp {when}.", when=date_time(profile.needs_help_since)),
                 icon=":material/emergency:")
        st.button(_("Jeg har set det"), key="seen_flag", icon=":material/done:", on_click=ui.on_click(
            lambda s: citizens.clear_needs_help(s, actor=actor, citizen_id=cid),
            _("Markeret som set. Husk at tale med borgeren.")))
    if not profile.plan_is_open and profile.status_reason:
        st.caption(_("Grunden, som borgeren kan se:"))
        ui.plain(profile.status_reason)


def main() -> None:
    st.title(_("Borger"))
    cid = nav.selected_citizen_or_hint()
    if cid is None:
        return
    profile = nav.load_or_refuse(lambda s: citizens.get_profile(s, actor=actor, citizen_id=cid))
    if profile is None:
        return
    _header(cid, profile)
    section = st.segmented_control(_("Vælg, hvad du vil se"), list(SECTIONS), required=True,
                                   default=st.session_state.pop(nav.OPEN_SECTION_KEY, "plan"),
                                   format_func=lambda key: _(SECTIONS[key][0]), key="citizen_section")
    SECTIONS[section or "plan"][1](actor, cid, profile)


main()
