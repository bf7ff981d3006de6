"""Help shown: recorded on every crisis signal and every press of 'Jeg har det svært lige nu'; the support
person sees that and when, never the words unless the citizen shared them; staff reads are audited."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from storage import caseload, safety_signals
from storage.db import write_session
from storage.errors import DomainError
from storage.models import AuditEvent, Citizen, HelpShown
from tests.storage.factories import build_world, citizen_of

CRISIS = "jeg gider ikke leve mere"


@pytest.mark.parametrize(("text", "shown"), [
    (CRISIS, True), ("sla mig selv ihjel", True), ("han slår mig", True), ("tog alle mine piller", True),
    ("min cykel er død", False), ("jeg kunne dø af grin", False), ("en seng til 1.200 kr.", False), ("", False),
])
def test_only_a_crisis_signal_records_help(engine, text, shown):
    w = build_world(engine)
    me = citizen_of(w)
    with write_session(engine) as s:
        help_id = safety_signals.check_citizen_text(s, actor=me, text=text, where="wish_note")
    with write_session(engine) as s:
        rows = s.scalars(select(HelpShown)).all()
        assert (help_id is not None) is shown
        assert len(rows) == int(shown)
        assert (s.get(Citizen, w.citizen_id).needs_help_since is not None) is shown
        if shown:
            assert (rows[0].source, rows[0].place, rows[0].shared_words) == ("signal", "wish_note", None)
            assert CRISIS not in (s.scalar(select(AuditEvent.detail).where(AuditEvent.action == "help_shown")) or "")


def test_staff_text_is_not_checked(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        assert safety_signals.check_citizen_text(s, actor=w.support, text=CRISIS, where="note") is None
        with pytest.raises(DomainError):
            safety_signals.help_button(s, actor=w.support)


def test_seven_help_panels_count_on_the_support_persons_overview(engine):
    """The old bug: help shown after a signal told nobody, so 'Har det svært' stayed 0."""
    w = build_world(engine)
    me = citizen_of(w)
    for n in range(7):
        with write_session(engine) as s:
            if n % 2:
                safety_signals.help_button(s, actor=me, where="course")
            else:
                assert safety_signals.check_citizen_text(s, actor=me, text=CRISIS, where="course")
    with write_session(engine) as s:
        counts = caseload.overview_counts(s, actor=w.support, today=date.today())
        [notice] = safety_signals.open_help_notices(s, actor=w.support)
        [first] = caseload.overview(s, actor=w.support, limit=1)
    assert counts.needs_help == 1
    assert first.citizen_id == w.citizen_id and first.needs_help_since is not None
    assert (notice.citizen_id, notice.times, notice.by_button, notice.by_signal, notice.shared_words) == (
        w.citizen_id, 7, True, True, ())
    assert notice.last_at >= notice.since


def test_words_are_seen_only_when_the_citizen_shares_them_and_the_read_is_audited(engine):
    w = build_world(engine)
    me = citizen_of(w)
    with write_session(engine) as s:
        help_id = safety_signals.check_citizen_text(s, actor=me, text=CRISIS, where="goal")
    with write_session(engine) as s:
        [notice] = safety_signals.open_help_notices(s, actor=w.support)
        assert notice.shared_words == ()
        assert s.scalar(select(AuditEvent).where(AuditEvent.action == "read_shared_help_words")) is None
    with write_session(engine) as s:
        safety_signals.share_words(s, actor=me, help_id=help_id, words=CRISIS)
    with write_session(engine) as s:
        [notice] = safety_signals.open_help_notices(s, actor=w.support)
        assert notice.shared_words == (CRISIS,)
        reads = s.scalars(select(AuditEvent).where(AuditEvent.action == "read_shared_help_words",
                                                   AuditEvent.citizen_id == w.citizen_id)).all()
        assert len(reads) == 1 and reads[0].actor_id == w.support.id
        assert s.scalar(select(AuditEvent).where(AuditEvent.action == "list_help_shown",
                                                 AuditEvent.citizen_id == w.citizen_id)) is not None
    with write_session(engine) as s:
        safety_signals.share_words(s, actor=me, help_id=help_id, words=None)  # taken back
    with write_session(engine) as s:
        [notice] = safety_signals.open_help_notices(s, actor=w.support)
        assert notice.shared_words == ()


def test_other_staff_and_other_citizens_see_nothing(engine):
    w = build_world(engine)
    me = citizen_of(w)
    with write_session(engine) as s:
        help_id = safety_signals.check_citizen_text(s, actor=me, text=CRISIS, where="course")
    with write_session(engine) as s:
        assert safety_signals.open_help_notices(s, actor=w.other_support) == []
        assert [n.citizen_id for n in safety_signals.open_help_notices(s, actor=w.coordinator)] == [w.citizen_id]
        assert safety_signals.open_help_notices(s, actor=w.other_coordinator) == []
        with pytest.raises(DomainError):
            safety_signals.share_words(s, actor=citizen_of(w, w.other_citizen_id), help_id=help_id, words="x")
    with pytest.raises(Exception):
        with write_session(engine) as s:
            safety_signals.open_help_notices(s, actor=w.finance)


def test_marked_as_seen_clears_the_notice_and_new_help_starts_a_new_one(engine):
    from storage import citizens
    w = build_world(engine)
    me = citizen_of(w)
    with write_session(engine) as s:
        safety_signals.check_citizen_text(s, actor=me, text=CRISIS, where="course")
    with write_session(engine) as s:
        citizens.clear_needs_help(s, actor=w.support, citizen_id=w.citizen_id)
    with write_session(engine) as s:
        assert safety_signals.open_help_notices(s, actor=w.support) == []
        assert caseload.overview_counts(s, actor=w.support, today=date.today()).needs_help == 0
    with write_session(engine) as s:
        safety_signals.help_button(s, actor=me)
    with write_session(engine) as s:
        [notice] = safety_signals.open_help_notices(s, actor=w.support)
        assert (notice.times, notice.by_button, notice.by_signal) == (1, True, False)
