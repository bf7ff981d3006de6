"""The coordinator's cohort report: the own programme only, numbers only, small groups withheld, audited."""
from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import event, select

from storage import checkins, citizens, decisions, payments, plan, plan_view, reports
from storage.db import write_session
from storage.errors import AccessDenied
from storage.models import AuditEvent, CitizenStatus, DecisionKind
from tests.storage.factories import build_world, citizen_of, decide_all, plan_with_items, submit
from tests.storage.test_course_storage import answer_until

BOUGHT = date(2026, 11, 2)


def _report(engine, actor):
    with write_session(engine) as s:
        return reports.cohort_report(s, actor=actor)


def _enrol(engine, support, name):
    with write_session(engine) as s:
        return citizens.create_citizen(s, actor=support, display_name=name).citizen_id


def _check_in(engine, support, cid, phase, who5=None, own=None, staff=None):
    with write_session(engine) as s:
        checkins.add_check_in(s, actor=support, citizen_id=cid, phase=phase, who5_raw=who5,
                              citizen_goal_rating=own, support_goal_rating=staff)


def test_an_empty_programme_reports_zeros_and_withholds_every_average(engine):
    w = build_world(engine)
    report = _report(engine, w.coordinator)
    assert report.citizens == 2 and report.by_status["active"] == 2
    assert report.course_not_started == 2 and report.course_in_progress == 0 and report.course_finished == 0
    assert report.goals_by_category == [] and report.citizens_with_goals == 0
    assert (report.budget_total_ore, report.approved_ore, report.paid_ore) == (10_000_000, 0, 0)
    assert report.used_share == 0
    assert report.who5_change == reports.Average(0, None)
    assert all(a == reports.Average(0, None) for a in report.citizen_goal_rating.values())


def test_report_counts_the_programme_and_nothing_from_another_programme(engine):
    w = build_world(engine)
    mette, jonas = citizen_of(w), citizen_of(w, w.other_citizen_id)
    third = _enrol(engine, w.support, "Aisha")

    # Goals: two long-term goals about work, one about housing; sub-goals are not counted.
    plan_with_items(engine, mette, [300_000, 200_000])                   # education_job + a sub-goal
    plan_with_items(engine, jonas, [100_000], goal_text="Et arbejde")    # education_job
    with write_session(engine) as s:
        plan.add_goal(s, actor=jonas, citizen_id=jonas.id, text="Et hjem", category="housing")
    # Money: Mette's two wishes approved, one of them asked paid and paid.
    sid = submit(engine, mette)
    decide_all(engine, w.support, sid, DecisionKind.APPROVE)
    with write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=sid)
    with write_session(engine) as s:
        items = payments.payable_items(s, actor=w.support, citizen_id=mette.id)
        first = min(items, key=lambda i: i.wish_item_id)
        pay = payments.request_payment(s, actor=w.support, wish_item_id=first.wish_item_id, vendor="Cykelbutikken",
                                       amount_ore=300_000, reference=None, purchase_date=BOUGHT)
        second = max(items, key=lambda i: i.wish_item_id)
        payments.request_payment(s, actor=w.support, wish_item_id=second.wish_item_id, vendor="Skolen",
                                 amount_ore=150_000, reference=None, purchase_date=BOUGHT)
    with write_session(engine) as s:
        payments.mark_paid(s, actor=w.finance, payment_id=pay)
    # The course: Mette finished, Jonas halfway, the third not started. Aisha's plan is paused.
    answer_until(engine, mette)
    answer_until(engine, jonas, stop_at="now_mood")
    with write_session(engine) as s:
        citizens.set_status(s, actor=w.support, citizen_id=third, status=CitizenStatus.PAUSED, reason="Pause")
    # The other programme's citizen has a goal and a check-in that must not show.
    with write_session(engine) as s:
        plan.add_goal(s, actor=citizen_of(w, w.foreign_citizen_id), citizen_id=w.foreign_citizen_id,
                      text="Et job", category="education_job")

    report = _report(engine, w.coordinator)
    assert report.citizens == 3
    assert report.by_status == {"active": 2, "paused": 1, "ended": 0}
    assert (report.course_not_started, report.course_in_progress, report.course_finished) == (1, 1, 1)
    # The finished course drafted goals of its own: count them from the plan, not by hand.
    with write_session(engine) as s:
        mette_goals = [g.category for g in plan_view.get_plan(s, actor=mette, citizen_id=mette.id).goals]
    assert dict(report.goals_by_category) == Counter(mette_goals + ["education_job", "housing"])
    assert report.citizens_with_goals == 2
    assert report.budget_total_ore == 15_000_000
    assert report.approved_ore == 500_000
    assert report.paid_ore == 300_000 and report.waiting_payment_ore == 150_000
    assert report.used_share == pytest.approx(500_000 / 15_000_000)

    other = _report(engine, w.other_coordinator)
    assert other.citizens == 1 and dict(other.goals_by_category) == {"education_job": 1}
    assert other.approved_ore == 0


