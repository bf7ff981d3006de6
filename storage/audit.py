"""The audit log: every staff read, search, change and export of citizen data.

Events hold who (staff id and role), what (action and object), which
citizen and when; never the citizen's own words. A citizen can see which
roles looked at their plan; coordinators can export the log; events older
than the retention are deleted by ``borgerbudget purge-audit``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, insert, or_, select
from sqlalchemy.orm import Session

from storage.access import Action, Actor, ActorKind, Resource, authorize, require_role
from storage import throttle
from storage.csv_files import write_csv
from storage.models import AuditEvent, Citizen, StaffRole, StaffUser, utcnow


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


def record_reads(session: Session, actor: Actor, action: str, citizen_ids: Iterable[int], *,
                 detail: str | None = None) -> None:
    """A list or an export that shows several citizens: one event for the whole list (with its ``detail``) and
    one event for each citizen it showed, so each citizen's "Hvem har set min plan" tells the truth. The
    citizens' events go in one bulk INSERT, so a list of 1 000 costs as many statements as a list of 10."""
    record_each(session, actor, action, {None: detail, **{cid: None for cid in sorted(set(citizen_ids))}})


def record_each(session: Session, actor: Actor | None, action: str, details: dict[int | None, str | None]) -> None:
    """One event per citizen (key None: one without a citizen), each with its own detail, in one bulk INSERT."""
    now = utcnow()
    session.execute(insert(AuditEvent.__table__), [  # Core: one executemany, whatever is None
        {"at": now, "actor_type": "system" if actor is None else actor.kind.value,
         "actor_id": None if actor is None else actor.id, "actor_role": None if actor is None else actor.audit_role,
         "action": action, "citizen_id": cid, "detail": (detail or None) and detail[:500]}
        for cid, detail in details.items()])


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


def _programme_events(programme_id: int):
    """Events that belong to one programme: about its citizens, or (with no citizen) done by its staff or to its
    staff (a lock after wrong passwords). Another programme's staff events, and the operator's, are not in it."""
    citizens = select(Citizen.id).where(Citizen.programme_id == programme_id)
    staff = select(StaffUser.id).where(StaffUser.programme_id == programme_id)
    return or_(AuditEvent.citizen_id.in_(citizens),
               and_(AuditEvent.citizen_id.is_(None), AuditEvent.actor_type == ActorKind.STAFF.value,
                    AuditEvent.actor_id.in_(staff)),
               and_(AuditEvent.citizen_id.is_(None), AuditEvent.object_type == "staff", AuditEvent.object_id.in_(staff)))


@dataclass(frozen=True)
class Export:
    """The log as a CSV file, and what recording its export needs (see :func:`record_export`)."""

    text: str
    citizen_ids: frozenset[int]
    detail: str


def prepare_export(session: Session, *, actor: Actor | None, since: datetime | None = None) -> Export:
    """Read the log and write the file; it writes nothing, so the page runs it as a read (on SQLite: no write
    lock held while thousands of rows are read and written out). Hand the file out only after
    :func:`record_export` has stored that it left the app."""
    query = select(*(getattr(AuditEvent, c) for c in EXPORT_COLUMNS)).order_by(AuditEvent.id)
    if actor is not None:
        require_role(actor, StaffRole.COORDINATOR)
        query = query.where(_programme_events(actor.programme_id))
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    rows = session.execute(query).all()
    text = write_csv(EXPORT_COLUMNS, ([r.id, r.at.isoformat(), *r[2:]] for r in rows))
    return Export(text=text, citizen_ids=frozenset(r.citizen_id for r in rows if r.citizen_id),
                  detail=f"since={since.isoformat() if since else 'all'}")


def record_export(session: Session, *, actor: Actor | None, export: Export) -> None:
    """Every citizen who appears in the file gets an event: their data left the app (a short write)."""
    if actor is None:
        record(session, None, "export_audit_log", detail=export.detail)
    else:
        require_role(actor, StaffRole.COORDINATOR)
        record_reads(session, actor, "export_audit_log", export.citizen_ids, detail=export.detail)


def export_csv(session: Session, *, actor: Actor | None, since: datetime | None = None) -> str:
    """The coordinator's export of their programme's log (or all, for the operator's CLI: actor None), read and
    recorded in one transaction."""
    export = prepare_export(session, actor=actor, since=since)
    record_export(session, actor=actor, export=export)
    return export.text


def purge_older_than(session: Session, *, days: int, now: datetime | None = None) -> int:
    """Delete events older than the retention; returns how many went."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    result = session.execute(delete(AuditEvent).where(AuditEvent.at < cutoff))
    throttle.purge_older_than(session)  # wrong-login counters are kept a day; the same daily run forgets them
    record(session, None, "purge_audit_log", detail=f"days={days} deleted={result.rowcount}")
    return int(result.rowcount or 0)
