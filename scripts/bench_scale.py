"""Programme size on PostgreSQL: the programme report (and the old cohort report in a baseline that has it) and both overviews at BENCH_SIZES citizens.

For each size a fresh schema is filled in bulk by the database itself (INSERT ... SELECT over
generate_series: 100 000 citizens with goals, wishes, plans, ledger events and check-ins in a few
seconds), then each tree measures, in its own process and with its own code: the report(s), the
coordinator's overview (its figures and the first and the last page where the code pages it), the
support person's overview (always 25 citizens), and deleting one wish (rolled back: the foreign-key
checks). Time is the median of BENCH_REPEAT runs, in all and of it waiting for SQL statements; queries
are the SQL statements sent. BENCH_SCALE_WORK (a comma list of report, coordinator_overview,
coordinator_last_page, support_overview, delete_wish) measures only those. With BENCH_BASELINE the data is made under the
baseline's migrations, measured with its code, then migrated to this tree's head and measured again.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("BORGERBUDGET_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "100,10000,100000").split(",") if n.strip()]
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))
PER_SUPPORT = 25

# Filled by PostgreSQL itself; :n is the number of citizens. Columns not named take their defaults.
FILL = """
INSERT INTO programmes (id, name, default_budget_ore, period_months, answer_working_days, created_at)
  VALUES (1, 'Bench', 5000000, 12, 5, now());
INSERT INTO staff_users (id, programme_id, username, display_name, role, active, must_change_password, created_at)
  SELECT g, 1, 'support' || g, 'Støtte ' || g, 'support', true, false, now()
  FROM generate_series(1, (:n + 24) / 25) g;
INSERT INTO staff_users (id, programme_id, username, display_name, role, active, must_change_password, created_at)
  VALUES (1000000, 1, 'coordinator', 'Koordinator', 'coordinator', true, false, now());
INSERT INTO citizens (id, programme_id, support_person_id, display_name, internal_ref, language, status,
                      budget_total_ore, committed_ore, start_date, end_date, needs_help_since, created_at)
  SELECT g, 1, (g - 1) / 25 + 1, 'Borger ' || g, 'R' || g, 'da',
         CASE WHEN g % 20 = 0 THEN 'ended' ELSE 'active' END, 5000000,
         CASE WHEN g % 2 = 0 THEN 300000 ELSE 0 END, DATE '2026-01-05', DATE '2027-01-05',
         CASE WHEN g % 7 = 0 THEN now() END, now() - g * interval '1 minute'
  FROM generate_series(1, :n) g;
INSERT INTO citizen_credentials (citizen_id, lookup, secret_hash, failed_attempts, locked_at, issued_at)
  SELECT g, 'L' || g, 'x', 0, CASE WHEN g % 50 = 0 THEN now() END, now() FROM generate_series(1, :n) g;
INSERT INTO course_progress (citizen_id, current_step_id, completed_at, form_mode, updated_at)
  SELECT g, 'now_good', CASE WHEN g % 2 = 0 THEN now() END, false, now()
  FROM generate_series(1, :n) g WHERE g % 3 <> 0;
INSERT INTO course_answers (citizen_id, step_id, value, skipped, shared, answered_at)
  SELECT g, s, '"svar"', false, true, now()
  FROM generate_series(1, :n) g, unnest(ARRAY['welcome_start', 'now_good']) s WHERE g % 3 <> 0;
INSERT INTO goals (id, citizen_id, parent_id, text, category, position, removed_at, created_at, updated_at)
  SELECT g, g, NULL, 'Mål ' || g,
         (ARRAY['home', 'work', 'health', 'friends', 'money', NULL])[g % 6 + 1], 0, NULL, now(), now()
  FROM generate_series(1, :n) g;
INSERT INTO goals (id, citizen_id, parent_id, text, position, created_at, updated_at)
  SELECT :n + g, g, g, 'Delmål ' || g, 1, now(), now() FROM generate_series(1, :n) g WHERE g % 5 = 0;
