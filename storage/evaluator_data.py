"""A pseudonymised dataset for the programme's evaluator: one row per citizen, numbers and codes only.

No names, no internal references, no free text (goals, notes and reasons are never read). Each citizen's id
is ``HMAC-SHA256(BORGERBUDGET_PSEUDONYM_SECRET, "borgerbudget-evaluation:<programme>:<citizen>")``, first 16
hex digits: the same citizen has the same id in every export (an evaluator can join a later export to an
earlier one), but nobody without the key can go from the id to the citizen or back, and the key never leaves
the server. Rows are sorted by that id, so their order says nothing about who joined when. The start date is
given as a month only.

Pseudonymised data is still personal data (GDPR art. 4(5)): the municipality needs a data processing
agreement with the evaluator. The small-group rule does not apply here (each row is one person, by design);
that is why only a coordinator may export it, and why the export is audited on every citizen it contains.
"""
from __future__ import annotations

import hashlib
import hmac

from sqlalchemy.orm import Session

from storage import audit, evaluator_sql
from storage.access import Actor, require_role
from storage.config import load_config
from storage.csv_files import write_csv
from storage.errors import N_, DomainError
from storage.models import StaffRole

DEMO_KEY = "borgerbudget-demo-pseudonym-key"
COLUMNS = ("pseudonym", "start_month", "period", "budget_ore", "planned_ore", "approved_ore", "paid_ore",
           "long_term_goals", "categories", "own_rating_milestone", "own_rating_attained", "support_goals_rated",
           "support_goals_attained", "who5_start", "who5_end")


def pseudonym(key: str, programme_id: int, citizen_id: int) -> str:
    message = f"borgerbudget-evaluation:{programme_id}:{citizen_id}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()[:16]


def _key() -> str:
    config = load_config()
    if config.pseudonym_secret:
        return config.pseudonym_secret
    if config.demo:
        return DEMO_KEY
    raise DomainError(N_("Datasættet kan ikke laves, fordi der mangler en hemmelig nøgle på serveren "
                         "(BORGERBUDGET_PSEUDONYM_SECRET). Spørg jeres it-afdeling."))


def dataset_rows(session: Session, programme_id: int) -> dict[int, dict[str, object]]:
    """citizen id -> the row's values, from five grouped statements whatever the number of citizens."""
    rows: dict[int, dict[str, object]] = {}
    for cid, start, period, budget, planned, approved, paid in evaluator_sql.per_citizen_money(session, programme_id):
        rows[cid] = dict.fromkeys(COLUMNS) | {
            "start_month": str(start)[:7], "period": period, "budget_ore": budget, "planned_ore": planned,
            "approved_ore": approved, "paid_ore": paid, "long_term_goals": 0, "categories": ""}
    for cid, goals, categories in evaluator_sql.per_citizen_goals(session, programme_id):
        rows[cid] |= {"long_term_goals": goals, "categories": categories}
    for cid, milestone, attained in evaluator_sql.per_citizen_own_rating(session, programme_id):
        named = {0: "start", 9998: "last", 9999: "end"}.get(milestone, f"m{milestone}")
        rows[cid] |= {"own_rating_milestone": named, "own_rating_attained": attained}
    for cid, rated, attained in evaluator_sql.per_citizen_support_rating(session, programme_id):
        rows[cid] |= {"support_goals_rated": rated, "support_goals_attained": attained}
    for cid, start, end in evaluator_sql.per_citizen_who5(session, programme_id):
        rows[cid] |= {"who5_start": start, "who5_end": end}
    return rows


def evaluation_csv(session: Session, *, actor: Actor) -> str:
    """The dataset as CSV. Coordinator only; audited once for the export and once on each citizen in it."""
    require_role(actor, StaffRole.COORDINATOR)
    key = _key()
    rows = dataset_rows(session, actor.programme_id)
    audit.record_reads(session, actor, "export_evaluation_dataset", rows, detail=f"rows={len(rows)}")
    named = sorted(({**values, "pseudonym": pseudonym(key, actor.programme_id, cid)} for cid, values in rows.items()),
                   key=lambda r: r["pseudonym"])
    return write_csv(COLUMNS, ([r[c] for c in COLUMNS] for r in named))

