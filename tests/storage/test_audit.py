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


def test_listing_citizens_is_logged_as_a_search(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        caseload.overview(s, actor=w.support)
    [event] = _events(engine, action="list_citizens")
    assert event.detail == "count=1"


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
    assert _events(engine, action="export_audit_log")[0].actor_id == w.coordinator.id


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
