"""Evidence in a real browser (issue 19), on a phone: the support person records start and end status for two
citizens, one without and one with the yes to the substance-use question; the coordinator sees the figures,
enters a unit price, writes a paragraph and gets "Status til udvalget", whose text holds the figures and no
citizen's name."""
from __future__ import annotations

import io

from playwright.sync_api import Page, expect

from tests.e2e.helpers import (
    act,
    assert_accessible,
    browser_context,
    card_of,
    choose,
    click,
    create_citizen_in_db,
    expect_heading,
    expect_no_streamlit_english,
    go_to,
    login_staff,
    main_text,
    open_app,
    press,
    still,
    wait_for_app,
)
from tests.e2e.conftest import PHONE

WITHOUT, WITH, THIRD = "Evi Status", "Dina Status", "Tove Status"
SECTION = "Status før og efter"


def _third_citizen_in_db(database_url: str) -> None:
    """A third citizen with a start and end status, so the figures reach the small-group limit of 3."""
    from sqlalchemy import select

    from storage import evidence
    from storage.auth import staff_actor
    from storage.db import engine_for, write_session
    from storage.models import Citizen, StaffUser
    create_citizen_in_db(database_url, THIRD)
    with write_session(engine_for(database_url)) as s:
        sara = staff_actor(s.scalar(select(StaffUser).where(StaffUser.username == "sara")))
        cid = s.scalar(select(Citizen.id).where(Citizen.display_name == THIRD))
        evidence.record_status(s, actor=sara, citizen_id=cid, moment="start", housing="street")
        evidence.record_status(s, actor=sara, citizen_id=cid, moment="end", housing="street", support_need="same")


def _open_status(page: Page, name: str) -> None:
    go_to(page, "Mine borgere")
    click(page, "Åbn borgerens side", scope=card_of(page.locator("main").get_by_text(name, exact=True)))
    expect_heading(page, "Borger")
    act(page, page.get_by_text(SECTION, exact=True).click)
    expect(page.get_by_role("heading", name="Ny status")).to_be_visible()


def _moment(page: Page, label: str) -> None:
    act(page, page.get_by_text(label, exact=True).first.click)
    still(page)           # the new moment's form is drawn in full before anything is chosen in it
    wait_for_app(page)


def _save(page: Page) -> None:
    click(page, "Gem status")
    expect(page.get_by_text("Status er gemt.")).to_be_visible()


def test_status_with_and_without_consent_then_the_committee_document(e2e_browser, app, database_url, artifacts):
    _third_citizen_in_db(database_url)
    for name in (WITHOUT, WITH):
        create_citizen_in_db(database_url, name)

    with browser_context(e2e_browser, PHONE, artifacts, "evidence-support") as sara:
        open_app(sara, app.url)
        login_staff(sara, "sara")
        expect_heading(sara, "Mine borgere")

        _open_status(sara, WITHOUT)
        assert "Hvordan går det med stoffer eller alkohol?" not in main_text(sara)
        assert_accessible(sara, "support-status-no-consent", artifacts)
        expect_no_streamlit_english(sara)
        choose(sara, "Hvor bor du nu?", "På herberg eller forsorgshjem")
        _save(sara)
        _moment(sara, "Ved afslutning")
        choose(sara, "Hvor bor du nu?", "I min egen bolig")
        press(sara, sara.get_by_text("Meget mindre", exact=True))
        _save(sara)
        expect(sara.get_by_text("Hvor bor du nu? I min egen bolig")).to_be_visible()

        _open_status(sara, WITH)
        press(sara, sara.get_by_text("Borgeren siger ja", exact=True))
        click(sara, "Gem borgerens ja")
        expect(sara.get_by_text("Borgerens ja er gemt.")).to_be_visible()
        choose(sara, "Hvordan går det med stoffer eller alkohol?", "Jeg bruger stoffer eller meget alkohol")
        _save(sara)
        _moment(sara, "Ved afslutning")
        choose(sara, "Hvordan går det med stoffer eller alkohol?", "Jeg er holdt op")
        press(sara, sara.get_by_text("Meget mindre", exact=True))
        _save(sara)
        expect(sara.get_by_text("Hvordan går det med stoffer eller alkohol? Jeg er holdt op")).to_be_visible()
        assert_accessible(sara, "support-status-with-consent", artifacts)

    with browser_context(e2e_browser, PHONE, artifacts, "evidence-coordinator") as karin:
        open_app(karin, app.url)
        login_staff(karin, "karin")
        go_to(karin, "Evidens")
        expect_heading(karin, "Evidens og status til udvalget")
        text = main_text(karin)
        assert "66,7 % (2 af 3)." in text          # much less support need: Evi and Dina of three
        for name in (WITHOUT, WITH, THIRD):
            assert name not in text
        assert_accessible(karin, "coordinator-evidence", artifacts)
        expect_no_streamlit_english(karin)

        choose(karin, "Aktivitet", "Nætter på herberg eller forsorgshjem")
        karin.get_by_label("Pris for én enhed i kroner", exact=True).fill("1.250")
        karin.get_by_label("Kilde", exact=True).fill("SØM vidensdatabase 2026")
        click(karin, "Gem prisen")
        expect(karin.get_by_text("Prisen er gemt.")).to_be_visible()
        karin.get_by_label("Din tekst før tallene (kan springes over)", exact=True).fill("Kære udvalg. Her er vores tal.")
        click(karin, "Lav dokumentet")
        with karin.expect_download() as download:
            press(karin, karin.get_by_role("button", name="Hent som PDF", exact=True))
        assert_accessible(karin, "coordinator-evidence-document", artifacts)
        pdf = download.value.path().read_bytes()

    from pypdf import PdfReader
    document = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Kære udvalg. Her er vores tal." in document and "66,7 % (2 af 3)." in document
    assert "SØM" in document
    for name in (WITHOUT, WITH, THIRD, "Evi", "Dina", "Tove"):
        assert name not in document
