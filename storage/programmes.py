"""Programme set-up: the programme itself and its staff."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs import limits
from dialogs.amounts import check_positive
from dialogs.text import clean_text
from storage import audit, staff
from storage.access import Actor, require_role
from storage.errors import N_, DomainError
from storage.models import Programme, StaffRole, StaffUser
from storage.security import hash_secret

MSG_PROGRAMME_NAME = N_("Skriv et navn til programmet.")


def create_programme(session: Session, *, name: str, default_budget_ore: int, period_months: int = 12,
                     answer_working_days: int = 5) -> Programme:
    name = clean_text(name, limit=limits.TITLE, single_line=True, empty_message=MSG_PROGRAMME_NAME)
    programme = Programme(name=name, default_budget_ore=check_positive(default_budget_ore),
                          period_months=period_months, answer_working_days=answer_working_days)
    session.add(programme)
    session.flush()
    return programme


def goal_categories(programme: Programme) -> list[dict[str, Any]]:
    """[{key, label, icon}] for this programme; the eight defaults unless configured (a configured category
    may leave out the icon, a name from dialogs/icons.py)."""
    if programme.goal_categories:
        return list(programme.goal_categories)
    from dialogs.categories import (
        DEFAULT_CATEGORIES,  # the course and the plan share one default set
    )
    return [{"key": c.key, "label": c.label, "icon": c.icon} for c in DEFAULT_CATEGORIES]


def create_staff(session: Session, *, programme_id: int, username: str, display_name: str, role: StaffRole,
                 password: str | None, actor: Actor | None = None) -> StaffUser:
    """Create a staff user. ``actor`` None means the operator's CLI; otherwise a coordinator. ``password``
    None: the person logs in through the identity provider, or gets a one-time password (staff.reset_password)."""
    if actor is not None:
        require_role(actor, StaffRole.COORDINATOR)
        programme_id = actor.programme_id
    username = clean_text(username, limit=limits.NAME, single_line=True,
                          empty_message=N_("Skriv et brugernavn.")).lower()  # type: ignore[union-attr]
    display_name = clean_text(display_name, limit=limits.NAME, single_line=True,
                              empty_message=N_("Skriv medarbejderens navn."))  # type: ignore[assignment]
    if password is not None:
        staff.check_password_policy(password, username=username, display_name=display_name)
    if session.scalar(select(StaffUser.id).where(StaffUser.username == username)) is not None:
        raise DomainError(N_("Brugernavnet er allerede i brug."))
    user = StaffUser(programme_id=programme_id, username=username, display_name=display_name,
                     role=role.value, password_hash=hash_secret(password) if password else None)
    session.add(user)
    session.flush()
    audit.record(session, actor, "create_staff", object_type="staff", object_id=user.id, detail=role.value)
    return user


def support_persons(session: Session, *, programme_id: int) -> list[StaffUser]:
    return list(session.scalars(
        select(StaffUser).where(StaffUser.programme_id == programme_id, StaffUser.role == StaffRole.SUPPORT.value,
                                StaffUser.active.is_(True)).order_by(StaffUser.display_name)
    ))


def get_programme(session: Session, *, actor: Actor) -> Programme:
    return session.get_one(Programme, actor.programme_id)


def update_programme(session: Session, *, actor: Actor, name: str, default_budget_ore: int, period_months: int,
                     answer_working_days: int) -> Programme:
    """The coordinator's settings. Existing citizens keep their own budget and period."""
    require_role(actor, StaffRole.COORDINATOR)
    name = clean_text(name, limit=limits.TITLE, single_line=True, empty_message=MSG_PROGRAMME_NAME)
    check_positive(default_budget_ore)
    if not 1 <= period_months <= 60:
        raise DomainError(N_("Perioden skal være mellem 1 og 60 måneder."))
    if not 1 <= answer_working_days <= 60:
        raise DomainError(N_("Svartiden skal være mellem 1 og 60 hverdage."))
    programme = session.get_one(Programme, actor.programme_id)
    programme.name, programme.default_budget_ore = name, default_budget_ore
    programme.period_months, programme.answer_working_days = period_months, answer_working_days
    audit.record(session, actor, "update_programme", object_type="programme", object_id=programme.id)
    return programme


def list_staff(session: Session, *, actor: Actor) -> list[StaffUser]:
    require_role(actor, StaffRole.COORDINATOR)
    return list(session.scalars(
        select(StaffUser).where(StaffUser.programme_id == actor.programme_id).order_by(StaffUser.role,
                                                                                        StaffUser.display_name)
    ))
