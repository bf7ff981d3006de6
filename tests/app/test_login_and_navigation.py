"""The app knows who is logged in and shows each role only its own pages."""
from __future__ import annotations

from storage import demo
from tests.app.conftest import citizen_login, fill, press, staff_login, texts


def test_login_page_is_danish_by_default(app):
    assert app.title[0].value == "Log ind"
    assert [t.label for t in app.tabs] == ["Borger", "Medarbejder"]


def test_demo_citizen_logs_in_with_code_and_pin_and_is_greeted(app):
    citizen_login(app, "HAVE-DEMA-3333", demo.DEMO_PIN)
    assert not app.exception
    assert "Hej Jonas" in texts(app)
    assert any(b.label == "Log ud" for b in app.button)


def test_new_citizen_chooses_a_pin_at_first_login(app):
    fill(app, "Din kode", "NYNY-DEMA-2222")
    press(app, "Videre")
    fill(app, "Ny PIN-kode", "2580")
    fill(app, "Skriv PIN-koden igen", "2580")
    press(app, "Log ind")
    assert "Hej Mette" in texts(app)


def test_mismatched_new_pins_get_a_friendly_message(app):
    fill(app, "Din kode", "NYNY-DEMA-2222")
    press(app, "Videre")
    fill(app, "Ny PIN-kode", "2580")
    fill(app, "Skriv PIN-koden igen", "2581")
    press(app, "Log ind")
    assert "De to PIN-koder er ikke ens" in texts(app)
    assert "Hej Mette" not in texts(app)


def test_wrong_code_is_refused_kindly(app):
    fill(app, "Din kode", "AAAA-AAAA-AAAA")
    press(app, "Videre")
    assert "Koden passer ikke. Prøv igen." in texts(app)


def test_support_person_sees_only_own_citizens(app):
    staff_login(app, "sara")
    page = texts(app)
    assert "Mine borgere" in page
    assert "Jonas" in page and "Mette" in page
    assert "Aisha" not in page  # Ole's citizen


def test_log_out_returns_to_login_and_forgets_the_person(app):
    citizen_login(app, "HAVE-DEMA-3333", demo.DEMO_PIN)
    press(app, "Log ud")
    assert app.title[0].value == "Log ind"
    assert "Jonas" not in texts(app)
    assert "actor" not in app.session_state


def test_language_switch_shows_english_and_back(app):
    press(app, "English")
    assert app.title[0].value == "Log in"
    press(app, "Dansk")
    assert app.title[0].value == "Log ind"


def test_idle_session_is_logged_out_on_next_action(app, demo_db):
    from datetime import timedelta

    from sqlalchemy import update

    from storage.db import write_session
    from storage.models import LoginSession, utcnow
    citizen_login(app, "HAVE-DEMA-3333", demo.DEMO_PIN)
    with write_session(demo_db) as s:  # the deadline the browser counted down to has passed
        s.execute(update(LoginSession).values(idle_expires_at=utcnow() - timedelta(seconds=1)))
    app.run()
    assert app.title[0].value == "Log ind"
    assert "Du er logget ud" in texts(app)


def test_an_easy_pin_is_refused_kindly_and_a_wrong_pin_says_how_many_tries_are_left(app):
    fill(app, "Din kode", "NYNY-DEMA-2222")
    press(app, "Videre")
    fill(app, "Ny PIN-kode", "1234")
    fill(app, "Skriv PIN-koden igen", "1234")
    press(app, "Log ind")
    assert "Den PIN-kode er for let at gætte." in texts(app)
    assert "Hej Mette" not in texts(app)
    fresh = app  # Jonas has a PIN: a wrong one tells the tries left
    press(fresh, "Tilbage")
    citizen_login(fresh, "HAVE-DEMA-3333", "9999")
    assert "PIN-koden passer ikke. Du har 4 forsøg tilbage." in texts(fresh)
