"""Looking at a page that only reads takes no write transaction (on SQLite: not the one write lock), so fifty
people reading never queue behind each other or behind a writer (issue 20). Staff pages that audit what they
show write on purpose and are not listed here."""
from __future__ import annotations

from contextlib import contextmanager

import pytest
from sqlalchemy import event

from storage.db import get_engine
from tests.app.conftest import citizen_login, staff_login


@contextmanager
def write_transactions() -> list[str]:
    """Every transaction begun on the app's engine that is not a read (storage.db.read_session)."""
    began: list[str] = []

    def on_begin(conn) -> None:
        if not conn.get_execution_options().get("borgerbudget_read"):
            began.append("write")
    engine = get_engine()
    event.listen(engine, "begin", on_begin)
    try:
        yield began
    finally:
        event.remove(engine, "begin", on_begin)


def _visit(at, page: str) -> None:
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception


def test_a_fresh_login_page_takes_no_write_transaction(demo_db):
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import APP
    at = AppTest.from_file(APP, default_timeout=30)
    with write_transactions() as writes:
        at.run()
        at.run()
    assert not at.exception and writes == []


@pytest.mark.parametrize("page", ["app_pages/course.py", "app_pages/plan.py", "app_pages/submit.py"])
def test_a_citizen_looking_at_a_page_takes_no_write_transaction(app, page):
    citizen_login(app, "HAVE-DEMA-3333", "1234")
    _visit(app, page)  # the first visit may write (a new answer read, a session touched); looking again must not
    with write_transactions() as writes:
        app.run()
    assert writes == []


@pytest.mark.parametrize("page", ["app_pages/programme.py", "app_pages/staff_admin.py",
                                  "app_pages/citizen_setup.py"])
def test_a_coordinator_looking_at_unaudited_settings_takes_no_write_transaction(app, page):
    staff_login(app, "karin")
    _visit(app, page)
    with write_transactions() as writes:
        app.run()
    assert writes == []


def test_the_audit_export_is_made_in_a_read_and_recorded_before_it_is_handed_out(app, demo_db):
    """The log is read and written out as CSV in a read transaction; one short write records the export."""
    from sqlalchemy import func, select

    from storage.db import write_session
    from storage.models import AuditEvent
    from tests.app.conftest import press
    staff_login(app, "karin")
    _visit(app, "app_pages/audit_export.py")
    began: list[str] = []

    def on_begin(conn) -> None:
        began.append("read" if conn.get_execution_options().get("borgerbudget_read") else "write")
    event.listen(get_engine(), "begin", on_begin)
    try:
        press(app, "Lav eksport")
    finally:
        event.remove(get_engine(), "begin", on_begin)
    assert not app.exception
    # who is logged in (a read), the log read and written out as CSV (a read), then the short record of it
    assert began == ["read", "read", "write"]
    assert any(b.proto.label == "Hent loggen som CSV" for b in app.get("download_button"))
    with write_session(demo_db) as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent)
                        .where(AuditEvent.action == "export_audit_log", AuditEvent.citizen_id.is_(None))) == 1
