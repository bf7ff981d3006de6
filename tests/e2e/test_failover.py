"""Two replicas on one PostgreSQL database behind Debian's nginx, started from the deployment files we
ship (deploy/nginx/borgerbudget.conf, deploy/systemd/borgerbudget@.service) in production mode. A citizen
goes through nginx into the course; the replica serving them is killed (SIGKILL, as a crash); the page
reconnects through nginx to the other replica and the citizen carries on at the same question, with every
answer kept. Both replicas run the migrations at the same moment (the advisory lock makes that safe).

nginx comes from Debian (`apt-get install nginx`; .ci/run installs it). Without it this test is skipped on a
developer's machine and fails when CI is set.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select, text

from tests.conftest import POSTGRES_URL
from tests.e2e.helpers import (
    choose_first_pin,
    click,
    current_question,
    expect_heading,
    go_to,
    main_text,
    open_app,
    send_chat,
    wait_for_app,
)
from tests.e2e.server import ROOT, base_env, free_port, run_cli

NGINX_SITE = ROOT / "deploy" / "nginx" / "borgerbudget.conf"
UNIT = ROOT / "deploy" / "systemd" / "borgerbudget@.service"
SHIPPED_PORTS = ("8501", "8502")
START_TIMEOUT_SECONDS = 90
RECONNECT_TIMEOUT_MS = 60_000
FIRST_ANSWER = "Jeg har en god nabo, og jeg går ture."
SECOND_ANSWER = "Jeg keder mig om dagen."


def _nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None:
        reason = "Debian's nginx is not installed (apt-get install nginx)"
        if os.environ.get("CI"):
            pytest.fail(f"The failover test must run in CI: {reason}", pytrace=False)
        pytest.skip(f"{reason} (with CI set this is a failure)")
    return found


def unit_commands(port: int) -> tuple[list[str], list[str]]:
    """ExecStartPre and ExecStart of the shipped unit for instance ``port``, with the installed
    `borgerbudget` script replaced by this checkout's (`python -m citizen_app.serve`)."""
    lines = dict(re.findall(r"^(ExecStartPre|ExecStart)=(.+)$", UNIT.read_text(), re.MULTILINE))

    def command(line: str) -> list[str]:
        argv = shlex.split(line.replace("%i", str(port)))
        assert argv[0].endswith("/borgerbudget"), argv
        return [sys.executable, "-m", "citizen_app.serve", *argv[1:]]

    return command(lines["ExecStartPre"]), command(lines["ExecStart"])


def nginx_site(ports: list[int], listen: int, access_log: Path) -> str:
    """The shipped site file with this machine's ports and paths, nothing else changed."""
    site = NGINX_SITE.read_text()
    for shipped, port in zip(SHIPPED_PORTS, ports, strict=True):
        assert f"127.0.0.1:{shipped} " in site
        site = site.replace(f"127.0.0.1:{shipped} ", f"127.0.0.1:{port} ")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{listen};")
    return site.replace("/var/log/nginx/borgerbudget.access.log", str(access_log))


@dataclass
class Deployment:
    url: str
    database_url: str
    access_log: Path
    replicas: dict[int, subprocess.Popen] = field(default_factory=dict)
    migrations: list[int] = field(default_factory=list)

    def serving_port(self) -> int:
        """The replica nginx sent this browser's page load to (the websocket follows the same hash)."""
        for line in self.access_log.read_text().splitlines():
            if '"GET / HTTP' in line:
                return int(re.search(r"upstream=127\.0\.0\.1:(\d+)", line).group(1))
        raise AssertionError(f"no page load in the access log:\n{self.access_log.read_text()}")

    def wait_for_closed_stream(self, port: int, timeout: float = 20) -> None:
        pattern = re.compile(rf'"GET /_stcore/stream HTTP/1.1" 101 upstream=127\.0\.0\.1:{port} ')
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if pattern.search(self.access_log.read_text()):
                return
            time.sleep(0.2)  # nginx writes the line when the connection has closed
        raise AssertionError(f"no closed websocket to {port} in the access log:\n{self.access_log.read_text()}")


