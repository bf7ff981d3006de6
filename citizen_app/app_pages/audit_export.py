"""The coordinator's export of the audit log (Datatilsynet expects it to be available)."""
from __future__ import annotations

import streamlit as st

from citizen_app import session
from citizen_app.i18n import _, local_today
from storage import audit
from storage.config import load_config

actor = session.current_actor()
st.title(_("Log over opslag"))
st.write(_("Loggen viser, hvem der har set, søgt i, ændret og eksporteret borgernes data. "
           "Hændelser slettes efter {days} dage.", days=load_config().audit_retention_days))


def _export() -> bytes:
    """Read and made as a read (no write lock on SQLite while the rows are read), then the export is recorded
    in a short write; the file is handed out only when that is stored."""
    from storage.db import transaction
    export = transaction(lambda s: audit.prepare_export(s, actor=actor), read=True)
    transaction(lambda s: audit.record_export(s, actor=actor, export=export))
    return export.text.encode("utf-8")


if st.button(_("Lav eksport"), type="primary"):
    st.session_state["audit_csv"] = _export()
if "audit_csv" in st.session_state:
    st.download_button(_("Hent loggen som CSV"), st.session_state["audit_csv"],
                       file_name=f"borgerbudget-log-{local_today().isoformat()}.csv", mime="text/csv")