def test_goal_ratings_and_who5_are_averaged_per_phase_and_withheld_below_three_people(engine):
    w = build_world(engine)
    ids = [w.citizen_id, _enrol(engine, w.support, "B"), _enrol(engine, w.support, "C"),
           _enrol(engine, w.support, "D")]
    starts, ends = [8, 10, 12, 15], [13, 10, 16, None]   # WHO-5 raw 0-25; D has no end yet
    for cid, start, end in zip(ids, starts, ends):
        _check_in(engine, w.support, cid, "start", who5=start, own=1, staff=2)
        if end is not None:
            _check_in(engine, w.support, cid, "end", who5=end, own=4)
    _check_in(engine, w.support, ids[0], "start", who5=9, own=2, staff=2)  # a newer start replaces the first
    _check_in(engine, w.support, ids[1], "mid", own=3, staff=3)

    report = _report(engine, w.coordinator)
    assert report.who5_start == reports.Average(4, round((9 + 10 + 12 + 15) * 4 / 4, 1))
    assert report.who5_end == reports.Average(3, round((13 + 10 + 16) * 4 / 3, 1))
    changes = [(13 - 9) * 4, 0, (16 - 12) * 4]                 # 16, 0, 16 percentage points
    assert report.who5_change == reports.Average(3, round(sum(changes) / 3, 1))
    assert (report.who5_improved, report.who5_worse) == (2, 0)
    assert report.citizen_goal_rating["start"] == reports.Average(4, round((2 + 1 + 1 + 1) / 4, 1))
    assert report.citizen_goal_rating["end"] == reports.Average(3, 4.0)
    assert report.support_goal_rating["start"] == reports.Average(4, 2.0)
    # One or two answers could point at a person: counted, not averaged.
    assert report.citizen_goal_rating["mid"] == reports.Average(1, None)
    assert report.support_goal_rating["end"] == reports.Average(0, None)


@pytest.mark.parametrize("who", ["support", "finance", "facilitator"])
def test_only_a_coordinator_gets_the_report(engine, who):
    w = build_world(engine)
    with pytest.raises(AccessDenied):
        _report(engine, getattr(w, who))
    with pytest.raises(AccessDenied):
        _report(engine, citizen_of(w))


def test_the_report_is_audited_and_takes_the_same_number_of_queries_for_more_citizens(engine):
    w = build_world(engine)
    statements: list[str] = []

    def count(*_args):
        statements.append(_args[2])

    event.listen(engine, "before_cursor_execute", count)
    try:
        _report(engine, w.coordinator)
        few = len(statements)
        for n in range(12):
            cid = _enrol(engine, w.support, f"Borger {n}")
            _check_in(engine, w.support, cid, "start", who5=n, own=2)
        statements.clear()
        _report(engine, w.coordinator)
        many = len(statements)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert few == many
    with write_session(engine) as s:
        logged = s.scalars(select(AuditEvent).where(AuditEvent.action == "read_cohort_report")).all()
    assert len(logged) == 2 and all(e.actor_role == "coordinator" and e.citizen_id is None for e in logged)


def test_csv_export_has_stable_keys_withholds_small_averages_and_is_audited(engine):
    import csv
    import io
    w = build_world(engine)
    ids = [w.citizen_id, w.other_citizen_id, _enrol(engine, w.support, "C")]
    for cid, support, who5 in zip(ids, (w.support, w.other_support, w.support), (10, 12, 14)):
        _check_in(engine, support, cid, "start", who5=who5, own=2)
    _check_in(engine, w.support, ids[0], "end", who5=20, own=4)
    with write_session(engine) as s:
        text = reports.export_csv(s, actor=w.coordinator)
    rows = dict(csv.reader(io.StringIO(text)))
    assert rows.pop("key") == "value"
    assert rows["citizens"] == "3" and rows["citizens.active"] == "3"
    assert rows["budget.total_ore"] == "15000000"
    assert rows["who5.start.n"] == "3" and rows["who5.start.mean"] == str(round((10 + 12 + 14) * 4 / 3, 1))
    assert rows["who5.end.n"] == "1" and rows["who5.end.mean"] == ""          # one person: withheld
    assert rows["goal_rating.citizen.start.mean"] == "2.0"
    with pytest.raises(AccessDenied):
        with write_session(engine) as s:
            reports.export_csv(s, actor=w.support)
    with write_session(engine) as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.object_type == "programme")).all()
    assert "export_cohort_report" in actions


@pytest.mark.parametrize("with_both", [1, 2])
def test_how_many_got_better_is_withheld_below_three_people_too(engine, with_both):
    """Issue 13: 'improved by 10 or more: 1' with one end score told the coordinator how that person felt."""
    w = build_world(engine)
    ids = [w.citizen_id, _enrol(engine, w.support, "B"), _enrol(engine, w.support, "C")]
    for n, cid in enumerate(ids):
        _check_in(engine, w.support, cid, "start", who5=5, own=1, staff=1)
        if n < with_both:
            _check_in(engine, w.support, cid, "end", who5=20, own=4)
    report = _report(engine, w.coordinator)
    assert (report.who5_change.n, report.who5_change.value) == (with_both, None)
    assert (report.who5_improved, report.who5_worse) == (None, None)
    with write_session(engine) as s:
        rows = dict(csv.reader(io.StringIO(reports.export_csv(s, actor=w.coordinator))))
    assert rows["who5.improved_10_or_more"] == rows["who5.worse_10_or_more"] == ""
