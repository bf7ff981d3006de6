"""The workshop in the app: the facilitator starts one and sets the pace; a citizen joins with the code
on the start page and sees the part the group is at; the facilitator sees counts, no names or answers."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from storage import workshops
from storage.auth import citizen_actor
from storage.db import write_session
from storage.demo import DEMO_PIN
from storage.errors import DomainError
from storage.models import Citizen, Workshop
from tests.app.conftest import APP, citizen_login, fill, press, staff_login, texts


def _start_workshop(app: AppTest, title: str = "Torsdag i caféen") -> str:
    staff_login(app, "frida")
    assert app.title[0].value == "Værksted"
    assert "Du har ikke et værksted i gang." in texts(app)
    fill(app, "Navn på værkstedet", title)
    press(app, "Start værkstedet")
    assert not app.exception
    assert "Værkstedet er startet. Sig koden til deltagerne." in [m.value for m in app.success]
    code = next(h.value for h in app.subheader if h.value.startswith("Koden er ")).removeprefix("Koden er ")
    return code.replace(" ", "")


def test_facilitator_starts_a_workshop_citizen_joins_and_follows_the_pace(demo_db):
    facilitator = AppTest.from_file(APP, default_timeout=30)
    facilitator.run()
    code = _start_workshop(facilitator)
    assert "Del 1 af 9: Velkommen" in texts(facilitator)
    assert "0 deltagere er med." in texts(facilitator)

    jonas = AppTest.from_file(APP, default_timeout=30)
    jonas.run()
    citizen_login(jonas, "HAVE-DEMA-3333", DEMO_PIN)
    fill(jonas, "Værkstedets kode", code.lower())
    press(jonas, "Vær med")
    assert not jonas.exception
    page = texts(jonas)
    assert "Torsdag i caféen" in [t.value for t in jonas.text]       # staff text: plain st.text
    assert "Nu taler I om: Velkommen" in page

    press(facilitator, "Gå videre til: Hvor er du nu?")
    press(facilitator, "Opdater tallene")
    assert "1 deltager er med." in texts(facilitator)
    table = facilitator.table[0].value
    counts = dict(zip(table.iloc[:, 0], table.iloc[:, 1]))
    assert sum(int(n) for n in counts.values()) == 1   # Jonas, wherever he is in the course
    assert counts["Færdige med hele samtalen"] == "0"
    for private in ("Jonas", "Jeg har fået et værelse", "Jeg sover dårligt"):
        assert private not in texts(facilitator) + table.to_string()

    jonas.switch_page("app_pages/course.py").run()
    assert "Nu taler I om: Hvor er du nu?" in texts(jonas)


def test_a_wrong_code_gets_a_kind_message_and_nothing_is_joined(app, demo_db):
    citizen_login(app, "HAVE-DEMA-3333", DEMO_PIN)
    fill(app, "Værkstedets kode", "ABCD")
    press(app, "Vær med")
    assert "Den kode kender vi ikke. Spørg den, der holder værkstedet." in texts(app)
    with write_session(demo_db) as s:
        assert s.scalar(select(Workshop.id)) is None


def test_ending_the_workshop_closes_the_code(app, demo_db):
    code = _start_workshop(app)
    press(app, "Ja, afslut værkstedet")
    assert "Værkstedet er afsluttet." in [m.value for m in app.success]
    assert "Du har ikke et værksted i gang." in texts(app)
    with write_session(demo_db) as s:
        jonas = citizen_actor(s.scalar(select(Citizen).where(Citizen.display_name == "Jonas")))
        with pytest.raises(DomainError, match="Den kode kender vi ikke"):
            workshops.join(s, actor=jonas, code=code)
