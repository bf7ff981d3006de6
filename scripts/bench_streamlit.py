"""Streamlit-level benchmark: the project beside a bare Streamlit echo app, in one run.

For each app (the bare echo app; the project on SQLite and on PostgreSQL; optionally the project as it
was at BENCH_BASELINE, a git ref, for before/after figures from the same run) it starts a real
`streamlit run` server with the project's citizen_app/.streamlit/config.toml (Streamlit reads the one beside
the main script; the bare app gets a copy) and measures:

- chat turn in a real browser (Debian's Chromium via Playwright): Enter in the chat box -> the
  guide's reply drawn, median / p90 (SQLite only: one person, the database is not the question);
- BENCH_SESSIONS websocket sessions (Streamlit's own protocol, tests/load/client.py) that log in at
  once (PIN step p50 / p95, the server's peak RSS) and then answer the course at the same time
  (turns/s, rerun p50 / p95, server CPU per turn, RSS per extra session, error boxes seen, lock
  timeouts and the longest write transaction from the server's log);
- the same sessions left idle for BENCH_IDLE_SECONDS: the server's CPU, as a share of one core;
- the floor for a page of the project's size: the echo app once more, drawing as many more plain lines per
  run as a course turn of the project sends more elements than the echo app (counted in this run), so the
  ratios show how much of the gap is the page's size in Streamlit itself and how much is the project's work;
- BENCH_VARIANTS (comma-separated): the project on SQLite once more for each, chat turn and load, in the same
  run: "postScriptGC" / "no postScriptGC" (Streamlit's full collection after each run on / off; shipped: off),
  "switch 1 ms" / "switch 5 ms" (`sys.setswitchinterval`; 5 ms is Python's default, which the app keeps).

The project's logins use the production argon2 profile (as in production), the rest of its data is
the demo programme plus BENCH_SESSIONS citizens with known codes.
"""
from __future__ import annotations

import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.server import free_port  # noqa: E402
from tests.load.client import Page, StreamlitSession, chat_value, text_value, trigger  # noqa: E402

