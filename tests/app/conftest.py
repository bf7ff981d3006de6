"""AppTest fixtures: the real app script against a migrated SQLite file with the demo programme."""
from __future__ import annotations

import functools
from pathlib import Path

import pytest
from streamlit.components.v2 import manifest_scanner
from streamlit.testing.v1 import AppTest

from storage import demo
from storage.db import make_engine, write_session
from storage.migrate import upgrade

# Each new AppTest (Streamlit 1.67) scans every installed distribution for component manifests, which costs more
# than most tests here; the app has none and the installed set cannot change during a run, so scan once.
manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)

APP = str(Path(__file__).resolve().parents[2] / "citizen_app" / "streamlit_app.py")


@pytest.fixture
def demo_db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'app.db'}"
    engine = make_engine(url)
    upgrade(engine)
    with write_session(engine) as s:
        demo.load(s)
    monkeypatch.setenv("DATABASE_URL", url)
    yield engine
    engine.dispose()


@pytest.fixture
def app(demo_db) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    return at


def fill(at: AppTest, label: str, value: str) -> None:
    next(w for w in at.text_input if w.label == label).input(value)


def press(at: AppTest, label: str) -> None:
    """Click a button or form submit button by its label and rerun."""
    for widget in list(at.button):
        if widget.label == label:
            widget.click()
            at.run()
            return
    raise AssertionError(f"no button {label!r}; have {[b.label for b in at.button]}")


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [t.value for t in at.text] + [h.value for h in at.title]
    parts += [e.value for e in at.error] + [w.value for w in at.warning] + [i.value for i in at.info]
    parts += [s.value for s in at.success]
    parts += [h.proto.body for h in at.get("html") if h.proto.body.startswith("<h1>")]  # ui.heading
    return "\n".join(str(p) for p in parts)


def citizen_login(at: AppTest, code: str, pin: str) -> None:
    fill(at, "Din kode", code)
    press(at, "Videre")
    fill(at, "Din PIN-kode", pin)
    press(at, "Log ind")


def staff_login(at: AppTest, username: str, password: str = demo.DEMO_PASSWORD) -> None:
    fill(at, "Brugernavn", username)
    fill(at, "Adgangskode", password)
    for widget in at.button:
        if widget.label == "Log ind" and "staff_login" in str(widget.form_id):
            widget.click()
            at.run()
            return
    raise AssertionError("no staff login button")


@pytest.fixture
def fresh_code(demo_db) -> str:
    """A brand-new citizen of support person Sara (no answers yet); returns the access code."""
    from sqlalchemy import select

    from storage import citizens
    from storage.models import StaffUser
    with write_session(demo_db) as s:
        sara = s.scalar(select(StaffUser).where(StaffUser.username == "sara"))
        return citizens.create_citizen(s, actor=None, display_name="Nanna", programme_id=sara.programme_id,
                                       support_person_id=sara.id).access_code


def first_login(at: AppTest, code: str, pin: str = "2580") -> None:
    fill(at, "Din kode", code)
    press(at, "Videre")
    fill(at, "Ny PIN-kode", pin)
    fill(at, "Skriv PIN-koden igen", pin)
    press(at, "Log ind")
