"""The data's whole life (issue 13): a coordinator ends the programme; after the retention period the personal
data of ended citizens is erased, every free text everywhere, while the report's numbers stay; a dry run shows
what would go and changes nothing; each erasure is audited without its content."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import JSON, String, Text, cast, func, or_, select, update

from storage import citizens, report_sql, retention
from storage.db import write_session
from storage.errors import AccessDenied, DomainError
from storage.models import AuditEvent, Base, Citizen, CitizenStatus, Programme, utcnow
from tests.storage.case_with_everything import MARKERS, build_case
from tests.storage.factories import build_world

YEARS = timedelta(days=6 * 365)


def _age(engine, cid: int, by: timedelta) -> None:
    with write_session(engine) as s:
        s.execute(update(Citizen).where(Citizen.id == cid).values(ended_at=utcnow() - by))


def _markers_left(engine) -> dict[str, list[str]]:
    """Every text and JSON column of every table, searched for every marker."""
    found: dict[str, list[str]] = {}
    with write_session(engine) as s:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, (String, Text, JSON))]
            for column in columns:
                text = cast(column, Text) if isinstance(column.type, JSON) else column
                hits = s.scalars(select(text).where(or_(*(text.like(f"%{m}%") for m in MARKERS)))).all()
                for hit in hits:
                    found.setdefault(f"{table.name}.{column.name}", []).append(
                        next(m for m in MARKERS if m in str(hit)))
    return found


def _figures(s, programme_id: int) -> dict:
    """The counts and sums behind the programme report, before the small-group rule hides any of them."""
    return {"per_citizen": report_sql.citizen_figures(s, programme_id, None, 10),
            "money": report_sql.money(s, programme_id, None),
            "categories": sorted(report_sql.goal_categories(s, programme_id, None), key=str),
            "answers": sorted(report_sql.answer_days(s, programme_id, None), key=str),
            "endings": sorted(report_sql.endings(s, programme_id, None))}


def test_erasure_leaves_no_personal_text_anywhere_and_keeps_the_reports_numbers(engine):
    w = build_world(engine)
    cid = build_case(engine, w)
    assert set(sum(_markers_left(engine).values(), [])) == set(MARKERS)  # the case really holds every marker
    _age(engine, cid, YEARS)
    with write_session(engine) as s:
        before = _figures(s, w.programme_id)
        assert before["per_citizen"].own[0] == 1 and before["categories"] and before["answers"]  # the case counts
        [dry] = retention.due(s, actor=w.coordinator)
    assert (dry.citizen_id, dry.counts) == (cid, {"answers": 2, "conversation": 1, "goals": 2, "wishes": 2,
                                                  "journal_notes": 1, "messages": 1, "payments": 1,
                                                  "check_in_notes": 2, "help_shown": 1})
    assert set(sum(_markers_left(engine).values(), [])) == set(MARKERS)  # the dry run changed nothing
    with write_session(engine) as s:
        [erased] = retention.erase(s, actor=w.coordinator)
    assert erased.citizen_id == cid
    assert _markers_left(engine) == {}
    with write_session(engine) as s:
        after = _figures(s, w.programme_id)
        event = s.scalar(select(AuditEvent).where(AuditEvent.action == "erase_personal_data"))
        assert retention.due(s, actor=w.coordinator) == []  # erased once
    assert after == before
    assert (event.citizen_id, event.detail) == (cid, "answers=2 conversation=1 goals=2 wishes=2 journal_notes=1 "
                                                     "messages=1 payments=1 check_in_notes=2 help_shown=1")


def test_only_citizens_ended_longer_ago_than_the_retention_are_due(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        citizens.set_status(s, actor=w.support, citizen_id=w.citizen_id, status=CitizenStatus.ENDED, reason="Slut")
    with write_session(engine) as s:
        assert retention.due(s, actor=w.coordinator, days=30) == []          # ended today
        assert [d.citizen_id for d in retention.due(s, actor=w.coordinator, days=30,
                                                    now=utcnow() + timedelta(days=31))] == [w.citizen_id]
        # Active and paused citizens are never due, however old.
        assert w.other_citizen_id not in {d.citizen_id for d in retention.due(
            s, actor=w.coordinator, days=0, now=utcnow() + YEARS)}


def test_a_coordinator_erases_only_their_own_programme_and_the_cli_all(engine):
    w = build_world(engine)
    for actor, cid in ((w.support, w.citizen_id), (None, w.foreign_citizen_id)):
        with write_session(engine) as s:
            s.execute(update(Citizen).where(Citizen.id == cid).values(status="ended", ended_at=utcnow() - YEARS))
    with write_session(engine) as s:
        assert [d.citizen_id for d in retention.erase(s, actor=w.other_coordinator)] == [w.foreign_citizen_id]
        assert [d.citizen_id for d in retention.due(s, actor=None)] == [w.citizen_id]
    for refused in (w.support, w.finance):
        with pytest.raises(AccessDenied), write_session(engine) as s:
            retention.erase(s, actor=refused)
    with write_session(engine) as s:
        assert [d.citizen_id for d in retention.erase(s, actor=None)] == [w.citizen_id]


def test_ending_the_programme_ends_every_citizen_with_the_reason_and_takes_no_new_ones(engine):
    w = build_world(engine)
    with pytest.raises(DomainError), write_session(engine) as s:
        retention.end_programme(s, actor=w.coordinator, reason=" ")
    with write_session(engine) as s:
        assert retention.end_programme(s, actor=w.coordinator, reason="Forsøget er slut. Tak!") == 2
    with write_session(engine) as s:
        rows = s.execute(select(Citizen.status, Citizen.status_reason, Citizen.ended_at)
                         .where(Citizen.programme_id == w.programme_id)).all()
        assert {(status, reason) for status, reason, _at in rows} == {("ended", "Forsøget er slut. Tak!")}
        assert all(at is not None for _s, _r, at in rows)
        assert s.get(Programme, w.other_programme_id).ended_at is None  # the other programme goes on
        assert s.get(Citizen, w.foreign_citizen_id).status == "active"
    with pytest.raises(DomainError), write_session(engine) as s:
        citizens.create_citizen(s, actor=w.support, display_name="Ny")
    with pytest.raises(DomainError), write_session(engine) as s:
        retention.end_programme(s, actor=w.coordinator, reason="Igen")
    with pytest.raises(AccessDenied), write_session(engine) as s:
        retention.end_programme(s, actor=w.support, reason="Nej")


def test_erasing_many_citizens_takes_the_same_number_of_statements(engine):
    from sqlalchemy import event
    w = build_world(engine)

    def statements(count: int) -> int:
        with write_session(engine) as s:
            ids = [citizens.create_citizen(s, actor=w.support, display_name=f"B{n}").citizen_id for n in range(count)]
            s.execute(update(Citizen).where(Citizen.id.in_(ids)).values(status="ended", ended_at=utcnow() - YEARS))
        seen = []
        listener = lambda *a: seen.append(1)  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            with write_session(engine) as s:
                assert len(retention.erase(s, actor=None)) == count
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        return len(seen)

    assert statements(2) == statements(20)
    with write_session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Citizen).where(Citizen.erased_at.is_not(None))) == 22
