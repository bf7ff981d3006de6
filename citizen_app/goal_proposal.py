"""The goal step's proposal: the guide drafts the goal in the citizen's own words (dialogs/goal_draft.py) and
proposes its topic; one tap takes it, or the form below (filled with the draft) lets her change the words or
pick another topic. The draft is her own text, shown with st.text, never as markdown."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from citizen_app.i18n import _
from citizen_app.labels import category_topic
from dialogs import engine
from dialogs.goal_draft import GoalDraft, draft_goal
from dialogs.engine import Step
from dialogs.text import for_display


def draft_for(step: Step, answers: Mapping[str, object], categories: Sequence[Mapping[str, str]]
              ) -> GoalDraft | None:
    """A draft for a goal step not answered yet, from the dreams and "what would move you forward"; the texts
    of the other goal steps are left out, so a second goal is not the first one again."""
    if step.kind != "goal" or step.id in answers:
        return None
    used = [str(v.get("text", "")) for sid, v in answers.items()
            if sid != step.id and isinstance(v, Mapping) and not engine.is_skipped(v)]
    return draft_goal(answers, used=used, allowed={c["key"] for c in categories})


def offer(draft: GoalDraft, categories: Sequence[Mapping[str, str]], submit) -> None:
    """The draft and its topic, with "Ja, brug det" (one tap) when a topic is proposed. `submit(read)` is the
    step's answer callback maker (course_widgets.Submit)."""
    by_key = {c["key"]: c for c in categories}
    with st.container(border=True, key="goal_proposal"):
        st.caption(_("Mit forslag ud fra det, du skrev:"))
        st.text(for_display(draft.text))
        if draft.category in by_key:
            st.caption(category_topic(by_key[draft.category]))
            st.button(_("Ja, brug det"), key="goal_proposal_yes", type="primary",
                      on_click=submit(lambda: ({"text": draft.text, "category": draft.category}, draft.text)))
            st.caption(_("Du kan også rette ordene eller vælge et andet emne."))
        else:
            st.caption(_("Ret ordene, hvis du vil. Vælg så, hvad målet handler om."))
