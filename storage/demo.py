"""The demo programme that `make run` loads into an empty database.

Fixed, documented codes and passwords (see README) so a newcomer can try
the app as a citizen and as staff within two minutes. Never use in production.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import checkins, citizens, decisions, demo_followup, payments, plan, programmes, submissions
from storage.access import Actor
from storage.auth import citizen_actor, staff_actor
from storage.models import (Citizen, CitizenCredential, DecisionKind, Programme, StaffRole, StaffUser, Submission,
                            SubmissionItem)
from storage.security import hash_secret, split_access_code

DEMO_PASSWORD = "demo-borgerbudget"
DEMO_PIN = "1234"
DEMO_STAFF = ("karin", "sara", "ole", "finn", "frida")
DEMO_CODES = ("NYNY-DEMA-2222", "HAVE-DEMA-3333", "PAAN-DEMA-4444")


def _DEMO_PASSWORD_HASH() -> str:  # noqa: N802 - reads as the constant it stands for
    return hash_secret(DEMO_PASSWORD)


def accounts_present(session: Session) -> list[str]:
    """Demo logins that still work in this database (production must have none): staff usernames whose
    password is the published one, and citizens' published access codes."""
    from storage.security import verify_secret
    found = [u.username for u in session.scalars(select(StaffUser).where(StaffUser.username.in_(DEMO_STAFF)))
             if verify_secret(u.password_hash, DEMO_PASSWORD)]
    secrets = dict(split_access_code(code) for code in DEMO_CODES)  # type: ignore[misc]
    found += [f"citizen code {c.lookup}-…" for c in session.scalars(
        select(CitizenCredential).where(CitizenCredential.lookup.in_(secrets)))
        if verify_secret(c.secret_hash, secrets[c.lookup])]
    return found


@dataclass
class DemoLogins:
    staff: list[tuple[str, str]] = field(default_factory=list)         # (username, role)
    citizens: list[tuple[str, str, str, str]] = field(default_factory=list)  # (name, code, pin, stage)


def database_is_empty(session: Session) -> bool:
    return session.scalar(select(Programme.id).limit(1)) is None


def _fixed_code(session: Session, citizen_id: int, code: str, pin: str | None) -> None:
    lookup, secret = split_access_code(code)  # type: ignore[misc]
    credential = session.get_one(CitizenCredential, citizen_id)
    credential.lookup, credential.secret_hash = lookup, hash_secret(secret)
    credential.pin_hash = hash_secret(pin) if pin else None


def load(session: Session, today: date | None = None) -> DemoLogins:
    today = today or date.today()
    logins = DemoLogins()
    programme = programmes.create_programme(session, name="Demo Kommune – borgerstyrede budgetter",
                                            default_budget_ore=5_000_000, period_months=12, answer_working_days=5)
    staff = {}
    for username, name, role in (("karin", "Karin Koordinator", StaffRole.COORDINATOR),
                                 ("sara", "Sara Støtte", StaffRole.SUPPORT),
                                 ("ole", "Ole Støtte", StaffRole.SUPPORT),
                                 ("finn", "Finn Økonomi", StaffRole.FINANCE),
                                 ("frida", "Frida Værksted", StaffRole.FACILITATOR)):
        user = programmes.create_staff(session, programme_id=programme.id, username=username, display_name=name,
                                       role=role, password=None)
        user.password_hash = _DEMO_PASSWORD_HASH()  # published on purpose: too weak for the password policy
        staff[username] = staff_actor(user)
        logins.staff.append((username, role.value))

    stages = (
        ("Mette", DEMO_CODES[0], None, "new", "sara", 0),
        ("Jonas", DEMO_CODES[1], DEMO_PIN, "halfway", "sara", 40),
        ("Aisha", DEMO_CODES[2], DEMO_PIN, "plan", "ole", 100),  # past 3 months: her 'm3' milestone has come
    )
    citizen_actors, support_actors = {}, {}
    for name, code, pin, stage, support, days_ago in stages:
        created = citizens.create_citizen(session, actor=staff[support], display_name=name,
                                          start_date=today - timedelta(days=days_ago))
        _fixed_code(session, created.citizen_id, code, pin)
        logins.citizens.append((name, code, pin or "", stage))
        start_who5, start_rating = DEMO_START_CHECK_INS[name]
        checkins.add_check_in(session, actor=staff[support], citizen_id=created.citizen_id, phase="start",
                              who5_raw=start_who5, citizen_goal_rating=start_rating, support_goal_rating=start_rating)
        if stage == "halfway":
            _halfway_course(session, citizen_actor(session.get_one(Citizen, created.citizen_id)))
        if stage == "plan":
            _submitted_plan(session, citizen_actor(session.get_one(Citizen, created.citizen_id)), staff[support],
                            today)
            checkins.add_check_in(session, actor=staff[support], citizen_id=created.citizen_id, phase="mid",
                                  who5_raw=15, citizen_goal_rating=3, support_goal_rating=3)
        citizen_actors[name] = citizen_actor(session.get_one(Citizen, created.citizen_id))
        support_actors[name] = staff[support]
    demo_followup.load(session, citizen_actors, support_actors)
    return logins


