"""The audit log: every staff read, search, change and export of citizen data.

Events hold who (staff id and role), what (action and object), which
citizen and when; never the citizen's own words. A citizen can see which
roles looked at their plan; coordinators can export the log; events older
than the retention are deleted by ``borgerbudget purge-audit``.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.access import Action, Actor, ActorKind, Resource, authorize, require_role
from storage.models import AuditEvent, Citizen, StaffRole, utcnow


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    *,
    citizen_id: int | None = None,
    object_type: str | None = None,
    object_id: int | None = None,
    detail: str | None = None,
) -> None:
    session.add(
        AuditEvent(
            actor_type="system" if actor is None else actor.kind.value,
            actor_id=None if actor is None else actor.id,
            actor_role=None if actor is None else actor.audit_role,
            action=action,
            citizen_id=citizen_id,
            object_type=object_type,
            object_id=object_id,
            detail=(detail or None) and detail[:500],
        )
    )


def record_staff(session: Session, actor: Actor, action: str, **kwargs) -> None:
    """Audit only staff actions; a citizen working on their own plan is not logged as access."""
    if actor.is_staff:
        record(session, actor, action, **kwargs)


def staff_views_of(session: Session, *, actor: Actor, citizen_id: int) -> list[tuple[datetime, str, str]]:
    """For the citizen: (when, role, action) of staff reads and changes, newest first. No staff names."""
    authorize(session, actor, citizen_id, Resource.ACCESS_LOG, Action.READ)
    rows = session.execute(
        select(AuditEvent.at, AuditEvent.actor_role, AuditEvent.action)
        .where(AuditEvent.citizen_id == citizen_id, AuditEvent.actor_type == ActorKind.STAFF.value)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(200)
    ).all()
    if actor.is_staff:
        record(session, actor, "read_access_log", citizen_id=citizen_id)
    return [(r.at, r.actor_role or "", r.action) for r in rows]


EXPORT_COLUMNS = ("id", "at", "actor_type", "actor_id", "actor_role", "action", "citizen_id",
                  "object_type", "object_id", "detail")


def export_csv(session: Session, *, actor: Actor | None, since: datetime | None = None) -> str:
    """The coordinator's export of their programme's log (or all, for the operator's CLI: actor None)."""
    query = select(AuditEvent).order_by(AuditEvent.id)
    if actor is not None:
        require_role(actor, StaffRole.COORDINATOR)
        programme_citizens = select(Citizen.id).where(Citizen.programme_id == actor.programme_id)
        query = query.where(
            (AuditEvent.citizen_id.in_(programme_citizens)) | (AuditEvent.citizen_id.is_(None))
        )
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    events: Iterable[AuditEvent] = session.scalars(query)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for e in events:
        writer.writerow([e.id, e.at.isoformat(), e.actor_type, e.actor_id, e.actor_role, e.action,
                         e.citizen_id, e.object_type, e.object_id, e.detail])
    record(session, actor, "export_audit_log", detail=f"since={since.isoformat() if since else 'all'}")
    return out.getvalue()


def purge_older_than(session: Session, *, days: int, now: datetime | None = None) -> int:
    """Delete events older than the retention; returns how many went."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    result = session.execute(delete(AuditEvent).where(AuditEvent.at < cutoff))
    record(session, None, "purge_audit_log", detail=f"days={days} deleted={result.rowcount}")
    return int(result.rowcount or 0)
