"""Changing the plan after approval: change, drop, goals; what was approved or paid stays; never over budget."""
from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import func, select

from storage import decisions, ledger, payments, plan, plan_changes, plan_view, submissions, version_changes
from storage.db import write_session
from storage.errors import DomainError
from storage.models import Citizen, DecisionKind, LedgerEntry, SubmissionItem, WishItem
from tests.storage.factories import approved_items, build_world, citizen_of, decide_all, submit

def _plan(engine, me):
    with write_session(engine) as s:
        return plan_view.get_plan(s, actor=me, citizen_id=me.id)


def _answer(engine, support, sid, kind=DecisionKind.APPROVE, reason=None):
    decide_all(engine, support, sid, kind, reason)
    with write_session(engine) as s:
        decisions.publish(s, actor=support, submission_id=sid)


def _committed(engine, citizen_id):
    with write_session(engine) as s:
        return s.get_one(Citizen, citizen_id).committed_ore


def _goal_of(engine, item_id):
    with write_session(engine) as s:
        return s.get_one(WishItem, item_id).goal_id


def test_changed_wish_keeps_its_approval_until_the_change_is_approved(engine):
    w = build_world(engine)
    me = citizen_of(w)
    bike, phone = approved_items(engine, w.support, me, [200_000, 300_000])
    with write_session(engine) as s:
        new = plan_changes.change_item(s, actor=me, citizen_id=me.id, item_id=bike, title="Cykel med gear",
                                       price_ore=400_000, goal_id=_goal_of(engine, bike))
    view = _plan(engine, me)
    effect = plan_changes.consequence(view)
    assert (effect.delta_ore, effect.left_after_ore) == (200_000, 5_000_000 - 500_000 - 200_000)
    assert view.budget.planned_ore == 200_000  # net: the new price less the approval it gives back
    sid = submit(engine, me)
    assert {i.id: i.status for i in _plan(engine, me).all_items()}[bike] == "approved"
    assert _committed(engine, me.id) == 500_000
    with write_session(engine) as s:
        seen = version_changes.changes_in(s, actor=w.support, submission_id=sid)
    assert [(c.kind, c.title, c.before_title, c.before_ore, c.price_ore) for c in seen.wishes] == [
        ("change", "Cykel med gear", "Ting 0", 200_000, 400_000)]
    assert [k.title for k in seen.kept] == ["Ting 1"] and seen.delta_ore == 200_000
    _answer(engine, w.support, sid)
    items = {i.id: i for i in _plan(engine, me).all_items()}
    assert bike not in items and items[new].approved_ore == 400_000 and items[phone].status == "approved"
    assert _committed(engine, me.id) == 700_000
    with write_session(engine) as s:
        assert ledger.committed_matches_events(s, me.id)


def test_declined_change_leaves_the_approved_wish_as_it_was(engine):
    w = build_world(engine)
    me = citizen_of(w)
    [bike] = approved_items(engine, w.support, me, [200_000])
    with write_session(engine) as s:
        plan_changes.change_item(s, actor=me, citizen_id=me.id, item_id=bike, title="Dyr cykel", price_ore=900_000,
                                 goal_id=_goal_of(engine, bike))
    _answer(engine, w.support, submit(engine, me), DecisionKind.DECLINE, "For dyr")
    items = {i.id: i for i in _plan(engine, me).all_items()}
    assert items[bike].status == "approved" and items[bike].approved_ore == 200_000
    assert _committed(engine, me.id) == 200_000


def test_dropped_wish_gives_its_money_back_only_when_the_support_person_says_yes(engine):
    w = build_world(engine)
    me = citizen_of(w)
    bike, phone = approved_items(engine, w.support, me, [200_000, 300_000])
    with write_session(engine) as s:
        plan_changes.drop_item(s, actor=me, citizen_id=me.id, item_id=bike)
        plan_changes.drop_item(s, actor=me, citizen_id=me.id, item_id=phone)
        plan_changes.keep_item(s, actor=me, citizen_id=me.id, item_id=phone)  # changed her mind before sending
    assert plan_changes.consequence(_plan(engine, me)).delta_ore == -200_000
    sid = submit(engine, me)
    assert _committed(engine, me.id) == 500_000
    with write_session(engine) as s, pytest.raises(DomainError):
        plan_changes.keep_item(s, actor=me, citizen_id=me.id, item_id=bike)  # sent: only the answer decides
    _answer(engine, w.support, sid)
    items = {i.id for i in _plan(engine, me).all_items()}
    assert items == {phone} and _committed(engine, me.id) == 300_000
    with write_session(engine) as s:
        kinds = list(s.scalars(select(LedgerEntry.kind).where(LedgerEntry.wish_item_id == bike)
                               .order_by(LedgerEntry.id)))
        assert kinds == ["approved", "approval_withdrawn"] and ledger.committed_matches_events(s, me.id)


