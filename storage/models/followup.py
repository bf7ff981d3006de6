"""The months after the plan: per-goal ratings by each side at each milestone, and WHO-5 answered by the citizen.

A milestone is a short key computed from the citizen's period (storage/milestones.py): 'start', 'm3', 'm6', …,
'last' (the last month) and 'end'. Ratings and WHO-5 answers are history: a new answer for the same goal,
milestone and rater is a new row, and the newest one counts. The two sides are separate rows and never
overwrite each other.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, _in, utcnow
from storage.statuses import CitizenGoalRating, Rater, SupportGoalRating

_CITIZEN_VALUES = ", ".join(repr(v.value) for v in CitizenGoalRating)
_SUPPORT_VALUES = ", ".join(repr(v.value) for v in SupportGoalRating)


class GoalRating(Base):
    __tablename__ = "goal_ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"))  # ix_..._milestone
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    milestone: Mapped[str] = mapped_column(String(10))
    rater: Mapped[str] = mapped_column(String(10))
    rated_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"), default=None, index=True)
    rating: Mapped[str] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint(_in("rater", Rater), name="rater_known"),
        CheckConstraint("(rater = 'support') = (rated_by_staff_id IS NOT NULL)", name="support_rater_named"),
        CheckConstraint(f"(rater = 'citizen' AND rating IN ({_CITIZEN_VALUES})) OR "
                        f"(rater = 'support' AND rating IN ({_SUPPORT_VALUES}))", name="rating_on_raters_scale"),
        # The newest rating per goal, milestone and side (the citizen's page, the overview, the report).
        Index("ix_goal_ratings_citizen_milestone", "citizen_id", "milestone", "rater", "goal_id", "created_at"),
    )


class Who5Response(Base):
    """The five WHO-5 items (0-5 each) as the citizen answered them, or a recorded 'skip'."""

    __tablename__ = "who5_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"))  # ix_..._milestone
    milestone: Mapped[str] = mapped_column(String(10))
    item1: Mapped[int | None] = mapped_column(Integer, default=None)
    item2: Mapped[int | None] = mapped_column(Integer, default=None)
    item3: Mapped[int | None] = mapped_column(Integer, default=None)
    item4: Mapped[int | None] = mapped_column(Integer, default=None)
    item5: Mapped[int | None] = mapped_column(Integer, default=None)
    skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint("skipped OR (item1 IS NOT NULL AND item2 IS NOT NULL AND item3 IS NOT NULL "
                        "AND item4 IS NOT NULL AND item5 IS NOT NULL)", name="all_items_or_skipped"),
        CheckConstraint(" AND ".join(f"(item{i} IS NULL OR item{i} BETWEEN 0 AND 5)" for i in range(1, 6)),
                        name="items_in_range"),
        Index("ix_who5_responses_citizen_milestone", "citizen_id", "milestone", "created_at"),
    )


class MilestoneNotice(Base):
    """That the citizen and their support person were told a milestone is due: one row per citizen and
    milestone, so the sweep (storage/milestone_notices.py) never tells them twice."""

    __tablename__ = "milestone_notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"))  # the unique key's first
    milestone: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("uq_milestone_notices_citizen_milestone", "citizen_id", "milestone", unique=True),)
