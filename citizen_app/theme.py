"""Accessibility fixes on top of Streamlit's own styles, injected once per run.

Colours live in .streamlit/config.toml [theme]; this is only what the theme cannot express. Each rule
says which WCAG 2.1 criterion it serves. The browser tests (tests/e2e) check the result.
"""
from __future__ import annotations

import json
from functools import lru_cache

import streamlit as st

from citizen_app.i18n import LANGUAGES, current_language, translations
from storage.errors import N_

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

/* 1.3.2 Meaningful Sequence: a person's own words (st.text, our sentences with their words in them, chat bubbles,
   text fields) take their direction from their first letter, as dir="auto" does: Arabic typed in a Danish page
   reads right to left, Danish in an Arabic page left to right, each aligned to where it starts. Inserted values
   are bidi-isolated (citizen_app/i18n.py), so a sentence's direction is its own words', never the value's. */
[data-testid="stText"] > span, [data-testid="stChatMessageContent"] p, input, textarea, [data-testid="stHtml"] h1 {{
  unicode-bidi: plaintext;
  text-align: start;
}}
[data-testid="stText"] > span {{  /* st.text is a flex box: its text fills the line, so it can align to its start */
  flex-grow: 1;
}}

/* 1.3.2 Meaningful Sequence: Streamlit aligns markdown "left" in its own inline style, so Arabic paragraphs sat
   on the wrong side. "start" is left in Danish and English and right in a right-to-left page. */
