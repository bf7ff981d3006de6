"""Property-based: any sequence of what the citizen, the support person and finance can do to a wish keeps the
ledger honest (issue 13). A Hypothesis state machine drives the real services on a real database:

- the citizen adds, changes, removes and sends wishes and reads what they are told;
- the support person decides (saved, not sent), sends the answer, makes a new decision on a sent one (also on
  an old version: the issue's double approval), pauses and resumes the plan, and asks finance to pay (also
  more than is open);
- finance pays or rejects.

After every step: a wish holds at most one approval, for the price of its newest sent version; the citizen's
committed money equals the wishes' approvals and the ledger's events and stays within the budget; what is
asked of finance never exceeds the approval; a removed wish holds nothing; and the citizen has never read a
decision that was not sent.

Sequences: each example is one sequence of 8 to 20 actions on a fresh citizen (Hypothesis draws the actions,
weighted towards the money paths). SQLite runs 2000 in memory (~1 minute on an idle 2-core machine); PostgreSQL
runs 400 (~30 s), its schema built by the migrations; the in-memory SQLite schema comes from the models, which
tests/storage/test_migrations.py checks agree with the migrations. BORGERBUDGET_LEDGER_SEQUENCES and
BORGERBUDGET_LEDGER_SEQUENCES_PG change the numbers (e.g. far more before a release).
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, insert, select
from sqlalchemy.pool import StaticPool

from storage import citizens, decisions, payments, plan, plan_changes, submissions
from storage.access import Actor, ActorKind
from storage.budget import budget_of
from storage.db import make_engine, write_session
from storage.errors import AccessDenied, DomainError
from storage.models import (
    Base,
    Citizen,
    CitizenStatus,
    DecisionKind,
    Goal,
    ItemDecision,
    LedgerEntry,
    Submission,
    SubmissionItem,
    WishItem,
)
from storage.statuses import HOLDS_MONEY
from tests.storage.factories import build_world

SQLITE_SEQUENCES = int(os.environ.get("BORGERBUDGET_LEDGER_SEQUENCES", "2000"))
POSTGRES_SEQUENCES = int(os.environ.get("BORGERBUDGET_LEDGER_SEQUENCES_PG", "400"))
MIN_STEPS, STEPS = 8, 20
BUDGET = 1_000_000                                    # 10.000 kr.: small, so the budget limit is reached often
# Mostly prices that fit the budget; one in eight more than the whole budget (refused).
PRICES = st.sampled_from([100_000, 200_000, 300_000, 350_000, 450_000, 600_000, 800_000, 1_200_000])
KINDS = st.sampled_from(list(DecisionKind))
PICK = st.integers(0, 40)

SHARES = st.sampled_from([0.25, 0.5, 1.0, 1.01, 6.5])
TALLY: Counter[str] = Counter()


@dataclass(frozen=True)
class Step:
    """One action and the choices it needs (each action reads only the ones it uses)."""

    action: str
    pick: int            # which wish, plan, sent wish or payment (modulo how many there are)
    price: int
    kind: DecisionKind
    share: float         # payment amount as a share of the price; answer_a_plan: < 2 means press 'Send svar'
    flag: bool           # quantity 2 / pause / any wish for payment / finance rejects


# How often each action is drawn: the money paths (send, answer, decide again, pay) more than the rest, so
# short sequences reach approvals, payments and the old-decision-on-a-new-version path.
WEIGHTS = {"add_wish": 5, "change_wish": 2, "remove_wish": 1, "send": 3, "citizen_reads": 1, "answer_a_plan": 4,
           "decide_on_any_sent_wish": 1, "send_any_answer": 1, "decide_again": 3, "pause_or_resume": 1,
           "ask_for_payment": 4, "finance_answers": 3, "change_approved_wish": 2, "drop_approved_wish": 1}
MOVES_MONEY = frozenset({"publish", "revise", "change", "remove", "pay_request", "paid", "rejected",
                         "change_approved", "drop_approved"})
STEP = st.builds(Step, st.sampled_from([name for name, n in WEIGHTS.items() for _ in range(n)]), PICK, PRICES,
                 KINDS, SHARES, st.booleans())


def _pick(ids: list[int], n: int) -> int | None:
    return ids[n % len(ids)] if ids else None


class Case:
    """One citizen's case from the first wish; the world (programme, staff) is shared by all sequences. Ids are
    kept as the services return them, so picking a wish, a plan or a payment costs no query."""

    def __init__(self, engine, world, citizen_id: int, goal_id: int) -> None:
        self.engine, self.world = engine, world
        self.me = Actor(kind=ActorKind.CITIZEN, id=citizen_id, programme_id=world.programme_id)
        self.goal = goal_id
        self.items: list[int] = []
        self.plans: list[int] = []                       # submission ids, oldest first
        self.sent_items: dict[int, list[int]] = {}       # submission id -> its submission item ids
        self.payments: list[int] = []
        self.reasons_sent: set[str] = set()
        self.reason_number = 0
        TALLY["sequences"] += 1

    def _try(self, name: str, work) -> object:
        """Run one action in its own transaction; a refusal changes nothing (the transaction rolls back). After
        every action that may move money, the ledger is checked (the others once more at the sequence's end)."""
        TALLY[f"{name}.tried"] += 1
        try:
            with write_session(self.engine) as s:
                result = work(s)
        except DomainError:
            TALLY[f"{name}.refused"] += 1
            return None
        TALLY[f"{name}.done"] += 1
        if name in MOVES_MONEY:
            self.check_the_ledger()
        return result

    def _reason(self, kind: DecisionKind) -> str | None:
        self.reason_number += 1
        return None if kind is DecisionKind.APPROVE else f"Grund nummer {self.reason_number}"

    def _waiting_plans(self) -> list[int]:
        with write_session(self.engine) as s:
            return list(s.scalars(select(Submission.id).where(Submission.citizen_id == self.me.id,
                                                              Submission.status == "waiting")
                                  .order_by(Submission.id)))

    # --- the citizen ---------------------------------------------------------------------------------

    def add_wish(self, step: Step) -> None:
        item = self._try("add", lambda s: plan.add_item(s, actor=self.me, citizen_id=self.me.id, title="Ønske",
                                                        price_ore=step.price, goal_id=self.goal,
                                                        quantity=1 + step.flag))
        if item is not None:
            self.items.append(item)

    def change_wish(self, step: Step) -> None:
        item = _pick(self.items, step.pick)
        if item is not None:
            self._try("change", lambda s: plan.update_item(s, actor=self.me, citizen_id=self.me.id, item_id=item,
                                                           title="Ændret", price_ore=step.price, goal_id=self.goal))

    def remove_wish(self, step: Step) -> None:
        item = _pick(self.items, step.pick)
        if item is not None:
            self._try("remove", lambda s: plan.remove_item(s, actor=self.me, citizen_id=self.me.id, item_id=item))

    def change_approved_wish(self, step: Step) -> None:
        """After approval (issue 15): a new version of an approved wish, which replaces it once approved."""
        item = _pick(self.items, step.pick)
        if item is not None:
            new = self._try("change_approved", lambda s: plan_changes.change_item(
                s, actor=self.me, citizen_id=self.me.id, item_id=item, title="Ny udgave", price_ore=step.price,
                goal_id=self.goal))
            if new is not None:
                self.items.append(new)

    def drop_approved_wish(self, step: Step) -> None:
        item = _pick(self.items, step.pick)
        if item is not None:
            self._try("drop_approved", lambda s: plan_changes.drop_item(s, actor=self.me, citizen_id=self.me.id,
                                                                         item_id=item))

    def send(self, step: Step) -> None:
        def work(s):
            version = submissions.submit(s, actor=self.me, citizen_id=self.me.id)
            sid = s.scalar(select(Submission.id).where(Submission.citizen_id == self.me.id,
                                                       Submission.version == version))
            return sid, list(s.scalars(select(SubmissionItem.id).where(SubmissionItem.submission_id == sid)
                                       .order_by(SubmissionItem.id)))
        sent = self._try("send", work)
        if sent is not None:
            self.plans.append(sent[0])
            self.sent_items[sent[0]] = sent[1]

    def citizen_reads(self, step: Step) -> None:
        """What the citizen is told holds only decisions that were sent; the review (with drafts) is refused."""
        with write_session(self.engine) as s:
            told = submissions.published_decisions(s, actor=self.me, citizen_id=self.me.id)
            shown = {d.reason for history in told.values() for d in history if d.reason}
            for sid in self.plans[-2:]:
                with pytest.raises(AccessDenied):
                    decisions.review_items(s, actor=self.me, submission_id=sid)
        assert shown <= self.reasons_sent
        TALLY["citizen_reads"] += 1

    # --- the support person --------------------------------------------------------------------------

    def _record(self, sub_item: int, kind: DecisionKind) -> None:
        reason = self._reason(kind)
        self._try("decide", lambda s: decisions.record(s, actor=self.world.support, submission_item_id=sub_item,
                                                       decision=kind, reason=reason))

    def answer_a_plan(self, step: Step) -> None:
        """Decide every wish of the oldest waiting plan, as the review page does (the step's kind for the picked
        wish, approval for the others), and usually press 'Send svar'."""
        waiting = self._waiting_plans()
        if not waiting:
            return
        ids = self.sent_items[waiting[0]]
        for n, sub_item in enumerate(ids):
            self._record(sub_item, step.kind if n == step.pick % len(ids) else DecisionKind.APPROVE)
        if step.share < 2:
            self._send_answer(waiting[0])

    def decide_on_any_sent_wish(self, step: Step) -> None:
        """Also on plans that were answered long ago: that must be refused."""
        sub_item = _pick([i for ids in self.sent_items.values() for i in ids], step.pick)
        if sub_item is not None:
            self._record(sub_item, step.kind)

    def send_any_answer(self, step: Step) -> None:
        sid = _pick(self.plans, step.pick)
        if sid is not None:
            self._send_answer(sid)

    def _send_answer(self, sid: int) -> None:
        with write_session(self.engine) as s:
            unsent = set(s.scalars(select(ItemDecision.reason).join(SubmissionItem)
                                   .where(SubmissionItem.submission_id == sid, ItemDecision.published_at.is_(None))))
        if self._try("publish", lambda s: decisions.publish(s, actor=self.world.support, submission_id=sid) or True):
            self.reasons_sent |= {r for r in unsent if r}

    def decide_again(self, step: Step) -> None:
        """'Lav en ny beslutning' on any wish: sent, changed, sent again, removed or paid."""
        item = _pick(self.items, step.pick)
        if item is None:
            return
        reason = self._reason(step.kind)
        if self._try("revise", lambda s: decisions.revise(s, actor=self.world.support, wish_item_id=item,
                                                          decision=step.kind, reason=reason) or True) and reason:
            self.reasons_sent.add(reason)

    def pause_or_resume(self, step: Step) -> None:
        """Pause now and then (a quarter of the flagged draws), else resume."""
        status = CitizenStatus.PAUSED if step.flag and step.pick % 4 == 0 else CitizenStatus.ACTIVE
        self._try("status", lambda s: citizens.set_status(s, actor=self.world.support, citizen_id=self.me.id,
                                                           status=status, reason="Pause"))

    def ask_for_payment(self, step: Step) -> None:
        """For a wish that holds money (the page's list), or now and then for any wish; amounts from a quarter
        of the price to six and a half times it."""
        with write_session(self.engine) as s:
            held = list(s.scalars(select(WishItem.id).where(WishItem.citizen_id == self.me.id,
                                                            WishItem.approved_ore > 0).order_by(WishItem.id)))
        item = _pick(self.items if step.flag and step.pick % 4 == 0 else held, step.pick)
        if item is None:
            return
        with write_session(self.engine) as s:
            row = s.get(WishItem, item)  # a wish removed before it was ever sent is gone
            price = (row.price_ore or 100_000) * row.quantity if row else 100_000
        amount = max(1, int(price * step.share))
        pid = self._try("pay_request", lambda s: payments.request_payment(
            s, actor=self.world.support, wish_item_id=item, vendor="Butik", amount_ore=amount, reference=None,
            purchase_date=date.today()))
        if pid is not None:
            self.payments.append(pid)

    # --- finance -------------------------------------------------------------------------------------

    def finance_answers(self, step: Step) -> None:
        pid = _pick(self.payments, step.pick)
        if pid is None:
            return
        finance = self.world.finance
        if step.flag:
            self._try("rejected", lambda s: payments.reject(s, actor=finance, payment_id=pid, reason="Faktura mangler"))
        else:
            self._try("paid", lambda s: payments.mark_paid(s, actor=finance, payment_id=pid))

    # --- what must always hold -----------------------------------------------------------------------

    def check_the_ledger(self) -> None:
        TALLY["ledger_checks"] += 1
        with write_session(self.engine) as s:
            citizen = s.get_one(Citizen, self.me.id)
            items = list(s.scalars(select(WishItem).where(WishItem.citizen_id == self.me.id)))
            events = s.execute(select(LedgerEntry.wish_item_id, LedgerEntry.kind, func.sum(LedgerEntry.amount_ore),
                                      func.sum(LedgerEntry.committed_delta_ore))
                               .where(LedgerEntry.citizen_id == self.me.id)
                               .group_by(LedgerEntry.wish_item_id, LedgerEntry.kind)).all()
            newest_price = dict(s.execute(
                select(SubmissionItem.wish_item_id, SubmissionItem.price_ore)
                .where(SubmissionItem.id.in_(select(func.max(SubmissionItem.id)).join(Submission)
                                             .where(Submission.citizen_id == self.me.id)
                                             .group_by(SubmissionItem.wish_item_id)))).all())
            shown = budget_of(s, citizen)
        by_item: dict[int, Counter] = {}
        committed_events = 0
        for item_id, kind, amount, delta in events:
            by_item.setdefault(item_id, Counter())[kind] += int(amount)
            committed_events += int(delta)
        approved_total = sum(i.approved_ore for i in items)
        assert citizen.committed_ore == approved_total == committed_events == shown.approved_ore
        assert 0 <= citizen.committed_ore <= citizen.budget_total_ore
        for item in items:
            sums = by_item.get(item.id, Counter())
            assert item.approved_ore == sums["approved"] - sums["approval_withdrawn"]
            assert item.requested_ore == sums["payment_requested"] - sums["payment_rejected"]
            assert sums["payment_paid"] <= item.requested_ore <= item.approved_ore
            if item.approved_ore:
                # One approval, for what the citizen sent last; only on a wish still in the plan.
                assert item.approved_ore == newest_price[item.id]
                assert item.status in HOLDS_MONEY and item.removed_at is None

def _fresh_cases(engine, world, count: int):
    """New citizens (each with one long-term goal), made in bulk up front: one per sequence, so no sequence
    sees another's data; more are made through the services if Hypothesis asks for extra sequences."""
    start = date.today()
    with write_session(engine) as s:
        s.execute(insert(Citizen), [{"programme_id": world.programme_id, "support_person_id": world.support.id,
                                     "display_name": "Prøve", "internal_ref": f"P{n:06d}", "budget_total_ore": BUDGET,
                                     "start_date": start, "end_date": start + timedelta(days=365)}
                                    for n in range(count)])
        ids = list(s.scalars(select(Citizen.id).where(Citizen.internal_ref.like("P%")).order_by(Citizen.id)))
        s.execute(insert(Goal), [{"citizen_id": cid, "text": "Et job", "category": "education_job"} for cid in ids])
        goals = dict(s.execute(select(Goal.citizen_id, Goal.id).where(Goal.citizen_id.in_(ids))).all())
    yield from ((cid, goals[cid]) for cid in ids)
    while True:
        with write_session(engine) as s:
            new = citizens.create_citizen(s, actor=world.support, display_name="Prøve", budget_total_ore=BUDGET)
            me = Actor(kind=ActorKind.CITIZEN, id=new.citizen_id, programme_id=world.programme_id)
            yield new.citizen_id, plan.add_goal(s, actor=me, citizen_id=me.id, text="Et job")


def _run(engine, examples: int, label: str) -> None:
    TALLY.clear()
    world = build_world(engine)
    fresh = _fresh_cases(engine, world, examples)

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.lists(STEP, min_size=MIN_STEPS, max_size=STEPS))
    def sequence(steps: list[Step]) -> None:
        case = Case(engine, world, *next(fresh))
        for step in steps:
            getattr(case, step.action)(step)
        case.check_the_ledger()

    sequence()
    print(f"\n[{label}] ledger sequences: {TALLY['sequences']} sequences; "
          + ", ".join(f"{k}={v}" for k, v in sorted(TALLY.items()) if k != "sequences"))
    assert TALLY["sequences"] >= examples  # Hypothesis ran (at least) as many sequences as asked
    if examples >= 1000:  # enough sequences to reach the hostile paths as well as the ordinary ones
        assert TALLY["revise.refused"] and TALLY["pay_request.refused"] and TALLY["publish.done"]


def test_thousands_of_sequences_on_sqlite_keep_one_approval_per_wish():
    engine = make_engine("sqlite://", poolclass=StaticPool)
    Base.metadata.create_all(engine)
    try:
        _run(engine, SQLITE_SEQUENCES, "sqlite")
    finally:
        engine.dispose()


def test_sequences_on_postgresql_keep_one_approval_per_wish(postgres_engine):
    from tests.conftest import _truncate_postgres
    _truncate_postgres(postgres_engine)
    _run(postgres_engine, POSTGRES_SEQUENCES, "postgresql")
