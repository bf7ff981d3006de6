"""The Alembic migrations build exactly the schema the models describe, on both engines."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from storage.migrate import downgrade, upgrade
from storage.models import Base


def test_migrated_schema_matches_the_models(engine):
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_downgrade_to_base_and_up_again(engine, db_backend):
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert {t.name for t in Base.metadata.sorted_tables} <= set(inspect(engine).get_table_names())


def test_sqlite_connections_use_wal_and_foreign_keys(engine, db_backend):
    if db_backend != "sqlite":
        assert engine.dialect.name == "postgresql"
        return
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_the_one_approval_migration_names_wishes_the_old_double_approval_left_behind(engine, db_backend):
    """Data from before issue 13's fix that no constraint can hold is reported with its ids, not half-migrated."""
    import pytest
    from sqlalchemy import text

    from tests.storage.factories import approved_items, build_world, citizen_of
    w = build_world(engine)
    [item] = approved_items(engine, w.support, citizen_of(w), [300_000])
    downgrade(engine, "0003")
    with engine.begin() as conn:  # what the old code allowed: the same wish approved twice
        conn.execute(text("UPDATE wish_items SET approved_ore = 650000 WHERE id = :id"), {"id": item})
    with pytest.raises(RuntimeError, match=rf"\[{item}\]"):
        upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE wish_items SET approved_ore = 300000 WHERE id = :id"), {"id": item})
    upgrade(engine)  # with the data in place (SQLite copies the tables to add the constraints)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT approved_ore, requested_ore FROM wish_items")).one() == (300_000, 0)
