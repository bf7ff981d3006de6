"""The programme's course for this citizen: pause (nothing lost), start again, or end, with a reason the
citizen reads."""
from __future__ import annotations

import streamlit as st

from citizen_app import staff_words as words
from citizen_app import my_data_file, ui
from citizen_app.i18n import _
from citizen_app.labels import status_label
from dialogs import limits
from storage import citizens
from storage.errors import N_
from storage.statuses import CitizenStatus

STATUS_ACTIONS = {
    "pause": N_("Sæt planen på pause"),
    "resume": N_("Start planen igen"),
    "end": N_("Afslut forløbet"),
}
TARGET = {"pause": CitizenStatus.PAUSED, "resume": CitizenStatus.ACTIVE, "end": CitizenStatus.ENDED}
STATUS_SUGGESTIONS = {
    "pause": (N_("Vi holder pause med planen, så du kan få ro på. Intet er væk. Vi taler sammen om, "
                 "hvornår vi går videre."),
              N_("Planen holder pause, mens du er indlagt. Dit budget venter på dig.")),
    "resume": (N_("Godt, du er tilbage. Nu går vi videre med din plan."),),
    "end": (N_("Du er flyttet til en anden kommune, så din plan slutter her. Tak, fordi du var med."),
            N_("Din tid med budgettet er slut, så planen slutter her. Tak, fordi du var med. "
               "Du må altid ringe til mig.")),
}


def show(actor, cid: int, profile) -> None:
    st.write(_("Status nu: {status}.", status=status_label(profile.status)))
    _data_for_the_citizen(actor, cid)
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
    reason = st.text_area(_("Grund til borgeren"), key=reason_key, max_chars=limits.NOTE)
    st.caption(_("Borgeren ser det, du skriver. Skriv venligt og med ord, vi bruger hver dag."))
    words.lix_caption(reason)
    words.suggestions(reason_key, STATUS_SUGGESTIONS[action])
    confirmed = action != "end" or st.checkbox(_("Ja, jeg vil afslutte forløbet."), key=confirm_key)
    target = TARGET[action]
    st.button(_("Gem"), key="status_save", type="primary", disabled=not confirmed, on_click=ui.on_click(
        lambda s: citizens.set_status(s, actor=actor, citizen_id=cid, status=target,
                                      reason=st.session_state.get(reason_key)),
        _("Status er gemt: {status}.", status=status_label(target.value)),
        after=lambda: ui.clear_keys(reason_key, action_key, confirm_key)))


def _data_for_the_citizen(actor, cid: int) -> None:
    """The right of access on the citizen's behalf (answers the citizen has not shared are left out)."""
    with st.expander(_("Borgerens data i en fil")):
        st.caption(_("Til borgeren, der vil se alt, hvad appen ved om dem. Svar, borgeren ikke har delt med dig, "
                     "er ikke med. Hentningen bliver logget."))
        my_data_file.download(actor, cid, f"citizen_{cid}", _("Lav filen"))
