"""Start the real app for the browser tests: a fresh SQLite file with the demo programme and
`borgerbudget serve` (the operator's command, in demo mode) on a free local port. Used by
tests/e2e/conftest.py and the deployment tests; no pytest in here."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_SECONDS = 60


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_env(database_url: str) -> dict[str, str]:
    """The server's environment: the test database, cheap hashes, and nothing from the developer's
    own settings that could reach the network (no language model) or change the login."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BORGERBUDGET_", "STREAMLIT_"))}
    env.update({
        "DATABASE_URL": database_url,
        "BORGERBUDGET_FAST_HASHES": "1",
        "BORGERBUDGET_DEMO": "1",
        "BORGERBUDGET_STAFF_AUTH": "password",
        "BORGERBUDGET_LLM_PROVIDER": "",
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1",
    })
    return env


def run_cli(env: dict[str, str], *args: str) -> str:
    """`python -m storage.cli ARGS` against the test database; returns its output, fails loudly."""
    done = subprocess.run([sys.executable, "-m", "storage.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"storage.cli {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


def prepare_database(directory: Path) -> str:
    """A new SQLite file, migrated, with the demo programme (logins as in the README)."""
    url = f"sqlite:///{directory / 'e2e.db'}"
    env = base_env(url)
    run_cli(env, "migrate")
    run_cli(env, "demo-data")
    return url


class AppServer:
    """One `borgerbudget serve` subprocess (`python -m citizen_app.serve serve`). `url` ends with a slash."""

    def __init__(self, database_url: str, log_path: Path, idle_minutes: float | None = None,
                 env_extra: dict[str, str] | None = None, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = log_path
        self.issuer: str | None = None  # set by the single sign-on test: its identity provider
        env = base_env(database_url)
        if idle_minutes is not None:
            env["BORGERBUDGET_IDLE_MINUTES"] = str(idle_minutes)
        env.update(env_extra or {})
        self._env = env
        self._log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - closed in stop()
        self._start_process()

    def _start_process(self) -> None:
        command = [sys.executable, "-m", "citizen_app.serve", "serve", "--port", str(self.port),
                   "--address", "127.0.0.1"]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self._env, stdout=self._log,
                                        stderr=subprocess.STDOUT)

    def restart(self) -> None:
        """Stop the server process and start a new one on the same port (as a deploy or a crash would)."""
        self._end_process()
        self._start_process()
        self.wait_until_healthy()

    def wait_until_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}healthz", timeout=2) as response:
                    if response.read().decode().strip() == "ok":
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)  # polling a process that is starting up, not waiting in a test
        raise RuntimeError(f"the server did not become healthy in {START_TIMEOUT_SECONDS} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        self._log.flush()
        return "\n".join(self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])

    def _end_process(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def stop(self) -> None:
        self._end_process()
        self._log.close()


def start_server(database_url: str, log_path: Path, idle_minutes: float | None = None,
                 env_extra: dict[str, str] | None = None) -> AppServer:
    """Start and wait for /healthz (it checks the database); one retry covers a port taken between choosing and binding."""
    for attempt in (1, 2):
        server = AppServer(database_url, log_path, idle_minutes, env_extra)
        try:
            server.wait_until_healthy()
            return server
        except RuntimeError:
            server.stop()
            if attempt == 2:
                raise
    raise AssertionError("unreachable")
