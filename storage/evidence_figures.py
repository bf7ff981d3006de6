"""The Halsnæs figures and the spending evidence for a programme or an intake, as counts only.

Halsnæs showed its committee: the share who need (much) less support, the share who reduced or stopped their
substance use among those for whom it was relevant, the share who moved into education, an internship or a
job, and the share housed at end against start. Copenhagen showed that wishes end around 30.000 kr. of 50.000.
Each figure here has its n and follows the small-group rule (storage/small_groups.py).

Every figure comes from SQL in a fixed number of queries, whatever the programme's size: the newest start and
end status per citizen (a window function), joined to the citizens and counted with CASE; the ledger summed per
citizen in a subquery and counted the same way. What counts (housed, activity, relevant, reduced, shelter) is
read from dialogs/status_fields.toml.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Integer, and_, case, cast, func, not_, or_, select
from sqlalchemy.orm import Session

from dialogs import status_fields
from dialogs.status_fields import DECLINED
from storage import audit
from storage.access import Actor, require_role
from storage.evidence_small_groups import Share
from storage.small_groups import withhold_counts
from storage.models import Citizen, LedgerEntry, StaffRole, StatusRecord
from storage.statuses import LedgerKind

THRESHOLDS_ORE = (3_000_000, 3_500_000, 5_000_000)   # 30.000, 35.000 and 50.000 kr.
BIN_ORE = 1_000_000                                   # the distribution in steps of 10.000 kr.


@dataclass(frozen=True)
class Intake:
    """Citizens whose period starts within [start_from, start_to]; None: no limit."""

    start_from: date | None = None
    start_to: date | None = None


@dataclass(frozen=True)
class ActivityChange:
    """Citizens with an answer at both start and end (n), the measured amount at start and at end (per week for
    hours, citizens otherwise); None when withheld."""

    key: str
    n: int
    at_start: int | None
    at_end: int | None

    @property
    def fewer(self) -> int | None:
        return None if self.at_start is None or self.at_end is None else self.at_start - self.at_end


@dataclass(frozen=True)
class Outcomes:
    participants: int
    with_start: int
    with_end: int
    first_start: date | None
    last_end: date | None
    need_much_less: Share
    need_less: Share
    need_much_less_or_less: Share
    substance_reduced: Share
    into_activity: Share
    housed_start: Share
    housed_end: Share
    activities: dict[str, ActivityChange] = field(default_factory=dict)


@dataclass(frozen=True)
class CapEffect:
    """What a budget of ``cap_ore`` would have meant for the same citizens."""

    cap_ore: int
    citizens_above: Share          # citizens whose approved wishes were above the cap
    cut_ore: int | None            # approved money above the cap, in all
    citizens_reached: int          # how many budgets of cap_ore the same total budget would pay for


@dataclass(frozen=True)
class Spending:
    citizens: int
    budget_ore: int
    approved_ore: int
    paid_ore: int
    approved_below: dict[int, Share]      # threshold -> citizens with approved below it
    paid_below: dict[int, Share]
    approved_bins: dict[int, int | None]  # lower edge in øre -> citizens (withheld: None)
    paid_bins: dict[int, int | None]
    caps: tuple[CapEffect, ...]


def _in_programme(query, pid: int, intake: Intake):
    query = query.where(Citizen.programme_id == pid)
    if intake.start_from is not None:
        query = query.where(Citizen.start_date >= intake.start_from)
    if intake.start_to is not None:
        query = query.where(Citizen.start_date <= intake.start_to)
    return query


def _latest(moment: str):
    rank = func.row_number().over(partition_by=StatusRecord.citizen_id,
                                  order_by=(StatusRecord.created_at.desc(), StatusRecord.id.desc())).label("rank")
    ranked = select(StatusRecord.citizen_id, StatusRecord.housing, StatusRecord.occupation, StatusRecord.support,
                    StatusRecord.support_hours, StatusRecord.substance, StatusRecord.support_need, rank
                    ).where(StatusRecord.moment == moment).subquery()
    return select(ranked).where(ranked.c.rank == 1).subquery(f"latest_{moment}")


def _count(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _answered(column):
    return and_(column.is_not(None), column != DECLINED)


def _has_kind(column, kind: str):
    return column.like(f"%,{kind},%")


def _activity_columns(s, e) -> tuple[list, list[str]]:
    """Per activity of the file: n, at start, at end (three columns each)."""
    columns, keys = [], []
    for activity in status_fields.load().activities:
        kind, _sep, answer = activity.source.partition(":")
        if kind == "hours":
            both = and_(s.c.support_hours.is_not(None), e.c.support_hours.is_not(None))
            columns += [_count(both), func.coalesce(func.sum(case((both, s.c.support_hours), else_=0)), 0),
                        func.coalesce(func.sum(case((both, e.c.support_hours), else_=0)), 0)]
        else:
            start_col, end_col = (s.c.housing, e.c.housing) if kind == "housing" else (s.c.support, e.c.support)
            both = and_(_answered(start_col), _answered(end_col),
                        *([start_col != f",{DECLINED},", end_col != f",{DECLINED},"] if kind == "support" else []))
            match = ((lambda c: c == answer) if kind == "housing" else (lambda c: _has_kind(c, answer)))
            columns += [_count(both), _count(and_(both, match(start_col))), _count(and_(both, match(end_col)))]
        keys.append(activity.key)
    return columns, keys


def outcomes(session: Session, *, actor: Actor, intake: Intake = Intake()) -> Outcomes:
    """The Halsnæs figures for the coordinator's programme (or an intake of it), in one query. Audited."""
    require_role(actor, StaffRole.COORDINATOR)
    audit.record(session, actor, "read_evidence_figures", object_type="programme", object_id=actor.programme_id)
    files = status_fields.load()
    housed = files.field("housing").with_flag("housed")
    activity = files.field("occupation").with_flag("activity")
    relevant = files.field("substance").with_flag("relevant")
    reduced = files.field("substance").with_flag("reduced")
    s, e = _latest("start"), _latest("end")
    both_housing = and_(_answered(s.c.housing), _answered(e.c.housing))
    both_work = and_(_answered(s.c.occupation), _answered(e.c.occupation))
    extra, keys = _activity_columns(s, e)
    query = _in_programme(select(
        func.count(Citizen.id), _count(s.c.citizen_id.is_not(None)), _count(e.c.citizen_id.is_not(None)),
        func.min(Citizen.start_date), func.max(Citizen.end_date),
        _count(_answered(e.c.support_need)), _count(e.c.support_need == "much_less"),
        _count(e.c.support_need == "less"),
        _count(e.c.substance.in_(relevant)), _count(e.c.substance.in_(reduced)),
        _count(both_work), _count(and_(both_work, e.c.occupation.in_(activity), not_(s.c.occupation.in_(activity)))),
        _count(both_housing), _count(and_(both_housing, s.c.housing.in_(housed))),
        _count(and_(both_housing, e.c.housing.in_(housed))),
        *extra,
    ).select_from(Citizen).outerjoin(s, s.c.citizen_id == Citizen.id).outerjoin(e, e.c.citizen_id == Citizen.id),
        actor.programme_id, intake)
    row = [v for v in session.execute(query).one()]
    (participants, with_start, with_end, first, last, need_n, much_less, less, sub_n, sub_red, work_n, work_in,
     house_n, house_start, house_end) = row[:15]
    changes = {}
    for i, key in enumerate(keys):
        n, at_start, at_end = (int(v) for v in row[15 + 3 * i:18 + 3 * i])
        hidden = Share.of(0, n).count is None
        changes[key] = ActivityChange(key, n, None if hidden else at_start, None if hidden else at_end)
    return Outcomes(
        participants=int(participants), with_start=int(with_start), with_end=int(with_end),
        first_start=first, last_end=last,
        need_much_less=Share.of(int(much_less), int(need_n)), need_less=Share.of(int(less), int(need_n)),
        need_much_less_or_less=Share.of(int(much_less) + int(less), int(need_n)),
        substance_reduced=Share.of(int(sub_red), int(sub_n)), into_activity=Share.of(int(work_in), int(work_n)),
        housed_start=Share.of(int(house_start), int(house_n)), housed_end=Share.of(int(house_end), int(house_n)),
        activities=changes)


