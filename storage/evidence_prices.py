"""Unit prices for the savings estimate: what one unit of an activity costs and who pays, with its source.

The coordinator enters them (Socialstyrelsen's SØM knowledge base publishes such prices); they belong to the
programme, are never edited (a new price is a new row) and are removed by a stamp, so an old estimate can be
explained. Not citizen data; changes are still audited.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dialogs import status_fields
from dialogs.text import clean_text
from storage import audit
from storage.access import Actor, require_role
from storage.errors import N_, DomainError
from storage.models import StaffRole, UnitPrice, utcnow
from storage.models.evidence import PAYERS

# The cost side: an hour of a support person's time in the scheme (entered like any other price).
STAFF_HOUR = "staff_hour"
STAFF_HOUR_LABEL = N_("En time med en støtteperson i ordningen")
STAFF_HOUR_UNIT = N_("time")
MAX_PRICE_ORE = 100_000_000_00   # 100 mio. kr.: anything above is a typing error
SOURCE_LIMIT = 500


@dataclass(frozen=True)
class PriceView:
    id: int
    activity: str
    unit: str
    price_ore: int
    payer: str
    source: str
    entered_at: datetime


def activity_units() -> dict[str, str]:
    """activity key -> unit msgid, for every activity a price can be entered for."""
    return {**{a.key: a.unit for a in status_fields.load().activities}, STAFF_HOUR: STAFF_HOUR_UNIT}


def add_price(session: Session, *, actor: Actor, activity: str, price_ore: int, payer: str, source: str) -> int:
    require_role(actor, StaffRole.COORDINATOR)
    units = activity_units()
    if activity not in units:
        raise DomainError(N_("Vælg en aktivitet fra listen."))
    if payer not in PAYERS:
        raise DomainError(N_("Vælg, hvem der betaler: kommunen, regionen eller staten."))
    if isinstance(price_ore, bool) or not isinstance(price_ore, int) or not 0 < price_ore <= MAX_PRICE_ORE:
        raise DomainError(N_("Skriv en pris over 0 kr."))
    source = clean_text(source, limit=SOURCE_LIMIT, single_line=True,
                        empty_message=N_("Skriv, hvor prisen kommer fra, fx SØM's vidensdatabase."))
    price = UnitPrice(programme_id=actor.programme_id, activity=activity, unit=units[activity], price_ore=price_ore,
                      payer=payer, source=source, entered_by_staff_id=actor.id)
    session.add(price)
    session.flush()
    audit.record(session, actor, "add_unit_price", object_type="unit_price", object_id=price.id, detail=activity)
    return price.id


def remove_price(session: Session, *, actor: Actor, price_id: int) -> None:
    require_role(actor, StaffRole.COORDINATOR)
    price = session.get(UnitPrice, price_id)
    if price is None or price.programme_id != actor.programme_id or price.removed_at is not None:
        raise DomainError(N_("Prisen findes ikke længere."))
    price.removed_at = utcnow()
    audit.record(session, actor, "remove_unit_price", object_type="unit_price", object_id=price.id)


def list_prices(session: Session, *, actor: Actor) -> list[PriceView]:
    require_role(actor, StaffRole.COORDINATOR)
    rows = session.scalars(select(UnitPrice).where(UnitPrice.programme_id == actor.programme_id,
                                                   UnitPrice.removed_at.is_(None))
                           .order_by(UnitPrice.activity, UnitPrice.payer, UnitPrice.id))
    return [PriceView(p.id, p.activity, p.unit, p.price_ore, p.payer, p.source, p.entered_at) for p in rows]
