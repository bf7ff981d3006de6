"""'Husk min kode på denne telefon' in the app: opt in at login, then only the PIN; 'Det er ikke min
telefon' forgets. The browser's cookie is stood in for by patching session.device_token()."""
from __future__ import annotations

from unittest import mock

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from storage import demo, devices
from storage.db import write_session
from storage.models import Citizen, RememberedDevice
from tests.app.conftest import APP, fill, press, texts


def _devices(engine) -> list[RememberedDevice]:
    with write_session(engine) as s:
        return list(s.scalars(select(RememberedDevice)))


def _remembered_token(engine) -> str:
    from storage.auth import citizen_actor
    with write_session(engine) as s:
        jonas = s.scalar(select(Citizen).where(Citizen.display_name == "Jonas"))
        return devices.remember(s, actor=citizen_actor(jonas))


def test_ticking_remember_stores_a_device_and_asks_the_browser_to_keep_the_token(app, demo_db):
    fill(app, "Din kode", "HAVE-DEMA-3333")
    press(app, "Videre")
    fill(app, "Din PIN-kode", demo.DEMO_PIN)
    next(c for c in app.checkbox if c.label == "Husk min kode på denne telefon").check()
    press(app, "Log ind")
    assert not app.exception
    assert "Hej Jonas" in texts(app)
    [device] = _devices(demo_db)
    cookie_scripts = [h.proto.body for h in app.get("html") if "document.cookie" in h.proto.body]
    assert len(cookie_scripts) == 1 and f"{devices.COOKIE_NAME}=" in cookie_scripts[0]
    token = cookie_scripts[0].split(f"{devices.COOKIE_NAME}=")[1].split(";")[0]
    assert devices.TOKEN_PATTERN.match(token) and devices._digest(token) == device.token_hash


def test_not_ticking_remember_stores_nothing(app, demo_db):
    fill(app, "Din kode", "HAVE-DEMA-3333")
    press(app, "Videre")
    fill(app, "Din PIN-kode", demo.DEMO_PIN)
    press(app, "Log ind")
    assert "Hej Jonas" in texts(app)
    assert _devices(demo_db) == []


def test_a_remembered_phone_asks_only_for_the_pin(demo_db):
    token = _remembered_token(demo_db)
    with mock.patch("citizen_app.session.device_token", return_value=token):
        at = AppTest.from_file(APP, default_timeout=30)
        at.run()
        assert "Din telefon kan huske din kode. Skriv din PIN-kode." in texts(at)
        assert [t.label for t in at.text_input if t.label == "Din kode"] == []
        assert not any(c.label == "Husk min kode på denne telefon" for c in at.checkbox)
        fill(at, "Din PIN-kode", "9999")
        press(at, "Log ind")
        assert "Hej Jonas" not in texts(at)        # a wrong PIN is still wrong
        fill(at, "Din PIN-kode", demo.DEMO_PIN)
        press(at, "Log ind")
        assert not at.exception
        assert "Hej Jonas" in texts(at)


def test_not_my_phone_forgets_it_here_and_in_the_browser(demo_db):
    token = _remembered_token(demo_db)
    with mock.patch("citizen_app.session.device_token", return_value=token):
        at = AppTest.from_file(APP, default_timeout=30)
        at.run()
        press(at, "Det er ikke min telefon")
        assert not at.exception
        assert any(t.label == "Din kode" for t in at.text_input)
        assert _devices(demo_db) == []
        clearing = [h.proto.body for h in at.get("html") if "document.cookie" in h.proto.body]
        assert len(clearing) == 1 and f"{devices.COOKIE_NAME}=; Max-Age=0" in clearing[0]
        fresh = AppTest.from_file(APP, default_timeout=30)  # the next visit with the stale cookie
        fresh.run()
        assert any(t.label == "Din kode" for t in fresh.text_input)
