"""Each event writes its notification in its own transaction, to the right person, only when it can be sent;
the citizen turns SMS on and off; nothing personal is ever in a text."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from dialogs.rules import RuleError
from storage import citizens, decisions, notifications, payments, second_opinions
from storage.db import write_session
from storage.models import Citizen, OutboxMessage, StaffRole
from storage.notify_sender import compose_email, compose_sms, translate
from storage.statuses import DecisionKind
from tests.storage.factories import approved_items, build_world, citizen_of, decide_all, plan_with_items, submit


@pytest.fixture
def channels_on(monkeypatch):
    monkeypatch.setenv("BORGERBUDGET_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("BORGERBUDGET_SMTP_FROM", "Borgerbudget <no-reply@kommune.test>")
    monkeypatch.setenv("BORGERBUDGET_SMS_GATEWAY_URL", "http://127.0.0.1:9/sms")
    monkeypatch.setenv("BORGERBUDGET_APP_URL", "https://borgerbudget.kommune.test")


def _addresses(engine, w, *, sms: bool = True) -> None:
    with write_session(engine) as s:
        for actor, address in ((w.support, "sara@kommune.test"), (w.coordinator, "karin@kommune.test"),
                               (w.finance, "finn@kommune.test"), (w.other_support, "ole@kommune.test"),
                               (w.other_coordinator, "kaj@kommune.test")):
            notifications.set_staff_email(s, actor=None, staff_id=actor.id, email=address)
        if sms:
            notifications.turn_sms_on(s, actor=citizen_of(w), mobile="12 34 56 78")


def _rows(engine) -> list[tuple[str, str, int | None, int | None]]:
    with write_session(engine) as s:
        return [(r.kind, r.channel, r.staff_id, r.citizen_id)
                for r in s.scalars(select(OutboxMessage).order_by(OutboxMessage.id))]


def _clear(engine) -> None:
    with write_session(engine) as s:
        for row in s.scalars(select(OutboxMessage)):
            s.delete(row)


def test_every_trigger_on_main_tells_the_right_person(engine, channels_on):
    w = build_world(engine)
    _addresses(engine, w)
    me = citizen_of(w)
    _goal, items = plan_with_items(engine, me, [100_000, 200_000])
    sid = submit(engine, me)
    assert _rows(engine) == [("plan_sent", "email", w.support.id, None)]
    _clear(engine)

    decide_all(engine, w.support, sid, DecisionKind.APPROVE)
    assert _rows(engine) == []  # saved decisions are not sent yet: nobody is told
    with write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=sid)
    assert _rows(engine) == [("decision_sent", "sms", None, w.citizen_id)]
    _clear(engine)

    with write_session(engine) as s:
        decisions.revise(s, actor=w.support, wish_item_id=items[1], decision=DecisionKind.DECLINE, reason="Nej")
    assert _rows(engine) == [("decision_sent", "sms", None, w.citizen_id)]
    _clear(engine)

    with write_session(engine) as s:
        pid = payments.request_payment(s, actor=w.support, wish_item_id=items[0], vendor="Butik", amount_ore=50_000,
                                       reference=None, purchase_date=date(2026, 12, 1))
    assert _rows(engine) == [("payment_waiting", "email", w.finance.id, None)]  # not the other programme's
    _clear(engine)
    with write_session(engine) as s:
        payments.mark_paid(s, actor=w.finance, payment_id=pid)
    assert _rows(engine) == [("payment_made", "sms", None, w.citizen_id)]
    _clear(engine)

    with write_session(engine) as s:
        oid = second_opinions.ask(s, actor=w.support, wish_item_id=items[0], question="Er det ok?")
    assert _rows(engine) == [("second_opinion_asked", "email", w.coordinator.id, None)]
    _clear(engine)
    with write_session(engine) as s:
        second_opinions.answer(s, actor=w.coordinator, opinion_id=oid, text="Ja")
    assert _rows(engine) == [("second_opinion_answered", "email", w.support.id, None)]
    _clear(engine)

    with write_session(engine) as s:
        citizens.flag_needs_help(s, actor=me)
    with write_session(engine) as s:
        citizens.flag_needs_help(s, actor=me)  # pressed again before it was seen: one e-mail
    assert _rows(engine) == [("help_shown", "email", w.support.id, None)]
    with write_session(engine) as s:
        assert s.scalar(select(OutboxMessage.priority)) == 0  # first in the sender's queue


def test_a_changed_plan_says_so(engine, channels_on):
    w = build_world(engine)
    _addresses(engine, w)
    me = citizen_of(w)
    plan_with_items(engine, me, [100_000])
    sid = submit(engine, me)
    decide_all(engine, w.support, sid, DecisionKind.CHANGE, reason="Find en billigere")
    with write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=sid)
    plan_with_items(engine, me, [50_000], goal_text="Et andet mål")
    _clear(engine)
    submit(engine, me)
    assert [r[0] for r in _rows(engine)] == ["plan_changed"]


def test_the_milestone_and_message_functions_are_ready_for_the_features_that_call_them(engine, channels_on):
    w = build_world(engine)
    _addresses(engine, w)
    with write_session(engine) as s:
        assert notifications.message_from_citizen(s, w.citizen_id)
        assert notifications.message_answered(s, w.citizen_id)
        assert notifications.milestone_due(s, w.citizen_id) == 2
        assert not notifications.message_from_citizen(s, w.citizen_id)  # one waits already: no second e-mail
    assert _rows(engine) == [("message_from_citizen", "email", w.support.id, None),
                             ("message_answered", "sms", None, w.citizen_id),
                             ("milestone_due", "sms", None, w.citizen_id),
                             ("milestone_due_staff", "email", w.support.id, None)]


@pytest.mark.parametrize("missing", ["no_smtp", "no_gateway", "no_staff_address", "no_sms_consent", "sms_off",
                                     "staff_inactive"])
def test_must_not_fire_without_a_channel_an_address_or_consent(engine, channels_on, monkeypatch, missing):
    w = build_world(engine)
    _addresses(engine, w, sms=missing != "no_sms_consent")
    if missing == "no_smtp":
        monkeypatch.setenv("BORGERBUDGET_SMTP_HOST", "")
    if missing == "no_gateway":
        monkeypatch.setenv("BORGERBUDGET_SMS_GATEWAY_URL", "")
    with write_session(engine) as s:
        if missing == "no_staff_address":
            notifications.set_staff_email(s, actor=None, staff_id=w.support.id, email="")
        if missing == "sms_off":
            notifications.turn_sms_off(s, actor=citizen_of(w))
        if missing == "staff_inactive":
            from storage import staff
            staff.set_active(s, actor=None, staff_id=w.support.id, active=False)
    with write_session(engine) as s:
        told_staff = notifications.message_from_citizen(s, w.citizen_id)
        told_citizen = notifications.message_answered(s, w.citizen_id)
    expect_staff = missing not in ("no_smtp", "no_staff_address", "staff_inactive")
    expect_citizen = missing not in ("no_gateway", "no_sms_consent", "sms_off")
    assert (bool(told_staff), bool(told_citizen)) == (expect_staff, expect_citizen)
    assert len(_rows(engine)) == expect_staff + expect_citizen


def test_a_refused_event_tells_nobody(engine, channels_on):
    """Same transaction: when the event is rolled back, so is its notification."""
    w = build_world(engine)
    _addresses(engine, w)
    me = citizen_of(w)
    plan_with_items(engine, me, [100_000])
    sid = submit(engine, me)
    _clear(engine)
    with pytest.raises(RuleError), write_session(engine) as s:
        decisions.publish(s, actor=w.support, submission_id=sid)  # no decisions recorded: refused
    with pytest.raises(RuntimeError), write_session(engine) as s:
        notifications.message_answered(s, w.citizen_id)
        raise RuntimeError("the event failed after the notification was added")
    assert _rows(engine) == []


def test_the_username_is_the_address_when_it_is_one(engine, channels_on):
    w = build_world(engine)
    with write_session(engine) as s:
        from storage import programmes
        user = programmes.create_staff(s, programme_id=w.programme_id, username="ny@kommune.test",
                                       display_name="Ny", role=StaffRole.COORDINATOR, password=None)
        assert notifications.staff_address(user) == "ny@kommune.test"
        assert notifications.second_opinion_asked(s, w.citizen_id) == 1  # karin has no address; ny has


@pytest.mark.parametrize("typed, stored", [("12345678", "+4512345678"), ("12 34 56 78", "+4512345678"),
                                           ("+45 12-34-56-78", "+4512345678"), ("004512345678", "+4512345678"),
                                           ("+46 70 123 45 67", "+46701234567")])
def test_sms_on_stores_the_number_and_consent_and_off_forgets_both(engine, typed, stored):
    w = build_world(engine)
    me = citizen_of(w)
    with write_session(engine) as s:
        notifications.turn_sms_on(s, actor=me, mobile=typed)
        choice = notifications.sms_choice(s, actor=me)
    assert (choice.mobile, choice.on) == (stored, True)
    with write_session(engine) as s:
        notifications.turn_sms_off(s, actor=me)
        citizen = s.get_one(Citizen, w.citizen_id)
        assert (citizen.mobile, citizen.sms_consent_at) == (None, None)


@pytest.mark.parametrize("typed", ["", "1234", "123456789", "+4512345", "tlf 12345678", "+45123456789"])
def test_a_number_that_is_not_a_mobile_number_is_refused(engine, typed):
    w = build_world(engine)
    with pytest.raises(RuleError), write_session(engine) as s:
        notifications.turn_sms_on(s, actor=citizen_of(w), mobile=typed)


def test_only_the_citizen_turns_sms_on_and_only_staff_set_their_own_address(engine):
    w = build_world(engine)
    with pytest.raises(RuleError), write_session(engine) as s:
        notifications.turn_sms_on(s, actor=w.support, mobile="12345678")
    with pytest.raises(RuleError), write_session(engine) as s:
        notifications.set_staff_email(s, actor=w.support, staff_id=w.other_support.id, email="x@y.dk")
    with pytest.raises(RuleError), write_session(engine) as s:
        notifications.set_staff_email(s, actor=w.support, staff_id=w.support.id, email="ikke en adresse")


@pytest.mark.parametrize("kind", sorted(notifications.KINDS))
@pytest.mark.parametrize("language", ["da", "en"])
def test_texts_are_translated_short_and_carry_nothing_personal(kind, language, monkeypatch):
    monkeypatch.setenv("BORGERBUDGET_APP_URL", "https://borgerbudget.kommune.test")
    monkeypatch.setenv("BORGERBUDGET_SMTP_FROM", "no-reply@kommune.test")
    from storage.config import load_config
    config = load_config()
    text = translate(notifications.KINDS[kind].text, language)
    if language == "en":
        assert text != notifications.KINDS[kind].text, "the English msgstr is missing"
    sms = compose_sms(kind, language, config)
    assert sms.endswith("https://borgerbudget.kommune.test") and len(sms) <= 160
    mail = compose_email(7, kind, language, "sara@kommune.test", config)
    assert mail["Message-ID"] == "<borgerbudget-outbox-7@kommune.test>"
    assert text in mail.get_content() and "https://borgerbudget.kommune.test" in mail.get_content()
    if language == "da":
        from dialogs.lix import lix
        assert lix(text) <= 25 or notifications.KINDS[kind].channel == "email"


def test_erasure_forgets_the_mobile_number(engine):
    from datetime import timedelta
    from storage import retention
    from storage.models import CitizenStatus, utcnow
    w = build_world(engine)
    with write_session(engine) as s:
        notifications.turn_sms_on(s, actor=citizen_of(w), mobile="12345678")
        citizens.set_status(s, actor=w.support, citizen_id=w.citizen_id, status=CitizenStatus.ENDED, reason="Slut")
    with write_session(engine) as s:
        retention.erase(s, actor=None, days=0, now=utcnow() + timedelta(days=1))
        assert s.get_one(Citizen, w.citizen_id).mobile is None


def test_approved_items_path_writes_one_decision_row(engine, channels_on):
    w = build_world(engine)
    _addresses(engine, w)
    approved_items(engine, w.support, citizen_of(w), [100_000])
    assert [r[0] for r in _rows(engine)] == ["plan_sent", "decision_sent"]


def test_help_shown_is_not_repeated_for_the_same_citizen_within_an_hour(engine, channels_on):
    from datetime import timedelta
    from storage.models import utcnow
    w = build_world(engine)
    _addresses(engine, w)
    with write_session(engine) as s:
        assert notifications.help_shown(s, w.citizen_id)
    with write_session(engine) as s:  # delivered in the meantime
        s.scalar(select(OutboxMessage)).status = "sent"
    with write_session(engine) as s:
        assert not notifications.help_shown(s, w.citizen_id)           # again within the hour: no
        citizens.create_citizen(s, actor=w.support, display_name="Anden")
    with write_session(engine) as s:
        other = s.scalar(select(Citizen.id).where(Citizen.display_name == "Anden"))
        assert notifications.help_shown(s, other)                        # another citizen: yes
        s.execute(OutboxMessage.__table__.update().values(created_at=utcnow() - timedelta(minutes=61),
                                                          status="sent"))
    with write_session(engine) as s:
        assert notifications.help_shown(s, w.citizen_id)                 # an hour later: yes
    assert [r[0] for r in _rows(engine)] == ["help_shown"] * 3


def test_a_message_and_its_answer_and_help_shown_tell_the_other_side(engine, channels_on):
    from storage import messages, safety_signals
    w = build_world(engine)
    _addresses(engine, w)
    me = citizen_of(w)
    with write_session(engine) as s:
        messages.write(s, actor=me, citizen_id=w.citizen_id, text="Hvornår kommer cyklen?")
    assert _rows(engine) == [("message_from_citizen", "email", w.support.id, None)]
    _clear(engine)
    with write_session(engine) as s:
        messages.write(s, actor=w.support, citizen_id=w.citizen_id, text="Den kommer på fredag.")
    assert _rows(engine) == [("message_answered", "sms", None, w.citizen_id)]
    _clear(engine)
    with write_session(engine) as s:
        assert safety_signals.check_citizen_text(s, actor=me, text="jeg vil ikke leve mere", where="plan")
        assert safety_signals.check_citizen_text(s, actor=me, text="jeg orker ikke at leve", where="course")
    assert _rows(engine) == [("help_shown", "email", w.support.id, None)]  # told once within the hour


def test_a_message_tells_the_other_side_in_its_own_transaction(engine, channels_on):
    """Writing a message adds its outbox row in the same transaction: a message rolled back tells nobody, a
    stored one is always told (the citizen's question → e-mail; the answer → SMS)."""
    from storage import messages

    w = build_world(engine)
    _addresses(engine, w)
    with pytest.raises(RuntimeError), write_session(engine) as s:
        messages.write(s, actor=citizen_of(w), citizen_id=w.citizen_id, text="Hej, må jeg købe en cykel?")
        raise RuntimeError("the action failed after the message was written")
    assert _rows(engine) == []
    with write_session(engine) as s:
        messages.write(s, actor=citizen_of(w), citizen_id=w.citizen_id, text="Hej, må jeg købe en cykel?")
    with write_session(engine) as s:
        messages.write(s, actor=w.support, citizen_id=w.citizen_id, text="Ja, det må du gerne.")
    assert _rows(engine) == [("message_from_citizen", "email", w.support.id, None),
                             ("message_answered", "sms", None, w.citizen_id)]
