"""The course page reads a wish back before it is stored: "Jeg skriver: en seng til 1.200 kr. Passer det?"."""
from __future__ import annotations

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from storage.access import Actor, ActorKind
from storage.db import write_session
from storage.models import Citizen, WishItem
from tests.app.conftest import APP, citizen_login, first_login, press, texts
from tests.storage.test_course_storage import answer_until


def _at_the_first_wish(at: AppTest, engine, code: str) -> AppTest:
    """Nanna logs in; her answers up to the first wish step are given through storage (the walk is tested
    elsewhere), then the course page opens at that step."""
    first_login(at, code)
    with write_session(engine) as s:
        nanna = s.scalar(select(Citizen).where(Citizen.display_name == "Nanna"))
        me = Actor(kind=ActorKind.CITIZEN, id=nanna.id, programme_id=nanna.programme_id)
    answer_until(engine, me, stop_at="wish_1")
    at.switch_page("app_pages/course.py")
    at.run()
    assert not at.exception, at.exception
    return at


def _items(engine) -> list[tuple[str, int | None]]:
    with write_session(engine) as s:
        return [(i.title, i.price_ore) for i in s.scalars(
            select(WishItem).join(Citizen, Citizen.id == WishItem.citizen_id)
            .where(Citizen.display_name == "Nanna", WishItem.removed_at.is_(None)).order_by(WishItem.id))]


def _say(at: AppTest, text: str) -> None:
    at.chat_input[0].set_value(text).run()
    assert not at.exception, at.exception


def test_a_wish_is_read_back_and_stored_only_after_yes(app, demo_db, fresh_code):
    at = _at_the_first_wish(app, demo_db, fresh_code)
    _say(at, "en seng 1 200 kr")
    page = texts(at)
    assert "Jeg skriver: en seng til 1.200 kr. Passer det?" in page
    assert "en seng 1 200 kr" in [t.value for t in at.text]  # her own words, as plain text
    assert {"Ja", "Ret prisen", "Ret navnet"} <= {b.label for b in at.button}
    assert _items(demo_db) == []
    press(at, "Ja")
    assert _items(demo_db) == [("En seng", 120000)]
    assert "Jeg skriver:" not in texts(at)


def test_the_price_is_changed_and_a_question_is_asked_back(app, demo_db, fresh_code):
    at = _at_the_first_wish(app, demo_db, fresh_code)
    _say(at, "en seng til måske 2000 eller 3000")
    page = texts(at)
    assert "Jeg skriver: en seng." in page
    assert "Er det 2.000 kr. eller 3.000 kr.? Skriv det beløb, du tror mest på." in page
    assert "Ja" not in {b.label for b in at.button}  # no "Ja" before the price is clear
    at.text_input(key="wish_readback_price").set_value("4k")
    press(at, "Gem prisen")
    assert "Mener du 4.000 kr.? Skriv hele beløbet med tal." in texts(at)
    at.text_input(key="wish_readback_price").set_value("2.500")
    press(at, "Gem prisen")
    assert "Jeg skriver: en seng til 2.500 kr. Passer det?" in texts(at)
    press(at, "Ret navnet")
    at.text_input(key="wish_readback_title").set_value("En seng med madras")
    press(at, "Gem navnet")
    press(at, "Ja")
    assert _items(demo_db) == [("En seng med madras", 250000)]


def test_two_things_can_be_written_as_two_wishes(app, demo_db, fresh_code):
    at = _at_the_first_wish(app, demo_db, fresh_code)
    _say(at, "En sofa og et spisebord for tilsammen 4.000")
    assert "Jeg skriver: en sofa og et spisebord til 4.000 kr. Passer det?" in texts(at)
    press(at, "Skriv dem som to ønsker")
    page = texts(at)
    assert "Jeg skriver 2 ønsker:" in page and "– en sofa" in page and "– et spisebord" in page
    assert "Skriv det som ét ønske" in {b.label for b in at.button}
    press(at, "Ja")
    assert sorted(_items(demo_db)) == [("En sofa", None), ("Et spisebord", None)]


def test_the_reading_survives_a_reload(app, demo_db, fresh_code):
    at = _at_the_first_wish(app, demo_db, fresh_code)
    _say(at, "kørkort 12000 ca")
    again = AppTest.from_file(APP, default_timeout=30).run()
    citizen_login(again, fresh_code, "2580")
    again.switch_page("app_pages/course.py")
    again.run()
    assert "Jeg skriver: Kørkort til 12.000 kr. Passer det?" in texts(again)
    press(again, "Ja")
    assert _items(demo_db) == [("Kørkort", 1200000)]
