"""The thread between a citizen and their support person (storage/messages.py), on both databases."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from storage import messages, second_opinions
from storage.access import Actor, ActorKind
from storage.db import write_session
from storage.errors import AccessDenied, DomainError, NotFound, RuleError
from storage.models import AuditEvent, Message
from tests.storage.factories import build_world, citizen_of, plan_with_items


def _events(engine, action: str) -> list[AuditEvent]:
    with write_session(engine) as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def test_citizen_writes_support_person_answers_and_both_unread_counts_go_to_zero(engine):
    w = build_world(engine)
    me = citizen_of(w)
    with write_session(engine) as s:
        sent = messages.write(s, actor=me, citizen_id=w.citizen_id, text="Hvornår får jeg svar?")
        messages.ask_from_course(s, actor=me, text="Må jeg købe brugt?", step_id="wish_first")
    assert sent.crisis is None and sent.answer_by is not None
    with write_session(engine) as s:
        assert messages.unread_count(s, actor=w.support) == 2
        assert messages.unread_count(s, actor=w.support, citizen_id=w.citizen_id) == 2
        assert messages.unread_count(s, actor=w.other_support) == 0
        waiting = messages.waiting_threads(s, actor=w.support)
    assert [(t.citizen_id, t.unread) for t in waiting] == [(w.citizen_id, 2)]

    with write_session(engine) as s:
        seen = messages.thread(s, actor=w.support, citizen_id=w.citizen_id)
    assert [m.text for m in seen.messages] == ["Hvornår får jeg svar?", "Må jeg købe brugt?"]
    assert [m.from_course for m in seen.messages] == [False, True]
    assert seen.answer_by == sent.answer_by
    with write_session(engine) as s:
        assert messages.unread_count(s, actor=w.support) == 0
        # Read but not answered: it still waits on the overview, with nothing unread.
        assert [(t.citizen_id, t.unread) for t in messages.waiting_threads(s, actor=w.support)] == [(w.citizen_id, 0)]
        messages.write(s, actor=w.support, citizen_id=w.citizen_id, text="Ja, brugt er fint.")
    with write_session(engine) as s:
        assert messages.waiting_threads(s, actor=w.support) == []
        assert messages.unread_count(s, actor=me) == 1
        mine = messages.thread(s, actor=me, citizen_id=w.citizen_id)
    assert mine.messages[-1].text == "Ja, brugt er fint." and mine.messages[-1].author_name == "Sara"
    assert mine.answer_by is None
    with write_session(engine) as s:
        assert messages.unread_count(s, actor=me) == 0


def test_staff_reads_and_writes_are_audited_and_a_citizens_own_read_is_not(engine):
    w = build_world(engine)
    me = citizen_of(w)
    with write_session(engine) as s:
        messages.write(s, actor=me, citizen_id=w.citizen_id, text="Hej")
        messages.thread(s, actor=me, citizen_id=w.citizen_id)
    assert _events(engine, "read_messages") == []
    with write_session(engine) as s:
        messages.thread(s, actor=w.support, citizen_id=w.citizen_id)
        messages.write(s, actor=w.support, citizen_id=w.citizen_id, text="Hej igen")
        messages.waiting_threads(s, actor=w.support)
    reads = _events(engine, "read_messages")
    assert [(e.actor_id, e.actor_role, e.citizen_id) for e in reads] == [(w.support.id, "support", w.citizen_id)]
    writes = _events(engine, "write_message")
    assert [(e.actor_type, e.citizen_id) for e in writes] == [("citizen", w.citizen_id), ("staff", w.citizen_id)]
    assert all("Hej" not in (e.detail or "") for e in reads + writes)  # never the citizen's words


def test_the_overviews_list_of_waiting_threads_is_audited_against_each_citizen(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        messages.write(s, actor=citizen_of(w), citizen_id=w.citizen_id, text="Hej")
        messages.waiting_threads(s, actor=w.support)
    assert {e.citizen_id for e in _events(engine, "list_messages")} == {None, w.citizen_id}


@pytest.mark.parametrize("who", ["other_citizen", "other_support", "foreign_coordinator", "finance", "facilitator",
                                 "coordinator_without_second_opinion"])
def test_nobody_else_reads_the_thread(engine, who):
    w = build_world(engine)
    with write_session(engine) as s:
        messages.write(s, actor=citizen_of(w), citizen_id=w.citizen_id, text="Kun til Sara")
    actor = {"other_citizen": citizen_of(w, w.other_citizen_id), "other_support": w.other_support,
             "foreign_coordinator": w.other_coordinator, "finance": w.finance, "facilitator": w.facilitator,
             "coordinator_without_second_opinion": w.coordinator}[who]
    with pytest.raises((AccessDenied, NotFound)), write_session(engine) as s:
        messages.thread(s, actor=actor, citizen_id=w.citizen_id)
    with write_session(engine) as s:
        assert s.scalar(select(Message.read_by_staff_at)) is None  # nothing was marked read by the attempt


def test_a_citizen_of_another_id_cannot_write_into_a_thread(engine):
    w = build_world(engine)
    with pytest.raises((AccessDenied, NotFound)), write_session(engine) as s:
        messages.write(s, actor=citizen_of(w, w.other_citizen_id), citizen_id=w.citizen_id, text="Hej")
    with pytest.raises(AccessDenied), write_session(engine) as s:
        messages.write(s, actor=w.other_support, citizen_id=w.citizen_id, text="Hej")
    with pytest.raises(AccessDenied), write_session(engine) as s:
        messages.write(s, actor=w.coordinator, citizen_id=w.citizen_id, text="Hej")
    with pytest.raises(DomainError), write_session(engine) as s:
        messages.ask_from_course(s, actor=w.support, text="Hej", step_id="x")


def test_a_coordinator_reads_only_when_a_second_opinion_was_asked_and_marks_nothing_read(engine):
    w = build_world(engine)
    me = citizen_of(w)
    _goal, items = plan_with_items(engine, me, [100_000])
    with write_session(engine) as s:
        messages.write(s, actor=me, citizen_id=w.citizen_id, text="Hej")
        second_opinions.ask(s, actor=w.support, wish_item_id=items[0], question="Er det rimeligt?")
    with write_session(engine) as s:
        seen = messages.thread(s, actor=w.coordinator, citizen_id=w.citizen_id)
        assert messages.unread_count(s, actor=w.support) == 1
    assert [m.text for m in seen.messages] == ["Hej"]
    assert [(e.actor_role, e.citizen_id) for e in _events(engine, "read_messages")] == [("coordinator", w.citizen_id)]


def test_a_message_about_a_wish_shows_its_title_and_only_ones_own_wish(engine):
    w = build_world(engine)
    me = citizen_of(w)
    _goal, items = plan_with_items(engine, me, [200_000])
    _other_goal, others = plan_with_items(engine, citizen_of(w, w.other_citizen_id), [100_000])
    with write_session(engine) as s:
        messages.write(s, actor=me, citizen_id=w.citizen_id, text="Jeg forstår ikke svaret", about_wish_id=items[0])
    with write_session(engine) as s:
        assert messages.thread(s, actor=me, citizen_id=w.citizen_id).messages[0].about_title == "Ting 0"
    with pytest.raises(DomainError), write_session(engine) as s:
        messages.write(s, actor=me, citizen_id=w.citizen_id, text="Hvad med den?", about_wish_id=others[0])


@pytest.mark.parametrize(("text", "refused"), [
    ("", True),
    ("   \n ", True),
    ("x" * 2001, True),
    ("hej\x00der", True),
    ("x" * 2000, False),
    ("Hej 👋 **fed** <b>html</b>", False),   # stored as typed: the page shows it as plain text
])
def test_the_text_is_cleaned_and_limited_like_all_typed_text(engine, text, refused):
    w = build_world(engine)
    if refused:
        with pytest.raises(RuleError), write_session(engine) as s:
            messages.write(s, actor=citizen_of(w), citizen_id=w.citizen_id, text=text)
        return
    with write_session(engine) as s:
        messages.write(s, actor=citizen_of(w), citizen_id=w.citizen_id, text=text)
        assert s.scalar(select(Message.body)) == text


def test_bidi_overrides_are_removed(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        messages.write(s, actor=citizen_of(w), citizen_id=w.citizen_id, text="abc\u202edef")
        assert s.scalar(select(Message.body)) == "abcdef"


@pytest.mark.parametrize(("text", "crisis"), [
    ("Jeg vil ikke leve mere", True),
    ("Jeg har tænkt på selvmord", True),
    ("Hvornår kommer pengene?", False),
    ("Cyklen er død god", False),
])
def test_a_citizens_message_gets_the_same_crisis_check(engine, text, crisis):
    w = build_world(engine)
    with write_session(engine) as s:
        sent = messages.write(s, actor=citizen_of(w), citizen_id=w.citizen_id, text=text)
    assert (sent.crisis is not None) is crisis
    assert (messages.crisis_in(text) is not None) is crisis


def test_delete_only_own_and_only_before_it_is_read_and_the_deletion_is_recorded(engine):
    w = build_world(engine)
    me = citizen_of(w)
    with write_session(engine) as s:
        first = messages.write(s, actor=me, citizen_id=w.citizen_id, text="Ups, forkert").message_id
    with pytest.raises(DomainError), write_session(engine) as s:
        messages.delete(s, actor=w.support, message_id=first)          # not the support person's message
    with write_session(engine) as s:
        messages.delete(s, actor=me, message_id=first)
    with write_session(engine) as s:
        row = s.get_one(Message, first)
        assert (row.body, row.deleted_by, row.deleted_at is not None) == ("", "citizen", True)
        assert messages.unread_count(s, actor=w.support) == 0
        assert messages.waiting_threads(s, actor=w.support) == []
        view = messages.thread(s, actor=w.support, citizen_id=w.citizen_id).messages[0]
    assert view.deleted and view.text == ""
    assert [e.object_id for e in _events(engine, "delete_message")] == [first]

    with write_session(engine) as s:
        second = messages.write(s, actor=me, citizen_id=w.citizen_id, text="Er det læst?").message_id
        messages.thread(s, actor=w.support, citizen_id=w.citizen_id)
    for change in (lambda s: messages.delete(s, actor=me, message_id=second),
                   lambda s: messages.edit(s, actor=me, message_id=second, text="Nyt")):
        with pytest.raises(DomainError), write_session(engine) as s:
            change(s)
    with write_session(engine) as s:
        assert s.get_one(Message, second).body == "Er det læst?"


def test_edit_before_read_by_the_author_only(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        answer = messages.write(s, actor=w.support, citizen_id=w.citizen_id, text="Svar med tastefjl").message_id
    with pytest.raises(DomainError), write_session(engine) as s:
        messages.edit(s, actor=citizen_of(w), message_id=answer, text="Hack")
    with pytest.raises(AccessDenied), write_session(engine) as s:
        messages.edit(s, actor=w.other_support, message_id=answer, text="Hack")
    with write_session(engine) as s:
        messages.edit(s, actor=w.support, message_id=answer, text="Svar uden tastefejl")
    with write_session(engine) as s:
        assert messages.thread(s, actor=citizen_of(w), citizen_id=w.citizen_id).messages[0].text == \
            "Svar uden tastefejl"
    with pytest.raises(DomainError), write_session(engine) as s:
        messages.edit(s, actor=w.support, message_id=answer, text="Efter læst")


def test_the_overview_sorts_by_what_waits_longest(engine):
    w = build_world(engine)
    with write_session(engine) as s:
        from storage import citizens
        third = citizens.create_citizen(s, actor=w.support, display_name="Tredje").citizen_id
    now = datetime.now(timezone.utc)
    with write_session(engine) as s:
        newer = messages.write(s, actor=citizen_of(w), citizen_id=w.citizen_id, text="Ny").message_id
        older = messages.write(s, actor=citizen_of(w, third), citizen_id=third, text="Gammel").message_id
        s.get_one(Message, newer).created_at = now - timedelta(hours=1)
        s.get_one(Message, older).created_at = now - timedelta(days=9)
    with write_session(engine) as s:
        rows = messages.waiting_threads(s, actor=w.support)
    assert [r.citizen_id for r in rows] == [third, w.citizen_id]
    today = now.date()
    assert rows[0].overdue(today) and not rows[1].overdue(today)


def test_deleting_the_citizen_deletes_the_thread(engine):
    """Messages go with the citizen's data (ON DELETE CASCADE), like notes and check-ins."""
    w = build_world(engine)
    with write_session(engine) as s:
        messages.write(s, actor=citizen_of(w), citizen_id=w.citizen_id, text="Hej")
    from storage.models import Citizen
    with write_session(engine) as s:
        s.delete(s.get_one(Citizen, w.citizen_id))
    with write_session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Message)) == 0