INSERT INTO wish_items (id, citizen_id, goal_id, title, price_ore, quantity, position, status, approved_ore,
                        created_at, updated_at)
  SELECT 2 * g - k, g, g, 'Ønske ' || g, 300000, 1, k, CASE WHEN k = 1 AND g % 2 = 0 THEN 'approved' ELSE 'draft' END,
         CASE WHEN k = 1 AND g % 2 = 0 THEN 300000 ELSE 0 END, now(), now()
  FROM generate_series(1, :n) g, generate_series(0, 1) k;
INSERT INTO submissions (citizen_id, version, status, snapshot, submitted_at)
  SELECT g, 1, 'answered', '{}', now() - (g % 20) * interval '1 day' FROM generate_series(1, :n) g WHERE g % 2 = 0;
INSERT INTO submissions (citizen_id, version, status, snapshot, submitted_at)
  SELECT g, 2, 'waiting', '{}', now() - (g % 9) * interval '1 day' FROM generate_series(1, :n) g WHERE g % 4 = 0;
INSERT INTO ledger_entries (citizen_id, wish_item_id, kind, amount_ore, committed_delta_ore, actor_id, created_at)
  SELECT g, 2 * g - 1, 'approved', 300000, 300000, (g - 1) / 25 + 1, now()
  FROM generate_series(1, :n) g WHERE g % 2 = 0;
INSERT INTO check_ins (citizen_id, phase, who5_raw, citizen_goal_rating, support_goal_rating, created_at)
  SELECT g, p, (g * 7 + length(p)) % 26, g % 5 + 1, (g + 1) % 5 + 1, now()
  FROM generate_series(1, :n) g, unnest(ARRAY['start', 'mid', 'end']) p
  WHERE (p = 'start' AND g % 5 <> 0) OR (p = 'mid' AND g % 5 IN (1, 2)) OR (p = 'end' AND g % 5 IN (3, 4));
SELECT setval(pg_get_serial_sequence('goals', 'id'), 10 * :n);
SELECT setval(pg_get_serial_sequence('wish_items', 'id'), 10 * :n);
ANALYZE;
"""
# Trees from migration 0015 on keep each citizen's oldest waiting plan on the citizen row (storage/waiting.py);
# rows filled by hand get it here, the way the migration fills existing rows.
OLDEST_WAITING = """
UPDATE citizens SET waiting_version = w.version, waiting_since = s.submitted_at
  FROM (SELECT citizen_id, min(version) AS version FROM submissions WHERE status = 'waiting' GROUP BY citizen_id) w
  JOIN submissions s ON s.citizen_id = w.citizen_id AND s.version = w.version
  WHERE citizens.id = w.citizen_id;
ANALYZE citizens;
"""

# The months after the plan (migration 0013 and later): both sides' ratings of each citizen's long-term goal, WHO-5
# at start and end, and answer times on the answered plans. Run only when the tables exist (an older baseline).
FILL_FOLLOWUP = """
INSERT INTO goal_ratings (citizen_id, goal_id, milestone, rater, rating, created_at)
  SELECT g, g, m, 'citizen', (ARRAY['reached', 'close', 'on_the_way', 'not_yet', 'dropped'])[(g + length(m)) % 5 + 1],
         now() FROM generate_series(1, :n) g, unnest(ARRAY['start', 'm6']) m WHERE g % 3 <> 0;
INSERT INTO goal_ratings (citizen_id, goal_id, milestone, rater, rated_by_staff_id, rating, created_at)
  SELECT g, g, 'm6', 'support', (g - 1) / 25 + 1,
         (ARRAY['very_high', 'high', 'some', 'low', 'not_at_all'])[g % 5 + 1], now()
  FROM generate_series(1, :n) g WHERE g % 2 = 0;
INSERT INTO who5_responses (citizen_id, milestone, item1, item2, item3, item4, item5, skipped, created_at)
  SELECT g, m, g % 6, (g + 1) % 6, (g + length(m)) % 6, 3, 2, false, now()
  FROM generate_series(1, :n) g, unnest(ARRAY['start', 'end']) m WHERE g % 4 <> 0;
