"""The domain model for the whole programme, as typed SQLAlchemy 2.x classes, one module per part of a case.

Money is integer øre everywhere. Enumerations (storage/statuses.py) are stored as short strings
with CHECK constraints (portable between SQLite and PostgreSQL, and easy to extend in a migration).
Every constraint is named by the convention in base.py so Alembic can alter it on both engines.
"""
from storage.models.base import NAMING_CONVENTION, Base, UTCDateTime, utcnow
from storage.models.course import (
                              ChatTurn,
                              CourseAnswer,
                              CourseProgress,
                              Workshop,
                              WorkshopParticipant,
)
from storage.models.evidence import Consent, StatusRecord, UnitPrice
from storage.models.followup import GoalRating, MilestoneNotice, Who5Response
from storage.models.money import LedgerEntry, PaymentRequest
from storage.models.notify import OutboxMessage
from storage.models.people import (
                              Citizen,
                              CitizenCredential,
                              LoginThrottle,
                              LoginSession,
                              Programme,
                              RememberedDevice,
                              StaffUser,
)
from storage.models.plan import (
                              Goal,
                              ItemDecision,
                              SecondOpinion,
                              Submission,
                              SubmissionItem,
                              WishItem,
)
from storage.models.records import AuditEvent, CheckIn, HelpShown, Message, SupportNote
from storage.statuses import (
                              CitizenStatus,
                              DecisionKind,
                              ItemStatus,
                              LedgerKind,
                              PaymentStatus,
                              StaffRole,
                              SubmissionStatus,
)

from storage.models import waiting_copy  # noqa: F401, E402 - keeps citizens.waiting_since in step with plans
from storage.models import figures_copy  # noqa: F401, E402 - keeps each citizen's report figures in step

__all__ = [
    "NAMING_CONVENTION", "AuditEvent", "Base", "ChatTurn", "CheckIn", "Citizen", "CitizenCredential", "CitizenStatus",
    "Consent", "StatusRecord", "UnitPrice",
    "CourseAnswer", "CourseProgress", "DecisionKind", "Goal", "GoalRating", "HelpShown", "ItemDecision", "ItemStatus", "LedgerEntry",
    "LedgerKind", "LoginSession", "LoginThrottle", "Message", "OutboxMessage", "PaymentRequest", "PaymentStatus",
    "Programme",
    "RememberedDevice",
    "SecondOpinion", "StaffRole",
    "StaffUser", "Submission", "SubmissionItem", "SubmissionStatus", "SupportNote", "UTCDateTime", "WishItem",
    "MilestoneNotice", "Who5Response", "Workshop", "WorkshopParticipant", "utcnow",
]