def test_unknown_citizen_reveals_nothing(engine):
    w = build_world(engine)
    stranger = Actor(kind=ActorKind.CITIZEN, id=w.citizen_id, programme_id=w.programme_id)
    with pytest.raises(AccessDenied), write_session(engine) as s:
        messages.thread(s, actor=w.support, citizen_id=999_999)
    with pytest.raises((AccessDenied, NotFound)), write_session(engine) as s:
        messages.thread(s, actor=stranger, citizen_id=999_999)


def test_the_course_shows_new_answers_once_and_the_home_thread_keeps_them(engine):
    w = build_world(engine)
    me = citizen_of(w)
    with write_session(engine) as s:
        assert messages.new_answers(s, actor=me) == []
        question = messages.ask_from_course(s, actor=me, text="Må jeg købe brugt?", step_id="wish_first")
        assert question.from_course_step == "wish_first" and question.author_kind == "citizen"
        messages.write(s, actor=w.support, citizen_id=w.citizen_id, text="Ja.")
    with write_session(engine) as s:
        assert [m.text for m in messages.new_answers(s, actor=me)] == ["Ja."]
    with write_session(engine) as s:
        assert messages.new_answers(s, actor=me) == []
        assert [m.text for m in messages.thread(s, actor=me, citizen_id=w.citizen_id).messages] == \
            ["Må jeg købe brugt?", "Ja."]
    with pytest.raises(DomainError), write_session(engine) as s:
        messages.new_answers(s, actor=w.support)


