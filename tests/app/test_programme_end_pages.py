"""The end of the programme on the citizen's pages: the home page says it has ended and what is still possible,
the closing conversation saves each answer as it is given, and the final PDF can be downloaded."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from storage import citizens
from storage.db import write_session
from storage.models import Citizen, CitizenStatus, CourseAnswer
from tests.app.test_plan_page import click, new_citizen, open_page, sara, seed_goal, seed_item, send_and_answer
from storage.models import DecisionKind


def _ended(engine, reason="Du er flyttet til en anden kommune."):
    bo = new_citizen(engine, name="Bo")
    _goal, sub = seed_goal(engine, bo)
    seed_item(engine, bo, "Cykel", 200_000, sub)
    send_and_answer(engine, bo, DecisionKind.APPROVE)
    with write_session(engine) as s:
        citizens.set_status(s, actor=sara(engine), citizen_id=bo.id, status=CitizenStatus.ENDED, reason=reason)
    return bo


def test_home_page_says_the_programme_has_ended_and_what_the_citizen_can_still_do(app, demo_db):
    bo = _ended(demo_db)
    open_page(app, bo, "app_pages/citizen_home.py")
    shown = "\n".join(m.value for m in app.markdown)
    assert "Din plan kan ikke ændres mere, og der kan ikke købes mere for budgettet." in shown
    assert "Du kan hente dit forløb som PDF og gemme det." in shown
    assert "Du kan skrive til din støtteperson indtil" in shown
    assert "Du er flyttet til en anden kommune." in [t.value for t in app.text]


def test_closing_conversation_saves_each_answer_and_the_final_pdf_is_offered(app, demo_db):
    bo = _ended(demo_db)
    open_page(app, bo, "app_pages/closing.py")
    assert "Spørgsmål 1 af 5" in [c.value for c in app.caption]
    app.text_area(key="closing_closing_changed").input("Jeg cykler til praktik hver dag")
    click(app, "save_closing_closing_changed")
    with write_session(demo_db) as s:
        saved = s.scalar(select(CourseAnswer.value).where(CourseAnswer.citizen_id == bo.id,
                                                          CourseAnswer.step_id == "closing_changed"))
    assert saved == "Jeg cykler til praktik hver dag"
    assert "Spørgsmål 2 af 5" in [c.value for c in app.caption]
    click(app, "skip_closing_closing_glad")
    app.radio(key="closing_closing_helped").set_value("much")
    click(app, "save_closing_closing_helped")
    assert "Spørgsmål 4 af 5" in [c.value for c in app.caption]
    assert [b for b in app.get("download_button")]  # 'Hent mit forløb som PDF'


def test_closing_conversation_waits_until_the_last_month(app, demo_db):
    bo = new_citizen(demo_db, name="Eva")
    open_page(app, bo, "app_pages/closing.py")
    assert "Du kan tale om slutningen, når der er en måned tilbage." in [m.value for m in app.markdown]
    with write_session(demo_db) as s:
        s.execute(update(Citizen).where(Citizen.id == bo.id).values(
            end_date=s.get_one(Citizen, bo.id).start_date + timedelta(days=20)))
    app.run()
    assert "Spørgsmål 1 af 5" in [c.value for c in app.caption]
