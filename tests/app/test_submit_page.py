"""'Send og se svar': what is missing, sending, the answer promise, and every answer with its reason."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from babel.dates import format_date
from sqlalchemy import select

from citizen_app.i18n import TIMEZONE
from storage import citizens, decisions, plan
from storage.dates import add_working_days
from storage.db import write_session
from storage.models import CitizenStatus, DecisionKind, Programme, Submission, WishItem
from tests.app.test_plan_page import (Person, button_keys, click, items_in_db, new_citizen, open_page, plain_texts,
                                      sara, seed_goal, seed_item, send_and_answer)
from tests.app.conftest import texts

SUBMIT_PAGE = "app_pages/submit.py"
PLAN_PAGE = "app_pages/plan.py"


@pytest.fixture
def citizen(demo_db) -> Person:
    return new_citizen(demo_db, name="Bo")


def open_submit(at, citizen: Person):
    return open_page(at, citizen, SUBMIT_PAGE)


def weekday(day) -> str:
    return format_date(day, "EEEE d. MMMM", locale="da_DK")


def ready_plan(engine, citizen: Person, *titles: str) -> list[int]:
    goal, sub = seed_goal(engine, citizen)
    return [seed_item(engine, citizen, title, 300_000, sub) for title in titles or ("Køretimer",)]


def versions_in_db(engine, citizen: Person) -> list[Submission]:
    with write_session(engine) as s:
        return list(s.scalars(select(Submission).where(Submission.citizen_id == citizen.id)
                              .order_by(Submission.version)))


# --- before sending ----------------------------------------------------------------------------------

def test_empty_plan_says_what_is_missing(app, demo_db, citizen):
    open_submit(app, citizen)
    shown = plain_texts(app)
    assert "Skriv mindst ét langsigtet mål." in shown
    assert "Der er ingen nye ønsker at sende." in shown
    assert "send_plan" not in button_keys(app)


def test_wish_without_goal_or_price_is_named_in_what_is_missing(app, demo_db, citizen):
    seed_goal(demo_db, citizen)
    seed_item(demo_db, citizen, "Mobiltelefon", None, None)
    open_submit(app, citizen)
    shown = plain_texts(app)
    assert "Vælg, hvilket mål 'Mobiltelefon' hjælper med." in shown
    assert "Skriv en pris på 'Mobiltelefon'." in shown
    assert "send_plan" not in button_keys(app)
    assert versions_in_db(demo_db, citizen) == []


def test_wishes_over_what_is_left_are_named_with_the_amount_in_kroner(app, demo_db, citizen):
    _, sub = seed_goal(demo_db, citizen)
    seed_item(demo_db, citizen, "Depositum", 3_000_000, sub)
    seed_item(demo_db, citizen, "Møbler", 2_500_000, sub)
    open_submit(app, citizen)
    assert "Ønskerne koster 5.000 kr. mere, end der er tilbage." in plain_texts(app)
    assert "send_plan" not in button_keys(app)


def test_markup_in_a_missing_wish_title_is_shown_as_literal_text(app, demo_db, citizen):
    seed_goal(demo_db, citizen)
    seed_item(demo_db, citizen, "**Cykel** [her](https://evil.example)", 100_000, None)
    open_submit(app, citizen)
    assert "Vælg, hvilket mål '**Cykel** [her](https://evil.example)' hjælper med." in plain_texts(app)
    assert not any("evil.example" in m.value for m in app.markdown)


def test_fix_button_opens_the_wish_in_the_plan(app, demo_db, citizen):
    seed_goal(demo_db, citizen)
    item = seed_item(demo_db, citizen, "Mobiltelefon", 150_000, None)
    open_submit(app, citizen)
    [fix] = [b for b in app.button if b.key and b.key.startswith("fix_")]
    fix.click()
    app.run()
    assert not app.exception
    assert app.title[0].value == "Min plan"
    assert app.text_input(key=f"form_item_{item}_title").value == "Mobiltelefon"


# --- sending and waiting -----------------------------------------------------------------------------

def test_ready_plan_shows_what_will_be_sent(app, demo_db, citizen):
    ready_plan(demo_db, citizen, "Køretimer", "Teoribog")
    open_submit(app, citizen)
    assert "Du sender 2 ønsker. De koster 6.000 kr. i alt." in texts(app)
    assert app.button(key="send_plan").label == "Send til min støtteperson"


def test_submitting_shows_waiting_status_with_promise(app, demo_db, citizen):
    ready_plan(demo_db, citizen)
    open_submit(app, citizen)
    click(app, "send_plan")
    [version] = versions_in_db(demo_db, citizen)
    assert version.version == 1
    assert [i.status for i in items_in_db(demo_db, citizen)] == ["submitted"]
    today = datetime.now(TIMEZONE).date()
    page = texts(app)
    assert f"Sendt {weekday(today)}. Din støtteperson svarer normalt inden for 5 hverdage." in page
    assert f"Du kan regne med svar senest {weekday(add_working_days(today, 5))}." in page
    assert f"- Version 1: sendt {weekday(today)} med 1 ønske. Den venter på svar." in page
    assert "Du har ingen nye ønsker at sende lige nu." in page
    assert [t.value for t in app.toast] == ["Din plan er sendt til din støtteperson."]


def test_one_working_day_is_said_in_the_singular(app, demo_db, citizen):
    ready_plan(demo_db, citizen)
    with write_session(demo_db) as s:
        s.get_one(Programme, citizen.actor.programme_id).answer_working_days = 1
    open_submit(app, citizen)
    click(app, "send_plan")
    assert "Din støtteperson svarer normalt inden for 1 hverdag." in texts(app)


def test_late_answer_is_said_kindly(app, demo_db, citizen):
    ready_plan(demo_db, citizen)
    send_and_answer(demo_db, citizen, None)
    with write_session(demo_db) as s:
        s.scalar(select(Submission).where(Submission.citizen_id == citizen.id)).submitted_at -= timedelta(days=20)
    open_submit(app, citizen)
    assert any(w.value.startswith("Svaret er forsinket.") for w in app.warning)


def test_citizen_keeps_drafting_while_a_version_waits_and_sends_again(app, demo_db, citizen):
    _, sub = seed_goal(demo_db, citizen)
    seed_item(demo_db, citizen, "Køretimer", 300_000, sub)
    send_and_answer(demo_db, citizen, None)
    seed_item(demo_db, citizen, "Teoribog", 30_000, sub)
    open_submit(app, citizen)
    assert "Du venter på svar" in texts(app)
    assert "Du sender 1 ønske. Det koster 300 kr." in texts(app)
    click(app, "send_plan")
    assert [v.version for v in versions_in_db(demo_db, citizen)] == [1, 2]
    page = texts(app)
    assert "- Version 2: sendt" in page and "- Version 1: sendt" in page


def test_paused_plan_cannot_be_sent(app, demo_db, citizen):
    ready_plan(demo_db, citizen)
    support = sara(demo_db)
    with write_session(demo_db) as s:
        citizens.set_status(s, actor=support, citizen_id=citizen.id, status=CitizenStatus.PAUSED)
    open_submit(app, citizen)
    assert any(i.value.startswith("Din plan holder pause lige nu.") for i in app.info)
    assert "send_plan" not in button_keys(app)


# --- answers -----------------------------------------------------------------------------------------

def test_decision_reason_is_shown_next_to_the_item(app, demo_db, citizen):
    ready_plan(demo_db, citizen, "PlayStation")
    send_and_answer(demo_db, citizen, DecisionKind.DECLINE, "Det hjælper ikke dit mål om et job. Lad os tale om det.")
    open_submit(app, citizen)
    shown = plain_texts(app)
    title = shown.index("PlayStation")
    assert shown[title + 1] == "Det hjælper ikke dit mål om et job. Lad os tale om det."
    page = texts(app)
    assert "Din støtteperson har sagt nej." in page
    assert "Status nu: Afslået" in page
    assert "Du fik svar" in page


def test_approved_wish_says_yes(app, demo_db, citizen):
    ready_plan(demo_db, citizen, "Køretimer")
    send_and_answer(demo_db, citizen, DecisionKind.APPROVE)
    open_submit(app, citizen)
    page = texts(app)
    assert "Din støtteperson har sagt ja." in page
    assert "Status nu: Godkendt" in page
    assert not any(w.value.endswith("send det igen.") for w in app.warning)


def test_earlier_answers_stay_visible_under_tidligere_svar(app, demo_db, citizen):
    [item] = ready_plan(demo_db, citizen, "Sofa")
    send_and_answer(demo_db, citizen, DecisionKind.DECLINE, "Sofaen er for dyr.")
    support = sara(demo_db)
    with write_session(demo_db) as s:
        decisions.revise(s, actor=support, wish_item_id=item, decision=DecisionKind.APPROVE, reason="Vi fandt pengene.")
    open_submit(app, citizen)
    shown = plain_texts(app)
    assert shown.index("Vi fandt pengene.") < shown.index("Sofaen er for dyr.")  # newest first
    [history] = [e for e in app.expander if e.label == "Tidligere svar"]
    assert "Sofaen er for dyr." in [t.value for t in history.text]
    assert "Vi fandt pengene." not in [t.value for t in history.text]


def test_wish_to_change_leads_to_its_form_in_the_plan_and_can_be_sent_again(app, demo_db, citizen):
    [item] = ready_plan(demo_db, citizen, "Computer")
    send_and_answer(demo_db, citizen, DecisionKind.CHANGE, "Find en brugt computer.")
    open_submit(app, citizen)
    assert "1 ønske skal ændres. Ret det i din plan, og send det igen." in [w.value for w in app.warning]
    assert "Find en brugt computer." in plain_texts(app)
    click(app, f"change_{item}")
    assert app.title[0].value == "Min plan"
    app.switch_page(PLAN_PAGE)  # AppTest does not follow st.switch_page on later runs; a browser does
    app.text_input(key=f"form_item_{item}_price").input("1.500")
    app.button(key=f"form_item_{item}_save").click()
    app.run()
    assert [(i.price_ore, i.status) for i in items_in_db(demo_db, citizen)] == [(150_000, "draft")]
    app.switch_page(SUBMIT_PAGE).run()
    click(app, "send_plan")
    assert [v.version for v in versions_in_db(demo_db, citizen)] == [1, 2]
    with write_session(demo_db) as s:
        assert s.get_one(WishItem, item).status == "submitted"


def test_removed_wish_with_an_answer_does_not_break_the_page(app, demo_db, citizen):
    [item] = ready_plan(demo_db, citizen, "Cykel")
    send_and_answer(demo_db, citizen, DecisionKind.CHANGE, "Skriv prisen på en brugt cykel.")
    with write_session(demo_db) as s:
        plan.remove_item(s, actor=citizen.actor, citizen_id=citizen.id, item_id=item)
    open_submit(app, citizen)
    assert not app.exception
    assert "Cykel" not in plain_texts(app)