def test_an_answer_does_not_mark_a_message_read_that_came_while_it_was_typed(engine):
    w = build_world(engine)
    me = citizen_of(w)
    with write_session(engine) as s:
        messages.write(s, actor=me, citizen_id=w.citizen_id, text="Første")
        messages.thread(s, actor=w.support, citizen_id=w.citizen_id)
        messages.write(s, actor=me, citizen_id=w.citizen_id, text="Kom lige i tanke om noget")
        messages.write(s, actor=w.support, citizen_id=w.citizen_id, text="Svar på det første")
    with write_session(engine) as s:
        assert messages.unread_count(s, actor=w.support) == 1


def _bulk_waiting(engine, programme_id: int, support_id: int, count: int, prefix: str) -> None:
    from datetime import date
    from sqlalchemy import insert
    from storage.models import Citizen, utcnow
    now = utcnow()
    with write_session(engine) as s:
        s.execute(insert(Citizen), [
            {"programme_id": programme_id, "support_person_id": support_id, "display_name": f"Borger {n}",
             "internal_ref": f"{prefix}{n:05d}", "budget_total_ore": 5_000_000, "start_date": date(2026, 1, 5),
             "end_date": date(2027, 1, 5)} for n in range(count)])
        ids = list(s.scalars(select(Citizen.id).where(Citizen.internal_ref.like(f"{prefix}%"))))
        s.execute(insert(Message), [
            {"citizen_id": cid, "author_kind": kind, "author_staff_id": support_id if kind == "staff" else None,
             "body": "x", "created_at": now - timedelta(hours=n % 50, minutes=minutes)}
            for n, cid in enumerate(ids) for kind, minutes in (("citizen", 30), ("staff", 20), ("citizen", 10))
            if kind == "citizen" or n % 2])


