"""One wish is approved at most once, for what it costs now; a removed wish is never approved; the
support person's unsent decisions stay theirs (issue 13, "The ledger and decisions").

The first test is the journey from the issue, step by step through the services the review page calls.
"""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError

from storage import decisions, ledger, payments, plan, submissions
from storage.db import write_session
from storage.errors import AccessDenied, DomainError
from storage.models import DecisionKind, ItemDecision, SubmissionItem, WishItem
from tests.storage.factories import approved_items, build_world, citizen_of, decide_all, plan_with_items, submit


def _publish(engine, support, submission_id):
    with write_session(engine) as s:
        decisions.publish(s, actor=support, submission_id=submission_id)


def _sent_back_for_a_change(engine, w, me) -> tuple[int, int]:
    """A 3.000 kr. wish sent, and 'skal ændres' sent back: (goal, wish)."""
    goal, [item] = plan_with_items(engine, me, [300_000])
    first = submit(engine, me)
    decide_all(engine, w.support, first, DecisionKind.CHANGE, "Find et tilbud.")
    _publish(engine, w.support, first)
    return goal, item


def _changed_and_resent(engine, w, me):
    """... then changed to 3.500 kr. and sent as version 2."""
    goal, item = _sent_back_for_a_change(engine, w, me)
    with write_session(engine) as s:
        plan.update_item(s, actor=me, citizen_id=me.id, item_id=item, title="Cykel", price_ore=350_000, goal_id=goal)
    second = submit(engine, me)
    return item, second


def test_the_old_decision_cannot_approve_a_wish_that_was_changed_and_sent_again(engine):
    w = build_world(engine)
    me = citizen_of(w)
    item, second = _changed_and_resent(engine, w, me)
    with pytest.raises(DomainError) as refused, write_session(engine) as s:
        decisions.revise(s, actor=w.support, wish_item_id=item, decision=DecisionKind.APPROVE, reason=None)
    assert refused.value.message == decisions.MSG_CHANGED_SINCE
    decide_all(engine, w.support, second, DecisionKind.APPROVE)
    _publish(engine, w.support, second)
    with write_session(engine) as s:
        assert ledger.summary(s, actor=me, citizen_id=me.id).approved_ore == 350_000
        assert s.get(WishItem, item).approved_ore == 350_000
        with pytest.raises(DomainError):
            payments.request_payment(s, actor=w.support, wish_item_id=item, vendor="Cykelsmed", amount_ore=650_000,
                                     reference=None, purchase_date=date.today())


def test_the_old_decision_cannot_approve_a_wish_the_citizen_is_changing(engine):
    w = build_world(engine)
    me = citizen_of(w)
    goal, item = _sent_back_for_a_change(engine, w, me)
    with write_session(engine) as s:
        plan.update_item(s, actor=me, citizen_id=me.id, item_id=item, title="Cykel", price_ore=350_000, goal_id=goal)
    with pytest.raises(DomainError) as refused, write_session(engine) as s:
        decisions.revise(s, actor=w.support, wish_item_id=item, decision=DecisionKind.APPROVE, reason=None)
    assert refused.value.message == decisions.MSG_CHANGED_SINCE


def test_a_change_request_can_still_become_an_approval_while_the_wish_is_untouched(engine):
    w = build_world(engine)
    me = citizen_of(w)
    _goal, item = _sent_back_for_a_change(engine, w, me)
    with write_session(engine) as s:
        decisions.revise(s, actor=w.support, wish_item_id=item, decision=DecisionKind.APPROVE, reason=None)
    with write_session(engine) as s:
        assert s.get(WishItem, item).approved_ore == 300_000
        assert ledger.committed_matches_events(s, me.id)