[data-testid="stMarkdown"], [data-testid="stMarkdown"] > div {{
  text-align: start !important;
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
# ("Skip to main content", the phone's menu button, the navigation, "Press Enter to submit form" under a
# text field). Screen readers then read them with English words in Danish, and a citizen meets English.
# The script below gives them the session's language. Our words for them are ordinary msgids (Danish
# source, translated in the catalogs like all other text); only Streamlit's fixed strings are touched.
# No less-than signs in the script (see CSS above).
CHROME_LABELS = {  # aria-label attributes (what a screen reader says), and the skip link's text
    "Skip to main content": N_("Gå til indholdet"),
    "Expand sidebar": N_("Åbn menuen"),
    "Collapse sidebar": N_("Luk menuen"),
    "App pages": N_("Sider"),
    "Sidebar": N_("Menu"),
    "Main menu": N_("Hovedmenu"),
    "Help": N_("Hjælp"),
    "Close": N_("Luk"),
    "Open": N_("Åbn"),
    "Clear value": N_("Ryd feltet"),
    "Clear all": N_("Fjern alle"),
    "Selected values": N_("Valgt"),
    "Show password": N_("Vis koden"),
    "Hide password": N_("Skjul koden"),
    "Increment": N_("Et mere"),
    "Decrement": N_("Et mindre"),
    "Choose date": N_("Vælg en dato"),
    "Previous month": N_("Forrige måned"),
    "Next month": N_("Næste måned"),
    "Clear date": N_("Ryd datoen"),
    "Scroll tabs left": N_("Flere faneblade til venstre"),
    "Scroll tabs right": N_("Flere faneblade til højre"),
    "progress": N_("Hvor langt du er"),
    "Chat message from assistant": N_("Guiden siger"),
    "Chat message from user": N_("Du svarer"),
    "Send message": N_("Send dit svar"),
    "Running...": N_("Arbejder"),
    "Stop script": N_("Stop"),
    "Notifications": N_("Beskeder"),
}
# Labels that start with Streamlit's words and end with ours, e.g. "Help for Værkstedets kode".
CHROME_PREFIXES = {
    "Help for {label}": N_("Hjælp til {label}"),
    "day, {label}": N_("dag, {label}"),
    "month, {label}": N_("måned, {label}"),
    "year, {label}": N_("år, {label}"),
}
CHROME_TEXTS = {  # the hint under a text field while one types, and an empty search in a list
    "Press Enter to submit form": N_("Tryk Enter for at sende"),
    "Press Enter to apply": N_("Tryk Enter for at gemme"),
    "Press Ctrl+Enter to submit form": N_("Tryk Ctrl+Enter for at sende"),
    "Press Ctrl+Enter to apply": N_("Tryk Ctrl+Enter for at gemme"),
    "Press ⌘+Enter to submit form": N_("Tryk ⌘+Enter for at sende"),
    "Press ⌘+Enter to apply": N_("Tryk ⌘+Enter for at gemme"),
    "No results": N_("Ingen svar passer"),
    "No options to select": N_("Der er ingen at vælge"),
    "Select all": N_("Vælg alle"),
    # The box after a reload of a page this person cannot open (any more): Streamlit's title and message.
    "Page not found": N_("Siden findes ikke"),
    "The page that you have requested does not seem to exist. Running the app's main page.":
        N_("Siden findes ikke her. Du ser forsiden i stedet."),
    "Connection error": N_("Ingen forbindelse"),
    "Connection lost. Please wait for the app to reconnect, then try again.":
        N_("Forbindelsen blev afbrudt. Vent lidt, og prøv så igen."),
}
CHROME_PATTERNS = {  # the same, for texts with a varying part (a regular expression; $1 is its first group)
    r"^You have requested page /.*, but no corresponding file was found in the app's pages/ directory\. "
    r"Running the app's main page\.$": N_("Siden findes ikke her. Du ser forsiden i stedet."),
    r"^Select (\d+) matches$": N_("Vælg alle {n}, der passer"),
}


def chrome_patterns(language: str) -> list[list[str]]:
    """[[a regular expression for Streamlit's English, our words in ``language`` with '$1' for its number]]."""
    return [[pattern, translations(language).gettext(msgid).replace("{n}", "$1")]
            for pattern, msgid in CHROME_PATTERNS.items()]


def language_names() -> dict[str, str]:
    """Each language switch button's text -> its language code, so the button's name is read in its language."""
    return {name: code for code, name in LANGUAGES.items()}


def chrome_table(table: dict[str, str], language: str, *, prefixes: bool = False) -> list[list]:
    """[[names the thing may have now, the name it should have in ``language``], ...]: Streamlit's
    English, or our word in any language (the page may have been drawn before a language switch).
    With ``prefixes``, the names are the parts before "{label}"."""
    rows = []
    for english, msgid in table.items():
        names = {english, msgid} | {translations(lang).gettext(msgid) for lang in LANGUAGES}
        target = translations(language).gettext(msgid)
        if prefixes:
            names = {name.replace("{label}", "") for name in names}
            target = target.replace("{label}", "")
        rows.append([sorted(names - {target}), target])
    return rows


CHROME_SCRIPT = """
<script>
(() => {
  window.__bbChromeTables = {labels: %(labels)s, prefixes: %(prefixes)s, texts: %(texts)s,
                             patterns: %(patterns)s, languages: %(languages)s};
  if (window.__bbChrome) { window.__bbChrome(); return; }
  const swapIn = (table, text) => {
    const hit = window.__bbChromeTables[table].find(([names]) => names.includes(text));
    return hit ? hit[1] : null;
  };
  const swapLabel = text => {
    const whole = swapIn("labels", text);
    if (whole) return whole;
    for (const [names, to] of window.__bbChromeTables.prefixes) {
      const from = names.find(name => text.startsWith(name));
      if (from && !text.startsWith(to)) return to + text.slice(from.length);
    }
    return null;
  };
  const swapPattern = text => {
    for (const [pattern, to] of window.__bbChromeTables.patterns) {
      const match = new RegExp(pattern).exec(text);
      if (match) return to.replace("$1", match[1] || "");
    }
    return null;
  };
  // Change the text nodes themselves (not textContent): React keeps a handle on each node and may set it again.
  const swapText = el => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue.trim();
      const to = text && (swapIn("texts", text) || swapPattern(text));
      if (to) node.nodeValue = to;
    }
  };
  let queued = false;
  const apply = () => {
    queued = false;
    document.querySelectorAll("[aria-label]").forEach(el => {
      const to = swapLabel(el.getAttribute("aria-label"));
      if (to) el.setAttribute("aria-label", to);
    });
    const skip = document.querySelector('[data-testid="stSkipToContent"]');
    const to = skip && swapIn("labels", skip.textContent);
    if (to) skip.textContent = to;
    document.querySelectorAll('[data-testid="InputInstructions"] span, [role="listbox"] li, [role="option"], '
                              + '[role="dialog"]').forEach(swapText);
    // 3.1.2 Language of Parts: "English" or "العربية" on a language button is read in that language.
    document.querySelectorAll('button p').forEach(p => {
      const code = window.__bbChromeTables.languages[p.textContent.trim()];
      if (code && p.lang !== code) p.lang = code;
    });
  };
  window.__bbChrome = apply;
  new MutationObserver(() => {
    if (!queued) { queued = true; requestAnimationFrame(apply); }
  }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                             attributeFilter: ["aria-label"]});
  apply();
})();
</script>
"""


@lru_cache(maxsize=None)
def chrome_script(language: str) -> str:
    """The renaming script for one language, built once (it is sent on every run)."""
    tables = {"labels": chrome_table(CHROME_LABELS, language),
              "prefixes": chrome_table(CHROME_PREFIXES, language, prefixes=True),
              "texts": chrome_table(CHROME_TEXTS, language), "patterns": chrome_patterns(language),
              "languages": language_names()}
    return CHROME_SCRIPT % {name: json.dumps(rows, ensure_ascii=False) for name, rows in tables.items()}


def apply_theme() -> None:
    """Call once per run, early in main() (after st.set_page_config)."""
    st.html(CSS)
    st.html(chrome_script(current_language()), unsafe_allow_javascript=True)
