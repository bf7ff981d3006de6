"""The citizen turns SMS on (number + yes) and off on the start page; a staff user saves their e-mail address."""
from __future__ import annotations

from sqlalchemy import select

from storage.db import write_session
from storage.models import Citizen, StaffUser
from tests.app.conftest import fill, first_login, press, staff_login, texts


def _citizen(engine) -> Citizen:
    with write_session(engine) as s:
        return s.scalar(select(Citizen).where(Citizen.display_name == "Nanna"))


def test_sms_box_is_hidden_without_a_gateway(app, fresh_code, monkeypatch):
    monkeypatch.setenv("BORGERBUDGET_SMS_GATEWAY_URL", "")
    first_login(app, fresh_code)
    assert "Besked på SMS" not in [e.label for e in app.expander]


def test_the_citizen_turns_sms_on_and_off(app, demo_db, fresh_code, monkeypatch):
    monkeypatch.setenv("BORGERBUDGET_SMS_GATEWAY_URL", "http://127.0.0.1:9/sms")
    monkeypatch.setenv("BORGERBUDGET_SMS_QUIET_HOURS", "21-08")
    first_login(app, fresh_code)
    assert "Besked på SMS" in [e.label for e in app.expander]
    assert "Fra kl. 21 til kl. 8 venter de til morgen." in " ".join(c.value for c in app.caption)
    fill(app, "Mobilnummer", "12 34 56 78")
    press(app, "Slå SMS til")                        # no tick: nothing stored
    assert "Sæt kryds, hvis du vil have SMS." in texts(app)
    assert _citizen(demo_db).mobile is None
    fill(app, "Mobilnummer", "12 34 56 78")
    next(c for c in app.checkbox if c.label.startswith("Ja tak")).check()
    press(app, "Slå SMS til")
    citizen = _citizen(demo_db)
    assert citizen.mobile == "+4512345678" and citizen.sms_consent_at is not None
    assert "12 34 56 78" in texts(app)
    press(app, "Slå SMS fra")
    citizen = _citizen(demo_db)
    assert (citizen.mobile, citizen.sms_consent_at) == (None, None)


def test_a_wrong_number_is_refused_calmly(app, demo_db, fresh_code, monkeypatch):
    monkeypatch.setenv("BORGERBUDGET_SMS_GATEWAY_URL", "http://127.0.0.1:9/sms")
    first_login(app, fresh_code)
    fill(app, "Mobilnummer", "1234")
    next(c for c in app.checkbox if c.label.startswith("Ja tak")).check()
    press(app, "Slå SMS til")
    assert "Skriv dit mobilnummer med 8 cifre" in texts(app)
    assert _citizen(demo_db).mobile is None


def test_staff_save_their_notification_address(app, demo_db):
    staff_login(app, "sara")
    app.switch_page("app_pages/account.py").run()
    fill(app, "E-mailadresse", "sara@kommune.test")
    press(app, "Gem e-mailadresse")
    with write_session(demo_db) as s:
        assert s.scalar(select(StaffUser.email).where(StaffUser.username == "sara")) == "sara@kommune.test"
