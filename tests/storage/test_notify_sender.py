"""The sender against real servers: a local SMTP server (aiosmtpd) and a local HTTP SMS gateway, on both
databases. Retries with back-off through 500, 429 and a timeout; nothing lost or sent twice across a crash
between sending and marking sent; two senders at once send each row once. No test talks to the internet."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from storage import citizens, notifications, notify_sender
from storage.config import load_config
from storage.db import write_session
from storage.models import Citizen, OutboxMessage, utcnow
from tests.storage.factories import build_world, citizen_of
from tests.storage.notify_servers import Gateway, SmsGatewayServer, SmtpServer

T0 = datetime(2026, 12, 2, 12, 0, tzinfo=timezone.utc)  # 13:00 in Copenhagen: no quiet hours


class SimulatedCrash(BaseException):
    """The process dies: not an Exception, so nothing in the sender catches it."""


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


@pytest.fixture
def gateway():
    gw = Gateway()
    with SmsGatewayServer(gw) as server:
        yield server


@pytest.fixture
def configured(monkeypatch, smtp, gateway):
    for name, value in {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp.port), "SMTP_SECURITY": "none",
                        "SMTP_FROM": "Borgerbudget <no-reply@kommune.test>", "SMS_GATEWAY_URL": gateway.url,
                        "SMS_API_KEY": "test-key", "SMS_QUIET_HOURS": "", "APP_URL": "https://bb.kommune.test",
                        "NOTIFY_TIMEOUT_SECONDS": "0.5", "NOTIFY_RETRY_SECONDS": "60",
                        "NOTIFY_LEASE_SECONDS": "120", "NOTIFY_MAX_ATTEMPTS": "8"}.items():
        monkeypatch.setenv(f"BORGERBUDGET_{name}", value)
    return smtp, gateway


def _world(engine, *, language: str = "da"):
    w = build_world(engine)
    with write_session(engine) as s:
        notifications.set_staff_email(s, actor=None, staff_id=w.support.id, email="sara@kommune.test")
        notifications.turn_sms_on(s, actor=citizen_of(w), mobile="12345678")
        s.get_one(Citizen, w.citizen_id).language = language
    return w


def _rows(engine, w, *, sms: int, email: int) -> list[int]:
    """Outbox rows written directly (the triggers add at most one unsent row per kind and person)."""
    with write_session(engine) as s:
        rows = ([OutboxMessage(kind="message_answered", channel="sms", citizen_id=w.citizen_id, not_before=T0)
                 for _ in range(sms)]
                + [OutboxMessage(kind="message_from_citizen", channel="email", staff_id=w.support.id, not_before=T0)
                   for _ in range(email)])
        s.add_all(rows)
        s.flush()
        return [r.id for r in rows]


def _status(engine) -> dict[int, tuple[str, int]]:
    with write_session(engine) as s:
        return {r.id: (r.status, r.attempts) for r in s.scalars(select(OutboxMessage))}


def _message_ids(smtp) -> list[str]:
    return [mail["Message-ID"] for _to, mail in smtp.mails]


def test_an_email_and_an_sms_arrive_in_the_recipients_language_with_nothing_personal(engine, configured):
    smtp, gateway = configured
    w = _world(engine, language="en")
    with write_session(engine) as s:
        assert notifications.message_from_citizen(s, w.citizen_id)
        assert notifications.message_answered(s, w.citizen_id)
    result = notify_sender.run_once(engine)  # the triggers' rows are due now
    assert (result.sent, result.retried, result.failed) == (2, 0, 0)
    [(to, mail)] = smtp.mails
    assert to == ["sara@kommune.test"]
    assert mail["Subject"] == "Nyt i Borgerbudget"
    body = mail.get_payload(decode=True).decode()
    assert "En borger har skrevet til dig. Log ind for at se beskeden." in body and "https://bb.kommune.test" in body
    assert mail["Message-ID"].startswith("<borgerbudget-outbox-") and mail["Message-ID"].endswith("@kommune.test>")
    [sms] = gateway.gateway.accepted
    assert sms["to"] == "+4512345678" and sms["auth"] == "Bearer test-key"
    assert sms["text"] == "You have an answer from your support person. Log in to see it. https://bb.kommune.test"
    assert sms["key"] == sms["reference"] and sms["key"].startswith("borgerbudget-outbox-")
    for text in (body, sms["text"], mail["Subject"]):
        assert "Mette" not in text and "B0000" not in text  # no name, no case number
    assert {status for status, _ in _status(engine).values()} == {"sent"}
    assert notify_sender.run_once(engine, now=utcnow() + timedelta(hours=1)).claimed == 0  # nothing twice


def test_gateway_failures_are_retried_with_exponential_back_off(engine, configured):
    _smtp, gateway = configured
    gateway.gateway.script[:] = [500, 429, "timeout", "ok"]
    w = _world(engine)
    [row] = _rows(engine, w, sms=1, email=0)
    now = T0
    assert notify_sender.run_once(engine, now=now).retried == 1                      # 500
    assert notify_sender.run_once(engine, now=now + timedelta(seconds=59)).claimed == 0  # waits 60 s
    now += timedelta(seconds=60)
    assert notify_sender.run_once(engine, now=now).retried == 1                      # 429
    assert notify_sender.run_once(engine, now=now + timedelta(seconds=119)).claimed == 0  # then 120 s
    now += timedelta(seconds=120)
    assert notify_sender.run_once(engine, now=now).retried == 1                      # the gateway hangs: timeout
    assert notify_sender.run_once(engine, now=now + timedelta(seconds=239)).claimed == 0  # then 240 s
    now += timedelta(seconds=240)
    assert notify_sender.run_once(engine, now=now).sent == 1
    assert _status(engine)[row] == ("sent", 4)
    assert len(gateway.gateway.requests) == 4 and len(gateway.gateway.accepted) == 1
    assert {r["key"] for r in gateway.gateway.requests} == {notify_sender.idempotency_key(row)}


@pytest.mark.parametrize("script, max_attempts, rounds, outcome", [
    ([400], 8, 1, ("failed", 1)),                # a refusal is final
    ([401], 8, 1, ("failed", 1)),
    ([500, 500], 2, 2, ("failed", 2)),           # the last try
    ([500, 500, "ok"], 3, 3, ("sent", 3)),
])
def test_a_refusal_or_the_last_attempt_fails_the_row(engine, configured, monkeypatch, script, max_attempts,
                                                     rounds, outcome):
    _smtp, gateway = configured
    monkeypatch.setenv("BORGERBUDGET_NOTIFY_MAX_ATTEMPTS", str(max_attempts))
    gateway.gateway.script[:] = script
    w = _world(engine)
    [row] = _rows(engine, w, sms=1, email=0)
    for n in range(rounds):
        notify_sender.run_once(engine, now=T0 + timedelta(days=n))
    assert _status(engine)[row] == outcome
    assert notify_sender.run_once(engine, now=T0 + timedelta(days=30)).claimed == 0


def test_a_mail_server_that_is_down_is_retried(engine, configured, monkeypatch):
    smtp, _gateway = configured
    from tests.storage.notify_servers import free_port
    monkeypatch.setenv("BORGERBUDGET_SMTP_PORT", str(free_port()))  # nothing listens there
    w = _world(engine)
    [row] = _rows(engine, w, sms=0, email=1)
    assert notify_sender.run_once(engine, now=T0).retried == 1
    monkeypatch.setenv("BORGERBUDGET_SMTP_PORT", str(smtp.port))
    assert notify_sender.run_once(engine, now=T0 + timedelta(minutes=1)).sent == 1
    assert _status(engine)[row] == ("sent", 2) and len(smtp.mails) == 1


def test_without_a_channel_or_consent_nothing_is_sent_and_the_row_says_why(engine, configured, monkeypatch):
    smtp, gateway = configured
    w = _world(engine)
    sms_row, mail_row = _rows(engine, w, sms=1, email=1)
    with write_session(engine) as s:
        notifications.turn_sms_off(s, actor=citizen_of(w))  # after the row was written
    monkeypatch.setenv("BORGERBUDGET_SMTP_HOST", "")           # e-mail switched off since
    result = notify_sender.run_once(engine, now=T0)
    assert result.no_channel == 2
    assert _status(engine) == {sms_row: ("no_channel", 1), mail_row: ("no_channel", 1)}
    assert smtp.mails == [] and gateway.gateway.requests == []


def test_sms_waits_for_the_quiet_hours_to_end_and_email_does_not(engine, configured, monkeypatch):
    smtp, gateway = configured
    monkeypatch.setenv("BORGERBUDGET_SMS_QUIET_HOURS", "21-08")
    w = _world(engine)
    sms_row, mail_row = _rows(engine, w, sms=1, email=1)
    late = datetime(2026, 12, 2, 21, 30, tzinfo=timezone.utc)  # 22:30 in Copenhagen
    result = notify_sender.run_once(engine, now=late)
    assert (result.sent, result.postponed) == (1, 1) and len(smtp.mails) == 1 and gateway.gateway.requests == []
    with write_session(engine) as s:
        row = s.get_one(OutboxMessage, sms_row)
        assert (row.status, row.attempts) == ("pending", 0)  # delayed, not dropped, no try counted
        assert row.not_before == datetime(2026, 12, 3, 7, 0, tzinfo=timezone.utc)  # 08:00 in Copenhagen
    assert notify_sender.run_once(engine, now=datetime(2026, 12, 3, 6, 59, tzinfo=timezone.utc)).claimed == 0
    assert notify_sender.run_once(engine, now=datetime(2026, 12, 3, 7, 0, tzinfo=timezone.utc)).sent == 1
    assert len(gateway.gateway.accepted) == 1


@pytest.mark.parametrize("local, expected_local", [
    ("2026-12-02 20:59", "2026-12-02 20:59"),   # before
    ("2026-12-02 21:00", "2026-12-03 08:00"),   # the evening
    ("2026-12-03 03:10", "2026-12-03 08:00"),   # the night
    ("2026-12-03 08:00", "2026-12-03 08:00"),   # over
    ("2026-07-01 23:30", "2026-07-02 08:00"),   # summer time
    ("2026-03-28 22:00", "2026-03-29 08:00"),   # the night the clocks go forward
])
def test_quiet_hours_are_copenhagen_time(local, expected_local):
    zone = notify_sender.COPENHAGEN
    moment = datetime.fromisoformat(local).replace(tzinfo=zone).astimezone(timezone.utc)
    later = notify_sender.after_quiet_hours(moment, "21-08")
    assert later.astimezone(zone).strftime("%Y-%m-%d %H:%M") == expected_local
    assert notify_sender.after_quiet_hours(moment, "") == moment


@pytest.mark.parametrize("crash_on", ["sms", "email"])
def test_a_crash_between_sending_and_marking_sent_loses_nothing_and_sends_once(engine, configured, crash_on):
    smtp, gateway = configured
    w = _world(engine)
    rows = _rows(engine, w, sms=3, email=3)
    config = load_config()
    real = notify_sender.Channels.from_config(config)
    crashed: list[int] = []

    def crash_after(send):
        def wrapped(*args, **kwargs):
            send(*args, **kwargs)
            if not crashed:
                crashed.append(1)
                raise SimulatedCrash("killed after the channel took it, before the commit")
        return wrapped

    dying = notify_sender.Channels(real.mailer, real.sms)
    if crash_on == "sms":
        dying.sms = type("Dying", (), {"send": staticmethod(crash_after(real.sms.send))})()
    else:
        dying.mailer = type("Dying", (), {"send": staticmethod(crash_after(real.mailer.send))})()
    with pytest.raises(SimulatedCrash):
        notify_sender.run_once(engine, channels=dying, config=config, now=T0)
    statuses = _status(engine)
    assert sum(1 for status, _ in statuses.values() if status == "sending") >= 1  # claimed, never marked
    # Another sender within the lease leaves the dead sender's rows alone ...
    notify_sender.run_once(engine, now=T0 + timedelta(seconds=60))
    # ... and takes them over when the lease has run out.
    notify_sender.run_once(engine, now=T0 + timedelta(seconds=121))
    assert {status for status, _ in _status(engine).values()} == {"sent"}
    sms_keys = {notify_sender.idempotency_key(r) for r in rows[:3]}
    assert sorted(a["key"] for a in gateway.gateway.accepted) == sorted(sms_keys)  # each SMS on a phone once
    ids = _message_ids(smtp)
    expected_ids = {notify_sender.message_id(r, config) for r in rows[3:]}
    assert set(ids) == expected_ids                                      # no e-mail lost
    if crash_on == "sms":
        assert len(ids) == 3                                             # e-mail untouched by the SMS crash
        assert len(gateway.gateway.requests) == 4                        # the gateway saw the key twice
    else:
        # SMTP has no idempotency: the crashed e-mail reached the server twice, with the same Message-ID.
        assert len(ids) == 4 and len(set(ids)) == 3


def test_a_crash_after_claiming_and_before_sending_loses_nothing(engine, configured):
    smtp, gateway = configured
    w = _world(engine)
    rows = _rows(engine, w, sms=2, email=2)

    def die(*args, **kwargs):
        raise SimulatedCrash("killed before the channel was asked")

    dying = notify_sender.Channels(type("Dying", (), {"send": staticmethod(die)})(),
                                   type("Dying", (), {"send": staticmethod(die)})())
    with pytest.raises(SimulatedCrash):
        notify_sender.run_once(engine, channels=dying, now=T0)
    notify_sender.run_once(engine, now=T0 + timedelta(seconds=121))
    assert {status for status, _ in _status(engine).values()} == {"sent"}
    assert len(smtp.mails) == 2 and len(gateway.gateway.requests) == 2
    assert set(_message_ids(smtp)) == {notify_sender.message_id(r, load_config()) for r in rows[2:]}


def test_two_senders_at_once_send_each_row_once(engine, configured):
    smtp, gateway = configured
    w = _world(engine)
    rows = _rows(engine, w, sms=15, email=15)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def sender(name: str) -> None:
        try:
            start.wait()
            while notify_sender.run_once(engine, now=T0, worker=name, limit=4).claimed:
                pass
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=sender, args=(f"replica-{n}",)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert {status for status, _ in _status(engine).values()} == {"sent"}
    keys = [r["key"] for r in gateway.gateway.requests]
    assert len(keys) == 15 and len(set(keys)) == 15                     # not even a deduplicated repeat
    ids = _message_ids(smtp)
    assert len(ids) == 15 and set(ids) == {notify_sender.message_id(r, load_config()) for r in rows[15:]}


def test_help_shown_goes_first(engine, configured):
    smtp, _gateway = configured
    w = _world(engine)
    _rows(engine, w, sms=0, email=3)
    with write_session(engine) as s:
        citizens.flag_needs_help(s, actor=citizen_of(w))
    notify_sender.run_once(engine, limit=1)
    [(_to, mail)] = smtp.mails
    assert "har det svært" in mail.get_payload(decode=True).decode()


def test_finished_rows_are_forgotten_after_a_month(engine, configured):
    w = _world(engine)
    _rows(engine, w, sms=1, email=1)
    notify_sender.run_once(engine, now=T0)
    with write_session(engine) as s:
        for row in s.scalars(select(OutboxMessage)):
            row.created_at = T0 - timedelta(days=31)
    assert notify_sender.purge_finished(engine, now=T0) == 2


def test_the_cli_runs_a_round_and_says_when_nothing_is_configured(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "BORGERBUDGET_SMTP_HOST": "",
           "BORGERBUDGET_SMS_GATEWAY_URL": ""}
    root = Path(__file__).resolve().parents[2]
    run = lambda *args: subprocess.run([sys.executable, "-m", "storage.cli", *args], capture_output=True,  # noqa: E731
                                       text=True, env=env, cwd=root, timeout=120)
    assert run("migrate").returncode == 0
    result = run("notify", "--once")
    assert result.returncode == 0, result.stderr
    assert "nothing will be sent" in result.stderr and "0 sent" in result.stdout


# --- real processes: `borgerbudget notify --once` twice at once, and a sender killed after the channel took it ----

CRASHING_SENDER = """
import os
from storage import notify_sender
from storage.db import get_engine
real_finish = notify_sender._finish
def finish(engine, row_id, token, **values):
    if values.get("status") == "sent":
        os._exit(137)  # killed: the channel has the message, 'sent' is never written
    real_finish(engine, row_id, token, **values)
