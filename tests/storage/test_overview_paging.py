"""A page of the overviews costs the same at 100 and 5 000 citizens, comes from one index on PostgreSQL,
and is the right slice of the urgency order; the citizen row's copy of the oldest waiting plan follows
the plans themselves."""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import event, select, text

from storage import caseload, decisions, plan
from storage.db import write_session
from storage.models import Citizen, Submission
from storage.statuses import DecisionKind
from tests.storage.factories import build_world, citizen_of, decide_all, plan_with_items, submit
from tests.storage.test_overview_queries import _bulk_citizens, _support_person


def _page_and_figures(engine, actor, page: int = 0) -> tuple[int, list[caseload.CaseRow], caseload.CaseloadCounts]:
    """(SQL statements sent, the page's rows, the figures) for one load of an overview page."""
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        with write_session(engine) as s:
            figures = caseload.overview_counts(s, actor=actor, today=date.today())
            rows = caseload.overview(s, actor=actor, limit=caseload.PAGE_SIZE, offset=page * caseload.PAGE_SIZE)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen), rows, figures


def test_a_page_and_its_figures_take_the_same_statements_for_100_and_5000_citizens(engine, db_backend):
    w = build_world(engine)
    small = _support_person(engine, w.programme_id, "lille")
    large = _support_person(engine, w.other_programme_id, "stor")
    _bulk_citizens(engine, w.programme_id, small.id, 100, "S")
    _bulk_citizens(engine, w.other_programme_id, large.id, 5000, "L")
    for few, many in ((w.coordinator, w.other_coordinator), (small, large)):
        q_few, rows_few, figures_few = _page_and_figures(engine, few)
        q_many, rows_many, figures_many = _page_and_figures(engine, many)
        print(f"\noverview page on {db_backend}: {figures_few.citizens} citizens={q_few} statements, "
              f"{figures_many.citizens} citizens={q_many}")
        assert figures_many.citizens >= 5000 > figures_few.citizens >= 100
        assert len(rows_few) == len(rows_many) == caseload.PAGE_SIZE
        assert q_few == q_many <= 5  # BEGIN (SQLite), answer days, figures, the page, the audit insert


def test_the_first_and_last_pages_are_the_ends_of_the_whole_list_and_past_the_end_is_empty(engine):
    w = build_world(engine)
    support = _support_person(engine, w.other_programme_id, "ender")
    _bulk_citizens(engine, w.other_programme_id, support.id, 2 * caseload.PAGE_SIZE + 7, "E")
    coordinator = w.other_coordinator
    with write_session(engine) as s:
        everyone = [r.citizen_id for r in caseload.overview(s, actor=coordinator)]
    _q, first, figures = _page_and_figures(engine, coordinator, 0)
    _q, last, _figures = _page_and_figures(engine, coordinator, 2)
    _q, beyond, _figures = _page_and_figures(engine, coordinator, 3)
    assert figures.citizens == len(everyone) == 2 * caseload.PAGE_SIZE + 8  # with build_world's Ib
    assert [r.citizen_id for r in first] == everyone[:caseload.PAGE_SIZE]
    assert [r.citizen_id for r in last] == everyone[2 * caseload.PAGE_SIZE:] and len(last) == 8
    assert beyond == []
    flagged = [r.needs_help_since is not None for r in first]
    assert flagged == sorted(flagged, reverse=True) and flagged[0]  # 'har det svært' leads the first page


def test_an_empty_programme_has_no_rows_and_zero_figures(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        s.execute(text("DELETE FROM citizen_credentials WHERE citizen_id IN "
                       "(SELECT id FROM citizens WHERE programme_id = :p)"), {"p": w.other_programme_id})
        s.execute(text("DELETE FROM citizens WHERE programme_id = :p"), {"p": w.other_programme_id})
    _q, rows, figures = _page_and_figures(engine, w.other_coordinator)
    assert rows == [] and figures == caseload.CaseloadCounts(0, 0, 0, 0)


def _copy(engine, citizen_id: int) -> tuple[int | None, datetime | None]:
    with write_session(engine) as s:
        citizen = s.get_one(Citizen, citizen_id)
        return citizen.waiting_version, citizen.waiting_since


def _submitted_at(engine, submission_id: int) -> datetime:
    with write_session(engine) as s:
        return s.get_one(Submission, submission_id).submitted_at


def test_the_citizen_row_keeps_the_oldest_waiting_plan_through_sending_backdating_and_answers(engine):
    w = build_world(engine)
    me = citizen_of(w)
    goal, _items = plan_with_items(engine, me, [100_000])
    assert _copy(engine, me.id) == (None, None)
    first = submit(engine, me)
    assert _copy(engine, me.id) == (1, _submitted_at(engine, first))
    with write_session(engine) as s:
        plan.add_item(s, actor=me, citizen_id=me.id, title="Jakke", price_ore=50_000, goal_id=goal)
    second = submit(engine, me)
    assert _copy(engine, me.id) == (1, _submitted_at(engine, first))  # the oldest still sets the time
    backdated = datetime(2026, 11, 24, 10, tzinfo=timezone.utc)
    with write_session(engine) as s:
        s.get_one(Submission, first).submitted_at = backdated
    assert _copy(engine, me.id) == (1, backdated)
    decide_all(engine, w.support, first, DecisionKind.APPROVE)
    with write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=first)
    assert _copy(engine, me.id) == (2, _submitted_at(engine, second))
    decide_all(engine, w.support, second, DecisionKind.APPROVE)
    with write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=second)
    assert _copy(engine, me.id) == (None, None)


def _plan_of(engine, statement_text: str, params) -> str:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN " + statement_text, params).all()
    return "\n".join(r[0] for r in rows)


def test_postgresql_reads_a_page_from_the_index_without_scanning_citizens_or_plans(engine, db_backend):
    """EXPLAIN of the coordinator's page and the support person's overview at 3 000 citizens: no
    sequential scan of citizens or submissions, and the coordinator's page is the first rows of the order's
    index (only those 50 are sorted again after the joins)."""
    if db_backend != "postgresql":
        assert engine.dialect.name == "sqlite"  # the plan checked here is PostgreSQL's
        return
    w = build_world(engine)
    support = _support_person(engine, w.programme_id, "plan")
    for n in range(3):  # 120 support persons' worth of citizens would be slow to make; 3 x 1 000 is enough
        person = support if n == 0 else _support_person(engine, w.programme_id, f"plan{n}")
        _bulk_citizens(engine, w.programme_id, person.id, 1000, f"X{n}")
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    statements: list[tuple[str, object]] = []

    def grab(_conn, _cursor, statement, params, *_args) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "ORDER BY" in statement:
            statements.append((statement, params))

    event.listen(engine, "before_cursor_execute", grab)
    try:
        with write_session(engine) as s:
            caseload.overview(s, actor=w.coordinator, limit=caseload.PAGE_SIZE)
            caseload.overview(s, actor=support)
    finally:
        event.remove(engine, "before_cursor_execute", grab)
    coordinator_plan, support_plan = (_plan_of(engine, st, p) for st, p in statements)
    for shown in (coordinator_plan, support_plan):
        assert "Seq Scan on citizens" not in shown and "Seq Scan on submissions" not in shown, shown
    lines = coordinator_plan.splitlines()
    limit = next(n for n, line in enumerate(lines) if "Limit" in line)
    assert "using ix_citizens_overview_order" in lines[limit + 1], coordinator_plan  # the page: no sort of all
