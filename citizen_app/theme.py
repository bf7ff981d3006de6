"""Accessibility fixes on top of Streamlit's own styles, injected once per run.

Colours live in .streamlit/config.toml [theme]; this is only what the theme cannot express. Each rule
says which WCAG 2.1 criterion it serves. The browser tests (tests/e2e) check the result.
"""
from __future__ import annotations

import streamlit as st

FOCUS_COLOUR = "#0B4F8A"  # the link colour: 8.4:1 on white, 7.4:1 on the grey sidebar (#F3F1EE)
# Captions below: #595959 is 7.0:1 on white, 6.2:1 on #F3F1EE.

# No angle brackets inside the CSS (not even in comments): Streamlit's HTML sanitiser (DOMPurify)
# drops a style element whose text looks like markup.
CSS = f"""
<style>
/* 2.4.7 Focus Visible, 1.4.11 Non-text Contrast: Streamlit's focus ring is the primary colour at 50 %
   opacity (about 2.7:1 on white) and some focusable elements get none at all (the skip link's
   target, main#stMain with tabindex 0). One solid ring for everything reached with the keyboard. */
:focus-visible,
[data-focus-visible] {{
  outline: 3px solid {FOCUS_COLOUR} !important;
  outline-offset: 2px !important;
}}
button:focus-visible, a:focus-visible, [role="tab"]:focus-visible, [data-focus-visible] {{
  box-shadow: none !important;
}}
main#stMain:focus-visible {{
  outline-offset: -3px !important;
}}
/* Text fields, number fields and select boxes draw their border on a wrapper around the real
   input element: put the ring on the wrapper, where it is not clipped. */
input:focus-visible, textarea:focus-visible {{
  outline: none !important;
}}
[data-testid="stTextInputRootElement"]:focus-within,
[data-testid="stTextAreaRootElement"]:focus-within,
[data-testid="stNumberInputContainer"]:focus-within,
[data-testid="stDateInput"] [data-baseweb="input"]:focus-within,
[data-baseweb="select"] > div:focus-within {{
  outline: 3px solid {FOCUS_COLOUR} !important;
  outline-offset: 2px !important;
}}

/* 2.4.3 Focus Order, 2.4.7 Focus Visible: on a phone the closed navigation drawer is only moved off
   screen, so Tab walked through its links invisibly (and screen readers read them). Hide it while closed. */
section[data-testid="stSidebar"][data-collapsed="true"] {{
  visibility: hidden;
}}

/* 2.4.4 / 3.1.2: the hover-only "Link to heading" anchors are an extra, meaningless tab stop with an
   English name in a Danish page. */
[data-testid="stHeaderActionElements"] {{
  display: none !important;
}}

/* 1.4.3 Contrast: captions are Streamlit's body colour at 60 % opacity, 4.5:1 on white and 4.3:1 on
   the grey secondary background, at or below the limit. Citizens read their help texts there. */
[data-testid="stCaptionContainer"] {{
  opacity: 1 !important;
  color: #595959 !important;
}}

/* A phone has 844 px: do not start the page a quarter down the screen. */
@media (max-width: 640px) {{
  [data-testid="stMainBlockContainer"] {{
    padding-top: 4rem;
  }}
}}
</style>
"""


def apply_theme() -> None:
    """Call once per run, early in main() (after st.set_page_config)."""
    st.html(CSS)
