"""Engine and session scope.

One session per user action ("such as a button push"): pages call
``with write_session() as s: service(..., session=s)``. On SQLite every write
transaction starts with ``BEGIN IMMEDIATE`` so two writers never deadlock on
a lock upgrade; reads use a plain deferred ``BEGIN``. WAL lets readers run
beside the writer.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from storage.config import load_config

_BEGIN_OPTION = "borgerbudget_sqlite_begin"


def make_engine(url: str, **kwargs) -> Engine:
    """Create an engine with the SQLite pragmas and transaction handling we rely on."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, **kwargs)
        _configure_sqlite(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no branch - tiny hook
        # Let SQLAlchemy, not pysqlite, decide when transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    return make_engine(url)


def get_engine() -> Engine:
    return engine_for(load_config().database_url)


@lru_cache(maxsize=8)
def _factories(engine: Engine) -> tuple[sessionmaker, sessionmaker]:
    write = sessionmaker(bind=engine, expire_on_commit=False)
    read_engine = engine.execution_options(**{_BEGIN_OPTION: "DEFERRED"}) if engine.dialect.name == "sqlite" else engine
    read = sessionmaker(bind=read_engine, expire_on_commit=False)
    return write, read


@contextmanager
def write_session(engine: Engine | None = None) -> Iterator[Session]:
    """A transaction for one user action: commit on success, roll back on error.

    Errors marked ``keeps_changes`` (wrong login tries) commit before they propagate.
    """
    factory, _ = _factories(engine or get_engine())
    with factory() as session:
        session.begin()
        try:
            yield session
        except Exception as exc:
            # Some refusals must still be written down, e.g. a wrong login try counts.
            if getattr(exc, "keeps_changes", False):
                session.commit()
            else:
                session.rollback()
            raise
        session.commit()


@contextmanager
def read_session(engine: Engine | None = None) -> Iterator[Session]:
    """A read-only transaction that takes no write lock up front on SQLite.

    Only for reads that write nothing, audit events included: a deferred
    SQLite transaction that later writes can fail with SQLITE_BUSY instead of
    waiting. Staff reads are audited, so they use :func:`write_session`.
    """
    _, factory = _factories(engine or get_engine())
    with factory() as session, session.begin():
        yield session
