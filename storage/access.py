"""Who may do what with which citizen's data: one policy table, checked in services.

Pages only hide what a role cannot use; the rules live here, so a crafted
request or a bug in a page still cannot reach another person's data.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy.orm import Session

from storage.errors import AccessDenied, NotFound
from storage.models import Citizen, StaffRole


class ActorKind(str, enum.Enum):
    CITIZEN = "citizen"
    STAFF = "staff"


@dataclass(frozen=True)
class Actor:
    """The logged-in person, as the services see them."""

    kind: ActorKind
    id: int
    programme_id: int
    role: StaffRole | None = None

    @property
    def is_staff(self) -> bool:
        return self.kind is ActorKind.STAFF

    @property
    def audit_role(self) -> str:
        return self.role.value if self.role else "citizen"


class Resource(str, enum.Enum):
    """Kinds of objects in a citizen's case."""

    PROFILE = "profile"          # name, status, budget total, period
    COURSE = "course"            # course answers and chat (shared answers only, for staff)
    PLAN = "plan"                # goals, sub-goals and wish items
    SUBMISSION = "submission"    # sent plan versions
    DECISION = "decision"        # item decisions and their reasons
    SECOND_OPINION = "second_opinion"
    PAYMENT = "payment"          # payment requests
    LEDGER = "ledger"            # budget totals
    NOTE = "note"                # support person's journal notes
    CHECK_IN = "check_in"        # follow-up ratings and WHO-5
    ACCESS_LOG = "access_log"    # who looked at this citizen's data
    MESSAGE = "message"          # the thread between the citizen and their support person
    STATUS_RECORD = "status_record"  # status at start and end, incl. special-category answers (storage/evidence.py)
    GOAL_RATING = "goal_rating"  # each side's rating of each long-term goal at a milestone (storage/goal_ratings.py)
    WHO5 = "who5"                # the citizen's own WHO-5 answers (storage/who5.py): only the citizen writes them


class Action(str, enum.Enum):
    READ = "read"
    WRITE = "write"


# (who, resource) -> actions. Scope is applied separately: a citizen only
# themself, a support person only their own citizens, coordinators and
# finance only their programme.
_R, _W = {Action.READ}, {Action.READ, Action.WRITE}
POLICY: dict[str, dict[Resource, set[Action]]] = {
    "citizen": {
        Resource.PROFILE: _R, Resource.COURSE: _W, Resource.PLAN: _W, Resource.SUBMISSION: _W,
        Resource.DECISION: _R, Resource.PAYMENT: _R, Resource.LEDGER: _R, Resource.CHECK_IN: _W,
        Resource.ACCESS_LOG: _R, Resource.MESSAGE: _W, Resource.STATUS_RECORD: _R, Resource.GOAL_RATING: _W,
        Resource.WHO5: _W,
    },
    StaffRole.SUPPORT.value: {
        Resource.PROFILE: _W, Resource.COURSE: _R, Resource.PLAN: _R, Resource.SUBMISSION: _R,
        Resource.DECISION: _W, Resource.SECOND_OPINION: _W, Resource.PAYMENT: _W, Resource.LEDGER: _R,
        Resource.NOTE: _W, Resource.CHECK_IN: _W, Resource.MESSAGE: _W, Resource.STATUS_RECORD: _W,
        Resource.GOAL_RATING: _W, Resource.WHO5: _R,
    },
    StaffRole.COORDINATOR.value: {
        Resource.PROFILE: _W, Resource.PLAN: _R, Resource.SUBMISSION: _R, Resource.DECISION: _R,
        Resource.SECOND_OPINION: _W, Resource.LEDGER: _R, Resource.ACCESS_LOG: _R,
        Resource.MESSAGE: _R,  # only where a second opinion was asked: storage/messages.py checks that too
    },
    StaffRole.FINANCE.value: {Resource.PAYMENT: _W},
    StaffRole.FACILITATOR.value: {},
}


def _policy_key(actor: Actor) -> str:
    return "citizen" if actor.kind is ActorKind.CITIZEN else actor.role.value  # type: ignore[union-attr]


def allowed(actor: Actor, citizen: Citizen, resource: Resource, action: Action) -> bool:
    """True when the actor may perform ``action`` on ``resource`` of ``citizen``."""
    if action not in POLICY[_policy_key(actor)].get(resource, set()):
        return False
    if actor.kind is ActorKind.CITIZEN:
        return citizen.id == actor.id
    if actor.role is StaffRole.SUPPORT:
        return citizen.support_person_id == actor.id
    return citizen.programme_id == actor.programme_id


def authorize(session: Session, actor: Actor, citizen_id: int, resource: Resource, action: Action) -> Citizen:
    """Load the citizen and check access, or raise. Denials never reveal whether the citizen exists."""
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        raise AccessDenied() if actor.is_staff else NotFound()
    if not allowed(actor, citizen, resource, action):
        raise AccessDenied()
    return citizen


def require_role(actor: Actor, *roles: StaffRole) -> None:
    if actor.kind is not ActorKind.STAFF or actor.role not in roles:
        raise AccessDenied()
