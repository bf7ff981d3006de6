"""Run Alembic migrations programmatically (used by the CLI, `serve`'s production check and the tests).

Replicas may start at the same moment: on PostgreSQL the upgrade holds a transaction-scoped advisory lock,
so one runs the migrations and the others wait, then find nothing left to do. (On SQLite the engine's
``BEGIN IMMEDIATE`` takes the database's write lock for the same effect.)
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# pg_advisory_xact_lock key: any constant the application owns; "BB" + "MIGR" in ASCII.
ADVISORY_LOCK_KEY = 0x4242_4D49_4752


def alembic_config(url: str | None = None) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


@contextmanager
def _sqlite_foreign_keys_off(conn: Connection) -> Iterator[None]:
    """SQLite changes a constraint by copying the table (Alembic's batch mode): with foreign keys enforced, dropping
    the old copy of a table others point at fails as soon as it holds data. The check is switched off outside the
    migration's transaction (SQLite ignores the switch inside one), and every reference is verified afterwards."""
    if conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.dbapi_connection
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
        broken = raw.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"the migration left rows pointing at nothing: {broken[:10]}")
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def _run(engine: Engine, step) -> None:
    cfg = alembic_config()
    with engine.connect() as conn, _sqlite_foreign_keys_off(conn), conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
        cfg.attributes["connection"] = conn
        step(cfg)


def upgrade(engine: Engine, revision: str = "head") -> None:
    _run(engine, lambda cfg: command.upgrade(cfg, revision))


def downgrade(engine: Engine, revision: str) -> None:
    _run(engine, lambda cfg: command.downgrade(cfg, revision))


def pending(engine: Engine) -> bool:
    """True when the database is not at the newest migration (or has none at all)."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision() != head
