"""The pages of the data's whole life (issue 13): the citizen, or their support person, downloads everything the
app holds about the citizen; the coordinator sees who is due for erasure, erases, and ends the programme."""
from __future__ import annotations

import io
import zipfile
from datetime import timedelta

from sqlalchemy import select, update

from storage.db import write_session
from storage.models import AuditEvent, Citizen, Programme, utcnow
from tests.app.conftest import citizen_login, press, staff_login, texts
from tests.app.test_support_pages import citizen_id, open_page


def _download_offered(at) -> bool:
    return any(b.proto.label == "Hent filen" for b in at.get("download_button"))


def _file(at, key: str) -> dict[str, str]:
    archive = zipfile.ZipFile(io.BytesIO(at.session_state[f"my_data_{key}"]))
    return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_a_citizen_downloads_everything_the_app_holds_and_it_is_logged(app, demo_db):
    citizen_login(app, "PAAN-DEMA-4444", "1234")  # Aisha: a sent, partly approved plan
    app.switch_page("app_pages/access_log.py").run()
    press(app, "Lav filen med mine data")
    assert not app.exception
    assert _download_offered(app)
    files = _file(app, "own")
    assert set(files) == {"laes-mig.txt", "data.json"}
    readable = files["laes-mig.txt"]
    assert readable.startswith("Det ved Borgerbudget om dig") and "Navn: Aisha" in readable
    assert "Dine ønsker" in readable and "Hvem har set din plan" in readable
    with write_session(demo_db) as s:
        aisha = s.scalar(select(Citizen.id).where(Citizen.display_name == "Aisha"))
        assert s.scalar(select(AuditEvent.detail).where(AuditEvent.action == "export_personal_data",
                                                        AuditEvent.citizen_id == aisha)) == "by=citizen"


def test_the_support_person_makes_the_file_on_the_citizens_behalf(app, demo_db):
    staff_login(app, "ole")
    open_page(app, "support_citizen.py", citizen_id(demo_db, "Aisha"))
    app.segmented_control[0].set_value("status").run()
    press(app, "Lav filen")
    assert not app.exception and _download_offered(app)
    readable = _file(app, f"citizen_{citizen_id(demo_db, 'Aisha')}")["laes-mig.txt"]
    assert "Din støtteperson har hentet filen for dig." in readable


def test_the_coordinator_erases_due_citizens_after_a_dry_run_and_ends_the_programme(app, demo_db):
    with write_session(demo_db) as s:
        s.execute(update(Citizen).where(Citizen.display_name == "Aisha")
                  .values(status="ended", ended_at=utcnow() - timedelta(days=3000)))
    staff_login(app, "karin")
    app.switch_page("app_pages/data_lifetime.py").run()
    assert "1 borgers data kan slettes nu:" in texts(app)
    assert "Aisha" not in texts(app)  # numbers and internal numbers only
    [erase] = [b for b in app.button if b.label == "Slet nu"]
    assert erase.disabled  # the confirmation comes first
    app.checkbox(key="erase_confirm").check().run()
    press(app, "Slet nu")
    assert "Persondata er slettet. Tallene til rapporten er gemt." in texts(app)
    assert "Ingen borgere er klar til sletning lige nu." in texts(app)
    with write_session(demo_db) as s:
        assert s.scalar(select(Citizen.display_name).where(Citizen.erased_at.is_not(None))) == "[slettet]"

    app.text_area(key="programme_end_reason").input("Forsøget er slut. Tak, fordi du var med.")
    app.checkbox(key="programme_end_confirm").check().run()
    press(app, "Afslut programmet")
    assert "Programmet er afsluttet." in texts(app)
    with write_session(demo_db) as s:
        assert s.scalar(select(Programme.ended_at)) is not None
        assert set(s.scalars(select(Citizen.status))) == {"ended"}