def _wait_healthy(url: str, process: subprocess.Popen | None, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}healthz", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)  # polling servers that are starting up
    raise RuntimeError(f"{url} not healthy in {START_TIMEOUT_SECONDS} s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def deployment(e2e_dir) -> Iterator[Deployment]:
    nginx = _nginx()
    from storage.db import make_engine
    schema = f"bb_failover_{uuid.uuid4().hex[:8]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    database_url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    env = {k: v for k, v in base_env(database_url).items() if k != "BORGERBUDGET_DEMO"}  # production mode
    env["BORGERBUDGET_COOKIE_SECRET"] = "failover-test-secret-shared-by-both-replicas"
    workdir = e2e_dir / f"failover-{schema}"
    workdir.mkdir()
    ports = [free_port(), free_port()]
    deploy = Deployment(url=f"http://127.0.0.1:{free_port()}/", database_url=database_url,
                        access_log=workdir / "access.log")
    nginx_process = None
    try:
        # Both units start at once: their migrations run together on the empty database.
        pres = [subprocess.Popen(unit_commands(p)[0], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True) for p in ports]
        for pre in pres:
            output, _ = pre.communicate(timeout=120)
            assert pre.returncode == 0, output
            deploy.migrations.append(pre.returncode)
        for port in ports:
            log = workdir / f"replica-{port}.log"
            deploy.replicas[port] = subprocess.Popen(unit_commands(port)[1], cwd=ROOT, env=env,
                                                     stdout=log.open("w"), stderr=subprocess.STDOUT)
        listen = int(deploy.url.rsplit(":", 1)[1].strip("/"))
        (workdir / "site.conf").write_text(nginx_site(ports, listen, deploy.access_log))
        (workdir / "nginx.conf").write_text(
            f"user root; worker_processes 1; daemon off; pid {workdir}/nginx.pid;\n"
            f"error_log {workdir}/nginx-error.log warn;\nevents {{ worker_connections 256; }}\n"
            f"http {{ client_body_temp_path {workdir}/body; proxy_temp_path {workdir}/proxy;\n"
            f"  include /etc/nginx/mime.types; include {workdir}/site.conf; }}\n")
        nginx_process = subprocess.Popen([nginx, "-c", str(workdir / "nginx.conf"), "-p", str(workdir)],
                                         stdout=subprocess.DEVNULL, stderr=(workdir / "nginx.out").open("w"))
        for port, process in deploy.replicas.items():
            _wait_healthy(f"http://127.0.0.1:{port}/", process, workdir / f"replica-{port}.log")
        _wait_healthy(deploy.url, nginx_process, workdir / "nginx.out")
        yield deploy
    finally:
        for process in [*deploy.replicas.values(), nginx_process]:
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _operator_sets_up_a_citizen(deploy: Deployment) -> str:
    """The operator's first steps on a new installation, with the CLI: programme, support person, citizen."""
    env = {k: v for k, v in base_env(deploy.database_url).items() if k != "BORGERBUDGET_DEMO"}
    run_cli(env, "create-programme", "--name", "Failoverby", "--budget-kroner", "40000")
    staff = run_cli(env, "create-staff", "--programme", "1", "--username", "stine", "--name", "Stine",
                    "--role", "support")
    support_id = re.search(r"\(id (\d+),", staff).group(1)
    citizen = run_cli(env, "create-citizen", "--programme", "1", "--support-person", support_id, "--name", "Vera")
    return re.search(r"\(shown once\): (\S+)", citizen).group(1)


def _answers(database_url: str) -> dict[str, object]:
    from storage.db import make_engine, read_session
    from storage.models import CourseAnswer
    engine = make_engine(database_url)
    try:
        with read_session(engine) as s:
            return dict(s.execute(select(CourseAnswer.step_id, CourseAnswer.value)).all())
    finally:
        engine.dispose()


def test_a_citizen_carries_on_when_the_replica_serving_them_dies(phone, deployment):
    code = _operator_sets_up_a_citizen(deployment)
    headers = urllib.request.urlopen(deployment.url).headers
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"] and headers["X-Frame-Options"] == "DENY"
    with pytest.raises(urllib.error.HTTPError) as closed:
        urllib.request.urlopen(f"{deployment.url}_stcore/metrics")
    assert closed.value.code == 404

    open_app(phone, deployment.url)
    choose_first_pin(phone, code, "2580")
    expect_heading(phone, "Hej Vera")
    go_to(phone, "Samtale")
    click(phone, "Lad os gå i gang")
    click(phone, "Det giver mening")
    send_chat(phone, FIRST_ANSWER)
    question = current_question(phone)
    assert "Og hvad er svært lige nu?" in question

    serving = deployment.serving_port()
    survivor = next(port for port in deployment.replicas if port != serving)
    deployment.replicas[serving].send_signal(signal.SIGKILL)   # a crash: no goodbye to the browser
    deployment.replicas[serving].wait(timeout=10)
    with pytest.raises(OSError):  # nothing is left listening: serve ran Streamlit in its own process
        socket.create_connection(("127.0.0.1", serving), timeout=2).close()

    # nginx logs a websocket when it closes: the citizen's was on the replica that died.
    deployment.wait_for_closed_stream(serving)

    expect(phone.get_by_test_id("stApp")).to_have_attribute("data-test-connection-state", "CONNECTED",
                                                             timeout=RECONNECT_TIMEOUT_MS)
    wait_for_app(phone, timeout=RECONNECT_TIMEOUT_MS)
    expect_heading(phone, "Samtale")
    assert current_question(phone) == question
    assert FIRST_ANSWER in main_text(phone)
    send_chat(phone, SECOND_ANSWER)
    assert "Hvordan er det med at bo?" in current_question(phone)
    assert deployment.replicas[survivor].poll() is None

    answers = _answers(deployment.database_url)
    assert answers["now_good"] == FIRST_ANSWER and answers["now_hard"] == SECOND_ANSWER
    assert deployment.migrations == [0, 0]
