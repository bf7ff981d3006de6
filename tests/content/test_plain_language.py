"""Citizen-facing Danish reads easily: LIX <= 25 overall, no entry of 10+ words above 35.

Uses the project's own LIX (dialogs/lix.py), on the Danish catalog entries
whose source is the course or a page, widget or message a citizen can see.
"""
from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from dialogs.lix import lix, lix_total

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "locales" / "da" / "LC_MESSAGES" / "messages.po"
CITIZEN_SOURCES = re.compile(
    r"^(dialogs/|citizen_app/app_pages/(login|citizen_home|course|plan|submit|access_log|closing|progress)\.py"
    r"|citizen_app/(budget_bar|plan_widgets|course_widgets|workshop_box|ui|labels|session|streamlit_app|amounts"
    r"|my_data_file|sms_box|programme_end|final_pdf|price_hint_widgets|progress_widgets|followup_words)\.py"
    r"|storage/(auth|plan|plan_changes|closing|submissions|errors|citizens|workshops|goal_ratings|who5)\.py)"
)
STAFF_ONLY = {"Det kan kun borgeren selv gøre."}
PLACEHOLDER = re.compile(r"\{\w+\}")


def citizen_texts() -> list[str]:
    with CATALOG.open("rb") as f:
        catalog = read_po(f)
    texts = []
    for message in catalog:
        if not message.id or not any(CITIZEN_SOURCES.match(path) for path, _line in message.locations):
            continue
        ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
        for text in ids:
            if text not in STAFF_ONLY:
                texts.append(PLACEHOLDER.sub("x", text))
    return texts


def test_there_is_citizen_text_to_measure():
    assert len(citizen_texts()) > 100


def test_citizen_text_is_very_easy_to_read_overall():
    score = lix_total(citizen_texts())
    print(f"\nLIX of citizen-facing Danish: {score:.1f} over {len(citizen_texts())} entries")
    assert score <= 25


def test_no_long_citizen_message_is_hard_to_read():
    hard = [(round(lix(t), 1), t) for t in citizen_texts() if len(t.split()) >= 10 and lix(t) > 35]
    assert hard == []
