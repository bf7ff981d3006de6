"""Every CSV file the app writes opens as text in a spreadsheet, never as a formula (issue 13)."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from storage import audit, payments, report_export
from storage.csv_files import FORMULA_STARTS, safe_cell, write_csv
from storage.db import write_session
from tests.storage.factories import approved_items, build_world, citizen_of

HOSTILE = ["=HYPERLINK(\"http://x\";\"klik\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1+1",
           "\r=1+1", "  =1+1", "\uff1d1+1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_cell_that_starts_like_a_formula_is_marked_as_text(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Cykelhandler", "Ordre 17", "a=b", "København", "", 0, -5, 12.5, "'=x"])
def test_other_cells_and_numbers_are_left_as_they_are(value):
    assert safe_cell(value) == value
    assert safe_cell(None) == ""


def _starts_like_a_formula(cell: str) -> bool:
    return cell.lstrip(" ").startswith(FORMULA_STARTS)


def _cells(text: str, delimiter: str = ",") -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


def test_write_csv_makes_every_text_cell_safe_and_reads_back():
    text = write_csv(["navn", "beløb"], [[h, -3] for h in HOSTILE])
    rows = list(csv.reader(io.StringIO(text)))
    assert [r[0] for r in rows[1:]] == ["'" + h for h in HOSTILE]
    assert {r[1] for r in rows[1:]} == {"-3"}


def test_payment_export_neutralises_vendor_reference_and_reason(engine):
    w = build_world(engine)
    items = approved_items(engine, w.support, citizen_of(w), [300_000])
    with write_session(engine) as s:
        pid = payments.request_payment(s, actor=w.support, wish_item_id=items[0], vendor=HOSTILE[0],
                                       amount_ore=100_000, reference=HOSTILE[1], purchase_date=date.today())
        payments.reject(s, actor=w.finance, payment_id=pid, reason=HOSTILE[3])
    with write_session(engine) as s:
        text = payments.export_csv(s, actor=w.finance)
    cells = _cells(text, ";")
    assert not any(_starts_like_a_formula(c) for c in cells)
    assert {"'" + HOSTILE[0], "'" + HOSTILE[1], "'" + HOSTILE[3]} <= set(cells)


def test_audit_and_report_exports_neutralise_every_cell(engine):
    from storage.models import AuditEvent
    w = build_world(engine)
    with write_session(engine) as s:
        s.add(AuditEvent(actor_type="staff", actor_id=w.support.id, actor_role="support", action="=cmd",
                         citizen_id=w.citizen_id, detail="+cmd|' /C calc'!A0"))
    with write_session(engine) as s:
        cells = _cells(audit.export_csv(s, actor=w.coordinator)) + _cells(report_export.figures_csv(s, actor=w.coordinator))
    assert "'+cmd|' /C calc'!A0" in cells and "'=cmd" in cells
    assert not any(_starts_like_a_formula(c) for c in cells)
