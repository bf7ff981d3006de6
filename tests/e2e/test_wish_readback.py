"""In a real browser on a phone: a wish typed as people write it is read back before it is stored, an unclear
price is asked back, the citizen fixes it and says "Ja"; the plan then holds exactly what was confirmed."""
from __future__ import annotations

from playwright.sync_api import expect
from sqlalchemy import select

from tests.e2e.helpers import (
    click,
    create_citizen_in_db,
    expect_heading,
    go_to,
    login_citizen,
    open_app,
    send_chat,
)

PIN = "1234"


def _answer_up_to_the_first_wish(database_url: str, name: str) -> None:
    """The steps before the first wish, answered through storage (the whole walk has its own journey)."""
    from storage.access import Actor, ActorKind
    from storage.db import engine_for, write_session
    from storage.models import Citizen
    from tests.storage.test_course_storage import answer_until

    engine = engine_for(database_url)
    with write_session(engine) as s:
        citizen = s.scalars(select(Citizen).where(Citizen.display_name == name).order_by(Citizen.id.desc())).first()
        me = Actor(kind=ActorKind.CITIZEN, id=citizen.id, programme_id=citizen.programme_id)
    answer_until(engine, me, stop_at="wish_1")


def test_a_wish_is_read_back_asked_about_and_confirmed_on_a_phone(phone, app, database_url):
    code = create_citizen_in_db(database_url, "Rikke")
    _answer_up_to_the_first_wish(database_url, "Rikke")
    open_app(phone, app.url)
    login_citizen(phone, code, PIN)
    expect_heading(phone, "Hej Rikke")
    go_to(phone, "Samtale")
    expect_heading(phone, "Samtale")

    send_chat(phone, "en seng til måske 2000 eller 3000")
    expect(phone.get_by_text("Jeg skriver: en seng.", exact=True)).to_be_visible()
    expect(phone.get_by_text("Er det 2.000 kr. eller 3.000 kr.? Skriv det beløb, du tror mest på.",
                             exact=True)).to_be_visible()
    expect(phone.get_by_role("button", name="Ja", exact=True)).to_have_count(0)
    phone.get_by_label("Hvad koster det?", exact=True).fill("1 200 kr")
    click(phone, "Gem prisen")
    expect(phone.get_by_text("Jeg skriver: en seng til 1.200 kr. Passer det?", exact=True)).to_be_visible()
    phone.reload()  # the reading waits on the server
    expect(phone.get_by_text("Jeg skriver: en seng til 1.200 kr. Passer det?", exact=True)).to_be_visible()
    click(phone, "Ja")
    expect(phone.get_by_text("En seng – ca. 1.200 kr.", exact=True)).to_be_visible()

    go_to(phone, "Min plan")
    main = phone.locator("main")
    expect(main.get_by_text("En seng", exact=True)).to_be_visible()
    expect(main.get_by_text("Pris: 1.200 kr.", exact=True)).to_be_visible()
