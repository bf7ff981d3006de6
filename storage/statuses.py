"""The status vocabularies, and the rules that only look at a status. No SQLAlchemy here, so pages may
import it (the models store these values as short strings with CHECK constraints)."""
from __future__ import annotations

import enum


class StaffRole(str, enum.Enum):
    SUPPORT = "support"
    COORDINATOR = "coordinator"
    FINANCE = "finance"
    FACILITATOR = "facilitator"


class CitizenStatus(str, enum.Enum):
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"


class ItemStatus(str, enum.Enum):
    """What the citizen sees: kladde, sendt, godkendt, skal ændres, afslået, bestilt, betalt."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    CHANGE_REQUESTED = "change_requested"
    DECLINED = "declined"
    ORDERED = "ordered"
    PAID = "paid"


class DecisionKind(str, enum.Enum):
    APPROVE = "approve"
    CHANGE = "change"
    DECLINE = "decline"


class PaymentStatus(str, enum.Enum):
    REQUESTED = "requested"
    PAID = "paid"
    REJECTED = "rejected"


class LedgerKind(str, enum.Enum):
    """Budget events; the ledger is their sum, never a hand-edited number."""

    APPROVED = "approved"
    APPROVAL_WITHDRAWN = "approval_withdrawn"
    PAYMENT_REQUESTED = "payment_requested"
    PAYMENT_PAID = "payment_paid"
    PAYMENT_REJECTED = "payment_rejected"


class SubmissionStatus(str, enum.Enum):
    WAITING = "waiting"
    ANSWERED = "answered"


# Items the citizen may still change: never sent, or sent back with "skal ændres".
EDITABLE = frozenset({ItemStatus.DRAFT.value, ItemStatus.CHANGE_REQUESTED.value})
# Items whose money is not promised yet but counts as planned.
PLANNED = frozenset({ItemStatus.DRAFT.value, ItemStatus.CHANGE_REQUESTED.value, ItemStatus.SUBMITTED.value})
# Items that hold promised money: an item being changed, waiting for an answer or declined holds none
# (a CHECK constraint on wish_items says the same).
HOLDS_MONEY = frozenset({ItemStatus.APPROVED.value, ItemStatus.ORDERED.value, ItemStatus.PAID.value})
# Items whose last sent answer is still what the citizen asked for, so the support person may make a new
# decision on it ("Lav en ny beslutning"). A draft (being changed) or a sent-again item gets its answer
# through the new version instead.
ANSWERED = frozenset({ItemStatus.APPROVED.value, ItemStatus.CHANGE_REQUESTED.value, ItemStatus.DECLINED.value,
                      ItemStatus.ORDERED.value, ItemStatus.PAID.value})


def plan_is_open(status: str) -> bool:
    """A plan can be changed, sent and approved only while the citizen's programme is active (not paused
    or ended). The one place this is decided."""
    return status == CitizenStatus.ACTIVE.value


class CitizenGoalRating(str, enum.Enum):
    """How close the citizen says they are to one long-term goal (the evaluation's own scale)."""

    REACHED = "reached"
    CLOSE = "close"
    ON_THE_WAY = "on_the_way"
    NOT_YET = "not_yet"
    DROPPED = "dropped"          # "det er ikke længere mit mål"


class SupportGoalRating(str, enum.Enum):
    """To what degree the support person judges one goal reached (Socialstyrelsen's scale)."""

    VERY_HIGH = "very_high"
    HIGH = "high"
    SOME = "some"
    LOW = "low"
    NOT_AT_ALL = "not_at_all"
    DROPPED = "dropped"          # the citizen no longer has this goal


class Rater(str, enum.Enum):
    CITIZEN = "citizen"
    SUPPORT = "support"


# Socialstyrelsen's two figures: the citizen says reached or close; the support person says very high or high.
CITIZEN_ATTAINED = frozenset({CitizenGoalRating.REACHED.value, CitizenGoalRating.CLOSE.value})
SUPPORT_ATTAINED = frozenset({SupportGoalRating.VERY_HIGH.value, SupportGoalRating.HIGH.value})
