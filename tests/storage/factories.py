"""Small builders for test data; each returns plain ids/actors, not ORM objects."""
from __future__ import annotations

from dataclasses import dataclass

from storage import citizens, programmes
from storage.access import Actor
from storage.auth import staff_actor
from storage.db import write_session
from storage.models import StaffRole, StaffUser

PASSWORD = "korrekt-hest-batteri"


@dataclass
class World:
    """Two programmes; in the first, two support persons with a citizen each, plus every other role."""

    programme_id: int
    other_programme_id: int
    support: Actor
    other_support: Actor
    coordinator: Actor
    finance: Actor
    facilitator: Actor
    other_coordinator: Actor
    other_finance: Actor
    citizen_id: int
    citizen_code: str
    other_citizen_id: int
    foreign_citizen_id: int


def _staff(session, programme_id: int, username: str, role: StaffRole) -> Actor:
    user = programmes.create_staff(session, programme_id=programme_id, username=username,
                                   display_name=username.title(), role=role, password=PASSWORD)
    return staff_actor(session.get_one(StaffUser, user.id))


def build_world(engine) -> World:
    with write_session(engine) as s:
        p1 = programmes.create_programme(s, name="Testby", default_budget_ore=5_000_000)
        p2 = programmes.create_programme(s, name="Andenby", default_budget_ore=3_000_000)
        support = _staff(s, p1.id, "sara", StaffRole.SUPPORT)
        other_support = _staff(s, p1.id, "ole", StaffRole.SUPPORT)
        coordinator = _staff(s, p1.id, "karin", StaffRole.COORDINATOR)
        finance = _staff(s, p1.id, "finn", StaffRole.FINANCE)
        facilitator = _staff(s, p1.id, "frida", StaffRole.FACILITATOR)
        foreign_support = _staff(s, p2.id, "aske", StaffRole.SUPPORT)
        other_coordinator = _staff(s, p2.id, "kaj", StaffRole.COORDINATOR)
        other_finance = _staff(s, p2.id, "fie", StaffRole.FINANCE)
        mine = citizens.create_citizen(s, actor=support, display_name="Mette")
        other = citizens.create_citizen(s, actor=other_support, display_name="Jonas")
        foreign = citizens.create_citizen(s, actor=foreign_support, display_name="Ib")
    return World(p1.id, p2.id, support, other_support, coordinator, finance, facilitator, other_coordinator,
                 other_finance, mine.citizen_id, mine.access_code, other.citizen_id, foreign.citizen_id)


def citizen_of(w: World, citizen_id: int | None = None) -> Actor:
    from storage.access import ActorKind
    return Actor(kind=ActorKind.CITIZEN, id=citizen_id or w.citizen_id, programme_id=w.programme_id)


def plan_with_items(engine, actor: Actor, prices_ore: list[int], goal_text: str = "Et job") -> tuple[int, list[int]]:
    """One long-term goal with a sub-goal, and one item per price linked to the sub-goal."""
    from storage import plan
    with write_session(engine) as s:
        goal = plan.add_goal(s, actor=actor, citizen_id=actor.id, text=goal_text, category="education_job")
        sub = plan.add_goal(s, actor=actor, citizen_id=actor.id, text="Kørekort", parent_id=goal)
        items = [plan.add_item(s, actor=actor, citizen_id=actor.id, title=f"Ting {n}", price_ore=p, goal_id=sub)
                 for n, p in enumerate(prices_ore)]
    return goal, items


def submit(engine, actor: Actor) -> int:
    from sqlalchemy import select
    from storage import submissions
    from storage.models import Submission
    with write_session(engine) as s:
        version = submissions.submit(s, actor=actor, citizen_id=actor.id)
        return s.scalar(select(Submission.id).where(Submission.citizen_id == actor.id,
                                                    Submission.version == version))


def decide_all(engine, support: Actor, submission_id: int, kind, reason: str | None = None) -> None:
    from sqlalchemy import select
    from storage import decisions
    from storage.models import SubmissionItem
    with write_session(engine) as s:
        ids = list(s.scalars(select(SubmissionItem.id).where(SubmissionItem.submission_id == submission_id)))
        for sid in ids:
            decisions.record(s, actor=support, submission_item_id=sid, decision=kind, reason=reason)


def approved_items(engine, support: Actor, me: Actor, prices_ore: list[int]) -> list[int]:
    """Wishes sent by the citizen, approved by the support person and the answer sent: the wish ids."""
    from storage import decisions
    from storage.statuses import DecisionKind
    _goal, items = plan_with_items(engine, me, prices_ore)
    sid = submit(engine, me)
    decide_all(engine, support, sid, DecisionKind.APPROVE)
    with write_session(engine) as s:
        decisions.publish(s, actor=support, submission_id=sid)
    return items
