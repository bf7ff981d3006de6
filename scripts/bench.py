"""Benchmarks, measured side by side in one run and printed as ratios (no thresholds anywhere).

1. The support person's overview with 10 vs 1 000 citizens: SQL statements and time.
2. Publishing approvals: SQLite vs PostgreSQL (if reachable), same work, same machine.
3. Argon2: the production profile vs the test profile (why the suite sets BORGERBUDGET_FAST_HASHES).
4. The Streamlit level, beside a bare Streamlit echo app (scripts/bench_streamlit.py).
5. The programme report and both overviews on PostgreSQL at 100 / 10 000 / 100 000 citizens
   (scripts/bench_scale.py).

Run with `make bench`. Environment variables choose how much runs (defaults in brackets):
BENCH_PARTS (core,streamlit,scale), BENCH_SESSIONS (50), BENCH_TURNS (5 per session),
BENCH_CHAT_TURNS (10), BENCH_IDLE_SECONDS (60), BENCH_SIZES (100,10000,100000), BENCH_REPEAT (5), and
BENCH_BASELINE=<git ref> to measure that version of the project beside this one in the same run, and
BENCH_VARIANTS='postScriptGC,switch 1 ms' to run the project on SQLite with those settings as well.
`make bench-quick` is a small run (a minute or two).
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("BORGERBUDGET_FAST_HASHES", "1")
os.environ.setdefault("BORGERBUDGET_SLOW_TRANSACTION_MS", "600000")  # the bench's own bulk set-up is slow on purpose

from sqlalchemy import event, text  # noqa: E402

from storage import caseload, citizens, decisions, plan, programmes, submissions  # noqa: E402
from storage.access import Actor, ActorKind  # noqa: E402
from storage.auth import staff_actor  # noqa: E402
from storage.db import make_engine, write_session  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.models import SubmissionItem  # noqa: E402
from storage.statuses import DecisionKind, StaffRole  # noqa: E402

PG_URL = os.environ.get("BORGERBUDGET_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _setup(engine, n_citizens: int):
    with write_session(engine) as s:
        p = programmes.create_programme(s, name="Bench", default_budget_ore=5_000_000)
        user = programmes.create_staff(s, programme_id=p.id, username=f"bench{n_citizens}", display_name="B",
                                       role=StaffRole.SUPPORT, password=None)
        support = staff_actor(user)
        ids = [citizens.create_citizen(s, actor=support, display_name=f"C{n}").citizen_id for n in range(n_citizens)]
    return support, ids


def _median_seconds(fn, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_overview() -> None:
    results = {}
    for n in (10, 1000):
        with tempfile.TemporaryDirectory() as tmp:
            engine = make_engine(f"sqlite:///{tmp}/b.db")
            upgrade(engine)
            support, _ids = _setup(engine, n)
            statements = []
            listener = lambda *a, **k: statements.append(1)  # noqa: E731
            event.listen(engine, "before_cursor_execute", listener)
            with write_session(engine) as s:
                caseload.overview(s, actor=support)
            event.remove(engine, "before_cursor_execute", listener)

            def run():
                with write_session(engine) as s:
                    caseload.overview(s, actor=support)
            results[n] = (len(statements), _median_seconds(run))
            engine.dispose()
    (q10, t10), (q1000, t1000) = results[10], results[1000]
    print(f"overview: statements 10={q10} 1000={q1000} (ratio {q1000 / q10:.2f}); "
          f"time 10={t10 * 1000:.1f} ms 1000={t1000 * 1000:.1f} ms (ratio {t1000 / t10:.1f}x for 100x citizens)")


def _approvals(engine, rounds: int = 30) -> float:
    support, [cid] = _setup(engine, 1)
    me = Actor(kind=ActorKind.CITIZEN, id=cid, programme_id=support.programme_id)
    with write_session(engine) as s:
        goal = plan.add_goal(s, actor=me, citizen_id=cid, text="Mål")
    for _ in range(rounds):
        with write_session(engine) as s:
            plan.add_item(s, actor=me, citizen_id=cid, title="Ting", price_ore=1000, goal_id=goal)
            submissions.submit(s, actor=me, citizen_id=cid)
    from sqlalchemy import select
    from storage.models import Submission
    with write_session(engine) as s:
        ids = list(s.scalars(select(Submission.id).where(Submission.citizen_id == cid)))
        for sid in ids:
            for item in s.scalars(select(SubmissionItem.id).where(SubmissionItem.submission_id == sid)):
                decisions.record(s, actor=support, submission_item_id=item, decision=DecisionKind.APPROVE, reason=None)
    start = time.perf_counter()
    for sid in ids:
        with write_session(engine) as s:
            decisions.publish(s, actor=support, submission_id=sid)
    return (time.perf_counter() - start) / len(ids)


def bench_engines() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = make_engine(f"sqlite:///{tmp}/a.db")
        upgrade(sqlite)
        t_sqlite = _approvals(sqlite)
        sqlite.dispose()
    try:
        admin = make_engine(PG_URL)
        with admin.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS bb_bench CASCADE; CREATE SCHEMA bb_bench"))
        pg = make_engine(PG_URL, connect_args={"options": "-csearch_path=bb_bench"})
        upgrade(pg)
        t_pg = _approvals(pg)
        pg.dispose()
        with admin.begin() as conn:
            conn.execute(text("DROP SCHEMA bb_bench CASCADE"))
        admin.dispose()
        print(f"publish one approval: sqlite={t_sqlite * 1000:.2f} ms postgresql={t_pg * 1000:.2f} ms "
              f"(postgresql/sqlite {t_pg / t_sqlite:.2f})")
    except Exception as exc:  # noqa: BLE001
        print(f"publish one approval: sqlite={t_sqlite * 1000:.2f} ms; postgresql not reachable ({type(exc).__name__})")


def bench_hashing() -> None:
    from argon2 import PasswordHasher, profiles
    prod, cheap = PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY), PasswordHasher.from_parameters(
        profiles.CHEAPEST)
    t_prod, t_cheap = _median_seconds(lambda: prod.hash("1234"), 5), _median_seconds(lambda: cheap.hash("1234"), 5)
    print(f"argon2 hash: production={t_prod * 1000:.1f} ms test={t_cheap * 1000:.3f} ms "
          f"(ratio {t_prod / t_cheap:.0f}x)")


if __name__ == "__main__":
    parts = os.environ.get("BENCH_PARTS", "core,streamlit,scale").split(",")
    if "core" in parts:
        bench_overview()
        bench_engines()
        bench_hashing()
    if "streamlit" in parts:
        import bench_streamlit
        bench_streamlit.main()
    if "scale" in parts:
        import bench_scale
        bench_scale.main()
