"""Where each citizen stands at their current milestone, for each side: the citizen's home page, the support
person's overview and the notification sweep. Many citizens cost the same few queries as one.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import audit, goal_ratings, milestones
from storage.access import Action, Actor, Resource, authorize, require_role
from storage.milestones import Milestone, State
from storage.models import Citizen, Goal, Who5Response
from storage.statuses import CitizenStatus, Rater, StaffRole

OPEN = (State.DUE, State.OVERDUE)


@dataclass(frozen=True)
class MilestoneStatus:
    citizen_id: int
    milestone: Milestone
    citizen: State      # the citizen's side (their ratings, and WHO-5 when the milestone asks it)
    support: State      # the support person's side (their ratings)
    goals: int = 0      # current long-term goals to rate
    who5_open: bool = False  # the milestone asks WHO-5 and the citizen has neither answered nor skipped it


def _statuses(session: Session, people: list[tuple[int, date, date]], on: date) -> dict[int, MilestoneStatus]:
    """(citizen id, start, end) -> the status at each one's current milestone, in three queries."""
    current = {cid: m for cid, start, end in people if (m := milestones.current(start, end, on)) is not None}
    if not current:
        return {}
    ids = list(current)
    goals: dict[int, list[int]] = {}
    for cid, gid in session.execute(select(Goal.citizen_id, Goal.id).where(
            Goal.citizen_id.in_(ids), Goal.parent_id.is_(None), Goal.removed_at.is_(None))):
        goals.setdefault(cid, []).append(gid)
    rated = {key: set(views) for key, views in goal_ratings.newest(
        session, ids, {m.key for m in current.values()}).items()}
    answered = set(tuple(r) for r in session.execute(select(Who5Response.citizen_id, Who5Response.milestone).where(
        Who5Response.citizen_id.in_(ids))).all())
    found = {}
    for cid, m in current.items():
        own = goals.get(cid, [])
        citizen_done = milestones.is_done(own, rated.get((cid, m.key, Rater.CITIZEN.value), ()),
                                          who5_needed=m.asks_who5, who5_given=(cid, m.key) in answered)
        support_done = milestones.is_done(own, rated.get((cid, m.key, Rater.SUPPORT.value), ()))
        found[cid] = MilestoneStatus(cid, m, milestones.state(m, m, on, done=citizen_done),
                                     milestones.state(m, m, on, done=support_done), len(own),
                                     m.asks_who5 and (cid, m.key) not in answered)
    return found


def _active(query):
    return query.where(Citizen.status == CitizenStatus.ACTIVE.value, Citizen.erased_at.is_(None))


def for_citizen(session: Session, *, actor: Actor, citizen_id: int, on: date | None = None) -> MilestoneStatus | None:
    """The citizen's current milestone and how far each side is (None before the start, or when not active)."""
    citizen = authorize(session, actor, citizen_id, Resource.GOAL_RATING, Action.READ)
    audit.record_staff(session, actor, "read_milestone", citizen_id=citizen_id)
    if citizen.status != CitizenStatus.ACTIVE.value:
        return None
    return _statuses(session, [(citizen.id, citizen.start_date, citizen.end_date)],
                     on or milestones.today()).get(citizen.id)


@dataclass(frozen=True)
class DueRow:
    citizen_id: int
    display_name: str
    status: MilestoneStatus


def support_due(session: Session, *, actor: Actor, on: date | None = None) -> list[DueRow]:
    """'Mine borgere': the support person's active citizens whose current milestone waits for the support
    person's ratings (due or overdue), overdue first, then by date."""
    require_role(actor, StaffRole.SUPPORT)
    people = session.execute(_active(select(Citizen.id, Citizen.start_date, Citizen.end_date, Citizen.display_name)
                                     .where(Citizen.programme_id == actor.programme_id,
                                            Citizen.support_person_id == actor.id))).all()
    statuses = _statuses(session, [(p.id, p.start_date, p.end_date) for p in people], on or milestones.today())
    names = {p.id: p.display_name for p in people}
    rows = [DueRow(cid, names[cid], st) for cid, st in statuses.items() if st.support in OPEN]
    rows.sort(key=lambda r: (r.status.support is not State.OVERDUE, r.status.milestone.on, r.display_name))
    if rows:
        audit.record_reads(session, actor, "read_milestones_due", (r.citizen_id for r in rows))
    return rows


def all_open(session: Session, on: date) -> dict[int, MilestoneStatus]:
    """For the notification sweep (no person asks): every active citizen whose current milestone is open for
    the citizen's side."""
    people = session.execute(_active(select(Citizen.id, Citizen.start_date, Citizen.end_date))).all()
    statuses = _statuses(session, [(p.id, p.start_date, p.end_date) for p in people], on)
    return {cid: st for cid, st in statuses.items() if st.citizen in OPEN or st.support in OPEN}
