"""Settings are documented; the operator's CLI works end to end on a fresh SQLite file."""
from __future__ import annotations

import re
from datetime import datetime, timezone
import subprocess
import sys
from pathlib import Path

from storage.config import SETTINGS, load_config

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


def test_the_settings_follow_the_environment_and_are_made_once_while_it_holds(monkeypatch):
    monkeypatch.setenv("BORGERBUDGET_IDLE_MINUTES", "7")
    first = load_config()
    assert first.idle_minutes == 7.0 and load_config() is first  # unchanged: not made again
    monkeypatch.setenv("BORGERBUDGET_IDLE_MINUTES", "3")
    assert load_config().idle_minutes == 3.0
    monkeypatch.delenv("BORGERBUDGET_IDLE_MINUTES")
    assert load_config().idle_minutes == 15.0  # back to the default
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://x@db/y")
    assert load_config().database_url == "postgresql+psycopg://x@db/y"


def test_cli_migrates_loads_demo_once_creates_users_and_exports(tmp_path):
    assert _cli(tmp_path, "migrate").returncode == 0
    first = _cli(tmp_path, "demo-data", "--if-empty")
    assert "NYNY-DEMA-2222" in first.stdout
    assert "already has data" in _cli(tmp_path, "demo-data", "--if-empty").stdout
    staff = _cli(tmp_path, "create-staff", "--programme", "1", "--username", "ny", "--name", "Ny Støtte",
                 "--role", "support")
    assert staff.returncode == 0, staff.stderr
    support_id = re.search(r"id (\d+)", staff.stdout).group(1)
    assert re.search(r"One-time password .*: [a-z2-9]{4}(-[a-z2-9]{4}){3}$", staff.stdout.strip())
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


def test_cli_manages_staff_and_citizen_codes_and_audits_it(tmp_path):
    assert _cli(tmp_path, "migrate").returncode == 0
    assert _cli(tmp_path, "create-programme", "--name", "Nyby", "--budget-kroner", "30000").returncode == 0
    assert "One-time password" in _cli(tmp_path, "create-staff", "--programme", "1", "--username", "kim",
                                       "--name", "Kim", "--role", "coordinator").stdout
    assert "One-time password for kim" in _cli(tmp_path, "reset-password", "--username", "kim").stdout
    assert "role support" in _cli(tmp_path, "set-staff", "--username", "kim", "--role", "support").stdout
    assert "deactivated" in _cli(tmp_path, "set-staff", "--username", "kim", "--deactivate").stdout
    unknown = _cli(tmp_path, "reset-password", "--username", "ingen")
    assert unknown.returncode == 1 and "findes ikke" in unknown.stderr
    assert _cli(tmp_path, "set-staff", "--username", "kim", "--activate").returncode == 0
    _cli(tmp_path, "create-citizen", "--programme", "1", "--support-person", "1", "--name", "Bo")
    listing = _cli(tmp_path, "list-citizens").stdout
    assert "B00001" in listing and "Bo" not in listing  # internal numbers only
    reissued = _cli(tmp_path, "reissue-code", "--citizen", "b00001")
    assert re.search(r"New access code for b00001 .*: [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", reissued.stdout.strip())
    actions = {line.split(",")[5] for line in _cli(tmp_path, "export-audit").stdout.splitlines()[1:]}
    assert {"create_programme", "create_staff", "reset_staff_password", "set_staff_role", "deactivate_staff",
            "activate_staff", "list_citizens_cli", "reissue_access_code"} <= actions


def test_cli_recounts_report_figures_after_rows_loaded_past_the_app(tmp_path):
    from sqlalchemy import insert, select

    from storage.db import make_engine, write_session
    from storage.models import Citizen, LedgerEntry
    assert _cli(tmp_path, "migrate").returncode == 0
    assert _cli(tmp_path, "demo-data", "--if-empty").returncode == 0
    engine = make_engine(f"sqlite:///{tmp_path / 'cli.db'}")
    with write_session(engine) as s:  # an import straight into the table: the app's copy keeping never sees it
        aisha = s.scalar(select(Citizen).where(Citizen.display_name == "Aisha"))
        paid_before = aisha.paid_ore
        s.execute(insert(LedgerEntry), [{"citizen_id": aisha.id, "kind": "payment_paid", "amount_ore": 123_400}])
    with write_session(engine) as s:
        assert s.get(Citizen, aisha.id).paid_ore == paid_before
    done = _cli(tmp_path, "recount-figures")
    assert done.returncode == 0, done.stderr
    with write_session(engine) as s:
        assert s.get(Citizen, aisha.id).paid_ore == paid_before + 123_400
    engine.dispose()
