"""Submitting snapshots, deciding with reasons, publishing together, and paying."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from storage import decisions, ledger, payments, plan, plan_view, second_opinions, submissions
from storage.db import write_session
from storage.errors import AccessDenied, DomainError
from storage.models import DecisionKind, Submission, SubmissionItem, utcnow
from tests.storage.factories import build_world, citizen_of, decide_all, plan_with_items, submit


def _items(engine, me):
    with write_session(engine) as s:
        return {i.id: i for i in plan_view.get_plan(s, actor=me, citizen_id=me.id).all_items()}


def test_plan_without_goal_or_with_unlinked_or_unpriced_items_is_explained(engine):
    w = build_world(engine)
    me = citizen_of(w)
    with pytest.raises(DomainError) as err:
        submit(engine, me)
    assert err.value.message == "Skriv mindst ét langsigtet mål."
    goal, _ = plan_with_items(engine, me, [])
    with write_session(engine) as s:
        plan.add_item(s, actor=me, citizen_id=me.id, title="Telefon", price_ore=None, goal_id=goal)
    with pytest.raises(DomainError) as err:
        submit(engine, me)
    assert err.value.message == submissions.MSG_SEE_PROBLEMS and err.value.params == {}  # no user text in a refusal
    with write_session(engine) as s:
        [missing_price] = submissions.problems(plan_view.get_plan(s, actor=me, citizen_id=me.id))
    assert missing_price.params == {"title": "Telefon"}
    with write_session(engine) as s:
        plan.add_item(s, actor=me, citizen_id=me.id, title="Sko", price_ore=50_000, goal_id=None)
    with write_session(engine) as s:
        found = submissions.problems(plan_view.get_plan(s, actor=me, citizen_id=me.id))
    assert {p.message for p in found} == {"Vælg, hvilket mål '{title}' hjælper med.", "Skriv en pris på '{title}'."}


def test_over_budget_plan_says_by_how_much(engine):
    w = build_world(engine)
    me = citizen_of(w)
    plan_with_items(engine, me, [3_000_000, 2_500_000])
    with pytest.raises(DomainError) as err:
        submit(engine, me)
    assert err.value.params == {"amount_ore": 500_000}


def test_submission_is_a_numbered_snapshot_and_drafting_continues(engine):
    w = build_world(engine)
    me = citizen_of(w)
    goal, items = plan_with_items(engine, me, [200_000])
    first = submit(engine, me)
    assert _items(engine, me)[items[0]].status == "submitted"
    with write_session(engine) as s:
        plan.update_goal(s, actor=me, citizen_id=me.id, goal_id=goal, text="Et godt job")
        plan.add_item(s, actor=me, citizen_id=me.id, title="Jakke", price_ore=80_000, goal_id=goal)
    second = submit(engine, me)
    with write_session(engine) as s:
        v1, v2 = s.get(Submission, first), s.get(Submission, second)
        assert (v1.version, v2.version) == (1, 2)
        assert v1.snapshot["goals"][0]["text"] == "Et job"  # unchanged by the later edit
        assert [i["title"] for i in v2.snapshot["items"]] == ["Jakke"]
        assert s.scalar(select(SubmissionItem.price_ore).where(SubmissionItem.submission_id == first)) == 200_000


def test_answer_promise_counts_danish_working_days(engine):
    w = build_world(engine)
    me = citizen_of(w)
    plan_with_items(engine, me, [1000])
    sid = submit(engine, me)
    with write_session(engine) as s:
        s.get(Submission, sid).submitted_at = datetime(2026, 11, 24, 10, tzinfo=timezone.utc)  # a Tuesday
    with write_session(engine) as s:
        [summary] = submissions.list_submissions(s, actor=me, citizen_id=me.id)
    assert summary.answer_by == date(2026, 12, 1)
    with write_session(engine) as s:
        from storage.models import Citizen
        assert submissions.answer_by(s, s.get(Citizen, me.id),
                                     datetime(2026, 12, 22, 10, tzinfo=timezone.utc)) == date(2027, 1, 4)


def test_change_and_decline_need_a_reason_for_the_citizen(engine):
    w = build_world(engine)
    me = citizen_of(w)
    plan_with_items(engine, me, [1000])
    sid = submit(engine, me)
    for kind in (DecisionKind.CHANGE, DecisionKind.DECLINE):
        with pytest.raises(DomainError), write_session(engine) as s:
            sub_item = s.scalar(select(SubmissionItem.id).where(SubmissionItem.submission_id == sid))
            decisions.record(s, actor=w.support, submission_item_id=sub_item, decision=kind, reason=" ")


def test_decisions_are_hidden_until_sent_and_then_shown_with_reasons(engine):
    w = build_world(engine)
    me = citizen_of(w)
    _goal, items = plan_with_items(engine, me, [200_000, 300_000])
    sid = submit(engine, me)
    with write_session(engine) as s:
        a, b = s.scalars(select(SubmissionItem.id).where(SubmissionItem.submission_id == sid)
                         .order_by(SubmissionItem.id)).all()
        decisions.record(s, actor=w.support, submission_item_id=a, decision=DecisionKind.DECLINE, reason="Nej")
        decisions.record(s, actor=w.support, submission_item_id=a, decision=DecisionKind.APPROVE, reason=None)
    with pytest.raises(DomainError) as err, write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=sid)
    assert err.value.params == {"count": 1}
    with write_session(engine) as s:
        assert submissions.published_decisions(s, actor=me, citizen_id=me.id) == {}
        decisions.record(s, actor=w.support, submission_item_id=b, decision=DecisionKind.CHANGE,
                         reason="Find en billigere model.")
    with write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=sid)
    with write_session(engine) as s:
        shown = submissions.published_decisions(s, actor=me, citizen_id=me.id)
        assert [d.decision for d in shown[items[0]]] == ["approve"]  # the corrected draft, not the first one
        assert shown[items[1]][0].reason == "Find en billigere model."
        assert ledger.summary(s, actor=me, citizen_id=me.id).approved_ore == 200_000
    statuses = {i: v.status for i, v in _items(engine, me).items()}
    assert statuses == {items[0]: "approved", items[1]: "change_requested"}


def test_a_changed_item_can_be_edited_and_sent_again(engine):
    w = build_world(engine)
    me = citizen_of(w)
    goal, items = plan_with_items(engine, me, [300_000])
    sid = submit(engine, me)
    decide_all(engine, w.support, sid, DecisionKind.CHANGE, "For dyr. Prøv en brugt.")
    with write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=sid)
    with write_session(engine) as s:
        plan.update_item(s, actor=me, citizen_id=me.id, item_id=items[0], title="Brugt cykel", price_ore=150_000,
                         goal_id=goal)
    second = submit(engine, me)
    decide_all(engine, w.support, second, DecisionKind.APPROVE)
    with write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=second)
    with write_session(engine) as s:
        history = submissions.published_decisions(s, actor=me, citizen_id=me.id)[items[0]]
    assert [d.decision for d in history] == ["approve", "change"]
    assert _items(engine, me)[items[0]].approved_ore == 150_000


def test_revising_a_sent_approval_releases_the_money_and_keeps_history(engine):
    w = build_world(engine)
    me = citizen_of(w)
    _goal, items = plan_with_items(engine, me, [400_000])
    sid = submit(engine, me)
    decide_all(engine, w.support, sid, DecisionKind.APPROVE)
    with write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=sid)
    with write_session(engine) as s:
        decisions.revise(s, actor=w.support, wish_item_id=items[0], decision=DecisionKind.DECLINE,
                         reason="Det dækker en anden ordning.")
    with write_session(engine) as s:
        assert ledger.summary(s, actor=me, citizen_id=me.id).approved_ore == 0
        assert ledger.committed_matches_events(s, me.id)
        assert [d.decision for d in submissions.published_decisions(s, actor=me, citizen_id=me.id)[items[0]]] == \
            ["decline", "approve"]


def test_other_support_person_cannot_decide_or_publish(engine):
    w = build_world(engine)
    me = citizen_of(w)
    plan_with_items(engine, me, [1000])
    sid = submit(engine, me)
    with pytest.raises(AccessDenied):
        decide_all(engine, w.other_support, sid, DecisionKind.APPROVE)
    with pytest.raises(AccessDenied), write_session(engine) as s:
        decisions.publish(s, actor=w.other_support, submission_id=sid)
    with pytest.raises(AccessDenied):
        decide_all(engine, w.coordinator, sid, DecisionKind.APPROVE)


def test_full_payment_loop_moves_the_ledger(engine):
    w = build_world(engine)
    me = citizen_of(w)
    _goal, items = plan_with_items(engine, me, [200_000])
    sid = submit(engine, me)
    decide_all(engine, w.support, sid, DecisionKind.APPROVE)
    with write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=sid)
    with pytest.raises(DomainError), write_session(engine) as s:
        payments.request_payment(s, actor=w.support, wish_item_id=items[0], vendor="Cykelhandler", amount_ore=250_000,
                                 reference=None, purchase_date=date.today())
    with write_session(engine) as s:
        pid = payments.request_payment(s, actor=w.support, wish_item_id=items[0], vendor="Cykelhandler",
                                       amount_ore=195_000, reference="Ordre 17", purchase_date=date.today())
    assert _items(engine, me)[items[0]].status == "ordered"
    with write_session(engine) as s:
        rows = payments.list_for_finance(s, actor=w.finance, status="requested")
        assert [(r.citizen_ref, r.amount_ore) for r in rows] == [("B00001", 195_000)]
        assert not hasattr(rows[0], "display_name")
    with pytest.raises(AccessDenied), write_session(engine) as s:
        payments.mark_paid(s, actor=w.other_finance, payment_id=pid)
    with write_session(engine) as s:
        payments.mark_paid(s, actor=w.finance, payment_id=pid)
    with write_session(engine) as s:
        figures = ledger.summary(s, actor=me, citizen_id=me.id)
        csv_text = payments.export_csv(s, actor=w.finance)
    assert (figures.approved_ore, figures.requested_ore, figures.paid_ore, figures.left_ore) == \
        (200_000, 0, 195_000, 4_800_000)
    assert _items(engine, me)[items[0]].status == "paid"
    assert "B00001;Cykelhandler;1950,00;Ordre 17" in csv_text and "Mette" not in csv_text


def test_rejected_payment_returns_the_item_to_approved_with_a_reason(engine):
    w = build_world(engine)
    me = citizen_of(w)
    _goal, items = plan_with_items(engine, me, [200_000])
    sid = submit(engine, me)
    decide_all(engine, w.support, sid, DecisionKind.APPROVE)
    with write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=sid)
        pid = payments.request_payment(s, actor=w.support, wish_item_id=items[0], vendor="Butik", amount_ore=200_000,
                                       reference=None, purchase_date=date.today())
    with pytest.raises(DomainError), write_session(engine) as s:
        payments.reject(s, actor=w.finance, payment_id=pid, reason="")
    with write_session(engine) as s:
        payments.reject(s, actor=w.finance, payment_id=pid, reason="Faktura mangler")
    assert _items(engine, me)[items[0]].status == "approved"
    with write_session(engine) as s:
        assert ledger.summary(s, actor=me, citizen_id=me.id).requested_ore == 0


def test_second_opinion_goes_to_the_coordinator_and_back(engine):
    w = build_world(engine)
    me = citizen_of(w)
    _goal, items = plan_with_items(engine, me, [450_000])
    submit(engine, me)
    with write_session(engine) as s:
        oid = second_opinions.ask(s, actor=w.support, wish_item_id=items[0], question="Er en PlayStation ok?")
    with write_session(engine) as s:
        assert [o.question for o in second_opinions.open_questions(s, actor=w.coordinator)] == \
            ["Er en PlayStation ok?"]
        assert second_opinions.open_questions(s, actor=w.other_coordinator) == []
    with pytest.raises(AccessDenied), write_session(engine) as s:
        second_opinions.answer(s, actor=w.other_coordinator, opinion_id=oid, text="Ja")
    with write_session(engine) as s:
        second_opinions.answer(s, actor=w.coordinator, opinion_id=oid, text="Ja, hvis den hjælper på målet.")
    with write_session(engine) as s:
        [view] = second_opinions.for_citizen(s, actor=w.support, citizen_id=me.id)
    assert view.answer == "Ja, hvis den hjælper på målet." and view.answered_at <= utcnow()