SESSIONS = int(os.environ.get("BENCH_SESSIONS", "50"))
TURNS = int(os.environ.get("BENCH_TURNS", "5"))
CHAT_TURNS = int(os.environ.get("BENCH_CHAT_TURNS", "10"))
IDLE_SECONDS = float(os.environ.get("BENCH_IDLE_SECONDS", "60"))
# BENCH_VARIANTS: also run the project on SQLite with other settings ("postScriptGC", "switch 1 ms", ...).
VARIANTS = [v.strip() for v in os.environ.get("BENCH_VARIANTS", "").split(",") if v.strip()]
PG_URL = os.environ.get("BORGERBUDGET_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
CHROMIUM = "/usr/bin/chromium"
PIN = "2580"
SECRET = "ACDEFGHJ"            # the secret part of every bench citizen's code (only the lookup differs)
ANSWER = "Jeg vil gerne have en brugt cykel til 2.000 kr."
ERROR_BOX = "Beklager, der skete en fejl"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

BARE_APP = '''
import streamlit as st
st.title("Echo")
history = st.session_state.setdefault("history", [])
for role, words in history:
    with st.chat_message(role):
        st.text(words)
if typed := st.chat_input("Skriv her"):
    history += [("user", typed), ("assistant", typed)]
    for role in ("user", "assistant"):
        with st.chat_message(role):
            st.text(typed)
'''

# The floor for a page of the project's size: the echo app that also draws BENCH_EXTRA_ELEMENTS plain lines,
# as many more elements as one course turn of the project sends than the echo app does (measured in the run).
SIZED_APP = BARE_APP + '''
import os
for line in range(int(os.environ.get("BENCH_EXTRA_ELEMENTS", "0"))):
    st.text(f"Linje {line}")
'''

# Loaded into every server under test (PYTHONPATH): on SIGUSR1 it writes the process's heap figures and
# the time its garbage collector spent in full collections, so the bench reads the real server.
PROBE = '''
import gc, json, os, signal, sys, time
_gc = {"full": 0, "full_seconds": 0.0, "start": 0.0}
def _watch(phase, info):
    if info.get("generation") == 2:
        if phase == "start":
            _gc["start"] = time.perf_counter()
        else:
            _gc["full"] += 1
            _gc["full_seconds"] += time.perf_counter() - _gc["start"]
gc.callbacks.append(_watch)
def _dump(*_):
    with open(os.environ["BENCH_PROBE_FILE"], "w") as out:
        json.dump({"modules": len(sys.modules), "objects": len(gc.get_objects()),
                   "frozen": gc.get_freeze_count(), **_gc}, out)
if os.environ.get("BENCH_PROBE_FILE"):
    signal.signal(signal.SIGUSR1, _dump)
if os.environ.get("BENCH_SWITCH_INTERVAL"):  # a variant: how often a thread must hand the GIL over
    sys.setswitchinterval(float(os.environ["BENCH_SWITCH_INTERVAL"]))
'''

# Run inside the tree under test (its own storage package): bench citizens with known codes.
MAKE_CITIZENS = '''
import sys
from sqlalchemy import select, update
from storage import citizens
from storage.auth import staff_actor
from storage.db import write_session
from storage.models import CitizenCredential, StaffUser
n, secret_hash, pin_hash = int(sys.argv[1]), sys.argv[2], sys.argv[3]
with write_session() as s:
    support = staff_actor(s.scalar(select(StaffUser).where(StaffUser.username == "sara")))
    for i in range(n):
        cid = citizens.create_citizen(s, actor=support, display_name=f"Bench {i}").citizen_id
        s.execute(update(CitizenCredential).where(CitizenCredential.citizen_id == cid)
                  .values(lookup=sys.argv[4 + i], secret_hash=secret_hash, pin_hash=pin_hash, failed_attempts=0))
'''


def lookups(n: int) -> list[str]:
    alphabet = "ACDEFGHJKMNPQRTUVWXY234679"
    out = []
    for i in range(n):
        a, b = divmod(i, len(alphabet))
        out.append(f"YY{alphabet[a]}{alphabet[b]}")
    return out


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


# --- the process under test ----------------------------------------------------------------------

def proc_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def proc_memory_mib(pid: int) -> tuple[float, float]:
    """(RSS now, peak RSS) in MiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    hwm = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
    return rss / 1024, hwm / 1024


@dataclass
class Tree:
    """A source tree to run: the working tree, or a git ref exported to a temporary folder."""

    name: str
    root: Path

    @classmethod
    def baseline(cls, ref: str, into: Path) -> "Tree":
        into.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
        subprocess.run([str(ROOT / ".venv/bin/pybabel"), "compile", "-d", "locales", "-D", "messages"],
                       cwd=into, check=True, capture_output=True)
        return cls(f"before ({ref})", into)


class Server:
    """`streamlit run APP` in ``cwd`` (whose .streamlit/config.toml it reads) on a free port."""

    def __init__(self, app: Path, cwd: Path, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = log
        self.env = env | {"BENCH_PROBE_FILE": str(log.with_suffix(".probe.json")),
                          "PYTHONPATH": os.pathsep.join([str(log.parent / "probe"), env.get("PYTHONPATH", "")])}
        (log.parent / "probe").mkdir(exist_ok=True)
        (log.parent / "probe" / "sitecustomize.py").write_text(PROBE, encoding="utf-8")
        env = self.env
        self._log = open(log, "w", encoding="utf-8")  # noqa: SIM115 - closed in stop()
        command = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(self.port),
                   "--server.address", "127.0.0.1", "--server.headless", "true"]
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        import urllib.request
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    @property
    def pid(self) -> int:
        return self.process.pid

    def probe(self) -> dict:
        """The server's own heap figures and full-collection time so far (see PROBE)."""
        import json
        path = Path(self.env["BENCH_PROBE_FILE"])
        path.unlink(missing_ok=True)
        os.kill(self.pid, __import__("signal").SIGUSR1)
        for _ in range(100):
            if path.exists() and path.stat().st_size:
                time.sleep(0.05)
                return json.loads(path.read_text())
            time.sleep(0.05)
        return {}

    def log_text(self) -> str:
        self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()


def server_env(database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BORGERBUDGET_", "STREAMLIT_"))}
    env.update({"PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1", "BORGERBUDGET_STAFF_AUTH": "password",
                "BORGERBUDGET_SLOW_TRANSACTION_MS": "0"})
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def prepare_project_db(tree: Tree, kind: str, work: Path) -> tuple[str, callable]:
    """A migrated database with the demo programme and SESSIONS + 1 bench citizens. Returns (url, drop)."""
    from argon2 import PasswordHasher, profiles
    from sqlalchemy import create_engine, text
    if kind == "sqlite":
        url = f"sqlite:///{work / (tree.root.name + '.db')}"
        drop = lambda: None  # noqa: E731
    else:
        schema = f"bb_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(PG_URL)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = f"{PG_URL}?options=-csearch_path%3D{schema}"

        def drop() -> None:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    env = server_env(url) | {"BORGERBUDGET_FAST_HASHES": "1"}
    for args in (["migrate"], ["demo-data", "--force"]):  # (a throw-away schema)
        subprocess.run([sys.executable, "-m", "storage.cli", *args], cwd=tree.root, env=env, check=True,
                       capture_output=True)
    production = PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY)
    codes = lookups(SESSIONS + 2)
    subprocess.run([sys.executable, "-c", MAKE_CITIZENS, str(SESSIONS + 2), production.hash(SECRET),
                    production.hash(PIN), *codes], cwd=tree.root, env=env, check=True)
    return url, drop


def code_of(lookup: str) -> str:
    return f"{lookup}-{SECRET[:4]}-{SECRET[4:]}"


# --- one session's actions -----------------------------------------------------------------------

class LoginError(RuntimeError):
    """The page did not go where a login goes (an error box, a timeout): counted, never hidden."""


async def enter_code(s: StreamlitSession, lookup: str) -> Page:
    page = await s.open()
    code = next(t for t in page.widgets("text_input") if t.form_id == "citizen_code")
    page = await s.run(text_value(code.id, code_of(lookup)), trigger(page.button(label="Videre").id))
    if not any(t.form_id == "citizen_pin" for t in page.widgets("text_input")):
        raise LoginError(f"code step: {page.texts()[:6]}")
    return page


async def enter_pin(s: StreamlitSession) -> float:
    page = s.page
    pin = next(t for t in page.widgets("text_input") if t.form_id == "citizen_pin")
    submit = next(b for b in page.widgets("button") if b.form_id == "citizen_pin" and b.is_form_submitter)
    start = time.perf_counter()
    page = await s.run(text_value(pin.id, PIN), trigger(submit.id))
    took = time.perf_counter() - start
    if "samtale" not in s.pages:
        raise LoginError(f"PIN step: {page.texts()[:6]}")
    return took


async def answer_course(s: StreamlitSession) -> Page:
    """Answer the course's current step as a citizen would: type, tap the first option, or (for a form
    step: goals and multiple choice) 'Det vil jeg ikke svare på nu'."""
    page = s.page
    chats = [w for _k, w in page.by_key(r"in_\w+_chat") if not w.disabled]
    if chats:
        return await s.run(chat_value(chats[0].id, ANSWER))
    options = [w for _k, w in page.by_key(r"in_\w+_0")]
    if options:
        return await s.run(trigger(options[0].id))
    return await s.run(trigger(page.button(key="course_skip").id))


async def answer_echo(s: StreamlitSession) -> Page:
    [box] = s.page.widgets("chat_input")
    return await s.run(chat_value(box.id, ANSWER))


@dataclass
class LoadResult:
    login_seconds: list[float] = field(default_factory=list)
    peak_rss_after_logins: float = float("nan")
    turn_seconds: list[float] = field(default_factory=list)
    turns_per_second: float = float("nan")
    cpu_per_turn_ms: float = float("nan")
    rss_per_session_mib: float = float("nan")
    idle_core_share: float = float("nan")
    error_boxes: int = 0
    lock_timeouts: int = 0
    longest_write_ms: float | None = None
    login_errors: list[str] = field(default_factory=list)
    heap: dict = field(default_factory=dict)       # after one session: modules, objects, frozen
    deltas_per_turn: float = float("nan")         # elements and blocks sent per turn (every run it takes)
    kib_per_turn: float = float("nan")            # bytes the server sent per turn
    gc_ms_per_run: float = float("nan")           # full collections during the turns, per script run


async def _load(server: Server, project: bool) -> LoadResult:
    result = LoadResult()
    codes = lookups(SESSIONS + 1)
    answer = answer_course if project else answer_echo

    async def ready(s: StreamlitSession, lookup: str) -> None:
        if project:
            await enter_code(s, lookup)
        else:
            await s.open()

    async def to_course(s: StreamlitSession) -> None:
        if project:
            await s.run(page="samtale")

    # One warm session first: the server's memory with one person using it.
    first = StreamlitSession(server.url)
    await ready(first, codes[0])
    if project:
        await enter_pin(first)
    await to_course(first)
    for _ in range(3):
        await answer(first)
    await asyncio.sleep(1)
    rss_one, _ = proc_memory_mib(server.pid)
    result.heap = server.probe()

    # SESSIONS more people log in at the same moment (a session whose login fails is counted and left out).
    others = [StreamlitSession(server.url) for _ in range(SESSIONS)]
    outcomes = await asyncio.gather(*(ready(s, code) for s, code in zip(others, codes[1:])), return_exceptions=True)
    result.login_errors = [repr(o) for o in outcomes if isinstance(o, Exception)]
    others = [s for s, o in zip(others, outcomes) if not isinstance(o, Exception)]
    if project:
        outcomes = await asyncio.gather(*(enter_pin(s) for s in others), return_exceptions=True)
        result.login_seconds = [o for o in outcomes if not isinstance(o, Exception)]
        result.login_errors += [repr(o) for o in outcomes if isinstance(o, Exception)]
        others = [s for s, o in zip(others, outcomes) if not isinstance(o, Exception)]
        _, result.peak_rss_after_logins = proc_memory_mib(server.pid)
    await asyncio.gather(*(to_course(s) for s in others))

    # ... and answer at the same time.
    async def answer_many(s: StreamlitSession) -> None:
        for _ in range(TURNS):
            start = time.perf_counter()
            try:
                page = await answer(s)
            except Exception as exc:  # noqa: BLE001 - a turn that never finished is an error, not a crash
                result.login_errors.append(f"turn: {exc!r}")
                return
            result.turn_seconds.append(time.perf_counter() - start)
            result.error_boxes += sum(ERROR_BOX in a for a in page.alerts()) + len(page.exceptions())

    cpu_before, wall_before = proc_cpu_seconds(server.pid), time.perf_counter()
    gc_before, runs_before = server.probe(), sum(s.runs for s in others)
    deltas_before, bytes_before = sum(s.deltas for s in others), sum(s.bytes_in for s in others)
    await asyncio.gather(*(answer_many(s) for s in others))
    wall, cpu = time.perf_counter() - wall_before, proc_cpu_seconds(server.pid) - cpu_before
    gc_after, runs = server.probe(), sum(s.runs for s in others) - runs_before
    if gc_after and gc_before and runs:
        result.gc_ms_per_run = (gc_after["full_seconds"] - gc_before["full_seconds"]) * 1000 / runs
    turns = len(result.turn_seconds)
    result.deltas_per_turn = (sum(s.deltas for s in others) - deltas_before) / max(1, turns)
    result.kib_per_turn = (sum(s.bytes_in for s in others) - bytes_before) / 1024 / max(1, turns)
    result.turns_per_second = turns / wall
    result.cpu_per_turn_ms = cpu / turns * 1000
    await asyncio.sleep(1)
    rss_all, _ = proc_memory_mib(server.pid)
    result.rss_per_session_mib = (rss_all - rss_one) / max(1, len(others))

    # Everyone leaves their tab open and does nothing.
    cpu_before = proc_cpu_seconds(server.pid)
    await asyncio.sleep(IDLE_SECONDS)
    result.idle_core_share = (proc_cpu_seconds(server.pid) - cpu_before) / IDLE_SECONDS
    for s in [first, *others]:
        await s.close()
    return result


def measure_load(server: Server, project: bool) -> LoadResult:
    result = asyncio.run(_load(server, project))
    log = server.log_text()
    result.lock_timeouts = log.count("database is locked")
    holds = [float(m) for m in re.findall(r"write transaction held (\d+(?:\.\d+)?) ms", log)]
    result.longest_write_ms = max(holds) if holds else None
    return result


# --- the browser: one person's chat turn ---------------------------------------------------------

_CHAT_COUNT = "() => document.querySelectorAll('[data-testid=\"stChatMessage\"]').length"
# The reply is drawn: two more chat messages (the citizen's words and the guide's next question); or,
# at the end of the course, the action's run is over (the RUN_WATCHER counts finished runs).
_ANSWERED = """([n, finished]) => document.querySelectorAll('[data-testid="stChatMessage"]').length >= n + 2
  || (window.__bb.finished > finished
      && document.querySelector('[data-testid="stApp"]').getAttribute('data-test-script-state') === 'notRunning')"""
_REPLY_DRAWN = """([n]) => document.querySelectorAll('[data-testid="stChatMessage"]').length >= n + 2"""


def measure_chat(server: Server, project: bool, lookup: str, sent: list[int] | None = None) -> list[float]:
    """Enter in the chat box -> the reply drawn and the app idle again, CHAT_TURNS times. Steps that are
    not answered in the chat box (quick replies, forms) are answered on the way, not timed."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.helpers import RUN_WATCHER, act, go_to, login_citizen, wait_for_app
    times: list[float] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.add_init_script(RUN_WATCHER)
        page = context.new_page()
        page.goto(server.url)
        wait_for_app(page)
        if project:
            login_citizen(page, code_of(lookup), PIN)
            go_to(page, "Samtale")
        box = page.locator('[data-testid="stChatInputTextArea"]')
        for _ in range(CHAT_TURNS * 6):
            if len(times) >= CHAT_TURNS:
                break
            if box.count() and box.is_enabled():
                box.fill(ANSWER)
                before, finished = page.evaluate(_CHAT_COUNT), page.evaluate("() => window.__bb.finished")
                bytes_before = page.evaluate("() => window.__bb.bytes")
                start = time.perf_counter()
                box.press("Enter")
                page.wait_for_function(_ANSWERED, arg=[before, finished], polling="raf", timeout=120_000)
                took = time.perf_counter() - start
                wait_for_app(page)
                if not page.evaluate(_REPLY_DRAWN, [before]):
                    break  # the course is over: no more questions to time
                times.append(took)
                if sent is not None:  # the bytes the browser received for this turn
                    sent.append(page.evaluate("() => window.__bb.bytes") - bytes_before)
            elif page.locator('[data-testid="stForm"]').count():
                act(page, page.get_by_role("button", name="Det vil jeg ikke svare på nu").click)
            else:
                act(page, page.locator("[class*='st-key-in_'] button").first.click)
        browser.close()
    return times


# --- the whole comparison ------------------------------------------------------------------------

@dataclass
class AppFigures:
    name: str
    chat: list[float] = field(default_factory=list)
    chat_bytes: list[int] = field(default_factory=list)   # what the browser received per chat turn
    load: LoadResult | None = None


def run_app(name: str, app: Path, cwd: Path, env: dict[str, str], work: Path, project: bool,
            chat: bool) -> AppFigures:
    figures = AppFigures(name)
    log = work / f"{re.sub(r'[^a-z0-9]+', '-', name.lower())}.log"
    if chat:
        server = Server(app, cwd, env, log.with_suffix(".chat.log"))
        try:
            figures.chat = measure_chat(server, project, lookups(SESSIONS + 2)[-1], figures.chat_bytes)
        finally:
            server.stop()
    server = Server(app, cwd, env, log)
    try:
        figures.load = measure_load(server, project)
    finally:
        server.stop()
    return figures


def project_figures(tree: Tree, kind: str, work: Path, chat: bool, variant: str = "") -> AppFigures:
    """``variant``: "" as shipped, "no postScriptGC" / "postScriptGC" (Streamlit's full collection after each
    run off / on), or "switch 1 ms" / "switch 5 ms" (how often threads hand the GIL over; Python's default,
    which the app keeps, is 5 ms)."""
    # The chat measurement and the load use separate databases (the chat uses up a citizen's course).
    folder = work / (kind + re.sub(r"[^a-z0-9]+", "-", variant.lower()))
    folder.mkdir(exist_ok=True)
    url, drop = prepare_project_db(tree, kind, folder)
    env = server_env(url) | {"": {}, "no postScriptGC": {"STREAMLIT_RUNNER_POST_SCRIPT_GC": "false"},
                             "postScriptGC": {"STREAMLIT_RUNNER_POST_SCRIPT_GC": "true"},
                             "switch 1 ms": {"BENCH_SWITCH_INTERVAL": "0.001"},
                             "switch 5 ms": {"BENCH_SWITCH_INTERVAL": "0.005"}}[variant]
    try:
        return run_app(f"{tree.name}, {kind}" + (f", {variant}" if variant else ""),
                       tree.root / "citizen_app" / "streamlit_app.py", tree.root, env, work, True, chat)
    finally:
        drop()


def bare_figures(work: Path, extra_elements: int = 0) -> AppFigures:
    """The echo app; with ``extra_elements``, the echo app drawing that many more plain lines every run."""
    bare = work / f"bare{extra_elements or ''}"
    (bare / ".streamlit").mkdir(parents=True)
    shutil.copy(ROOT / "citizen_app" / ".streamlit" / "config.toml", bare / ".streamlit" / "config.toml")
    (bare / "echo.py").write_text(SIZED_APP if extra_elements else BARE_APP, encoding="utf-8")
    env = server_env(None) | {"BENCH_EXTRA_ELEMENTS": str(extra_elements)}
    name = f"bare, +{extra_elements} elements" if extra_elements else "bare Streamlit"
    return run_app(name, bare / "echo.py", bare, env, work, False, True)


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def report(all_figures: list[AppFigures]) -> None:
    bare = all_figures[0]
    bl = bare.load
    print(f"\nStreamlit level: {SESSIONS} sessions x {TURNS} turns, {CHAT_TURNS} browser chat turns, "
          f"{IDLE_SECONDS:.0f} s idle")
    header = (f"{'app':34} {'chat p50/p90 ms':>16} {'turns/s':>8} {'rerun p50/p95 ms':>17} {'CPU/turn ms':>11} "
              f"{'MiB/session':>11} {'login p50/p95 s':>15} {'peak MiB':>8} {'idle core':>9} "
              f"{'errors':>6} {'locked':>6} {'longest write ms':>16}")
    print(header)
    for f in all_figures:
        ld = f.load
        chat = (f"{fmt_ms(statistics.median(f.chat))}/{fmt_ms(percentile(f.chat, 0.9))}" if f.chat else "-")
        login = (f"{percentile(ld.login_seconds, 0.5):.1f}/{percentile(ld.login_seconds, 0.95):.1f}"
                 if ld.login_seconds else "-")
        print(f"{f.name:34} {chat:>16} {ld.turns_per_second:8.1f} "
              f"{fmt_ms(percentile(ld.turn_seconds, 0.5)) + '/' + fmt_ms(percentile(ld.turn_seconds, 0.95)):>17} "
              f"{ld.cpu_per_turn_ms:11.0f} {ld.rss_per_session_mib:11.2f} {login:>15} "
              f"{(f'{ld.peak_rss_after_logins:.0f}' if ld.login_seconds else '-'):>8} "
              f"{ld.idle_core_share * 100:8.1f}% {ld.error_boxes + len(ld.login_errors):6d} {ld.lock_timeouts:6d} "
              f"{(f'{ld.longest_write_ms:.0f}' if ld.longest_write_ms is not None else '-'):>16}")
    print(f"{'app':34} {'modules':>8} {'objects':>9} {'frozen':>9} {'full GC ms per script run':>26} "
          f"{'elements/turn':>13} {'KiB/turn':>8} {'browser KiB/chat turn':>21}")
    for f in all_figures:
        h = f.load.heap
        print(f"{f.name:34} {h.get('modules', 0):8d} {h.get('objects', 0):9d} {h.get('frozen', 0):9d} "
              f"{f.load.gc_ms_per_run:26.1f} {f.load.deltas_per_turn:13.0f} {f.load.kib_per_turn:8.1f} "
              f"{(f'{statistics.median(f.chat_bytes) / 1024:.1f}' if f.chat_bytes else '-'):>21}")
    print("ratios to the bare app (chat p50, turns/s, CPU/turn, MiB/session):")
    sized = next((f for f in all_figures if f.name.startswith("bare, +")), None)
    for f in all_figures[1:]:
        ld = f.load
        chat = (f"{statistics.median(f.chat) / statistics.median(bare.chat):.2f}x" if f.chat and bare.chat else "-")
        print(f"  {f.name:32} chat {chat:>6}  turns/s {ld.turns_per_second / bl.turns_per_second:.2f}  "
              f"CPU {ld.cpu_per_turn_ms / bl.cpu_per_turn_ms:.1f}x  "
              f"memory {ld.rss_per_session_mib / bl.rss_per_session_mib if bl.rss_per_session_mib > 0 else float('nan'):.1f}x")
    if sized is not None:
        sl = sized.load
        print(f"ratios to {sized.name} (the same page size with no work behind it):")
        for f in all_figures[1:]:
            if f is sized:
                continue
            ld = f.load
            chat = (f"{statistics.median(f.chat) / statistics.median(sized.chat):.2f}x" if f.chat and sized.chat
                    else "-")
            print(f"  {f.name:32} chat {chat:>6}  turns/s {ld.turns_per_second / sl.turns_per_second:.2f}  "
                  f"CPU {ld.cpu_per_turn_ms / sl.cpu_per_turn_ms:.1f}x")


def main() -> None:
    trees = []
    with tempfile.TemporaryDirectory(prefix="bb-bench-") as tmp:
        work = Path(tmp)
        for kind in ("sqlite", "postgresql"):
            (work / kind).mkdir()
        if os.environ.get("BENCH_BASELINE"):
            trees.append(Tree.baseline(os.environ["BENCH_BASELINE"], work / "baseline"))
        trees.append(Tree("now", ROOT))
        try:
            figures = [bare_figures(work)]
            for tree in trees:
                for kind in ("sqlite", "postgresql"):
                    figures.append(project_figures(tree, kind, work, chat=kind == "sqlite"))
                for variant in VARIANTS:  # the shipped settings against other choices, in the same run
                    figures.append(project_figures(tree, "sqlite", work, chat=True, variant=variant))
            # The floor for a page as big as the course: the echo app sending as many elements per turn.
            now = next(f for f in figures if f.name == "now, sqlite")
            extra = round(now.load.deltas_per_turn - figures[0].load.deltas_per_turn)
            if extra > 0:
                figures.append(bare_figures(work, extra))
            report(figures)
            for f in figures:
                for error in f.load.login_errors[:3]:
                    print(f"  login error ({f.name}): {error[:300]}")
        finally:
            if os.environ.get("BENCH_KEEP_LOGS"):
                shutil.copytree(work, os.environ["BENCH_KEEP_LOGS"], dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("*.db*"))


if __name__ == "__main__":
    main()
