"""The release installs and runs outside the repository: an sdist is built from a clean copy of the
sources, the wheel from that sdist; the wheel goes into a fresh virtual environment in a temporary folder;
its own `borgerbudget` migrates a fresh database, loads the demo and serves; the page is Danish and, after
the language switch, English (the catalogs came with the wheel).

Kept fast: the new environment gets only the wheel (`pip install --no-deps`); the dependencies it imports
are the project's own, reached through a path file, which adds them to sys.path without running the
project's editable install hooks (the check below proves the app is imported from the new environment).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.e2e.helpers import click, expect_heading, open_app
from tests.e2e.server import ROOT, AppServer, base_env, free_port

WHEEL_MUST_CARRY = (
    "citizen_app/locales/da/LC_MESSAGES/messages.mo",
    "citizen_app/locales/en/LC_MESSAGES/messages.mo",
    "citizen_app/.streamlit/config.toml",
    "citizen_app/fonts/DejaVuSans.ttf",           # the plan PDF's fonts and their licence
    "citizen_app/fonts/DejaVuSans-Bold.ttf",
    "citizen_app/fonts/DejaVuSans-Oblique.ttf",
    "citizen_app/fonts/LICENSE-DejaVu.txt",
    "citizen_app/app_pages/login.py",
    "dialogs/course/01_welcome.toml",
    "storage/migrations/env.py",
    "storage/migrations/script.py.mako",
    "storage/migrations/versions/0001_initial_schema.py",
)


def _run(*args: str, cwd: Path, env: dict | None = None) -> str:
    done = subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _clean_copy(target: Path) -> Path:
    """What a fresh clone has (tracked and new files, nothing ignored), plus the compiled catalogs."""
    files = _run("git", "ls-files", "-co", "--exclude-standard", cwd=ROOT).splitlines()
    files += [str(p.relative_to(ROOT)) for p in ROOT.glob("locales/*/LC_MESSAGES/messages.mo")]
    for name in files:
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def _build(source: Path, out: Path) -> tuple[Path, Path]:
    """sdist from the sources, wheel from the sdist (as a release pipeline builds them)."""
    hooks = "from setuptools import build_meta as b; import sys; print(getattr(b, sys.argv[1])(sys.argv[2]))"
    sdist = out / _run(sys.executable, "-c", hooks, "build_sdist", str(out), cwd=source).strip().splitlines()[-1]
    with tarfile.open(sdist) as archive:
        archive.extractall(out / "unpacked", filter="data")
    unpacked = next((out / "unpacked").iterdir())
    wheel = out / _run(sys.executable, "-c", hooks, "build_wheel", str(out), cwd=unpacked).strip().splitlines()[-1]
    return sdist, wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment, outside the repository, with only the wheel installed."""
    work = tmp_path_factory.mktemp("release")
    source = _clean_copy(work / "source")
    sdist, wheel = _build(source, work)
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
    assert any(n.endswith("locales/da/LC_MESSAGES/messages.mo") for n in names)
    assert any(n.endswith("deploy/nginx/borgerbudget.conf") for n in names)
    with zipfile.ZipFile(wheel) as archive:
        carried = set(archive.namelist())
    assert [f for f in WHEEL_MUST_CARRY if f not in carried] == []
    packages = [str(p.relative_to(ROOT)) for root in ("citizen_app", "dialogs", "storage")
                for p in (ROOT / root).rglob("*.py") if "__pycache__" not in p.parts]
    assert [f for f in packages if f not in carried] == []  # every module of the app, e.g. a new subpackage

    venv = work / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", str(venv), cwd=work)
    _run(sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet", "--no-deps",
         "--disable-pip-version-check", str(wheel), cwd=work)
    site = Path(_run(str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                     cwd=work).strip())
    (site / "project_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return venv


def test_the_wheel_migrates_and_serves_in_danish_and_english(installed, phone, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = base_env(f"sqlite:///{outside / 'release.db'}")
    env.pop("PYTHONPATH", None)
    where = _run(str(installed / "bin" / "python"), "-c", "import citizen_app, storage; "
                 "print(citizen_app.__file__); print(storage.__file__)", cwd=outside, env=env)
    assert str(ROOT) not in where and str(installed) in where
    borgerbudget = str(installed / "bin" / "borgerbudget")
    assert "up to date" in _run(borgerbudget, "migrate", cwd=outside, env=env)
    assert "HAVE-DEMA-3333" in _run(borgerbudget, "demo-data", cwd=outside, env=env)

    server = AppServer.__new__(AppServer)  # the installed command, not this checkout's module
    port = free_port()
    server.port, server.url, server.log_path = port, f"http://127.0.0.1:{port}/", outside / "serve.log"
    server._log = server.log_path.open("w")
    server.process = subprocess.Popen([borgerbudget, "serve", "--port", str(port)], cwd=outside, env=env,
                                      stdout=server._log, stderr=subprocess.STDOUT)
    try:
        server.wait_until_healthy()
        open_app(phone, server.url)
        expect_heading(phone, "Log ind")
        click(phone, "English")
        expect_heading(phone, "Log in")
    finally:
        server.stop()
