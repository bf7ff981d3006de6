"""The budget ledger: totals derived from stored events, never edited by hand.

Over-commitment is impossible by construction: committing money is one
atomic ``UPDATE citizens SET committed_ore = committed_ore + :x`` in the same
transaction as the ledger event, and the table's CHECK constraint
(``committed_ore <= budget_total_ore``) rejects the UPDATE that would
overspend — also when two approvals race (PostgreSQL row lock; SQLite
``BEGIN IMMEDIATE``). ``committed_ore`` always equals the sum of the events'
``committed_delta_ore``; :func:`summary` recomputes the figures from events.
"""
from __future__ import annotations

from sqlalchemy import case, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage import audit
from storage.access import Action, Actor, Resource, authorize
from storage.budget import Budget, planned_ore
from storage.errors import N_, DomainError
from storage.models import Citizen, LedgerEntry, LedgerKind


def lock_budget(session: Session, citizen: Citizen) -> None:
    """Take the citizen's row lock first in every change of decisions or money (PostgreSQL; SQLite's
    ``BEGIN IMMEDIATE`` already serialises writers). One lock, always taken first, means the checks that
    follow (is the wish still waiting? is it approved already?) see the latest state and no two changes
    deadlock by taking rows in different orders."""
    session.refresh(citizen, with_for_update=True)


def _entry(session: Session, citizen_id: int, kind: LedgerKind, amount_ore: int, *, delta: int = 0,
           item_id: int | None = None, payment_id: int | None = None, actor: Actor | None = None) -> None:
    session.add(LedgerEntry(citizen_id=citizen_id, wish_item_id=item_id, payment_request_id=payment_id,
                            kind=kind.value, amount_ore=amount_ore, committed_delta_ore=delta,
                            actor_id=actor.id if actor and actor.is_staff else None))


def commit_money(session: Session, *, citizen_id: int, item_id: int, amount_ore: int, actor: Actor) -> None:
    """Promise ``amount_ore`` of the budget to an item, or raise if the budget cannot carry it."""
    try:
        with session.begin_nested():
            session.execute(update(Citizen).where(Citizen.id == citizen_id)
                            .values(committed_ore=Citizen.committed_ore + amount_ore)
                            .execution_options(synchronize_session=False))
    except IntegrityError:
        left = session.scalar(select(Citizen.budget_total_ore - Citizen.committed_ore).where(Citizen.id == citizen_id))
        raise DomainError(N_("Der er ikke penge nok tilbage i budgettet. Der er {left} tilbage, og det koster {amount}."),
                          left_ore=int(left), amount_ore=amount_ore) from None
    _entry(session, citizen_id, LedgerKind.APPROVED, amount_ore, delta=amount_ore, item_id=item_id, actor=actor)


def release_money(session: Session, *, citizen_id: int, item_id: int, amount_ore: int, actor: Actor) -> None:
    """Give back money promised to an item (an approval corrected by a later decision)."""
    session.execute(update(Citizen).where(Citizen.id == citizen_id)
                    .values(committed_ore=Citizen.committed_ore - amount_ore)
                    .execution_options(synchronize_session=False))
    _entry(session, citizen_id, LedgerKind.APPROVAL_WITHDRAWN, amount_ore, delta=-amount_ore, item_id=item_id,
           actor=actor)


def record_payment_event(session: Session, *, citizen_id: int, item_id: int, payment_id: int, kind: LedgerKind,
                         amount_ore: int, actor: Actor) -> None:
    _entry(session, citizen_id, kind, amount_ore, item_id=item_id, payment_id=payment_id, actor=actor)


def _sum_of(kind: LedgerKind):
    return func.coalesce(func.sum(case((LedgerEntry.kind == kind.value, LedgerEntry.amount_ore), else_=0)), 0)


_FIGURES = (LedgerKind.APPROVED, LedgerKind.APPROVAL_WITHDRAWN, LedgerKind.PAYMENT_REQUESTED,
            LedgerKind.PAYMENT_PAID, LedgerKind.PAYMENT_REJECTED)


def _figures(session: Session, query) -> tuple[int, int, int, int, int]:
    return tuple(int(v) for v in session.execute(query).one())  # type: ignore[return-value]


def figures(session: Session, citizen_id: int, *, item_id: int | None = None) -> tuple[int, int, int, int, int]:
    """(approved, withdrawn, requested, paid, rejected) sums of the events, for a citizen or one item."""
    query = select(*map(_sum_of, _FIGURES)).where(LedgerEntry.citizen_id == citizen_id)
    if item_id is not None:
        query = query.where(LedgerEntry.wish_item_id == item_id)
    return _figures(session, query)


def from_figures(total_ore: int, sums: tuple[int, int, int, int, int], planned: int = 0) -> Budget:
    """The budget derived from the event sums: withdrawals and settled payments subtracted."""
    approved, withdrawn, requested, paid, rejected = sums
    return Budget(total_ore=total_ore, approved_ore=approved - withdrawn, planned_ore=planned,
                  requested_ore=requested - paid - rejected, paid_ore=paid)


def programme_ledger(session: Session, programme_id: int) -> Budget:
    """All citizens of a programme together, in one query (for the coordinator's report)."""
    total = session.scalar(select(func.coalesce(func.sum(Citizen.budget_total_ore), 0))
                           .where(Citizen.programme_id == programme_id))
    sums = _figures(session, select(*map(_sum_of, _FIGURES)).join(Citizen, Citizen.id == LedgerEntry.citizen_id)
                    .where(Citizen.programme_id == programme_id))
    return from_figures(int(total), sums)


def summary(session: Session, *, actor: Actor, citizen_id: int) -> Budget:
    """The citizen's whole budget from the ledger's events, with what the plan holds that is not approved yet."""
    citizen = authorize(session, actor, citizen_id, Resource.LEDGER, Action.READ)
    audit.record_staff(session, actor, "read_ledger", citizen_id=citizen_id)
    return from_figures(citizen.budget_total_ore, figures(session, citizen_id), planned_ore(session, citizen_id))


def committed_matches_events(session: Session, citizen_id: int) -> bool:
    """The invariant the tests check after every concurrent run."""
    events = session.scalar(select(func.coalesce(func.sum(LedgerEntry.committed_delta_ore), 0))
                            .where(LedgerEntry.citizen_id == citizen_id))
    committed = session.scalar(select(Citizen.committed_ore).where(Citizen.id == citizen_id))
    return int(events) == int(committed)
