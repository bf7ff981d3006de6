"""Socialstyrelsen's figures in SQL: they match a plain Python count over the same rows, on both databases,
for the whole programme and for an intake; small groups are withheld; the statements do not grow."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from sqlalchemy import event, func, select

from storage import programme_report
from storage.access import Actor, ActorKind
from storage.db import write_session
from storage.errors import AccessDenied, DomainError
from storage.models import AuditEvent, Citizen, StaffRole
from storage.programme_report import Intake
from tests.storage.factories import build_world
from tests.storage.programme_generator import generate_programme
from tests.storage.report_reference import reference

TODAY = date(2026, 6, 1)


def coordinator(generated) -> Actor:
    return Actor(kind=ActorKind.STAFF, id=generated.coordinator_id, programme_id=generated.programme_id,
                 role=StaffRole.COORDINATOR)


def figures(engine, actor, intake=None):
    with write_session(engine) as s:
        return programme_report.programme_figures(s, actor=actor, intake=intake, today=TODAY)


def assert_matches(got, ref):
    """Every figure the report shows equals the Python count (the groups here are all large)."""
    assert got.citizens == ref.citizens
    own = got.citizen_attainment
    assert (own.n, own.part) == (ref.citizen_rated, ref.citizen_attained)
    assert own.value == pytest.approx(ref.citizen_attained / ref.citizen_rated)
    theirs = got.support_attainment
    assert (theirs.n, theirs.part, theirs.people) == (ref.support_goals, ref.support_attained, ref.support_people)
    who5 = got.who5
    assert (who5.n, who5.improved, who5.worse) == (ref.who5_n, ref.who5_improved, ref.who5_worse)
    assert who5.mean_start == round(ref.who5_start_sum / ref.who5_n, 1)
    assert who5.mean_change == round((ref.who5_end_sum - ref.who5_start_sum) / ref.who5_n, 1)
    assert {c.key: (c.goals, c.citizens) for c in got.categories} == ref.categories
    for measure in got.money:
        assert measure.total_ore == ref.money_sums[measure.measure]
        assert measure.mean_ore == round(ref.money_sums[measure.measure] / ref.citizens / 100) * 100
        assert measure.median_ore == (None if None in measure.bands else ref.money_medians[measure.measure])
        bands = ref.money_bands[measure.measure]
        shown = {b: n for b, n in enumerate(measure.bands) if n is not None}
        assert shown == {b: bands.get(b, 0) for b in shown}
        assert all(bands.get(b, 0) for b in range(len(measure.bands)) if b not in shown)  # withheld: not 0
    answers = got.answers
    assert (answers.answered, answers.within_promise, answers.waiting) == \
        (ref.answered, ref.within_promise, ref.waiting)
    assert answers.median_working_days == ref.answer_median
    assert {k: v for k, v in got.endings.items() if v} == {k: v for k, v in ref.endings.items() if v}


def test_figures_match_a_python_count_for_the_programme_and_an_intake(engine):
    generated = generate_programme(engine, 300)
    actor = coordinator(generated)
    assert_matches(figures(engine, actor), reference(engine, generated.programme_id, None, TODAY))
    intake = Intake(date(2025, 3, 1), date(2025, 9, 30))
    assert_matches(figures(engine, actor, intake),
                   reference(engine, generated.programme_id, (intake.start_from, intake.start_to), TODAY))


def _statements(engine, actor) -> int:
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        figures(engine, actor)
        figures(engine, actor, Intake(date(2025, 1, 1), date(2025, 6, 30)))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_the_number_of_statements_does_not_grow_with_the_programme(engine, db_backend):
    small, large = generate_programme(engine, 20, seed=1), generate_programme(engine, 600, seed=2)
    for_small, for_large = _statements(engine, coordinator(small)), _statements(engine, coordinator(large))
    print(f"\nprogramme report statements on {db_backend}: 20 citizens={for_small}, 600={for_large}")
    assert for_small == for_large


def test_small_groups_and_their_differences_are_withheld(engine):
    generated = generate_programme(engine, 60, seed=3)
    actor = coordinator(generated)
    whole = figures(engine, actor)
    assert whole.citizen_attainment.value is not None
    # An intake of a single day holds at most a couple of citizens: nothing about them is shown.
    tiny = figures(engine, actor, Intake(date(2025, 1, 6), date(2025, 1, 6)))
    assert tiny.citizen_attainment.value is None and tiny.support_attainment.value is None
    assert tiny.who5.mean_change is None and tiny.answers.median_working_days is None
    assert all(m.mean_ore is None and m.median_ore is None for m in tiny.money)
    # Everyone but one day's starters: the rest is small, so the difference to the whole is refused too.
    almost = figures(engine, actor, Intake(date(2025, 1, 7), date(2030, 1, 1)))
    assert almost.citizens is None or almost.citizens == whole.citizens or whole.citizens - almost.citizens >= 3
    if almost.citizens is None:
        assert almost.citizen_attainment.value is None and almost.who5.mean_change is None
    for table in [tiny.endings, almost.endings] + [dict(enumerate(m.bands)) for m in tiny.money + almost.money]:
        assert not any(n in (1, 2) for n in table.values())


def test_only_a_coordinator_reads_the_figures(engine):
    w = build_world(engine)
    for actor in (w.support, w.finance):
        with pytest.raises(AccessDenied), write_session(engine) as s:
            programme_report.programme_figures(s, actor=actor)


def test_the_figures_export_as_csv_with_withheld_cells_empty(engine):
    from storage import report_export
    generated = generate_programme(engine, 40, seed=5)
    with write_session(engine) as s:
        text_ = report_export.figures_csv(s, actor=coordinator(generated),
                                          intake=Intake(date(2025, 1, 6), date(2025, 1, 6)))
    rows = dict(list(csv.reader(io.StringIO(text_)))[1:])
    assert rows["intake.start_from"] == "2025-01-06"
    assert rows["citizen_attainment.share"] == "" and rows["who5.mean_change"] == ""
    assert "Borger" not in text_ and "Fri tekst" not in text_ and "Mål" not in text_
    with write_session(engine) as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent)
                        .where(AuditEvent.action == "export_programme_report")) == 1


def test_the_evaluator_dataset_is_pseudonymised_stable_and_audited_on_each_citizen(engine, monkeypatch):
    from storage import evaluator_data
    monkeypatch.setenv("BORGERBUDGET_PSEUDONYM_SECRET", "nøgle-til-test")
    generated = generate_programme(engine, 30, seed=6)
    actor = coordinator(generated)
    with write_session(engine) as s:
        first = evaluator_data.evaluation_csv(s, actor=actor)
    with write_session(engine) as s:
        second = evaluator_data.evaluation_csv(s, actor=actor)
        ids = sorted(s.scalars(select(Citizen.id).where(Citizen.programme_id == generated.programme_id)))
        audited = s.scalars(select(AuditEvent.citizen_id).where(
            AuditEvent.action == "export_evaluation_dataset", AuditEvent.citizen_id.is_not(None))).all()
    assert first == second                                   # stable ids, stable order
    rows = list(csv.DictReader(io.StringIO(first)))
    assert len(rows) == 30 and tuple(rows[0]) == evaluator_data.COLUMNS
    assert {r["pseudonym"] for r in rows} == {evaluator_data.pseudonym("nøgle-til-test", generated.programme_id, c)
                                             for c in ids}
    assert [r["pseudonym"] for r in rows] == sorted(r["pseudonym"] for r in rows)
    assert "Borger" not in first and "Fri tekst" not in first and "Mål" not in first and "G" + str(
        generated.programme_id) not in first
    assert sorted(audited) == sorted(ids * 2)
    monkeypatch.setenv("BORGERBUDGET_PSEUDONYM_SECRET", "")
    monkeypatch.setenv("BORGERBUDGET_DEMO", "0")
    with pytest.raises(DomainError), write_session(engine) as s:
        evaluator_data.evaluation_csv(s, actor=actor)
    w = build_world(engine)
    with pytest.raises(AccessDenied), write_session(engine) as s:
        evaluator_data.evaluation_csv(s, actor=w.support)
