"""Accessibility fixes on top of Streamlit's own styles, injected once per run.

Colours live in .streamlit/config.toml [theme]; this is only what the theme cannot express. Each rule
says which WCAG 2.1 criterion it serves. The browser tests (tests/e2e) check the result.
"""
from __future__ import annotations

import json

import streamlit as st

from citizen_app.i18n import current_language

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
[data-testid="stChatInput"]:focus-within,
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

/* Script-only st.html elements (the page language, the labels below) show nothing; without this each
   still takes a row of spacing at the top of every page. */
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script:only-child) {{
  display: none;
}}

/* A phone has 844 px: do not start the page a quarter down the screen. */
@media (max-width: 640px) {{
  [data-testid="stMainBlockContainer"] {{
    padding-top: 4rem;
  }}
}}
</style>
"""


# 3.1.2 Language of Parts: Streamlit names some of its own controls in English, inside a Danish page
# ("Skip to main content", the phone's menu button, the navigation). Screen readers then read them with
# Danish pronunciation. Give them Danish names in a Danish session (and back again in English).
# Only Streamlit's fixed strings are touched. No less-than signs in the script (see CSS above).
CHROME_DA = {
    "Skip to main content": "Gå til indholdet",
    "Expand sidebar": "Åbn menuen",
    "Collapse sidebar": "Luk menuen",
    "App pages": "Sider",
    "Sidebar": "Menu",
}

CHROME_SCRIPT = """
<script>
(() => {
  window.__bbChromeLang = "%(lang)s";
  if (window.__bbChrome) { window.__bbChrome(); return; }
  const pairs = Object.entries(%(names)s);
  const swap = text => {
    const da = window.__bbChromeLang === "da";
    const hit = pairs.find(([en, dk]) => text === (da ? en : dk));
    return hit ? (da ? hit[1] : hit[0]) : null;
  };
  let queued = false;
  const apply = () => {
    queued = false;
    document.querySelectorAll("[aria-label]").forEach(el => {
      const to = swap(el.getAttribute("aria-label"));
      if (to) el.setAttribute("aria-label", to);
    });
    const skip = document.querySelector('[data-testid="stSkipToContent"]');
    const to = skip && swap(skip.textContent);
    if (to) skip.textContent = to;
  };
  window.__bbChrome = apply;
  new MutationObserver(() => {
    if (!queued) { queued = true; requestAnimationFrame(apply); }
  }).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label"]});
  apply();
})();
</script>
"""


def apply_theme() -> None:
    """Call once per run, early in main() (after st.set_page_config)."""
    st.html(CSS)
    st.html(CHROME_SCRIPT % {"lang": current_language(), "names": json.dumps(CHROME_DA, ensure_ascii=False)},
            unsafe_allow_javascript=True)
