""""Status til udvalget": the PDF's and the Word file's text hold the figures with their n and the method, and
no citizen's name or free text."""
from __future__ import annotations

import io
from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal

from citizen_app import evidence_content
from citizen_app.evidence_docx import status_docx
from citizen_app.evidence_pdf import status_pdf
from citizen_app.evidence_words import activity_labels
from citizen_app.i18n import money, translator
from storage import evidence, evidence_figures, evidence_prices, evidence_savings, notes, plan
from storage.db import write_session
from storage.models import Citizen
from tests.storage.factories import build_world, citizen_of

NAMES = ("Mette", "Jonas", "Borger-A", "Borger-B", "Borger-C")
FREE_TEXT = ("Min hemmelige drøm om en båd", "Notat om Mettes hverdag")
FMT = evidence_content.Formats(money=lambda ore: money(ore, "da"), number=lambda v: format_decimal(v, locale="da_DK"),
                               date=lambda d: format_date(d, format="long", locale="da_DK"))


def _programme(engine):
    w = build_world(engine)
    from storage import citizens
    with write_session(engine) as s:
        ids = [w.citizen_id, w.other_citizen_id]
        ids += [citizens.create_citizen(s, actor=w.support, display_name=n).citizen_id for n in NAMES[2:]]
    with write_session(engine) as s:
        plan.add_goal(s, actor=citizen_of(w), citizen_id=w.citizen_id, text=FREE_TEXT[0])
        notes.add(s, actor=w.support, citizen_id=w.citizen_id, text=FREE_TEXT[1])
        for n, cid in enumerate(ids):
            s.get_one(Citizen, cid).support_person_id = w.support.id
        s.flush()
        for n, cid in enumerate(ids):
            evidence.give_consent(s, actor=w.support, citizen_id=cid, text_shown="Må vi spørge?", language="da")
            evidence.record_status(s, actor=w.support, citizen_id=cid, moment="start", housing="shelter",
                                   occupation="none", substance="uses", support=["contact_person"], support_hours=6)
            evidence.record_status(s, actor=w.support, citizen_id=cid, moment="end",
                                   housing="own_home" if n < 3 else "shelter", occupation="job" if n < 1 else "none",
                                   substance="stopped" if n < 4 else "same", support=["contact_person"],
                                   support_hours=2, support_need="much_less" if n < 2 else "same")
        evidence_prices.add_price(s, actor=w.coordinator, activity="shelter_nights", price_ore=120_000,
                                  payer="municipality", source="SØM vidensdatabase")
    return w


def _document(engine, w):
    with write_session(engine) as s:
        outcomes = evidence_figures.outcomes(s, actor=w.coordinator)
        spending = evidence_figures.spending(s, actor=w.coordinator)
        prices = evidence_prices.list_prices(s, actor=w.coordinator)
    estimate = evidence_savings.estimate(outcomes, prices, years=2, approved_ore=spending.approved_ore, staff_hours=300)
    return evidence_content.build(outcomes, spending, estimate, prices, programme="Testby", activity_labels=activity_labels(),
                                  intro="Vores egen indledning til udvalget.", closing=None, today=date(2026, 12, 3),
                                  _=translator("da"), fmt=FMT)


def _pdf_text(data: bytes) -> tuple[str, int]:
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def _docx_text(data: bytes) -> str:
    from docx import Document
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_documents_hold_the_figures_and_nothing_that_names_a_citizen(engine):
    w = _programme(engine)
    document = _document(engine, w)
    pdf_text, pages = _pdf_text(status_pdf(document, lambda page: f"Side {page}"))
    word_text = _docx_text(status_docx(document))
    for text in (" ".join(pdf_text.split()), word_text):
        assert "Status til udvalget" in text and "Vores egen indledning til udvalget." in text
        assert "40 % (2 af 5)" in text            # much less support need
        assert "80 % (4 af 5)" in text            # reduced or stopped
        assert "20 % (1 af 5)" in text            # into a job
        assert "0 % (0 af 5)" in text and "60 % (3 af 5)" in text   # housed at start and at end
        assert "Diagrammet viser:" in text and "SØM" in text
        assert "1.200 kr. pr. nat, betales af kommunen. Kilde: SØM vidensdatabase" in text
        for private in (*NAMES, *FREE_TEXT, "Må vi spørge?"):
            assert private not in text, private
    assert pages >= 2


def test_a_figure_from_two_citizens_says_it_is_withheld(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        evidence.record_status(s, actor=w.support, citizen_id=w.citizen_id, moment="end", support_need="much_less")
    text = _docx_text(status_docx(_document(engine, w)))
    assert "Vises ikke: færre end 3 svar (n = 1)." in text and "100 %" not in text