def test_the_waiting_list_costs_the_same_statements_for_10_and_500_citizens(engine, db_backend):
    from sqlalchemy import event
    from tests.storage.test_overview_queries import _support_person
    w = build_world(engine)
    small, large = _support_person(engine, w.programme_id, "lille"), _support_person(engine, w.programme_id, "stor")
    _bulk_waiting(engine, w.programme_id, small.id, 10, "S")
    _bulk_waiting(engine, w.programme_id, large.id, 500, "L")

    def statements(actor) -> tuple[int, list]:
        seen: list[str] = []
        listener = lambda *args: seen.append(args[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            with write_session(engine) as s:
                rows = messages.waiting_threads(s, actor=actor)
                unread = messages.unread_count(s, actor=actor)
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        return len(seen), rows, unread

    for_10, rows_10, unread_10 = statements(small)
    for_500, rows_500, unread_500 = statements(large)
    print(f"\nwaiting list SQL statements on {db_backend}: 10 citizens={for_10}, 500 citizens={for_500}")
    assert (len(rows_10), len(rows_500)) == (10, 500)
    assert for_10 == for_500 <= 5  # BEGIN (SQLite), the list, its audit event, the bulk events, the count
    assert unread_500 == sum(r.unread for r in rows_500) == 1000  # two unread questions each
    assert sorted(rows_500, key=lambda r: r.waiting_since) == rows_500  # the longest waiting first
    with write_session(engine) as s:  # answered, then asked again: the wait starts at the newer question
        answered = {r.citizen_id: r.waiting_since for r in rows_500}
        for cid, since in list(answered.items())[:20]:
            first_question = s.scalar(select(func.min(Message.created_at)).where(Message.citizen_id == cid))
            was_answered = s.scalar(select(func.count()).select_from(Message).where(
                Message.citizen_id == cid, Message.author_kind == "staff"))
            assert (since > first_question) is bool(was_answered)
