"""Engine and session scope.

One session per user action ("such as a button push"): pages call
``with write_session() as s: service(..., session=s)``, or :func:`transaction`, which also retries
a transient error once. Reads that write nothing use :func:`read_session`.

SQLite (one writer at a time, WAL lets readers run beside it): a write transaction starts with
``BEGIN IMMEDIATE`` so two writers never deadlock on a lock upgrade, and inside this process the
writers queue on a lock of their own first. Without that queue, every writer waiting for SQLite's
lock polls it with sleeps of up to 100 ms, and under load the waits add up to seconds (50 busy
sessions: p95 30 s). Reads use a plain deferred ``BEGIN`` and take no lock. Nothing slow may run
inside a write transaction (hashing a PIN, a language model, a PDF): see storage/auth.py for the
pattern (read, do the slow work with no transaction open, then a short write that re-checks).

Every write transaction that holds the lock (SQLite) or runs (PostgreSQL) longer than
``BORGERBUDGET_SLOW_TRANSACTION_MS`` is logged with its duration.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from storage.config import load_config
from storage.errors import DomainError, N_

T = TypeVar("T")
log = logging.getLogger("borgerbudget.db")

_BEGIN_OPTION = "borgerbudget_sqlite_begin"
_READ_OPTION = "borgerbudget_read"
WRITER_WAIT_SECONDS = 30.0          # as long as SQLite's own busy timeout
SQLITE_BUSY_TIMEOUT_MS = 30_000
# PostgreSQL error classes worth one more try: serialization failure, deadlock, lock not available,
# and the connection going away (admin shutdown, crash, connection exceptions 08xxx).
TRANSIENT_PG_CODES = ("40001", "40P01", "55P03", "57P01", "57P02", "57P03")


class Busy(DomainError):
    """The database could not do it now (a lock, a dropped connection), even after one more try.
    Nothing of this action was stored, and the message says so."""

    def __init__(self, *, saving: bool) -> None:
        super().__init__(N_("Det blev ikke gemt, fordi der var travlt lige nu. Prøv igen om lidt.") if saving
                         else N_("Siden kunne ikke hentes lige nu. Prøv igen om lidt."))


class WriterWaitTimeout(sqlite3.OperationalError):
    """Waited longer than WRITER_WAIT_SECONDS for this process's turn to write (a transient error)."""


def is_transient(exc: BaseException) -> bool:
    """Lock timeouts, a dropped connection, serialization failures: worth one more try."""
    if isinstance(exc, WriterWaitTimeout):
        return True
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        orig = exc.orig
        if isinstance(orig, sqlite3.OperationalError):
            text = str(orig).lower()
            return "locked" in text or "busy" in text or isinstance(orig, WriterWaitTimeout)
        code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
        return bool(code) and (code in TRANSIENT_PG_CODES or code.startswith("08"))
    return False


# --- SQLite: one writer at a time, queued in this process -------------------------------------------

_writer_locks: dict[str, threading.Lock] = {}
_writer_locks_guard = threading.Lock()


def _writer_lock(database: str) -> threading.Lock:
    with _writer_locks_guard:
        return _writer_locks.setdefault(database, threading.Lock())


class _SQLiteConnection(sqlite3.Connection):
    """Gives this process's writer lock back when the transaction ends (after COMMIT or ROLLBACK)."""

    writer: threading.Lock | None = None
    writing_since: float | None = None

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self._end_write()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self._end_write()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._end_write()

    def _end_write(self) -> None:
        if self.writing_since is not None:
            _log_if_slow(time.perf_counter() - self.writing_since)
            self.writing_since = None
            self.writer.release()  # type: ignore[union-attr]


def _log_if_slow(seconds: float) -> None:
    limit = load_config().slow_transaction_ms
    if seconds * 1000 >= limit:
        log.warning("write transaction held %.1f ms", seconds * 1000)


