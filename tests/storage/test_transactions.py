"""Transactions under load: slow work outside them, one more try after a transient error, honest outcomes."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from storage import auth, db, security
from storage.db import Busy, read_session, transaction, write_session
from storage.errors import DomainError, LoginFailed
from storage.models import CitizenCredential, Programme
from storage.security import split_access_code
from tests.storage.factories import PASSWORD, build_world


@pytest.fixture
def sqlite_engine(sqlite_template, tmp_path):
    """SQLite only: its write lock and the queue in front of it."""
    import shutil
    path = tmp_path / "sqlite.db"
    shutil.copyfile(sqlite_template, path)
    eng = db.make_engine(f"sqlite:///{path}")
    yield eng
    eng.dispose()


@pytest.fixture
def pg_engine(postgres_engine):
    """PostgreSQL only: a server connection that can be dropped."""
    from tests.conftest import _truncate_postgres
    _truncate_postgres(postgres_engine)
    return postgres_engine


def _locked_error() -> OperationalError:
    return OperationalError("UPDATE x", {}, sqlite3.OperationalError("database is locked"))


def test_logins_check_secrets_with_no_transaction_open(engine, monkeypatch):
    """A PIN, password or code is checked (64 MiB, a few hundred ms in production) only when the caller's
    transaction is over: no lock is held while it runs, so logins do not queue behind each other."""
    w = build_world(engine)
    seen: list[bool] = []
    current: dict = {}
    real_verify, real_hash = security.verify_secret, security.hash_secret

    def verifying(stored, secret):
        seen.append(current["session"].in_transaction())
        return real_verify(stored, secret)

    def hashing(secret):
        seen.append(current["session"].in_transaction())
        return real_hash(secret)

    monkeypatch.setattr(auth, "verify_secret", verifying)
    monkeypatch.setattr(auth, "hash_secret", hashing)
    with write_session(engine) as s:
        current["session"] = s
        check = auth.check_access_code(s, w.citizen_code)
    with write_session(engine) as s:
        current["session"] = s
        auth.choose_pin(s, check.citizen_id, "2580", "2580")
    with write_session(engine) as s:
        current["session"] = s
        auth.verify_pin(s, check.citizen_id, "2580")
    with pytest.raises(LoginFailed), write_session(engine) as s:
        current["session"] = s
        auth.verify_pin(s, check.citizen_id, "9999")
    with write_session(engine) as s:
        current["session"] = s
        auth.staff_login(s, "sara", PASSWORD)
    assert seen == [False] * 5
    with write_session(engine) as s:  # the wrong PIN still counted, in its own short transaction
        assert s.get(CitizenCredential, check.citizen_id).failed_attempts == 1


def test_a_new_code_made_while_the_old_one_is_checked_wins(engine, monkeypatch):
    """The write after the check re-reads the code: if the support person made a new one meanwhile,
    the old code does not log in (and the new code's counter is not touched)."""
    w = build_world(engine)
    real = security.verify_secret

    def reissue_meanwhile(stored, secret):
        from storage import citizens
        with write_session(engine) as s:
            citizens.reissue_access_code(s, actor=w.support, citizen_id=w.citizen_id)
        return real(stored, secret)

    monkeypatch.setattr(auth, "verify_secret", reissue_meanwhile)
    with pytest.raises(LoginFailed), write_session(engine) as s:
        auth.check_access_code(s, w.citizen_code)
    with write_session(engine) as s:
        assert s.get(CitizenCredential, w.citizen_id).failed_attempts == 0
        assert s.get(CitizenCredential, w.citizen_id).lookup != split_access_code(w.citizen_code)[0]


def test_no_more_than_the_set_number_of_hashes_run_at_once(monkeypatch):
    monkeypatch.setenv("BORGERBUDGET_HASHES_AT_ONCE", "2")
    security._turns.cache_clear()
    running, most = [0], [0]
    guard = threading.Lock()

    class SlowHasher:
        def verify(self, stored, secret):
            with guard:
                running[0] += 1
                most[0] = max(most[0], running[0])
            time.sleep(0.05)
            with guard:
                running[0] -= 1
            return True

    monkeypatch.setattr(security, "_hasher", SlowHasher())
    try:
        threads = [threading.Thread(target=security.verify_secret, args=("h", "1234")) for _ in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        security._turns.cache_clear()
    assert most[0] == 2


def test_by_default_a_few_hashes_run_at_once_one_per_core(monkeypatch):
    """0 (the default): one per core the process may use, at least 2 (a one-core box still overlaps a login
    with a wait) and at most 4 (a big server keeps its memory)."""
    monkeypatch.delenv("BORGERBUDGET_HASHES_AT_ONCE", raising=False)
    for cores, expected in ((1, 2), (2, 2), (3, 3), (16, 4)):
        monkeypatch.setattr(security.os, "sched_getaffinity", lambda _pid, n=cores: set(range(n)))
        assert security.hashes_at_once() == expected
    monkeypatch.setenv("BORGERBUDGET_HASHES_AT_ONCE", "6")
    assert security.hashes_at_once() == 6


def test_a_transient_error_is_tried_once_more_and_then_said_plainly(engine):
    build_world(engine)
    tries: list[int] = []

    def flaky(s):
        tries.append(1)
        s.add(Programme(name="Ny", default_budget_ore=100))
        s.flush()
        if len(tries) == 1:
            raise _locked_error()
        return "ok"

    db.begin_action()
    assert transaction(flaky, engine=engine) == "ok"
    assert len(tries) == 2 and not db.action_lost_a_write()
    with read_session(engine) as s:
        assert s.scalars(select(Programme.name).where(Programme.name == "Ny")).all() == ["Ny"]  # stored once

    def always_locked(s):
        s.add(Programme(name="Aldrig", default_budget_ore=100))
        s.flush()
        raise _locked_error()

    with pytest.raises(Busy) as busy:
        transaction(always_locked, engine=engine)
    assert busy.value.message == "Det blev ikke gemt, fordi der var travlt lige nu. Prøv igen om lidt."
    assert db.action_lost_a_write()
    with read_session(engine) as s:
        assert s.scalar(select(Programme.id).where(Programme.name == "Aldrig")) is None


def test_refusals_and_other_errors_are_not_tried_again(engine):
    tries: list[int] = []

    def refused(s):
        tries.append(1)
        raise DomainError("Nej.")

    db.begin_action()
    with pytest.raises(DomainError):
        transaction(refused, engine=engine)
    assert tries == [1] and not db.action_lost_a_write()  # a refusal is not a lost save

    def broken(s):
        tries.append(2)
        raise ValueError("a bug")

    with pytest.raises(ValueError):
        transaction(broken, engine=engine)
    assert tries == [1, 2] and db.action_lost_a_write()


def test_a_dropped_postgresql_connection_is_tried_once_more(pg_engine):
    """The connection is killed while the action runs (as when the database restarts): the action runs
    again on a fresh connection and is stored once."""
    engine = pg_engine
    build_world(engine)
    tries: list[int] = []

    def work(s):
        tries.append(1)
        s.add(Programme(name=f"Forbindelse {len(tries)}", default_budget_ore=100))
        s.flush()
        if len(tries) == 1:
            pid = s.scalar(text("SELECT pg_backend_pid()"))
            with engine.connect() as other:
                other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
                other.commit()
            s.execute(text("SELECT 1"))
        return len(tries)

    assert transaction(work, engine=engine) == 2
    with read_session(engine) as s:
        names = s.scalars(select(Programme.name).where(Programme.name.like("Forbindelse%"))).all()
    assert names == ["Forbindelse 2"]


def test_sqlite_readers_run_beside_a_writer_and_writers_wait_their_turn(sqlite_engine):
    engine = sqlite_engine
    build_world(engine)
    holding, release = threading.Event(), threading.Event()
    order: list[str] = []

    def long_writer():
        with write_session(engine) as s:
            s.add(Programme(name="Først", default_budget_ore=100))
            s.flush()
            holding.set()
            release.wait(5)
            order.append("first")

    def second_writer():
        with write_session(engine) as s:
            s.add(Programme(name="Bagefter", default_budget_ore=100))
            s.flush()
            order.append("second")

    first = threading.Thread(target=long_writer)
    first.start()
    holding.wait(5)
    with read_session(engine) as s:  # a reader is not blocked by the writer
        assert s.scalar(select(Programme.id).where(Programme.name == "Først")) is None
    second = threading.Thread(target=second_writer)
    second.start()
    time.sleep(0.2)
    assert order == []  # the second writer waits in the queue, it has not begun
    release.set()
    first.join(5)
    second.join(5)
    assert order == ["first", "second"]


def test_waiting_too_long_for_the_writer_queue_is_a_transient_error(sqlite_engine, monkeypatch):
    engine = sqlite_engine
    monkeypatch.setattr(db, "WRITER_WAIT_SECONDS", 0.1)
    holding, release = threading.Event(), threading.Event()

    def hold():
        with write_session(engine) as s:
            s.execute(text("SELECT 1"))
            holding.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    holding.wait(5)
    try:
        with pytest.raises(Busy):
            transaction(lambda s: s.execute(text("SELECT 1")), engine=engine)
    finally:
        release.set()
        holder.join(5)
    assert transaction(lambda s: s.execute(text("SELECT 1")).scalar(), engine=engine) == 1
