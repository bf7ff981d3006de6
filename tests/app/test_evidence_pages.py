"""The status form on the support person's page (with the consent step) and the coordinator's evidence page."""
from __future__ import annotations

from sqlalchemy import select

from storage import evidence
from storage.db import write_session
from storage.models import AuditEvent, Consent, StatusRecord, UnitPrice
from tests.app.conftest import press, staff_login
from tests.app.test_support_pages import citizen_id, open_page, staff, texts

SUBSTANCE = "Hvordan går det med stoffer eller alkohol?"


def _open_status(app, demo_db, name: str = "Mette") -> int:
    cid = citizen_id(demo_db, name)
    staff_login(app, "sara")
    app.session_state["open_section"] = "life_status"
    open_page(app, "support_citizen.py", cid)
    next(w for w in app.segmented_control if w.key == "citizen_section").set_value("life_status").run()
    return cid


def test_without_the_yes_there_is_no_substance_question_and_the_status_is_saved(app, demo_db):
    cid = _open_status(app, demo_db)
    assert SUBSTANCE not in [w.label for w in app.selectbox]
    next(w for w in app.selectbox if w.key == f"status_housing_{cid}_start").set_value("shelter")
    next(w for w in app.multiselect if w.key == f"status_support_{cid}_start").set_value(["contact_person"])
    next(w for w in app.number_input if w.key == f"status_hours_{cid}_start").set_value(4)
    press(app, "Gem status")
    assert "Status er gemt." in texts(app)
    with write_session(demo_db) as s:
        record = s.scalars(select(StatusRecord).where(StatusRecord.citizen_id == cid)).one()
        assert (record.moment, record.housing, record.support, record.support_hours, record.substance) == (
            "start", "shelter", ",contact_person,", 4, None)


def test_the_yes_stores_the_words_shown_and_opens_the_question(app, demo_db):
    cid = _open_status(app, demo_db)
    assert next(b for b in app.button if b.label == "Gem borgerens ja").disabled
    next(c for c in app.checkbox if c.key == f"consent_yes_{cid}").check().run()
    press(app, "Gem borgerens ja")
    assert "Borgerens ja er gemt." in texts(app)
    with write_session(demo_db) as s:
        consent = s.scalars(select(Consent).where(Consent.citizen_id == cid)).one()
        assert consent.text_shown.startswith("Vil du fortælle om stoffer og alkohol?")
    next(w for w in app.radio if w.key == f"status_moment_{cid}").set_value("end").run()
    next(w for w in app.selectbox if w.label == SUBSTANCE).set_value("stopped")
    next(w for w in app.radio if w.key == f"status_support_need_{cid}_end").set_value("much_less")
    press(app, "Gem status")
    with write_session(demo_db) as s:
        record = s.scalars(select(StatusRecord).where(StatusRecord.citizen_id == cid)).one()
        assert (record.moment, record.substance, record.support_need) == ("end", "stopped", "much_less")
    assert "Hvordan går det med stoffer eller alkohol? Jeg er holdt op" in [t.value for t in app.text]


def test_the_coordinator_sees_counts_enters_a_price_and_makes_the_document(app, demo_db):
    sara = staff(demo_db, "sara")
    ids = [citizen_id(demo_db, name) for name in ("Mette", "Jonas")]
    with write_session(demo_db) as s:
        for cid in ids:
            evidence.record_status(s, actor=sara, citizen_id=cid, moment="end", support_need="much_less")
    staff_login(app, "karin")
    app.switch_page("app_pages/evidence.py").run()
    assert app.title[0].value == "Evidens og status til udvalget"
    assert "Vises ikke: færre end 3 svar (n = 2)." in str([t.value for t in app.table])
    next(w for w in app.selectbox if w.key == "price_activity").set_value("shelter_nights")
    next(w for w in app.text_input if w.key == "price_amount").input("1.250")
    next(w for w in app.text_input if w.key == "price_source").input("SØM vidensdatabase 2026")
    press(app, "Gem prisen")
    assert "Prisen er gemt." in texts(app)
    with write_session(demo_db) as s:
        price = s.scalars(select(UnitPrice)).one()
        assert (price.activity, price.price_ore, price.payer) == ("shelter_nights", 125_000, "municipality")
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "read_evidence_figures")).first()
    press(app, "Lav dokumentet")
    assert app.session_state["evidence_pdf"].startswith(b"%PDF")
    assert [b.label for b in app.get("download_button")][-2:] == ["Hent som PDF", "Hent som Word"]


def test_the_evidence_page_is_only_in_the_coordinators_navigation():
    from citizen_app import navigation
    from storage.models import StaffRole
    owners = [role for role, pages in navigation.STAFF.items() if any(p.file == "evidence.py" for p in pages)]
    assert owners == [StaffRole.COORDINATOR]