def _per_citizen(pid: int, intake: Intake):
    def total(kind: LedgerKind):
        return func.coalesce(func.sum(case((LedgerEntry.kind == kind.value, LedgerEntry.amount_ore), else_=0)), 0)
    query = select(Citizen.id.label("citizen_id"), Citizen.budget_total_ore.label("budget"),
                   (total(LedgerKind.APPROVED) - total(LedgerKind.APPROVAL_WITHDRAWN)).label("approved"),
                   total(LedgerKind.PAYMENT_PAID).label("paid")
                   ).select_from(Citizen).outerjoin(LedgerEntry, LedgerEntry.citizen_id == Citizen.id)
    return _in_programme(query, pid, intake).group_by(Citizen.id, Citizen.budget_total_ore).subquery("per_citizen")


def _bins(session: Session, per, column) -> dict[int, int | None]:
    bucket = cast(column // BIN_ORE, Integer).label("bucket")
    rows = session.execute(select(bucket, func.count()).select_from(per).group_by(bucket).order_by(bucket)).all()
    counts = withhold_counts({str(int(b)): int(n) for b, n in rows})
    return {int(k) * BIN_ORE: v for k, v in counts.items()}


def spending(session: Session, *, actor: Actor, intake: Intake = Intake(),
             caps_ore: tuple[int, ...] = (3_000_000, 3_500_000)) -> Spending:
    """Approved and paid per citizen: the shares below 30.000 / 35.000 / 50.000 kr., the distribution in steps of
    10.000 kr., and what smaller budgets would have meant. Three queries. Audited."""
    require_role(actor, StaffRole.COORDINATOR)
    audit.record(session, actor, "read_spending_evidence", object_type="programme", object_id=actor.programme_id)
    per = _per_citizen(actor.programme_id, intake)
    columns = [func.count(), func.coalesce(func.sum(per.c.budget), 0), func.coalesce(func.sum(per.c.approved), 0),
               func.coalesce(func.sum(per.c.paid), 0)]
    columns += [_count(per.c.approved < t) for t in THRESHOLDS_ORE] + [_count(per.c.paid < t) for t in THRESHOLDS_ORE]
    for cap in caps_ore:
        columns += [_count(per.c.approved > cap),
                    func.coalesce(func.sum(case((per.c.approved > cap, per.c.approved - cap), else_=0)), 0)]
    row = [int(v) for v in session.execute(select(*columns).select_from(per)).one()]
    n, budget, approved, paid = row[:4]
    k = len(THRESHOLDS_ORE)
    caps = []
    for i, cap in enumerate(caps_ore):
        above, cut = row[4 + 2 * k + 2 * i:6 + 2 * k + 2 * i]
        share = Share.of(above, n)
        caps.append(CapEffect(cap, share, None if share.count is None else cut, budget // cap))
    return Spending(
        citizens=n, budget_ore=budget, approved_ore=approved, paid_ore=paid,
        approved_below={t: Share.of(row[4 + i], n) for i, t in enumerate(THRESHOLDS_ORE)},
        paid_below={t: Share.of(row[4 + k + i], n) for i, t in enumerate(THRESHOLDS_ORE)},
        approved_bins=_bins(session, per, per.c.approved), paid_bins=_bins(session, per, per.c.paid),
        caps=tuple(caps))