# (WHO-5 raw 0-25, goal rating 1-5) at the start: enough people for the coordinator's report to show averages.
DEMO_START_CHECK_INS = {"Mette": (11, 1), "Jonas": (9, 2), "Aisha": (12, 2)}

HALFWAY_ANSWERS = {
    "welcome_start": "start", "welcome_budget": "clear",
    "now_good": "Jeg har fået et værelse på et bosted, og jeg har en god ven.",
    "now_hard": "Jeg sover dårligt, og jeg har ikke noget at lave om dagen.",
    "now_housing": "fine", "now_mood": 3, "matters_most": ["friends", "work"],
    "matters_why": "Jeg vil gerne være noget for andre.",
}


def _halfway_course(session: Session, me: Actor) -> None:
    """Jonas: the first three modules answered; he continues at the dreams."""
    from storage import course
    from dialogs.engine import load_course
    steps = load_course().steps
    for step_id, raw in HALFWAY_ANSWERS.items():
        labels = {o.value: o.label for o in steps[step_id].options}
        words = ", ".join(labels.get(v, str(v)) for v in raw) if isinstance(raw, list) else labels.get(raw, str(raw))
        course.answer(session, actor=me, step_id=step_id, raw=raw, words=words)


def _submitted_plan(session: Session, me: Actor, support: Actor, today: date) -> None:
    """Aisha: two goals, version 1 answered (two approved, one to change, one bought), a new draft item."""
    job = plan.add_goal(session, actor=me, citizen_id=me.id, text="At få et job i et køkken", category="education_job")
    licence = plan.add_goal(session, actor=me, citizen_id=me.id, text="Tage kørekort", parent_id=job)
    course = plan.add_goal(session, actor=me, citizen_id=me.id, text="Tage hygiejnekursus", parent_id=job)
    home = plan.add_goal(session, actor=me, citizen_id=me.id, text="En lejlighed der føles rolig", category="housing")
    furniture = plan.add_goal(session, actor=me, citizen_id=me.id, text="Møbler til stuen", parent_id=home)
    lessons = plan.add_item(session, actor=me, citizen_id=me.id, title="Køreskole, pakke med 20 lektioner",
                            price_ore=1_650_000, goal_id=licence, shop="Køreskolen i byen")
    plan.add_item(session, actor=me, citizen_id=me.id, title="Hygiejnekursus", price_ore=95_000, goal_id=course)
    plan.add_item(session, actor=me, citizen_id=me.id, title="Ny sofa", price_ore=1_200_000, goal_id=furniture,
                  note="Gerne en sovesofa")
    version = submissions.submit(session, actor=me, citizen_id=me.id)
    sub = session.scalar(select(Submission).where(Submission.citizen_id == me.id, Submission.version == version))
    sub.submitted_at = datetime.combine(today - timedelta(days=20), datetime.min.time(), tzinfo=timezone.utc)
    for sub_item in session.scalars(select(SubmissionItem).where(SubmissionItem.submission_id == sub.id)):
        if sub_item.title.startswith("Ny sofa"):
            decisions.record(session, actor=support, submission_item_id=sub_item.id, decision=DecisionKind.CHANGE,
                             reason="Sofaen er dyr. Kig efter en brugt sofa, så er der flere penge til resten.")
        else:
            decisions.record(session, actor=support, submission_item_id=sub_item.id, decision=DecisionKind.APPROVE,
                             reason=None)
    decisions.publish(session, actor=support, submission_id=sub.id)
    payments.request_payment(session, actor=support, wish_item_id=lessons, vendor="Køreskolen i byen",
                             amount_ore=1_650_000, reference="Faktura 2026-118", purchase_date=today)
    plan.add_item(session, actor=me, citizen_id=me.id, title="Sko til køkkenet", price_ore=60_000, goal_id=job)


def describe(logins: DemoLogins) -> str:
    lines = ["Demo data loaded.", f"Staff (password '{DEMO_PASSWORD}'):"]
    lines += [f"  {username:8} {role}" for username, role in logins.staff]
    lines.append("Citizens (code, PIN):")
    lines += [f"  {name:8} {code}  {pin or '(chooses a PIN at first login)'}  [{stage}]"
              for name, code, pin, stage in logins.citizens]
    return "\n".join(lines)