notify_sender._finish = finish
notify_sender.run_once(get_engine())
"""


def _process_env(engine, configured_env: dict[str, str]) -> dict[str, str]:
    import os
    url = engine.url.render_as_string(hide_password=False)
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            schema = conn.exec_driver_sql("SELECT current_schema()").scalar()
        url += f"?options=-csearch_path%3D{schema}"
    return {**os.environ, **configured_env, "DATABASE_URL": url}


def _run(env, *args: str):
    import subprocess
    import sys
    from pathlib import Path
    return subprocess.Popen([sys.executable, *args], env=env, cwd=Path(__file__).resolve().parents[2],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _configured_env() -> dict[str, str]:
    import os
    return {k: v for k, v in os.environ.items() if k.startswith("BORGERBUDGET_")}


def test_two_notify_processes_at_once_send_each_row_once(engine, configured):
    smtp, gateway = configured
    w = _world(engine)
    rows = _rows(engine, w, sms=20, email=20)
    env = _process_env(engine, _configured_env())
    senders = [_run(env, "-m", "storage.cli", "notify", "--once", "--batch", "3", "--skip-milestones")
               for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in senders]
    assert [p.returncode for p in senders] == [0, 0], outputs
    sent_by = [int(out.split(" sent")[0].rsplit(" ", 1)[1]) for out, _err in outputs]
    assert sum(sent_by) == 40
    assert {status for status, _ in _status(engine).values()} == {"sent"}
    keys = [r["key"] for r in gateway.gateway.requests]
    assert len(keys) == 20 and len(set(keys)) == 20
    ids = _message_ids(smtp)
    assert len(ids) == 20 and set(ids) == {notify_sender.message_id(r, load_config()) for r in rows[20:]}


def test_a_sender_process_killed_after_sending_loses_nothing_and_the_sms_arrives_once(engine, configured,
                                                                                     monkeypatch):
    import time
    _smtp, gateway = configured
    w = _world(engine)
    [row] = _rows(engine, w, sms=1, email=0)
    monkeypatch.setenv("BORGERBUDGET_NOTIFY_LEASE_SECONDS", "1")
    env = _process_env(engine, _configured_env())
    killed = _run(env, "-c", CRASHING_SENDER)
    killed.communicate(timeout=120)
    assert killed.returncode == 137
    assert _status(engine)[row] == ("sending", 1) and len(gateway.gateway.accepted) == 1
    time.sleep(1.2)  # the dead sender's lease runs out
    again = _run(env, "-m", "storage.cli", "notify", "--once", "--skip-milestones")
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert _status(engine)[row] == ("sent", 2)
    assert len(gateway.gateway.requests) == 2                 # delivered twice to the gateway ...
    assert len(gateway.gateway.accepted) == 1                 # ... which sent it to the phone once (same key)


def test_the_loop_keeps_going_through_a_failed_round_and_drains_in_batches(engine, configured, monkeypatch):
    smtp, gateway = configured
    w = _world(engine)
    _rows(engine, w, sms=5, email=5)
    calls = []
    real_drain = notify_sender.drain

    def flaky_drain(engine_, **kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            raise RuntimeError("the database went away for a moment")
        return real_drain(engine_, **kwargs)

    monkeypatch.setattr(notify_sender, "drain", flaky_drain)
    notify_sender.loop(engine, interval=0, batch=3, rounds=2)
    assert len(calls) == 2 and len(smtp.mails) == 5 and len(gateway.gateway.accepted) == 5
