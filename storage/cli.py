"""`borgerbudget`: the operator's commands (serve, migrate, demo data, users, audit export and retention,
erasure of ended citizens' personal data)."""
from __future__ import annotations

import argparse
import getpass
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from storage.config import load_config

APP = Path(__file__).resolve().parent.parent / "citizen_app" / "streamlit_app.py"


def _cmd_serve(args: argparse.Namespace) -> int:
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(args.port),
               "--server.address", args.address]
    return subprocess.call(command, cwd=APP.parent.parent)


def _cmd_migrate(_args: argparse.Namespace) -> int:
    from storage.db import get_engine
    from storage.migrate import upgrade
    upgrade(get_engine())
    print("Database is up to date.")
    return 0


def _cmd_demo_data(args: argparse.Namespace) -> int:
    from storage import demo
    from storage.db import write_session
    with write_session() as s:
        if args.if_empty and not demo.database_is_empty(s):
            print("The database already has data; demo data not loaded.")
            return 0
        logins = demo.load(s)
    print(demo.describe(logins))
    return 0


def _cmd_create_staff(args: argparse.Namespace) -> int:
    from storage import programmes
    from storage.db import write_session
    from storage.models import StaffRole
    password = None if args.oidc else (os.environ.get("BORGERBUDGET_NEW_PASSWORD") or getpass.getpass("Password: "))
    with write_session() as s:
        user = programmes.create_staff(s, programme_id=args.programme, username=args.username,
                                       display_name=args.name, role=StaffRole(args.role), password=password)
    print(f"Created staff user {user.username} (id {user.id}, {user.role}).")
    return 0


def _cmd_create_citizen(args: argparse.Namespace) -> int:
    from storage import citizens
    from storage.db import write_session
    with write_session() as s:
        created = citizens.create_citizen(s, actor=None, display_name=args.name, programme_id=args.programme,
                                          support_person_id=args.support_person, language=args.language)
    print(f"Citizen {created.internal_ref} created. Access code (shown once): {created.access_code}")
    return 0


def _cmd_export_audit(args: argparse.Namespace) -> int:
    from storage import audit
    from storage.db import write_session
    since = datetime.fromisoformat(args.since).replace(tzinfo=timezone.utc) if args.since else None
    with write_session() as s:
        text = audit.export_csv(s, actor=None, since=since)
    (open(args.output, "w", encoding="utf-8") if args.output else sys.stdout).write(text)
    return 0


def _cmd_purge_audit(args: argparse.Namespace) -> int:
    from storage import audit
    from storage.db import write_session
    days = args.days or load_config().audit_retention_days
    with write_session() as s:
        deleted = audit.purge_older_than(s, days=days)
    print(f"Deleted {deleted} audit events older than {days} days.")
    return 0


def _cmd_erase_ended(args: argparse.Namespace) -> int:
    """Erase the personal data of citizens whose period ended more than the retention ago (daily from cron)."""
    from storage import retention
    from storage.db import write_session
    days = load_config().personal_data_retention_days if args.days is None else args.days
    with write_session() as s:
        found = (retention.due if args.dry_run else retention.erase)(s, actor=None, days=days)
    verb = "Would erase" if args.dry_run else "Erased"
    print(f"{verb} the personal data of {len(found)} citizen(s) whose period ended more than {days} days ago.")
    for f in found:
        print(f"  {f.internal_ref} (ended {f.ended_at.date().isoformat()}): "
              + ", ".join(f"{kind} {n}" for kind, n in f.counts.items()))
    return 0


def _cmd_check_course(args: argparse.Namespace) -> int:
    """Every error in the course files, each with its step id; exit 1 when there is any."""
    from dialogs.engine import COURSE_DIR, CourseError, build_course, read_course_data
    from dialogs.validate import validate_course
    path = Path(args.path) if args.path else COURSE_DIR
    try:
        data = read_course_data(path)
    except CourseError as error:
        errors = error.errors
    else:
        errors = validate_course(data)
    if errors:
        print(f"{len(errors)} error(s) in {path}:", *errors, sep="\n  ")
        return 1
    course = build_course(data)
    print(f"{path}: {len(course.modules)} modules, {len(course.steps)} steps, no errors.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="borgerbudget", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="start the web app")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", default="0.0.0.0")
    serve.set_defaults(func=_cmd_serve)
    sub.add_parser("migrate", help="alembic upgrade head").set_defaults(func=_cmd_migrate)
    demo = sub.add_parser("demo-data", help="load the demo programme")
    demo.add_argument("--if-empty", action="store_true", help="only when the database has no programme yet")
    demo.set_defaults(func=_cmd_demo_data)
    staff = sub.add_parser("create-staff", help="create a staff user (password asked, or $BORGERBUDGET_NEW_PASSWORD)")
    staff.add_argument("--programme", type=int, required=True)
    staff.add_argument("--username", required=True)
    staff.add_argument("--name", required=True)
    staff.add_argument("--role", choices=["support", "coordinator", "finance", "facilitator"], required=True)
    staff.add_argument("--oidc", action="store_true", help="no password: logs in through the identity provider")
    staff.set_defaults(func=_cmd_create_staff)
    citizen = sub.add_parser("create-citizen", help="enrol a citizen and print their access code")
    citizen.add_argument("--programme", type=int, required=True)
    citizen.add_argument("--support-person", type=int, required=True)
    citizen.add_argument("--name", required=True)
    citizen.add_argument("--language", default="da", choices=["da", "en"])
    citizen.set_defaults(func=_cmd_create_citizen)
    check = sub.add_parser("check-course", help="validate the course files and list every error")
    check.add_argument("path", nargs="?", help="a .toml file or a folder of them (default: the packaged course)")
    check.set_defaults(func=_cmd_check_course)
    export = sub.add_parser("export-audit", help="write the audit log as CSV")
    export.add_argument("--since", help="ISO date, e.g. 2026-01-01")
    export.add_argument("--output", help="file (default: standard output)")
    export.set_defaults(func=_cmd_export_audit)
    erase = sub.add_parser("erase-ended", help="erase the personal data of citizens whose period ended longer "
                                               "ago than BORGERBUDGET_PERSONAL_DATA_RETENTION_DAYS (run daily)")
    erase.add_argument("--dry-run", action="store_true", help="only list who would be erased and how much")
    erase.add_argument("--days", type=int, help="override BORGERBUDGET_PERSONAL_DATA_RETENTION_DAYS")
    erase.set_defaults(func=_cmd_erase_ended)
    purge = sub.add_parser("purge-audit", help="delete audit events older than the retention")
    purge.add_argument("--days", type=int, help="override BORGERBUDGET_AUDIT_RETENTION_DAYS")
    purge.set_defaults(func=_cmd_purge_audit)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
