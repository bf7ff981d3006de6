"""The demo programme's months after the plan: both sides' goal ratings and the citizens' own WHO-5, so the
pages and the coordinator's report have something to show. Written through the services, then dated back to
the milestone they belong to."""
from __future__ import annotations

from datetime import datetime, time, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import goal_ratings, milestones, who5
from storage.access import Actor
from storage.models import Citizen, GoalRating, Who5Response

# WHO-5 at the start (five answers 0-5), as each citizen gave them; Mette is new and has not answered yet.
START_WHO5 = {"Jonas": (2, 1, 2, 1, 3), "Aisha": (3, 2, 2, 2, 3)}
# Aisha's two goals, in plan order: (citizen's rating, support person's rating, citizen's sentence) per milestone.
AISHA_RATINGS = {
    "start": [("not_yet", "low", "Jeg har ikke søgt noget endnu."), ("on_the_way", "some", None)],
    "m3": [("close", None, "Jeg har fået en prøvetid i et køkken."), ("on_the_way", None, None)],
}


def _dated(session: Session, rows, milestone: milestones.Milestone) -> None:
    moment = datetime.combine(milestone.on, time(10, 0), tzinfo=timezone.utc)
    for row in rows:
        row.created_at = moment


def load(session: Session, citizen_actors: dict[str, Actor], support_actors: dict[str, Actor]) -> None:
    for name, items in START_WHO5.items():
        me = citizen_actors[name]
        citizen = session.get_one(Citizen, me.id)
        row_id = who5.answer(session, actor=me, citizen_id=me.id, milestone="start", items=list(items))
        _dated(session, [session.get_one(Who5Response, row_id)],
               milestones.find(citizen.start_date, citizen.end_date, "start"))
    me, support = citizen_actors["Aisha"], support_actors["Aisha"]
    citizen = session.get_one(Citizen, me.id)
    goals = goal_ratings.long_term_goal_ids(session, me.id)
    for key, per_goal in AISHA_RATINGS.items():
        milestone = milestones.find(citizen.start_date, citizen.end_date, key)
        if milestone is None or milestone.on > milestones.today():
            continue
        for goal_id, (own, theirs, sentence) in zip(goals, per_goal):
            goal_ratings.rate(session, actor=me, citizen_id=me.id, goal_id=goal_id, milestone=key, rating=own,
                              note=sentence)
            if theirs:
                goal_ratings.rate(session, actor=support, citizen_id=me.id, goal_id=goal_id, milestone=key,
                                  rating=theirs)
        session.flush()
        _dated(session, session.scalars(select(GoalRating).where(GoalRating.citizen_id == me.id,
                                                                 GoalRating.milestone == key)), milestone)
