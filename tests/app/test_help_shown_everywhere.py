"""Safety everywhere: a crisis phrase in a plan's wish note or goal shows the help panel and tells the support
person that help was shown, and when; the words only if the citizen shares them."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage import safety_signals
from storage.db import write_session
from storage.models import AuditEvent, HelpShown
from tests.app.conftest import press, staff_login, texts
from tests.app.test_plan_page import fill_item_form, items_in_db, new_citizen, open_page, seed_goal

WORDS = "jeg orker ikke at leve mere"
PANEL = "Hjælp lige nu"


@pytest.fixture
def citizen(demo_db):
    return new_citizen(demo_db)


def _help_rows(engine, citizen) -> list[HelpShown]:
    with write_session(engine) as s:
        return list(s.scalars(select(HelpShown).where(HelpShown.citizen_id == citizen.id)))


def test_crisis_phrase_in_a_wish_note_shows_help_and_the_wish_is_still_saved(app, demo_db, citizen):
    goal, _ = seed_goal(demo_db, citizen, sub_text=None)
    open_page(app, citizen)
    app.button(key=f"open_new_item:{goal}").click()
    app.run()
    fill_item_form(app, f"form_new_item_{goal}", title="Seng", price="1.200", note=WORDS)
    press(app, "Gem ønske")
    assert not app.exception
    assert PANEL in [h.value for h in app.subheader]
    assert "70 201 201" in texts(app)
    [item] = items_in_db(demo_db, citizen)
    assert item.note == WORDS
    [row] = _help_rows(demo_db, citizen)
    assert (row.source, row.place, row.shared_words) == ("signal", "wish", None)
    app.toggle(key="help_share_words").set_value(True).run()  # the citizen chooses to share the words
    assert _help_rows(demo_db, citizen)[0].shared_words == WORDS
    press(app, "Luk hjælpen")
    assert PANEL not in [h.value for h in app.subheader]


def test_crisis_phrase_in_a_refused_wish_still_shows_help(app, demo_db, citizen):
    goal, _ = seed_goal(demo_db, citizen, sub_text=None)
    open_page(app, citizen)
    app.button(key=f"open_new_item:{goal}").click()
    app.run()
    fill_item_form(app, f"form_new_item_{goal}", title="sla mig selv ihjel", price="billig")
    press(app, "Gem ønske")
    assert items_in_db(demo_db, citizen) == []
    assert PANEL in [h.value for h in app.subheader]
    assert len(_help_rows(demo_db, citizen)) == 1


@pytest.mark.parametrize("note", ["min cykel er død", "jeg kunne dø af grin", "overdosis af kaffe haha"])
def test_everyday_words_in_a_note_show_no_help(app, demo_db, citizen, note):
    goal, _ = seed_goal(demo_db, citizen, sub_text=None)
    open_page(app, citizen)
    app.button(key=f"open_new_item:{goal}").click()
    app.run()
    fill_item_form(app, f"form_new_item_{goal}", title="Cykel", price="2.000", note=note)
    press(app, "Gem ønske")
    assert PANEL not in [h.value for h in app.subheader]
    assert _help_rows(demo_db, citizen) == []


def test_support_overview_shows_help_shown_at_the_top_without_the_words(app, demo_db, citizen):
    with write_session(demo_db) as s:
        help_id = safety_signals.check_citizen_text(s, actor=citizen.actor, text=WORDS, where="goal")
    staff_login(app, "sara")
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Har det svært"] == "1"
    shown = texts(app)
    assert "Appen har vist hjælp til 1 borger. Kontakt borgeren i dag." in shown
    assert [t.value for t in app.text][0].startswith("Tove fik vist hjælp ")
    assert WORDS not in shown and WORDS not in "\n".join(c.value for c in app.caption)
    assert "Du kan ikke se, hvad borgeren skrev. Spørg borgeren selv." in [c.value for c in app.caption]
    with write_session(demo_db) as s:
        assert s.scalar(select(AuditEvent).where(AuditEvent.action == "list_help_shown",
                                                 AuditEvent.citizen_id == citizen.id)) is not None
        safety_signals.share_words(s, actor=citizen.actor, help_id=help_id, words=WORDS)
    app.run()
    assert WORDS in [t.value for t in app.text]
    press(app, "Jeg har set det")
    assert {m.label: m.value for m in app.metric}["Har det svært"] == "0"


def test_hard_now_button_on_the_plan_page_shows_help_and_is_recorded(app, demo_db, citizen):
    open_page(app, citizen)
    press(app, "Jeg har det svært lige nu")
    assert not app.exception
    assert PANEL in [h.value for h in app.subheader]
    assert [(r.source, r.place) for r in _help_rows(demo_db, citizen)] == [("button", "plan")]
    assert "Del mine ord med min støtteperson" not in [t.label for t in app.toggle]  # no words to share


def test_the_citizen_is_told_what_the_support_person_sees(app, demo_db, citizen):
    open_page(app, citizen, "app_pages/access_log.py")
    captions = [c.value for c in app.caption]
    assert "Viser appen dig hjælp? Så får din støtteperson besked. Også om hvornår." in captions
    assert "Din støtteperson ser ikke, hvad du skrev. Kun hvis du selv vælger at dele det." in captions


def test_crisis_phrase_in_a_goal_shows_help(app, demo_db, citizen):
    open_page(app, citizen)
    app.text_area(key="form_first_goal_text").input("Jeg vil bare forsvinde for altid")
    press(app, "Gem mål")
    assert not app.exception
    assert PANEL in [h.value for h in app.subheader]
    assert [(r.source, r.place) for r in _help_rows(demo_db, citizen)] == [("signal", "goal")]
