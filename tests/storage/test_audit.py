"""Staff reads and changes are logged; citizens see roles, not names; old events are purged."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

from sqlalchemy import func, select

from storage import audit, caseload, citizens
from storage.access import Actor, ActorKind
from storage.db import write_session
from storage.models import AuditEvent, utcnow
from tests.storage.factories import build_world


def _events(engine, **where):
    with write_session(engine) as s:
        q = select(AuditEvent)
        for key, value in where.items():
            q = q.where(getattr(AuditEvent, key) == value)
        return list(s.scalars(q.order_by(AuditEvent.id)))


def test_staff_read_of_a_profile_is_logged_with_who_what_which_citizen(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        citizens.get_profile(s, actor=w.support, citizen_id=w.citizen_id)
    [event] = _events(engine, action="read_profile")
    assert (event.actor_type, event.actor_id, event.actor_role, event.citizen_id) == \
        ("staff", w.support.id, "support", w.citizen_id)
    assert event.at <= utcnow()


def test_citizen_reading_own_profile_is_not_logged_as_staff_access(engine):
    w = build_world(engine)
    me = Actor(kind=ActorKind.CITIZEN, id=w.citizen_id, programme_id=w.programme_id)
    with write_session(engine) as s:
        citizens.get_profile(s, actor=me, citizen_id=w.citizen_id)
    assert _events(engine, action="read_profile") == []


def test_listing_citizens_is_logged_as_a_search_and_as_a_look_at_each_citizen_shown(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        caseload.overview(s, actor=w.support)
    summary, shown = _events(engine, action="list_citizens")
    assert (summary.citizen_id, summary.detail) == (None, "count=1")
    assert (shown.citizen_id, shown.actor_id, shown.detail) == (w.citizen_id, w.support.id, None)
    me = Actor(kind=ActorKind.CITIZEN, id=w.citizen_id, programme_id=w.programme_id)
    with write_session(engine) as s:
        seen = audit.staff_views_of(s, actor=me, citizen_id=w.citizen_id)
    assert ("support", "list_citizens") in {(role, action) for _at, role, action in seen}


def test_lists_and_exports_are_recorded_against_every_citizen_they_show(engine):
    """Issue 13: 'Hvem har set min plan' said nothing when a citizen was only seen in a list or a file."""
    from storage import payments, second_opinions
    w = build_world(engine)
    with write_session(engine) as s:
        caseload.overview(s, actor=w.coordinator)
        payments.list_for_finance(s, actor=w.finance)
        second_opinions.open_questions(s, actor=w.coordinator)
        audit.export_csv(s, actor=w.coordinator)
    programme = {w.citizen_id, w.other_citizen_id}
    assert {e.citizen_id for e in _events(engine, action="list_citizens")} == {None} | programme
    # The audit file holds events about both of the programme's citizens (created, listed), never the foreign one.
    assert {e.citizen_id for e in _events(engine, action="export_audit_log")} == {None} | programme
    assert {e.action for e in _events(engine, citizen_id=w.foreign_citizen_id)} == {"create_citizen"}


def test_a_coordinator_exports_no_staff_event_of_another_programme(engine):
    """Issue 13: events without a citizen (a login, a list, a new staff member) leaked between programmes."""
    from storage import caseload as overview_module
    w = build_world(engine)
    with write_session(engine) as s:
        overview_module.overview(s, actor=w.other_coordinator)      # the other programme's staff event
        overview_module.overview(s, actor=w.support)                 # ours
    with write_session(engine) as s:
        rows = list(csv.DictReader(io.StringIO(audit.export_csv(s, actor=w.coordinator))))
    actors = {(r["actor_type"], r["actor_id"]) for r in rows}
    assert ("staff", str(w.other_coordinator.id)) not in actors
    assert ("staff", str(w.support.id)) in actors
    with write_session(engine) as s:
        everything = list(csv.DictReader(io.StringIO(audit.export_csv(s, actor=None))))  # the operator's CLI
    assert ("staff", str(w.other_coordinator.id)) in {(r["actor_type"], r["actor_id"]) for r in everything}


def test_citizen_sees_roles_not_names_of_who_looked(engine):
    w = build_world(engine)
    me = Actor(kind=ActorKind.CITIZEN, id=w.citizen_id, programme_id=w.programme_id)
    with write_session(engine) as s:
        citizens.get_profile(s, actor=w.support, citizen_id=w.citizen_id)
    with write_session(engine) as s:
        rows = audit.staff_views_of(s, actor=me, citizen_id=w.citizen_id)
    assert ("support", "read_profile") in {(role, action) for _at, role, action in rows}
    assert all("Sara" not in str(row) for row in rows)


def test_coordinator_export_covers_own_programme_only_and_is_itself_logged(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        citizens.get_profile(s, actor=w.support, citizen_id=w.citizen_id)
    with write_session(engine) as s:
        text = audit.export_csv(s, actor=w.coordinator)
    rows = list(csv.DictReader(io.StringIO(text)))
    citizen_ids = {r["citizen_id"] for r in rows if r["citizen_id"]}
    assert str(w.citizen_id) in citizen_ids
    assert str(w.foreign_citizen_id) not in citizen_ids
    assert {e.actor_id for e in _events(engine, action="export_audit_log")} == {w.coordinator.id}


def test_purge_deletes_only_events_older_than_retention(engine):
    build_world(engine)
    with write_session(engine) as s:
        s.add(AuditEvent(actor_type="system", action="old", at=utcnow() - timedelta(days=200)))
        s.add(AuditEvent(actor_type="system", action="recent", at=utcnow() - timedelta(days=10)))
    with write_session(engine) as s:
        deleted = audit.purge_older_than(s, days=183)
    assert deleted == 1
    with write_session(engine) as s:
        actions = set(s.scalars(select(AuditEvent.action)))
        assert "old" not in actions and "recent" in actions and "purge_audit_log" in actions
        assert s.scalar(select(func.count()).select_from(AuditEvent)) > 2


def test_the_export_is_read_as_a_read_and_recorded_in_a_short_write_of_its_own(engine):
    """Issue 20: the file is made in a read transaction (no write lock on SQLite while the rows are read);
    nothing is recorded until record_export, which names every citizen in the file."""
    from storage.db import read_session
    w = build_world(engine)
    with write_session(engine) as s:
        citizens.get_profile(s, actor=w.support, citizen_id=w.citizen_id)
    before = len(_events(engine))
    with read_session(engine) as s:
        export = audit.prepare_export(s, actor=w.coordinator)
    assert len(_events(engine)) == before  # reading the log wrote nothing
    assert w.citizen_id in export.citizen_ids and w.foreign_citizen_id not in export.citizen_ids
    with write_session(engine) as s:
        audit.record_export(s, actor=w.coordinator, export=export)
    assert {e.citizen_id for e in _events(engine, action="export_audit_log")} == {None, *export.citizen_ids}