def test_declined_drop_keeps_the_wish_and_its_money(engine):
    w = build_world(engine)
    me = citizen_of(w)
    [bike] = approved_items(engine, w.support, me, [200_000])
    with write_session(engine) as s:
        plan_changes.drop_item(s, actor=me, citizen_id=me.id, item_id=bike)
    _answer(engine, w.support, submit(engine, me), DecisionKind.DECLINE, "Cyklen er købt")
    [item] = _plan(engine, me).all_items()
    assert (item.status, item.approved_ore, item.drop_state) == ("approved", 200_000, None)
    with write_session(engine) as s, pytest.raises(DomainError):  # the drop's answer cannot re-price the wish
        decisions.revise(s, actor=w.support, wish_item_id=bike, decision=DecisionKind.APPROVE, reason=None)


def test_ordered_or_paid_wish_cannot_be_changed_or_dropped(engine):
    w = build_world(engine)
    me = citizen_of(w)
    [bike] = approved_items(engine, w.support, me, [200_000])
    with write_session(engine) as s:
        pid = payments.request_payment(s, actor=w.support, wish_item_id=bike, vendor="Cykelsmeden",
                                       amount_ore=200_000, reference=None, purchase_date=date.today())
    for step in ("ordered", "paid"):
        with write_session(engine) as s, pytest.raises(DomainError) as err:
            plan_changes.change_item(s, actor=me, citizen_id=me.id, item_id=bike, title="Billig", price_ore=1_000,
                                     goal_id=None)
        assert err.value.message == plan_changes.MSG_LOCKED
        with write_session(engine) as s, pytest.raises(DomainError):
            plan_changes.drop_item(s, actor=me, citizen_id=me.id, item_id=bike)
        if step == "ordered":
            with write_session(engine) as s:
                payments.mark_paid(s, actor=w.finance, payment_id=pid)
    [item] = _plan(engine, me).all_items()
    assert (item.status, item.approved_ore) == ("paid", 200_000)


def test_payment_asked_while_a_change_waits_refuses_the_change_and_keeps_everything(engine):
    w = build_world(engine)
    me = citizen_of(w)
    [bike] = approved_items(engine, w.support, me, [200_000])
    with write_session(engine) as s:
        plan_changes.change_item(s, actor=me, citizen_id=me.id, item_id=bike, title="Anden cykel",
                                 price_ore=150_000, goal_id=_goal_of(engine, bike))
    sid = submit(engine, me)
    with write_session(engine) as s:
        payments.request_payment(s, actor=w.support, wish_item_id=bike, vendor="Cykelsmeden", amount_ore=100_000,
                                 reference=None, purchase_date=date.today())
    decide_all(engine, w.support, sid, DecisionKind.APPROVE)
    with write_session(engine) as s, pytest.raises(DomainError) as err:
        decisions.publish(s, actor=w.support, submission_id=sid)
    assert err.value.message == decisions.MSG_MONEY_ASKED
    assert _committed(engine, me.id) == 200_000


def test_change_that_does_not_fit_the_budget_is_explained_before_sending(engine):
    w = build_world(engine)
    me = citizen_of(w)
    bike, flat = approved_items(engine, w.support, me, [200_000, 4_500_000])
    with write_session(engine) as s:
        plan_changes.change_item(s, actor=me, citizen_id=me.id, item_id=bike, title="Elcykel", price_ore=800_000,
                                 goal_id=_goal_of(engine, bike))
    effect = plan_changes.consequence(_plan(engine, me))
    assert (effect.delta_ore, effect.left_after_ore) == (600_000, -300_000)
    with pytest.raises(DomainError) as err:
        submit(engine, me)
    assert err.value.params == {"amount_ore": 300_000}


def test_a_changed_goal_alone_is_a_new_version_the_support_person_sees(engine):
    w = build_world(engine)
    me = citizen_of(w)
    [bike] = approved_items(engine, w.support, me, [200_000])
    with write_session(engine) as s:
        assert submissions.problems(plan_view.get_plan(s, actor=me, citizen_id=me.id),
                                    goals_changed=submissions.goals_changed_since_sent(
                                        s, actor=me, citizen_id=me.id))
        goal = s.get_one(WishItem, bike).goal_id
        plan.update_goal(s, actor=me, citizen_id=me.id, goal_id=goal, text="Kørekort til en varevogn")
    sid = submit(engine, me)
    with write_session(engine) as s:
        seen = version_changes.changes_in(s, actor=w.support, submission_id=sid)
        assert s.scalar(select(func.count()).select_from(SubmissionItem)
                        .where(SubmissionItem.submission_id == sid)) == 0
    assert [(g.before, g.after) for g in seen.goals] == [("Kørekort", "Kørekort til en varevogn")]
    assert seen.wishes == () and [k.title for k in seen.kept] == ["Ting 0"]
    _answer(engine, w.support, sid)
    assert _committed(engine, me.id) == 200_000


# --- any sequence -------------------------------------------------------------------------------------