UPDATE submissions SET answered_at = submitted_at + (citizen_id % 9) * interval '1 day' WHERE status = 'answered';
ANALYZE;
"""

# Run inside the tree under test: prints {"report": [ms, queries], ...} as JSON.
MEASURE = r'''
import inspect, json, os, statistics, sys, time
from sqlalchemy import event, select, text
from storage import caseload
from storage.auth import staff_actor
from storage.db import make_engine, write_session
from storage.models import StaffUser
url, repeat = sys.argv[1], int(sys.argv[2])
engine = make_engine(url)
with write_session(engine) as s:
    coordinator = staff_actor(s.scalar(select(StaffUser).where(StaffUser.username == "coordinator")))
    support = staff_actor(s.scalar(select(StaffUser).where(StaffUser.username == "support1")))
paged = "limit" in inspect.signature(caseload.overview).parameters
def coordinator_overview(s, last=False):
    if paged:
        counts = caseload.overview_counts(s, actor=coordinator, today=__import__("datetime").date.today())
        offset = (counts.citizens - 1) // caseload.PAGE_SIZE * caseload.PAGE_SIZE if last else 0
        return caseload.overview(s, actor=coordinator, limit=caseload.PAGE_SIZE, offset=offset)
    return caseload.overview(s, actor=coordinator)
def delete_wish(s):
    s.execute(text("DELETE FROM wish_items WHERE id = 2"))
    s.rollback()
work = {"coordinator_overview": coordinator_overview,
        "coordinator_last_page": lambda s: coordinator_overview(s, last=True),
        "support_overview": lambda s: caseload.overview(s, actor=support),
        "delete_wish": delete_wish}
try:  # the old cohort report, where the tree still has it (a baseline)
    from storage import reports
    work["report"] = lambda s: reports.cohort_report(s, actor=coordinator)
except ImportError:
    pass
try:  # the programme report (issue 15), where the tree has it
    from storage import programme_report
    work["programme_report"] = lambda s: programme_report.programme_figures(s, actor=coordinator)
except ImportError:
    pass
out = {"paged": paged}
wanted = [w for w in os.environ.get("BENCH_SCALE_WORK", ",".join(work)).split(",") if w in work]
for name in wanted:
    fn = work[name]
    statements, sql = [], []
    def before(*a, **k):
        statements.append(time.perf_counter())
    def after(*a, **k):
        sql.append(time.perf_counter() - statements[-1])
    times, sql_times = [], []
    for n in range(repeat + 1):
        statements.clear()
        sql.clear()
        event.listen(engine, "before_cursor_execute", before)
        event.listen(engine, "after_cursor_execute", after)
        start = time.perf_counter()
        with write_session(engine) as s:
            fn(s)
        elapsed = time.perf_counter() - start
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)
        if n:  # the first run warms caches
            times.append(elapsed)
            sql_times.append(sum(sql))
    out[name] = [statistics.median(times) * 1000, len(statements), statistics.median(sql_times) * 1000]
print(json.dumps(out))
'''


def _admin():
    from sqlalchemy import create_engine
    return create_engine(PG_URL)


def _url(schema: str) -> str:
    return f"{PG_URL}?options=-csearch_path%3D{schema}"


def _cli(tree: Path, url: str, *args: str) -> None:
    env = os.environ | {"DATABASE_URL": url, "BORGERBUDGET_FAST_HASHES": "1"}
    subprocess.run([sys.executable, "-m", "storage.cli", *args], cwd=tree, env=env, check=True, capture_output=True)


def _measure(tree: Path, url: str) -> dict:
    env = os.environ | {"DATABASE_URL": url, "BORGERBUDGET_FAST_HASHES": "1"}
    done = subprocess.run([sys.executable, "-c", MEASURE, url, str(REPEAT)], cwd=tree, env=env, check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _fill(url_schema: str, n: int) -> float:
    import time

    from sqlalchemy import text
    admin = _admin()
    start = time.perf_counter()
    with admin.begin() as conn:
        conn.execute(text(f'SET search_path TO "{url_schema}"'))
        for statement in FILL.replace(":n", str(n)).split(";\n"):
            if statement.strip():
                conn.execute(text(statement))
        if conn.execute(text("SELECT to_regclass('goal_ratings')")).scalar() is not None:
            for statement in FILL_FOLLOWUP.replace(":n", str(n)).split(";\n"):
                if statement.strip():
                    conn.execute(text(statement))
        if conn.execute(text("SELECT 1 FROM information_schema.columns WHERE table_schema = :schema AND "
                             "table_name = 'citizens' AND column_name = 'waiting_since'"),
                        {"schema": url_schema}).first():
            for statement in OLDEST_WAITING.split(";\n"):
                if statement.strip():
                    conn.execute(text(statement))
    admin.dispose()
    return time.perf_counter() - start


def run(trees: list[tuple[str, Path]]) -> dict[int, dict[str, dict]]:
    """{size: {tree name: figures}}; the first tree migrates and fills, later trees migrate on top."""
    from sqlalchemy import text
    results: dict[int, dict[str, dict]] = {}
    for n in SIZES:
        schema = f"bb_scale_{uuid.uuid4().hex[:8]}"
        admin = _admin()
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            results[n] = {}
            for i, (name, tree) in enumerate(trees):
                _cli(tree, _url(schema), "migrate")
                if i == 0:
                    seconds = _fill(schema, n)
                    if (tree / "storage/models/figures_copy.py").exists():  # copies the bulk rows bypassed (0018 on)
                        _cli(tree, _url(schema), "recount-figures")
                    print(f"  {n} citizens made in {seconds:.1f} s")
                # What autovacuum does within a minute of a bulk load or a migration that rewrote every row:
                # without it the first tree reads a freshly filled table and a later one a table of dead rows.
                with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.execute(text(f'SET search_path TO "{schema}"'))
                    conn.execute(text("VACUUM ANALYZE"))
                results[n][name] = _measure(tree, _url(schema))
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
    return results


WORK_TITLES = {"report": "cohort report", "programme_report": "programme report", "coordinator_overview": "coordinator, 1st page",
               "coordinator_last_page": "coordinator, last page", "support_overview": "support overview (25)",
               "delete_wish": "delete a wish"}


def report(results: dict[int, dict[str, dict]]) -> None:
    names = list(next(iter(results.values())))
    measured = {k for by_tree in results.values() for f in by_tree.values() for k in f}
    keys = [k for k in WORK_TITLES if k in measured]
    print(f"\nPostgreSQL by programme size (median of {REPEAT}; ms in all / of it in SQL / SQL statements; the "
          f"coordinator's overview is its figures and one page where the code pages it, else every row)")
    print(f"{'citizens':>9} {'code':22} " + " ".join(f"{WORK_TITLES[k]:>24}" for k in keys))
    for n, by_tree in results.items():
        for name in names:
            f = by_tree[name]
            cells = [f"{f[k][0]:8.1f} / {f[k][2]:7.1f} / {f[k][1]:<2}" if k in f else "-" for k in keys]
            print(f"{n:>9} {name:22} " + " ".join(f"{c:>24}" for c in cells)
                  + ("" if f["paged"] else "  (coordinator: every row)"))
    small = min(results)
    for name in names:
        for n in sorted(results):
            if n == small:
                continue
            parts = [f"{WORK_TITLES[k]} {results[n][name][k][0] / results[small][name][k][0]:.2f}x "
                     f"(SQL {results[n][name][k][2] / max(results[small][name][k][2], 1e-6):.2f}x)"
                     for k in keys if k.startswith(("coordinator", "support"))]
            print(f"{n} vs {small} citizens ({name}): " + ", ".join(parts))


def main() -> None:
    trees: list[tuple[str, Path]] = []
    baseline = os.environ.get("BENCH_BASELINE")
    tmp = None
    if baseline:
        import tempfile
        tmp = tempfile.TemporaryDirectory(prefix="bb-scale-")
        into = Path(tmp.name)
        archive = subprocess.run(["git", "archive", baseline], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
        trees.append((f"before ({baseline})", into))
    trees.append(("now", ROOT))
    try:
        report(run(trees))
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
