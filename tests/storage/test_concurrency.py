"""Concurrent approvals never overspend, and the ledger stays equal to its events.

Runs on SQLite (BEGIN IMMEDIATE) and PostgreSQL (row lock + CHECK). The
figures are printed so the closing note can quote them (pytest -s).
"""
from __future__ import annotations

import threading
from datetime import date

from sqlalchemy import select

from storage import decisions, ledger, payments
from storage.db import write_session
from storage.errors import DomainError
from storage.models import Citizen, DecisionKind, SubmissionItem
from tests.storage.factories import build_world, citizen_of, decide_all, plan_with_items, submit

ITEM_ORE = 800_000          # 8.000 kr. per submission
ATTEMPTS = 10               # 80.000 kr. asked for, against a 50.000 kr. budget


def _race(workers):
    barrier = threading.Barrier(len(workers))
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(work):
        barrier.wait()
        try:
            work()
            result = "ok"
        except DomainError:
            result = "refused"
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return outcomes


def _prepared_submissions(engine, w, count):
    me = citizen_of(w)
    ids = []
    for _ in range(count):
        plan_with_items(engine, me, [ITEM_ORE])
        sid = submit(engine, me)
        decide_all(engine, w.support, sid, DecisionKind.APPROVE)
        ids.append(sid)
    return me, ids


def test_concurrent_publishing_never_overspends(engine, db_backend):
    w = build_world(engine)
    me, ids = _prepared_submissions(engine, w, ATTEMPTS)

    def publish(sid):
        with write_session(engine) as s:
            decisions.publish(s, actor=w.support, submission_id=sid)

    outcomes = _race([lambda sid=sid: publish(sid) for sid in ids])
    with write_session(engine) as s:
        citizen = s.get_one(Citizen, me.id)
        figures = ledger.summary(s, actor=me, citizen_id=me.id)
        consistent = ledger.committed_matches_events(s, me.id)
    successes = outcomes.count("ok")
    print(f"\n[{db_backend}] concurrent approvals: attempts={ATTEMPTS} successes={successes} "
          f"refused={outcomes.count('refused')} committed={citizen.committed_ore} total={citizen.budget_total_ore}")
    assert len(outcomes) == ATTEMPTS
    assert successes == citizen.budget_total_ore // ITEM_ORE == 6
    assert citizen.committed_ore == figures.approved_ore == successes * ITEM_ORE <= citizen.budget_total_ore
    assert consistent


def test_the_same_answer_published_twice_at_once_counts_once(engine, db_backend):
    w = build_world(engine)
    me, [sid] = _prepared_submissions(engine, w, 1)

    def publish():
        with write_session(engine) as s:
            decisions.publish(s, actor=w.support, submission_id=sid)

    outcomes = _race([publish, publish, publish])
    with write_session(engine) as s:
        assert s.get_one(Citizen, me.id).committed_ore == ITEM_ORE
        assert ledger.committed_matches_events(s, me.id)
    assert sorted(outcomes) == ["ok", "refused", "refused"]


def test_finance_paying_while_approvals_happen_keeps_the_ledger_consistent(engine, db_backend):
    w = build_world(engine)
    me, ids = _prepared_submissions(engine, w, 4)
    with write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=ids[0])
        decisions.publish(s, actor=w.support, submission_id=ids[1])
        paid_items = list(s.scalars(select(SubmissionItem.wish_item_id)
                                    .where(SubmissionItem.submission_id.in_(ids[:2]))))
        pids = [payments.request_payment(s, actor=w.support, wish_item_id=i, vendor="Butik", amount_ore=ITEM_ORE,
                                         reference=None, purchase_date=date.today()) for i in paid_items]

    def pay(pid):
        with write_session(engine) as s:
            payments.mark_paid(s, actor=w.finance, payment_id=pid)

    def publish(sid):
        with write_session(engine) as s:
            decisions.publish(s, actor=w.support, submission_id=sid)

    outcomes = _race([lambda p=p: pay(p) for p in pids] + [lambda sid=sid: publish(sid) for sid in ids[2:]])
    with write_session(engine) as s:
        figures = ledger.summary(s, actor=me, citizen_id=me.id)
        assert ledger.committed_matches_events(s, me.id)
    print(f"\n[{db_backend}] pay-while-approve: outcomes={outcomes} approved={figures.approved_ore} "
          f"paid={figures.paid_ore} requested={figures.requested_ore}")
    assert outcomes.count("ok") == 4
    assert (figures.approved_ore, figures.paid_ore, figures.requested_ore) == (4 * ITEM_ORE, 2 * ITEM_ORE, 0)


def test_database_check_constraint_refuses_overcommitment_even_without_the_service(engine):
    import pytest
    from sqlalchemy import update
    from sqlalchemy.exc import IntegrityError
    w = build_world(engine)
    with pytest.raises(IntegrityError), write_session(engine) as s:
        s.execute(update(Citizen).where(Citizen.id == w.citizen_id).values(committed_ore=Citizen.budget_total_ore + 1))


def test_two_answers_for_one_citizen_at_once_both_reach_the_report_copy(engine):
    """Two transactions add rows for the same citizen at the same time. The second recounts only after the
    first has committed (it waits for the citizen's row), so its copy includes the first's answer instead of
    overwriting it with a count made before it (storage/models/figures_copy.py)."""
    from storage.models import Who5Response
    from tests.conftest import assert_figures_copies_in_step
    w = build_world(engine)
    first_flushed, second_started = threading.Event(), threading.Event()

    def second():
        first_flushed.wait(30)
        with write_session(engine) as s:
            second_started.set()
            s.add(Who5Response(citizen_id=w.citizen_id, milestone="end", skipped=False,
                               item1=5, item2=5, item3=5, item4=5, item5=5))
            s.flush()  # its recount waits here until the first commits

    other = threading.Thread(target=second)
    other.start()
    with write_session(engine) as s:
        s.add(Who5Response(citizen_id=w.citizen_id, milestone="start", skipped=False,
                           item1=1, item2=1, item3=1, item4=1, item5=1))
        s.flush()
        first_flushed.set()
        second_started.wait(5)
        other.join(0.5)  # give the second time to count (wrongly) if it did not wait
    other.join(60)
    with write_session(engine) as s:
        me = s.get(Citizen, w.citizen_id)
        assert (me.who5_start, me.who5_end) == (20, 100)
    assert_figures_copies_in_step(engine)
