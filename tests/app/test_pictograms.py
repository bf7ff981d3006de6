"""Pictograms beside the words: course choices and goal categories carry a Material Symbol that Streamlit
knows, drawn beside (never instead of) their label."""
from __future__ import annotations

from streamlit.material_icon_names import ALL_MATERIAL_ICONS

from citizen_app.labels import category_topic, material_icon
from dialogs.categories import DEFAULT_CATEGORIES
from dialogs.engine import load_course
from dialogs.icons import ICONS


def test_every_known_pictogram_is_a_material_symbol_streamlit_draws():
    assert ICONS <= ALL_MATERIAL_ICONS, sorted(ICONS - ALL_MATERIAL_ICONS)


def test_every_default_goal_category_has_a_pictogram():
    assert all(c.icon in ICONS for c in DEFAULT_CATEGORIES)


def test_every_choice_in_the_course_has_a_pictogram():
    course = load_course()
    bare = [(step.id, o.value) for step in course.steps.values() for o in step.options if o.icon is None]
    assert bare == []


def test_a_category_shows_its_pictogram_beside_its_words():
    assert category_topic({"key": "transport", "label": "Transport", "icon": "directions_bus"}) == \
        ":material/directions_bus: Emne: Transport"
    assert category_topic({"key": "own", "label": "Eget emne"}) == "Emne: Eget emne"  # a programme's own, no icon
    assert material_icon(None) is None
