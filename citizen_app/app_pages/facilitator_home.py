"""The workshop facilitator's start page."""
from __future__ import annotations

import streamlit as st

from citizen_app.i18n import _

st.title(_("Værksted"))
st.write(_("Som værkstedsleder ser du ikke borgernes svar. Hver deltager svarer privat på sin egen telefon."))
