"""WHO-5, answered by the citizen themself at the start, midway and at the end (storage/milestones.py says when).

The items are the official Danish wording of WHO-5 Trivselsindeks (Psykiatrisk Center Nordsjælland / WHO),
kept word for word: a validated instrument is never reworded, not even for plain language. Each item is
answered 0 ("På intet tidspunkt") to 5 ("Hele tiden"); the raw score is their sum (0-25) and the index is the
raw score times 4 (0-100). A partly answered form is no score, so it is refused, never guessed; the citizen may
skip the whole form, and the skip is recorded (so the milestone is done, and the report can count it).
Answers are history: a new answer for the same milestone is a new row, and the newest counts.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import audit, milestones
from storage.access import Action, Actor, Resource, authorize
from storage.errors import N_, DomainError
from storage.models import Citizen, Who5Response

INTRO = N_("I de sidste 2 uger ...")
ITEMS = (
    N_("Jeg har været glad og i godt humør"),
    N_("Jeg har følt mig rolig og afslappet"),
    N_("Jeg har følt mig aktiv og energisk"),
    N_("Jeg er vågnet frisk og udhvilet"),
    N_("Min dagligdag har været fyldt med ting der interesserer mig"),
)
ANSWERS = (  # (points, wording), highest first as on the official form
    (5, N_("Hele tiden")),
    (4, N_("Det meste af tiden")),
    (3, N_("Lidt mere end halvdelen af tiden")),
    (2, N_("Lidt mindre end halvdelen af tiden")),
    (1, N_("Lidt af tiden")),
    (0, N_("På intet tidspunkt")),
)
ITEM_MAX = 5
RAW_MAX = len(ITEMS) * ITEM_MAX   # 25
INDEX_FACTOR = 4                  # raw x 4 = the 0-100 index
CLINICAL_CHANGE = 10              # a change of 10 index points is the usual threshold for a real change


def raw_score(items: Sequence[int | None]) -> int:
    """The raw score (0-25) of five answers. A missing or impossible answer is refused."""
    if len(items) != len(ITEMS) or any(i is None for i in items):
        raise DomainError(N_("Svar på alle fem spørgsmål, eller tryk på Spring over."))
    if any(isinstance(i, bool) or not isinstance(i, int) or not 0 <= i <= ITEM_MAX for i in items):
        raise DomainError(N_("Et svar er uden for skalaen. Vælg igen."))
    return sum(items)  # type: ignore[arg-type]


def index(raw: int) -> int:
    """The WHO-5 index 0-100 from the raw score."""
    return raw * INDEX_FACTOR


@dataclass(frozen=True)
class Who5View:
    milestone: str
    skipped: bool
    raw: int | None
    answered_at: datetime

    @property
    def index(self) -> int | None:
        return None if self.raw is None else index(self.raw)


def _who5_milestone(citizen: Citizen, key: str) -> None:
    found = milestones.find(citizen.start_date, citizen.end_date, key)
    if found is None or not found.asks_who5:
        raise DomainError(N_("Der er ingen spørgsmål om trivsel på det tidspunkt."))
    if found.on > milestones.today():
        raise DomainError(N_("Det er ikke tid til det endnu."))


def answer(session: Session, *, actor: Actor, citizen_id: int, milestone: str,
           items: Sequence[int | None] | None = None, skip: bool = False) -> int:
    """Store the citizen's five answers for a WHO-5 milestone, or that they skipped it. Only the citizen
    answers: WHO-5 is their own view, never filled in by someone else."""
    if actor.is_staff:
        raise DomainError(N_("Det kan kun borgeren selv gøre."))
    citizen = authorize(session, actor, citizen_id, Resource.WHO5, Action.WRITE)
    _who5_milestone(citizen, milestone)
    values: list[int | None] = [None] * len(ITEMS)
    if not skip:
        raw_score(items or ())
        values = list(items)  # type: ignore[arg-type]
    row = Who5Response(citizen_id=citizen_id, milestone=milestone, skipped=skip,
                       **{f"item{n}": v for n, v in enumerate(values, start=1)})
    session.add(row)
    session.flush()
    return row.id


def history(session: Session, *, actor: Actor, citizen_id: int) -> list[Who5View]:
    """The newest answer (or skip) per milestone, oldest milestone first."""
    citizen = authorize(session, actor, citizen_id, Resource.WHO5, Action.READ)
    audit.record_staff(session, actor, "read_who5", citizen_id=citizen_id)
    rows = session.scalars(select(Who5Response).where(Who5Response.citizen_id == citizen_id)
                           .order_by(Who5Response.created_at, Who5Response.id))
    newest: dict[str, Who5Response] = {}
    for row in rows:
        newest[row.milestone] = row
    order = {k: n for n, k in enumerate(milestones.keys(citizen.start_date, citizen.end_date))}
    views = [Who5View(r.milestone, r.skipped,
                      None if r.skipped else sum(getattr(r, f"item{n}") for n in range(1, 6)), r.created_at)
             for r in newest.values()]
    return sorted(views, key=lambda v: order.get(v.milestone, len(order)))
