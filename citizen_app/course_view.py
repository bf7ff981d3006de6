"""Keep the course's current question on screen.

On a phone, and most of all on a phone turned sideways (844×390), the conversation is many screens long and
Streamlit opens the page at its top: the question the citizen is on was off screen, below the earlier turns,
and the chat box's bar at the bottom hid the rest. The browser now scrolls the guide's last message into view,
just above that bar, whenever it changes (a new question, the guide's reply to "hvad mener du?", the page
opened again) and when the phone is turned; a rerun that changes nothing does not move the page under the
citizen's finger.
"""
from __future__ import annotations

import streamlit as st

# The conversation shows its last steps; the earlier ones are drawn when "Tidligere i samtalen" is opened
# (issue 18: late in the course a turn redrew every step before it, about 10 elements each).
RECENT_STEPS = 6

# No less-than signs in the script: Streamlit's sanitiser would drop it (see citizen_app/theme.py).
SCRIPT = """
<script>
(() => {
  if (window.__bbQuestionInView) return;
  window.__bbQuestionInView = true;
  let shown = null, queued = false;
  const bring = () => {
    queued = false;
    const onCourse = document.querySelector('[class*="st-key-course_step_"]');
    const messages = document.querySelectorAll('[data-testid="stChatMessage"]');
    if (!onCourse || messages.length === 0) { if (!onCourse) shown = null; return; }
    const last = messages[messages.length - 1];
    const now = messages.length + ":" + last.textContent;
    if (now === shown) return;
    shown = now;
    const bar = document.querySelector('[data-testid="stBottom"]');
    last.style.scrollMarginBottom = ((bar ? bar.getBoundingClientRect().height : 0) + 16) + "px";
    last.scrollIntoView({block: "end"});
  };
  const queue = () => { if (!queued) { queued = true; setTimeout(bring, 50); } };
  new MutationObserver(queue).observe(document.body, {subtree: true, childList: true, characterData: true});
  // A phone turned sideways (or back) lays the page out again: bring the question back into view.
  addEventListener("resize", () => { shown = null; queue(); });
  bring();
})();
</script>
"""


def keep_question_in_view() -> None:
    """Call once on the course page (any place on it)."""
    st.html(SCRIPT, unsafe_allow_javascript=True)