ACTIONS = ("add", "change", "drop", "keep", "send", "approve", "decline", "pay", "paid", "revise")


def _check(engine, citizen_id: int) -> None:
    with write_session(engine) as s:
        citizen = s.get_one(Citizen, citizen_id)
        events = s.scalar(select(func.coalesce(func.sum(LedgerEntry.committed_delta_ore), 0))
                          .where(LedgerEntry.citizen_id == citizen_id))
        held = s.scalar(select(func.coalesce(func.sum(WishItem.approved_ore), 0))
                        .where(WishItem.citizen_id == citizen_id))
        paid_removed = s.scalar(select(func.count()).select_from(WishItem).where(
            WishItem.citizen_id == citizen_id, WishItem.requested_ore > 0, WishItem.removed_at.is_not(None)))
    assert 0 <= citizen.committed_ore <= citizen.budget_total_ore
    assert citizen.committed_ore == int(events) == int(held)
    assert paid_removed == 0  # a wish with money asked of finance never leaves the plan


def _step(engine, w, me, rng: random.Random, action: str, goal: int) -> None:
    with write_session(engine) as s:
        items = list(s.scalars(select(WishItem.id).where(WishItem.citizen_id == me.id, WishItem.removed_at.is_(None))
                               .order_by(WishItem.id)))
    pick = rng.choice(items) if items else None
    price = rng.choice([50_000, 150_000, 300_000, 600_000])
    with write_session(engine) as s:
        if action == "add":
            plan.add_item(s, actor=me, citizen_id=me.id, title="Ønske", price_ore=price, goal_id=goal)
        elif action == "change" and pick:
            plan_changes.change_item(s, actor=me, citizen_id=me.id, item_id=pick, title="Ændret", price_ore=price,
                                     goal_id=goal)
        elif action == "drop" and pick:
            plan_changes.drop_item(s, actor=me, citizen_id=me.id, item_id=pick)
        elif action == "keep" and pick:
            plan_changes.keep_item(s, actor=me, citizen_id=me.id, item_id=pick)
        elif action == "send":
            submissions.submit(s, actor=me, citizen_id=me.id)
        elif action in ("approve", "decline"):
            from storage.models import Submission
            sid = s.scalar(select(Submission.id).where(Submission.citizen_id == me.id, Submission.status == "waiting")
                           .order_by(Submission.id).limit(1))
            if sid is None:
                return
            kind = DecisionKind.APPROVE if action == "approve" else DecisionKind.DECLINE
            for sub in s.scalars(select(SubmissionItem.id).where(SubmissionItem.submission_id == sid)):
                mine = kind if rng.random() < 0.8 else DecisionKind.CHANGE
                decisions.record(s, actor=w.support, submission_item_id=sub, decision=mine,
                                 reason=None if mine is DecisionKind.APPROVE else "Grund")
            decisions.publish(s, actor=w.support, submission_id=sid)
        elif action == "pay" and pick:
            row = s.get_one(WishItem, pick)
            payments.request_payment(s, actor=w.support, wish_item_id=pick, vendor="Butik",
                                     amount_ore=max(1, row.approved_ore - row.requested_ore),
                                     reference=None, purchase_date=date.today())
        elif action == "paid":
            from storage.models import PaymentRequest
            pid = s.scalar(select(PaymentRequest.id).where(PaymentRequest.citizen_id == me.id,
                                                           PaymentRequest.status == "requested").limit(1))
            if pid:
                payments.mark_paid(s, actor=w.finance, payment_id=pid)
        elif action == "revise" and pick:
            kind = rng.choice(list(DecisionKind))
            decisions.revise(s, actor=w.support, wish_item_id=pick, decision=kind,
                             reason=None if kind is DecisionKind.APPROVE else "Ny grund")


def test_no_sequence_of_changes_over_commits_the_budget(engine):
    """Seeded random sequences of add, change, drop, undo, send, approve, decline, pay and decide again on one
    small budget (10.000 kr.); after every step the promised money
    stays within the budget and equals the ledger's events and the wishes' approvals."""
    w = build_world(engine)
    rng = random.Random(15)
    outcomes = {"done": 0, "refused": 0}
    for n in range(12 if engine.dialect.name == "postgresql" else 25):
        from storage import citizens
        with write_session(engine) as s:
            cid = citizens.create_citizen(s, actor=w.support, display_name=f"Borger {n}",
                                          budget_total_ore=1_000_000).citizen_id
        me = citizen_of(w, cid)
        with write_session(engine) as s:
            goal = plan.add_goal(s, actor=me, citizen_id=cid, text="Et job")
        for _ in range(25):
            try:
                _step(engine, w, me, rng, rng.choice(ACTIONS), goal)
                outcomes["done"] += 1
            except DomainError:
                outcomes["refused"] += 1
            _check(engine, cid)
    assert outcomes["done"] > 100 and outcomes["refused"] > 10  # both paths were walked
