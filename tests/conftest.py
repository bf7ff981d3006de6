"""Database fixtures: every test that takes ``engine`` runs on SQLite and on PostgreSQL.

PostgreSQL comes from BORGERBUDGET_TEST_POSTGRES_URL (default: the local
server at 127.0.0.1:5432, database ``test``). Each pytest worker migrates its
own schema once with Alembic; tables are emptied between tests. Without a
server the PostgreSQL half is skipped on a developer's machine, but when CI
is set it fails instead: CI must never skip it silently.
"""
from __future__ import annotations

import os
import shutil
import uuid

import pytest

os.environ.setdefault("BORGERBUDGET_FAST_HASHES", "1")  # before storage.security is imported

from hypothesis import settings
from sqlalchemy import Engine, text

from storage.db import make_engine
from storage.migrate import upgrade
from storage.models import Base, figures_copy

POSTGRES_URL = os.environ.get("BORGERBUDGET_TEST_POSTGRES_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgresql")

# Hypothesis' default 200 ms deadline per example is a timing threshold: on a busy 2-core CI machine it fails
# tests whose behaviour is right. Property tests check behaviour only.
settings.register_profile("borgerbudget", deadline=None)
settings.load_profile("borgerbudget")
_REOPEN: dict = {}


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return str(path)


@pytest.fixture(scope="session")
def postgres_engine() -> Engine:
    schema = f"bb_test_{uuid.uuid4().hex[:10]}"
    admin = make_engine(POSTGRES_URL)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001 - any connection problem means "no server"
        admin.dispose()
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but not reachable at {POSTGRES_URL}: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL} (set CI=1 to make this a failure)")
    engine = make_engine(POSTGRES_URL, connect_args={"options": f"-csearch_path={schema}"}, pool_size=10)
    _REOPEN[id(engine)] = lambda: make_engine(POSTGRES_URL, connect_args={"options": f"-csearch_path={schema}"})
    upgrade(engine)
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def _truncate_postgres(engine: Engine) -> None:
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture
def reopen(engine):
    """A brand-new engine on the same database, as after a server restart."""
    return _REOPEN.get(id(engine), lambda: make_engine(engine.url.render_as_string(hide_password=False)))


@pytest.fixture(params=BACKENDS)
def db_backend(request) -> str:
    return request.param


def assert_figures_copies_in_step(engine: Engine) -> None:
    """Every citizen's report figures on their row equal a fresh count from the rows they are made of: whatever
    the test did through the services, the copies kept in step (storage/models/figures_copy.py)."""
    columns = ", ".join(sorted(figures_copy.EMPTY))
    with engine.connect() as conn, conn.begin() as outer:
        kept = conn.execute(text(f"SELECT id, {columns} FROM citizens ORDER BY id")).all()
        figures_copy.recount(conn)
        counted = conn.execute(text(f"SELECT id, {columns} FROM citizens ORDER BY id")).all()
        outer.rollback()
    assert kept == counted, f"report figures on citizens out of step ({columns}): {kept} != {counted}"


@pytest.fixture
def engine(db_backend, request, tmp_path) -> Engine:
    if db_backend == "sqlite":
        path = tmp_path / "test.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        eng = make_engine(f"sqlite:///{path}")
        yield eng
        assert_figures_copies_in_step(eng)
        eng.dispose()
    else:
        eng = request.getfixturevalue("postgres_engine")
        _truncate_postgres(eng)
        yield eng
        assert_figures_copies_in_step(eng)


def pytest_terminal_summary(terminalreporter):
    """Say how many tests ran on each database (the CI note quotes these numbers)."""
    passed = terminalreporter.stats.get("passed", [])
    counts = {b: sum(1 for r in passed if f"[{b}" in r.nodeid or f"-{b}]" in r.nodeid or f"-{b}-" in r.nodeid)
              for b in BACKENDS}
    terminalreporter.write_line(
        "database tests passed: " + ", ".join(f"{b}={n}" for b, n in counts.items())
    )
