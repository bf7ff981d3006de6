"""'Mine borgere' loads in the same number of SQL statements for 10 citizens as for 1 000, most urgent first."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import event, insert, select

from storage import caseload, programmes
from storage.auth import staff_actor
from storage.db import write_session
from storage.models import Citizen, CitizenCredential, CourseProgress, StaffRole, StaffUser, Submission, utcnow
from storage.models.waiting_copy import copy_statement
from tests.storage.factories import build_world, citizen_of, plan_with_items, submit

START = date(2026, 1, 5)


def _support_person(engine, programme_id: int, username: str):
    with write_session(engine) as s:
        user = programmes.create_staff(s, programme_id=programme_id, username=username, display_name=username,
                                       role=StaffRole.SUPPORT, password=None)
        return staff_actor(s.get_one(StaffUser, user.id))


def _bulk_citizens(engine, programme_id: int, support_id: int, count: int, prefix: str) -> None:
    """Citizens with every kind of row the overview joins: codes (some locked), course progress,
    waiting and answered plans, and the 'har det svært' flag. Bulk inserts: five statements in all."""
    now = utcnow()
    with write_session(engine) as s:
        s.execute(insert(Citizen), [
            {"programme_id": programme_id, "support_person_id": support_id, "display_name": f"Borger {n}",
             "internal_ref": f"{prefix}{n:05d}", "budget_total_ore": 5_000_000, "start_date": START,
             "end_date": START + timedelta(days=365), "created_at": now - timedelta(minutes=n),
             "needs_help_since": now if n % 7 == 0 else None}
            for n in range(count)])
        ids = list(s.scalars(select(Citizen.id).where(Citizen.internal_ref.like(f"{prefix}%")).order_by(Citizen.id)))
        s.execute(insert(CitizenCredential), [
            {"citizen_id": cid, "lookup": f"{prefix}{n:05d}"[:8], "secret_hash": "x",
             "locked_at": now if n % 5 == 0 else None} for n, cid in enumerate(ids)])
        s.execute(insert(CourseProgress), [
            {"citizen_id": cid, "current_step_id": "some_step", "completed_at": now if n % 2 else None}
            for n, cid in enumerate(ids) if n % 3])
        s.execute(insert(Submission), [
            {"citizen_id": cid, "version": version, "snapshot": {}, "status": status,
             "submitted_at": now - timedelta(days=n % 20)}
            for n, cid in enumerate(ids) if n % 2
            for version, status in ((1, "answered"), (2, "waiting"))])
        s.execute(copy_statement(ids))  # a bulk insert bypasses the ORM, which keeps the copy otherwise


def _statements_for_overview(engine, actor) -> tuple[int, int]:
    """(SQL statements sent, rows returned) for one overview load, audit insert and commit included."""
    seen: list[str] = []

    def count(_conn, _cursor, statement, _params, _context, _executemany):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        with write_session(engine) as s:
            rows = caseload.overview(s, actor=actor)
            today = date.today()
            assert all(r.waiting(today) is None or r.waiting(today).answer_by for r in rows)  # no lazy loads
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen), len(rows)


def test_overview_uses_the_same_number_of_statements_for_10_and_1000_citizens(engine, db_backend):
    w = build_world(engine)
    small = _support_person(engine, w.programme_id, "lille")
    large = _support_person(engine, w.programme_id, "stor")
    _bulk_citizens(engine, w.programme_id, small.id, 10, "S")
    _bulk_citizens(engine, w.programme_id, large.id, 1000, "L")
    for_10, rows_10 = _statements_for_overview(engine, small)
    for_1000, rows_1000 = _statements_for_overview(engine, large)
    print(f"\noverview SQL statements on {db_backend}: 10 citizens={for_10}, 1000 citizens={for_1000}")
    assert (rows_10, rows_1000) == (10, 1000)
    assert for_10 == for_1000
    assert for_10 <= 3  # BEGIN (SQLite only), the select, the audit insert


def test_flagged_citizens_come_first_then_longest_waiting_then_newest(engine):
    w = build_world(engine)
    support = _support_person(engine, w.programme_id, "orden")
    _bulk_citizens(engine, w.programme_id, support.id, 30, "O")
    with write_session(engine) as s:
        rows = caseload.overview(s, actor=support)
    flags = [r.needs_help_since is not None for r in rows]
    assert flags == sorted(flags, reverse=True)
    unflagged_waiting = [r.waiting_since for r in rows if not r.needs_help_since and r.waiting_since]
    assert unflagged_waiting == sorted(unflagged_waiting)
    rest = [r for r in rows if not r.needs_help_since and not r.waiting_since]
    assert [r.created_at for r in rest] == sorted((r.created_at for r in rest), reverse=True)


def test_waiting_is_counted_in_danish_working_days_against_the_promise(engine):
    w = build_world(engine)
    me = citizen_of(w)
    plan_with_items(engine, me, [100_000])
    sid = submit(engine, me)
    with write_session(engine) as s:
        s.get(Submission, sid).submitted_at = datetime(2026, 11, 24, 10, tzinfo=timezone.utc)  # a Tuesday
    with write_session(engine) as s:
        [row] = caseload.overview(s, actor=w.support)
    assert row.answer_working_days == 5
    on_time = row.waiting(date(2026, 11, 27))  # Friday
    assert (on_time.working_days, on_time.answer_by, on_time.overdue) == (3, date(2026, 12, 1), False)
    late = row.waiting(date(2026, 12, 3))  # Thursday after the promised Tuesday
    assert (late.working_days, late.overdue, late.working_days_late) == (7, True, 2)


def test_the_oldest_waiting_plan_sets_the_waiting_time(engine):
    w = build_world(engine)
    me = citizen_of(w)
    goal, _items = plan_with_items(engine, me, [100_000])
    first = submit(engine, me)
    from storage import plan
    with write_session(engine) as s:
        plan.add_item(s, actor=me, citizen_id=me.id, title="Jakke", price_ore=50_000, goal_id=goal)
    submit(engine, me)
    with write_session(engine) as s:
        [row] = caseload.overview(s, actor=w.support)
        assert (row.waiting_version, row.waiting_since) == (1, s.get(Submission, first).submitted_at)


def test_a_page_of_the_coordinators_overview_is_that_slice_of_the_whole_list(engine):
    w = build_world(engine)
    support = _support_person(engine, w.programme_id, "side")
    _bulk_citizens(engine, w.programme_id, support.id, 120, "P")
    with write_session(engine) as s:
        everyone = [r.citizen_id for r in caseload.overview(s, actor=w.coordinator)]
        pages = [[r.citizen_id for r in caseload.overview(s, actor=w.coordinator, limit=50, offset=start)]
                 for start in (0, 50, 100)]
    assert [len(p) for p in pages] == [50, 50, len(everyone) - 100]
    assert pages[0] + pages[1] + pages[2] == everyone


def test_the_counts_above_the_list_match_the_rows_in_two_statements(engine):
    """Flagged, waiting and overdue are counted by the database, the same as the rows say, today and
    on a later day when more plans have waited too long."""
    w = build_world(engine)
    support = _support_person(engine, w.programme_id, "tal")
    _bulk_citizens(engine, w.programme_id, support.id, 60, "T")
    with write_session(engine) as s:
        rows = caseload.overview(s, actor=support)
    for today in (date.today(), date.today() + timedelta(days=9)):
        seen: list[str] = []
        listener = lambda *args: seen.append(args[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            with write_session(engine) as s:
                counts = caseload.overview_counts(s, actor=support, today=today)
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        waits = [r.waiting(today) for r in rows]
        assert counts == caseload.CaseloadCounts(
            citizens=len(rows), needs_help=sum(1 for r in rows if r.needs_help_since),
            waiting=sum(1 for x in waits if x), overdue=sum(1 for x in waits if x and x.overdue))
        assert len([q for q in seen if q.lstrip().upper().startswith("SELECT")]) == 2
    assert counts.overdue > 0