def make_engine(url: str, **kwargs) -> Engine:
    """Create an engine with the SQLite pragmas and transaction handling we rely on."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
                                                  "check_same_thread": False, "factory": _SQLiteConnection},
                               **kwargs)
        _configure_sqlite(engine, parsed.database or ":memory:")
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    engine = create_engine(url, **kwargs)
    _time_transactions(engine)
    return engine


def _configure_sqlite(engine: Engine, database: str) -> None:
    writer = _writer_lock(str(Path(database).resolve()) if database != ":memory:" else f"memory:{id(engine)}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no branch - tiny hook
        # Let SQLAlchemy, not pysqlite, decide when transactions begin.
        dbapi_conn.isolation_level = None
        dbapi_conn.writer = writer
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "IMMEDIATE")
        dbapi_conn = conn.connection.dbapi_connection
        if mode == "IMMEDIATE":
            if not writer.acquire(timeout=WRITER_WAIT_SECONDS):
                raise WriterWaitTimeout("database is locked (waited for this process's writer queue)")
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            except BaseException:
                writer.release()
                raise
            dbapi_conn.writing_since = time.perf_counter()
            return
        conn.exec_driver_sql(f"BEGIN {mode}")


def _time_transactions(engine: Engine) -> None:
    """PostgreSQL: log write transactions that run longer than the setting (readers are not timed)."""

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if not conn.get_execution_options().get(_READ_OPTION):
            conn.info["began"] = time.perf_counter()

    def _on_end(conn):
        if conn.invalidated:  # the connection was lost: nothing to time
            return
        began = conn.info.pop("began", None)
        if began is not None:
            _log_if_slow(time.perf_counter() - began)

    event.listen(engine, "commit", _on_end)
    event.listen(engine, "rollback", _on_end)


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    return make_engine(url)


def get_engine() -> Engine:
    return engine_for(load_config().database_url)


@lru_cache(maxsize=8)
def _factories(engine: Engine) -> tuple[sessionmaker, sessionmaker]:
    write = sessionmaker(bind=engine, expire_on_commit=False)
    options = {_READ_OPTION: True}
    if engine.dialect.name == "sqlite":
        options[_BEGIN_OPTION] = "DEFERRED"
    read = sessionmaker(bind=engine.execution_options(**options), expire_on_commit=False)
    return write, read


# What this thread's current user action did: a write that had to be rolled back means the error
# box must not say "gemt". The app resets it at the start of each script run (begin_action()).
_action = threading.local()


def begin_action() -> None:
    _action.unsaved = False


def action_lost_a_write() -> bool:
    """True when a write transaction of this action failed (anything but a refusal) and was rolled back."""
    return getattr(_action, "unsaved", False)


@contextmanager
def write_session(engine: Engine | None = None) -> Iterator[Session]:
    """A transaction for one user action: commit on success, roll back on error.

    Errors marked ``keeps_changes`` (wrong login tries) commit before they propagate.
    """
    factory, _ = _factories(engine or get_engine())
    with factory() as session:
        try:
            session.begin()
            yield session
        except Exception as exc:
            # Some refusals must still be written down, e.g. a wrong login try counts.
            if getattr(exc, "keeps_changes", False):
                session.commit()
            else:
                session.rollback()
                if not isinstance(exc, DomainError):
                    _action.unsaved = True
            raise
        try:
            session.commit()
        except Exception:
            _action.unsaved = True
            raise


@contextmanager
def read_session(engine: Engine | None = None) -> Iterator[Session]:
    """A read-only transaction that takes no write lock on SQLite.

    Only for reads that write nothing, audit events included: a deferred
    SQLite transaction that later writes can fail with SQLITE_BUSY instead of
    waiting. Staff reads are audited, so they use :func:`write_session`.
    """
    _, factory = _factories(engine or get_engine())
    with factory() as session, session.begin():
        yield session


def transaction(work: Callable[[Session], T], *, engine: Engine | None = None, read: bool = False) -> T:
    """Run ``work(session)`` in one transaction; a transient error (a lock that timed out, a dropped
    connection, a serialization failure) is retried once with a fresh transaction. If it fails again,
    :class:`Busy` says calmly that nothing was stored. Refusals (DomainError) are never retried."""
    scope = read_session if read else write_session
    lost_before = action_lost_a_write()
    for attempt in (1, 2):
        try:
            with scope(engine) as session:
                result = work(session)
            _action.unsaved = lost_before  # the retry stored it: nothing of this action was lost
            return result
        except Exception as exc:
            if not is_transient(exc):
                raise
            log.warning("transient database error (try %d of 2): %s", attempt, type(exc).__name__)
            if attempt == 2:
                if not read:
                    _action.unsaved = True
                raise Busy(saving=not read) from exc
    raise AssertionError("unreachable")
