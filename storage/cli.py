"""The operator's data commands: migrate, demo data, programme, staff and citizens, audit export and retention,
erasure of ended citizens' personal data.

`borgerbudget serve` (citizen_app/serve.py) adds the web server to these. Every change made here is
audited as the system (actor None). Passwords and codes are printed once and never stored in clear.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from datetime import datetime, timezone

from storage import languages
from storage.config import load_config

ROLES = ["support", "coordinator", "finance", "facilitator"]


def _cmd_migrate(_args: argparse.Namespace) -> int:
    from storage.db import get_engine
    from storage.migrate import upgrade
    upgrade(get_engine())
    print("Database is up to date.")
    return 0


def _cmd_demo_data(args: argparse.Namespace) -> int:
    from storage import demo
    from storage.db import get_engine, write_session
    if get_engine().dialect.name != "sqlite" and not args.force:
        print("Refusing to load the demo programme (published passwords and codes) into a "
              f"{get_engine().dialect.name} database: demo data belongs in a throw-away SQLite file. "
              "Add --force if this database really is a demo.", file=sys.stderr)
        return 2
    with write_session() as s:
        if args.if_empty and not demo.database_is_empty(s):
            print("The database already has data; demo data not loaded.")
            return 0
        logins = demo.load(s)
    print(demo.describe(logins))
    return 0


def _cmd_recount_figures(_args: argparse.Namespace) -> int:
    from storage.db import get_engine
    from storage.models.figures_copy import recount
    with get_engine().begin() as conn:
        recount(conn)
    print("Every citizen's report figures are recounted.")
    return 0


def _cmd_create_programme(args: argparse.Namespace) -> int:
    from storage import audit, programmes
    from storage.db import write_session
    with write_session() as s:
        programme = programmes.create_programme(s, name=args.name, default_budget_ore=args.budget_kroner * 100,
                                                period_months=args.months)
        audit.record(s, None, "create_programme", object_type="programme", object_id=programme.id)
    print(f"Created programme {programme.id}: {programme.name}")
    return 0


def _cmd_create_staff(args: argparse.Namespace) -> int:
    from storage import notifications, programmes, staff
    from storage.db import write_session
    from storage.models import StaffRole
    with write_session() as s:
        user = programmes.create_staff(s, programme_id=args.programme, username=args.username,
                                       display_name=args.name, role=StaffRole(args.role), password=None)
        password = None if args.oidc else staff.reset_password(s, actor=None, staff_id=user.id)
        if args.email:
            notifications.set_staff_email(s, actor=None, staff_id=user.id, email=args.email)
    print(f"Created staff user {user.username} (id {user.id}, {user.role}).")
    if password:
        print(f"One-time password (shown once; to be changed at the first login): {password}")
    return 0


def _cmd_reset_password(args: argparse.Namespace) -> int:
    from storage import staff
    from storage.db import write_session
    with write_session() as s:
        password = staff.reset_password(s, actor=None, staff_id=staff.find_by_username(s, args.username).id)
    print(f"One-time password for {args.username} (shown once; to be changed at the next login): {password}")
    return 0


def _cmd_set_staff(args: argparse.Namespace) -> int:
    from storage import notifications, staff
    from storage.db import write_session
    from storage.models import StaffRole
    with write_session() as s:
        user = staff.find_by_username(s, args.username)
        if args.role:
            staff.set_role(s, actor=None, staff_id=user.id, role=StaffRole(args.role))
        if args.deactivate or args.activate:
            staff.set_active(s, actor=None, staff_id=user.id, active=args.activate)
        if args.email is not None:
            notifications.set_staff_email(s, actor=None, staff_id=user.id, email=args.email)
    print(f"{user.username}: role {user.role}, {'active' if user.active else 'deactivated'}.")
    return 0


def _cmd_create_citizen(args: argparse.Namespace) -> int:
    from storage import citizens
    from storage.db import write_session
    with write_session() as s:
        created = citizens.create_citizen(s, actor=None, display_name=args.name, programme_id=args.programme,
                                          support_person_id=args.support_person, language=args.language)
    print(f"Citizen {created.internal_ref} created. Access code (shown once): {created.access_code}")
    return 0


def _cmd_list_citizens(_args: argparse.Namespace) -> int:
    from storage import caseload
    from storage.db import write_session
    with write_session() as s:
        rows = caseload.operator_listing(s)
    print("ref      status  code    support person")
    for row in rows:
        print(f"{row.internal_ref:8} {row.status:7} {'locked' if row.locked else 'ok':7} {row.support_username}")
    return 0


def _cmd_reissue_code(args: argparse.Namespace) -> int:
    from storage import caseload, citizens
    from storage.db import write_session
    with write_session() as s:
        citizen_id = caseload.citizen_id_for_ref(s, args.citizen)
        code = citizens.reissue_access_code(s, actor=None, citizen_id=citizen_id)
    print(f"New access code for {args.citizen} (shown once; the old code, remembered phones and open "
          f"sessions no longer work): {code}")
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
    from storage import audit, sessions
    from storage.db import write_session
    days = args.days or load_config().audit_retention_days
    with write_session() as s:
        deleted = audit.purge_older_than(s, days=days)
        ended = sessions.purge_expired(s)
    print(f"Deleted {deleted} audit events older than {days} days and {ended} expired login sessions.")
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


def _cmd_notify(args: argparse.Namespace) -> int:
    """Deliver the notification outbox: one round (--once, for a timer) or round after round (--loop)."""
    import logging
    from storage import notify_sender
    from storage.db import get_engine
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    config = load_config()
    channels = notify_sender.Channels.from_config(config)
    if channels.mailer is None and channels.sms is None:
        print("No e-mail (BORGERBUDGET_SMTP_HOST, BORGERBUDGET_SMTP_FROM) and no SMS gateway "
              "(BORGERBUDGET_SMS_GATEWAY_URL) configured: nothing will be sent.", file=sys.stderr)
    if args.loop:
        notify_sender.loop(get_engine(), interval=args.interval or config.notify_interval_seconds, batch=args.batch,
                           before_round=None if args.skip_milestones else notify_sender.sweep_milestones)
        return 0
    noticed = 0 if args.skip_milestones else notify_sender.sweep_milestones(get_engine())
    result = notify_sender.drain(get_engine(), batch=args.batch, config=config)
    purged = notify_sender.purge_finished(get_engine())
    print(f"Notifications: {result.sent} sent, {result.retried} to retry, {result.failed} failed, "
          f"{result.no_channel} without a channel, {result.postponed} waiting for the SMS quiet hours to end; "
          f"{purged} old rows removed; {noticed} milestones newly due.")
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


LLM_CHECK_QUESTION = "Hvad går godt for dig lige nu? Det kan være små ting."


def _cmd_llm_check(args: argparse.Namespace) -> int:
    """One test prompt to the configured language model: latency, its reply and the guards' verdict.
    Exit 0 when the reply would be shown, 1 when no reply came, 2 when not configured, 3 when the guards drop it."""
    import time

    from dialogs.llm import REPHRASE_PROMPT, CourseHelper, LLMSettingsError, model_from_settings
    from dialogs.llm_guard import LIX_MAX, verdict
    c = load_config()
    provider = c.llm_provider.strip().lower()
    if provider in ("", "none"):
        print("No language model configured (BORGERBUDGET_LLM_PROVIDER is empty): the course runs without one.",
              file=sys.stderr)
        return 2
    key = "set" if c.llm_api_key else ("not set: a placeholder key is sent" if c.llm_base_url.strip() else "not set")
    print(f"Provider {provider}, model {c.llm_model or '(none)'}, endpoint {c.llm_base_url.strip() or '(default)'}, "
          f"API key {key}, timeout {c.llm_timeout_seconds:g} s")
    try:
        model = model_from_settings(provider, c.llm_base_url.strip(), c.llm_model.strip(), c.llm_api_key,
                                    c.llm_timeout_seconds)
    except LLMSettingsError as error:
        print(f"The settings cannot work: {error}", file=sys.stderr)
        return 2
    question = args.prompt or LLM_CHECK_QUESTION
    print(f"Prompt (rephrase, {args.language}): {question}")
    started = time.perf_counter()
    try:
        reply = CourseHelper(model, timeout=c.llm_timeout_seconds).ask_raw(REPHRASE_PROMPT, question, args.language)
    except Exception as error:  # noqa: BLE001 - report any failure; the course would show the scripted text
        elapsed = time.perf_counter() - started
        detail = f"{type(error).__name__}: {error}".strip().rstrip(":")[:300]
        print(f"Latency: {elapsed:.2f} s\nNo answer: {detail}\nVerdict: FAIL (the course shows the scripted text)",
              file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    result = verdict(reply, args.language, source=question)
    print(f"Latency: {elapsed:.2f} s")
    print(f"Output: {' '.join(str(reply).split())}")
    print(f"LIX: {result.lix:g} (at most {LIX_MAX})")
    if result.ok:
        print("Verdict: PASS (shown to the citizen as a suggestion)")
        return 0
    print(f"Verdict: DROP ({', '.join(result.failed)}): the course shows the scripted text")
    return 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="borgerbudget", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="alembic upgrade head (safe to run from several replicas at once)"
                   ).set_defaults(func=_cmd_migrate)
    demo = sub.add_parser("demo-data", help="load the demo programme (published logins: never in production)")
    demo.add_argument("--if-empty", action="store_true", help="only when the database has no programme yet")
    demo.add_argument("--force", action="store_true", help="allow a database other than SQLite")
    demo.set_defaults(func=_cmd_demo_data)
    sub.add_parser("recount-figures", help="recount every citizen's report figures (after rows were loaded "
                   "into the database by hand, bypassing the app)").set_defaults(func=_cmd_recount_figures)
    programme = sub.add_parser("create-programme", help="create a programme")
    programme.add_argument("--name", required=True)
    programme.add_argument("--budget-kroner", type=int, default=50_000)
    programme.add_argument("--months", type=int, default=12)
    programme.set_defaults(func=_cmd_create_programme)
    staff = sub.add_parser("create-staff", help="create a staff user and print a one-time password")
    staff.add_argument("--programme", type=int, required=True)
    staff.add_argument("--username", required=True)
    staff.add_argument("--name", required=True)
    staff.add_argument("--role", choices=ROLES, required=True)
    staff.add_argument("--oidc", action="store_true", help="no password: logs in through the identity provider")
    staff.add_argument("--email", help="where notifications go (default: the username, if it is an address)")
    staff.set_defaults(func=_cmd_create_staff)
    reset = sub.add_parser("reset-password", help="print a one-time password for a staff user")
    reset.add_argument("--username", required=True)
    reset.set_defaults(func=_cmd_reset_password)
    set_staff = sub.add_parser("set-staff", help="change a staff user's role, or (de)activate them")
    set_staff.add_argument("--username", required=True)
    set_staff.add_argument("--role", choices=ROLES)
    active = set_staff.add_mutually_exclusive_group()
    active.add_argument("--deactivate", action="store_true", help="end every open session; no more logins")
    active.add_argument("--activate", action="store_true")
    set_staff.add_argument("--email", help="where notifications go ('' removes it)")
    set_staff.set_defaults(func=_cmd_set_staff)
    citizen = sub.add_parser("create-citizen", help="enrol a citizen and print their access code")
    citizen.add_argument("--programme", type=int, required=True)
    citizen.add_argument("--support-person", type=int, required=True)
    citizen.add_argument("--name", required=True)
    citizen.add_argument("--language", default="da", choices=languages.available())
    citizen.set_defaults(func=_cmd_create_citizen)
    sub.add_parser("list-citizens", help="citizens by internal number, status, code lock and support person"
                   ).set_defaults(func=_cmd_list_citizens)
    reissue = sub.add_parser("reissue-code", help="print a new access code for a citizen (the old one stops)")
    reissue.add_argument("--citizen", required=True, help="internal number, e.g. B00012")
    reissue.set_defaults(func=_cmd_reissue_code)
    check = sub.add_parser("check-course", help="validate the course files and list every error")
    check.add_argument("path", nargs="?", help="a .toml file or a folder of them (default: the packaged course)")
    check.set_defaults(func=_cmd_check_course)
    llm = sub.add_parser("llm-check", help="send one test prompt to the configured language model: latency, "
                                          "its reply and the guards' verdict (exit 0 only when it would be shown)")
    llm.add_argument("--prompt", help=f"the question to rephrase (default: {LLM_CHECK_QUESTION!r})")
    llm.add_argument("--language", default="da", choices=["da", "en"])
    llm.set_defaults(func=_cmd_llm_check)
    export = sub.add_parser("export-audit", help="write the audit log as CSV")
    export.add_argument("--since", help="ISO date, e.g. 2026-01-01")
    export.add_argument("--output", help="file (default: standard output)")
    export.set_defaults(func=_cmd_export_audit)
    erase = sub.add_parser("erase-ended", help="erase the personal data of citizens whose period ended longer "
                                               "ago than BORGERBUDGET_PERSONAL_DATA_RETENTION_DAYS (run daily)")
    erase.add_argument("--dry-run", action="store_true", help="only list who would be erased and how much")
    erase.add_argument("--days", type=int, help="override BORGERBUDGET_PERSONAL_DATA_RETENTION_DAYS")
    erase.set_defaults(func=_cmd_erase_ended)
    notify = sub.add_parser("notify", help="send the waiting e-mail and SMS notifications (a timer or a loop)")
    mode = notify.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="one round, then exit (the default; for a timer)")
    mode.add_argument("--loop", action="store_true", help="round after round until stopped (a service)")
    notify.add_argument("--interval", type=float, help="--loop: seconds between rounds "
                                                       "(default BORGERBUDGET_NOTIFY_INTERVAL_SECONDS)")
    notify.add_argument("--batch", type=int, default=50, help="notifications claimed at a time (default 50)")
    notify.add_argument("--skip-milestones", action="store_true",
                        help="only deliver; do not first add 'time to look at your goals' notices for milestones "
                             "that became due")
    notify.set_defaults(func=_cmd_notify)
    purge = sub.add_parser("purge-audit", help="delete audit events older than the retention, and expired sessions")
    purge.add_argument("--days", type=int, help="override BORGERBUDGET_AUDIT_RETENTION_DAYS")
    purge.set_defaults(func=_cmd_purge_audit)
    parser.subcommands = sub  # type: ignore[attr-defined] - `serve` is added by citizen_app/serve.py
    return parser


def main(argv: list[str] | None = None, parser: argparse.ArgumentParser | None = None) -> int:
    from storage.errors import DomainError
    args = (parser or build_parser()).parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except DomainError as error:  # a rule said no: the Danish message, filled in, for the operator
        print(error.message.format(**error.params), file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
