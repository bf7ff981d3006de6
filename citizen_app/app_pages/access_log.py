"""'Hvem har set min plan': which roles looked at or changed the citizen's data, and when."""
from __future__ import annotations

import streamlit as st

from citizen_app import help_panel, my_data_file, session, ui
from citizen_app.i18n import _, date_time
from citizen_app.labels import action_label, role_label
from storage import audit
from storage.db import write_session
from storage.errors import N_

actor = session.current_actor()
with write_session() as s:
    rows = audit.staff_views_of(s, actor=actor, citizen_id=actor.id)

st.title(_("Hvem har set min plan"))
st.write(_("Her kan du se, hvornår en medarbejder har set eller ændret noget i din plan."))
help_panel.privacy_lines()  # what the support person sees when the app shows help
if not rows:
    st.write(_("Ingen medarbejdere har set din plan endnu."))
for at, role, what in rows:  # plain text: a Danish date ("2. dec.") at the start of a line is a list marker in markdown
    ui.say(N_("{when}: {role} – {action}"), when=date_time(at), role=role_label(role), action=action_label(what))

st.subheader(_("Alt, hvad appen ved om dig"))
st.write(_("Du kan hente det hele i én fil. Der er en tekst, du kan læse, og de samme data til en computer."))
my_data_file.download(actor, actor.id, "own", _("Lav filen med mine data"))
