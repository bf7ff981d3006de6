"""Settings are documented; the operator's CLI works end to end on a fresh SQLite file."""
from __future__ import annotations

import re
from datetime import datetime, timezone
import subprocess
import sys
from pathlib import Path

from storage.config import SETTINGS

ROOT = Path(__file__).resolve().parents[2]


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [s.env for s in SETTINGS if s.env not in readme]
    assert missing == []


def _cli(tmp_path, *args, env_extra=None):
    import os
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "storage.cli", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def test_cli_migrates_loads_demo_once_creates_users_and_exports(tmp_path):
    assert _cli(tmp_path, "migrate").returncode == 0
    first = _cli(tmp_path, "demo-data", "--if-empty")
    assert "NYNY-DEMA-2222" in first.stdout
    assert "already has data" in _cli(tmp_path, "demo-data", "--if-empty").stdout
    staff = _cli(tmp_path, "create-staff", "--programme", "1", "--username", "ny", "--name", "Ny Støtte",
                 "--role", "support", env_extra={"BORGERBUDGET_NEW_PASSWORD": "en-lang-adgangskode"})
    assert staff.returncode == 0, staff.stderr
    support_id = re.search(r"id (\d+)", staff.stdout).group(1)
    citizen = _cli(tmp_path, "create-citizen", "--programme", "1", "--support-person", support_id, "--name", "Bo")
    assert re.search(r"Access code \(shown once\): [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", citizen.stdout)
    export = _cli(tmp_path, "export-audit")
    assert export.stdout.splitlines()[0].startswith("id,at,actor_type")
    assert "create_citizen" in export.stdout
    purge = _cli(tmp_path, "purge-audit")
    assert "Deleted 0 audit events" in purge.stdout


def test_cli_erases_ended_citizens_for_cron_with_a_dry_run_first(tmp_path):
    from sqlalchemy import update

    from storage.db import make_engine, write_session
    from storage.models import Citizen
    assert _cli(tmp_path, "migrate").returncode == 0
    assert _cli(tmp_path, "demo-data", "--if-empty").returncode == 0
    engine = make_engine(f"sqlite:///{tmp_path / 'cli.db'}")
    with write_session(engine) as s:  # Aisha's period ended long ago
        s.execute(update(Citizen).where(Citizen.display_name == "Aisha")
                  .values(status="ended", ended_at=datetime(2019, 1, 1, tzinfo=timezone.utc)))
    engine.dispose()
    dry = _cli(tmp_path, "erase-ended", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Would erase the personal data of 1 citizen(s)" in dry.stdout and "Aisha" not in dry.stdout
    done = _cli(tmp_path, "erase-ended")
    assert "Erased the personal data of 1 citizen(s)" in done.stdout
    assert "Erased the personal data of 0 citizen(s)" in _cli(tmp_path, "erase-ended").stdout
    assert "erase_personal_data" in _cli(tmp_path, "export-audit").stdout
