"""Status at start and end (issue 19): the substance-use answer needs the citizen's yes, only the citizen and
their own support person read the records, the coordinator only counts, and every staff read is audited."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage import evidence, evidence_figures, my_data, retention
from storage.db import write_session
from storage.errors import AccessDenied, DomainError
from storage.models import AuditEvent, Citizen, Consent, StatusRecord
from tests.storage.factories import build_world, citizen_of

TEXT = "Vil du fortælle om stoffer og alkohol?"


def _consent(engine, w) -> None:
    with write_session(engine) as s:
        evidence.give_consent(s, actor=w.support, citizen_id=w.citizen_id, text_shown=TEXT, language="da")


def test_substance_use_is_refused_without_the_citizens_yes(engine):
    w = build_world(engine)
    with pytest.raises(DomainError, match="ikke sagt ja"), write_session(engine) as s:
        evidence.record_status(s, actor=w.support, citizen_id=w.citizen_id, moment="start", housing="shelter",
                               substance="uses")
    with write_session(engine) as s:
        assert s.scalars(select(StatusRecord)).all() == []


def test_with_the_yes_the_answer_is_kept_with_the_words_shown_and_withdrawing_removes_it(engine):
    w = build_world(engine)
    _consent(engine, w)
    with write_session(engine) as s:
        evidence.record_status(s, actor=w.support, citizen_id=w.citizen_id, moment="start", housing="shelter",
                               support=["contact_person", "treatment"], support_hours=6, substance="uses")
        consent = s.scalars(select(Consent)).one()
        assert (consent.text_shown, consent.language, consent.recorded_by_staff_id) == (TEXT, "da", w.support.id)
    with write_session(engine) as s:
        [view] = evidence.status_history(s, actor=w.support, citizen_id=w.citizen_id)
        assert (view.substance, view.support, view.support_hours) == ("uses", ("contact_person", "treatment"), 6)
    with write_session(engine) as s:
        assert evidence.withdraw_consent(s, actor=citizen_of(w), citizen_id=w.citizen_id) is True
    with write_session(engine) as s:
        [view] = evidence.status_history(s, actor=citizen_of(w), citizen_id=w.citizen_id)
        assert view.substance is None and view.housing == "shelter"
        assert evidence.consent_state(s, actor=citizen_of(w), citizen_id=w.citizen_id) is None
    with pytest.raises(DomainError), write_session(engine) as s:
        evidence.record_status(s, actor=w.support, citizen_id=w.citizen_id, moment="end", substance="less")


@pytest.mark.parametrize("who", ["other_support", "coordinator", "finance", "other_coordinator"])
def test_nobody_but_the_own_support_person_reads_or_writes_a_citizens_status(engine, who):
    w = build_world(engine)
    actor = getattr(w, who)
    with pytest.raises(AccessDenied), write_session(engine) as s:
        evidence.status_history(s, actor=actor, citizen_id=w.citizen_id)
    with pytest.raises(AccessDenied), write_session(engine) as s:
        evidence.record_status(s, actor=actor, citizen_id=w.citizen_id, moment="start", housing="street")
    with pytest.raises(AccessDenied), write_session(engine) as s:
        evidence.give_consent(s, actor=actor, citizen_id=w.citizen_id, text_shown=TEXT, language="da")


def test_a_citizen_cannot_record_a_status_and_the_coordinator_cannot_count_another_programme(engine):
    w = build_world(engine)
    with pytest.raises(AccessDenied), write_session(engine) as s:
        evidence.record_status(s, actor=citizen_of(w), citizen_id=w.citizen_id, moment="start", housing="street")
    with pytest.raises(AccessDenied), write_session(engine) as s:
        evidence_figures.outcomes(s, actor=w.support)


def test_every_staff_read_and_change_is_audited_without_the_answers(engine):
    w = build_world(engine)
    _consent(engine, w)
    with write_session(engine) as s:
        evidence.record_status(s, actor=w.support, citizen_id=w.citizen_id, moment="end", substance="stopped",
                               support_need="much_less")
        evidence.status_history(s, actor=w.support, citizen_id=w.citizen_id)
        evidence.consent_state(s, actor=w.support, citizen_id=w.citizen_id)
        evidence_figures.outcomes(s, actor=w.coordinator)
    with write_session(engine) as s:
        events = s.execute(select(AuditEvent.action, AuditEvent.citizen_id, AuditEvent.detail)
                           .order_by(AuditEvent.id)).all()
    actions = [(a, c) for a, c, _d in events if a.endswith(("consent", "status_record", "status_records"))
               or a == "read_evidence_figures"]
    assert actions == [("give_consent", w.citizen_id), ("add_status_record", w.citizen_id),
                       ("read_status_records", w.citizen_id), ("read_consent", w.citizen_id),
                       ("read_evidence_figures", None)]
    assert not any("stopped" in (d or "") or "much_less" in (d or "") for _a, _c, d in events)


@pytest.mark.parametrize("kwargs", [
    {"moment": "start", "housing": "castle"},
    {"moment": "start", "support_need": "less"},
    {"moment": "end", "support_hours": 500},
    {"moment": "end", "support": ["none", "mentor"]},
    {"moment": "start"},
    {"moment": "someday", "housing": "street"},
])
def test_bad_answers_are_refused_and_nothing_is_stored(engine, kwargs):
    w = build_world(engine)
    with pytest.raises(DomainError), write_session(engine) as s:
        evidence.record_status(s, actor=w.support, citizen_id=w.citizen_id, **kwargs)
    with write_session(engine) as s:
        assert s.scalars(select(StatusRecord)).all() == []


def test_declined_is_an_answer_of_its_own(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        evidence.record_status(s, actor=w.support, citizen_id=w.citizen_id, moment="start", housing="declined",
                               occupation="declined", support=["declined"])
        [view] = evidence.status_history(s, actor=w.support, citizen_id=w.citizen_id)
    assert (view.housing, view.occupation, view.support) == ("declined", "declined", ("declined",))


def test_the_status_and_the_yes_are_in_the_citizens_file_and_the_health_answer_goes_at_erasure(engine):
    w = build_world(engine)
    _consent(engine, w)
    with write_session(engine) as s:
        evidence.record_status(s, actor=w.support, citizen_id=w.citizen_id, moment="start", housing="shelter",
                               substance="uses")
        data = my_data.collect(s, actor=citizen_of(w), citizen_id=w.citizen_id)
    assert data["status"][0]["substance_use"] == "uses" and data["status"][0]["housing"] == "shelter"
    assert data["consents"][0]["text_shown"] == TEXT
    from datetime import timedelta
    from storage.models import utcnow
    with write_session(engine) as s:
        citizen = s.get_one(Citizen, w.citizen_id)
        citizen.status, citizen.ended_at = "ended", utcnow() - timedelta(days=4000)
    with write_session(engine) as s:
        erased = retention.erase(s, actor=None)
    assert [f.citizen_id for f in erased] == [w.citizen_id]
    with write_session(engine) as s:
        record = s.scalars(select(StatusRecord)).one()
        assert (record.substance, record.housing) == (None, "shelter")
        assert s.scalars(select(Consent)).one().text_shown == retention.ERASED
