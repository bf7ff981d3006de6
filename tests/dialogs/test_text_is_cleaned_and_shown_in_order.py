"""The one text cleaner, and how user text is shown: bidi overrides never reverse what a reader sees, while
real Arabic and Hebrew stay exactly as written (issue 13)."""
from __future__ import annotations

import pytest

from dialogs.rules import RuleError
from dialogs.text import (
    FIRST_STRONG_ISOLATE,
    POP_DIRECTIONAL_ISOLATE,
    clean_text,
    for_display,
    isolate,
    markdown_inert,
)


@pytest.mark.parametrize("raw", ["nul\x00", "esc\x1b", "del\x7f", "bell\x07", "c1\x85x"])
def test_control_characters_are_refused(raw):
    with pytest.raises(RuleError):
        clean_text(raw, limit=100)


def test_bidi_controls_are_removed_on_input_and_real_scripts_kept():
    assert clean_text("Cykel \u202eekims\u202c", limit=100) == "Cykel ekims"
    assert clean_text("دراجة  هوائية", limit=100, single_line=True) == "دراجة هوائية"
    assert clean_text("אופניים", limit=100) == "אופניים"


def test_text_stored_with_overrides_is_shown_without_them():
    assert for_display("Cykel \u202eekims\u202c til arbejde") == "Cykel ekims til arbejde"
    assert for_display("Sofa 🛋️ og bord") == "Sofa 🛋️ og bord"


def test_right_to_left_text_in_a_sentence_is_isolated_and_danish_is_left_alone():
    assert isolate("Cykelhandler") == "Cykelhandler"
    assert isolate("دراجة") == f"{FIRST_STRONG_ISOLATE}دراجة{POP_DIRECTIONAL_ISOLATE}"
    # A text's own isolate controls cannot end ours early.
    assert isolate("\u2069دراجة\u202e") == f"{FIRST_STRONG_ISOLATE}دراجة{POP_DIRECTIONAL_ISOLATE}"


@pytest.mark.parametrize("typed,kept", [("2.500 kr.", "2.500 kr."), ("**5** ![x](http://e.x/y.png)", "5 x http e.x y.png"),
                                        ("$x^2$ :red[ti]", "x 2 red ti"), ("femten-hundrede", "femten-hundrede"),
                                        ("<b>1</b>\n2", "b 1 b 2"), ("WWW.evil.dk 12", "WWW evil.dk 12")])
def test_text_echoed_in_a_refusal_keeps_nothing_markdown_could_use(typed, kept):
    assert markdown_inert(typed) == kept