def test_a_wish_the_citizen_removed_cannot_be_approved(engine):
    w = build_world(engine)
    me = citizen_of(w)
    _goal, item = _sent_back_for_a_change(engine, w, me)
    with write_session(engine) as s:
        plan.remove_item(s, actor=me, citizen_id=me.id, item_id=item)
    with pytest.raises(DomainError) as refused, write_session(engine) as s:
        decisions.revise(s, actor=w.support, wish_item_id=item, decision=DecisionKind.APPROVE, reason=None)
    assert refused.value.message == decisions.MSG_REMOVED
    with write_session(engine) as s:
        assert s.get(WishItem, item).approved_ore == 0
        assert ledger.summary(s, actor=me, citizen_id=me.id).approved_ore == 0


# --- the database itself refuses what the services must never do --------------------------------------

def _approved_item(engine, w, me, price=300_000):
    [item] = approved_items(engine, w.support, me, [price])
    return item


@pytest.mark.parametrize("change", [
    {"approved_ore": 650_000},                  # more promised than the wish costs
    {"status": "draft"},                        # money on a wish the citizen is changing
    {"status": "submitted"},                    # money on a wish that waits for a new answer
    {"requested_ore": 300_001},                 # more asked of finance than approved
])
def test_the_database_refuses_money_a_wish_cannot_carry(engine, change):
    w = build_world(engine)
    me = citizen_of(w)
    item = _approved_item(engine, w, me)
    with pytest.raises(IntegrityError), write_session(engine) as s:
        s.execute(update(WishItem).where(WishItem.id == item).values(**change))


def test_the_database_refuses_money_on_a_removed_wish(engine):
    w = build_world(engine)
    me = citizen_of(w)
    item = _approved_item(engine, w, me)
    with pytest.raises(IntegrityError), write_session(engine) as s:
        s.execute(text("UPDATE wish_items SET removed_at = CURRENT_TIMESTAMP WHERE id = :id"), {"id": item})


def test_the_database_keeps_one_unsent_decision_per_sent_wish(engine):
    w = build_world(engine)
    me = citizen_of(w)
    plan_with_items(engine, me, [300_000])
    sid = submit(engine, me)
    decide_all(engine, w.support, sid, DecisionKind.APPROVE)
    with pytest.raises(IntegrityError), write_session(engine) as s:
        draft = s.scalar(select(ItemDecision))
        s.add(ItemDecision(submission_item_id=draft.submission_item_id, wish_item_id=draft.wish_item_id,
                           decision="decline", reason="Nej", decided_by_id=w.support.id))
        s.flush()


# --- drafts are the support person's until sent --------------------------------------------------------

def test_a_citizen_never_reads_unsent_decisions_or_their_reasons(engine):
    w = build_world(engine)
    me = citizen_of(w)
    plan_with_items(engine, me, [300_000])
    sid = submit(engine, me)
    decide_all(engine, w.support, sid, DecisionKind.DECLINE, "Det hører under en anden ordning.")
    with write_session(engine) as s:
        with pytest.raises(AccessDenied):
            decisions.review_items(s, actor=me, submission_id=sid)
        with pytest.raises(AccessDenied):
            decisions.drafts(s, actor=me, submission_id=sid)
        assert submissions.published_decisions(s, actor=me, citizen_id=me.id) == {}
        assert [i.draft_decision for i in decisions.review_items(s, actor=w.support, submission_id=sid)] == \
            ["decline"]
        # The coordinator advises; the unsent reasons are still only the support person's.
        with pytest.raises(AccessDenied):
            decisions.review_items(s, actor=w.coordinator, submission_id=sid)


def test_publishing_refuses_a_wish_that_is_no_longer_waiting(engine):
    """Defence in depth: even if a wish in a waiting plan were changed behind the review's back, 'Send svar'
    would not approve it."""
    w = build_world(engine)
    me = citizen_of(w)
    _goal, [item] = plan_with_items(engine, me, [300_000])
    sid = submit(engine, me)
    decide_all(engine, w.support, sid, DecisionKind.APPROVE)
    with write_session(engine) as s:
        s.execute(update(WishItem).where(WishItem.id == item).values(status="draft"))
    with pytest.raises(DomainError), write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=sid)
    with write_session(engine) as s:
        assert s.get(WishItem, item).approved_ore == 0
        assert s.scalar(select(SubmissionItem.id).where(SubmissionItem.submission_id == sid)) is not None
