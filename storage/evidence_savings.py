"""The savings estimate, built like Socialstyrelsen's socioeconomic investment model (SØM): the measured change
in activities (from the status at start and end) times the unit prices the coordinator entered, split by who
pays and by year, set against the budgets and the support persons' hours. It is an estimate; ASSUMPTIONS are
printed beside it wherever it is shown. Pure arithmetic: no database, no Streamlit.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from dialogs import status_fields
from storage.csv_files import write_csv
from storage.errors import N_
from storage.evidence_figures import Outcomes
from storage.evidence_prices import STAFF_HOUR, PriceView
from storage.models.evidence import PAYERS

MAX_YEARS = 5
ASSUMPTIONS = (
    N_("Ændringen er målt som forskellen mellem status ved start og ved afslutning for de borgere, der har svaret "
       "begge gange."),
    N_("Vi regner med, at ændringen holder i hele den valgte periode. Vi ved ikke, om den gør det."),
    N_("Timer om ugen er ganget med 52 uger. Nætter på herberg er ganget med 365 nætter."),
    N_("Vi ved ikke, hvad der var sket uden ordningen. Derfor er tallet et skøn og ikke en effekt."),
    N_("Priserne er dem, koordinatoren har skrevet ind, med den kilde der står ved hver pris."),
    N_("Tal fra færre end 3 borgere er ikke med."),
)


@dataclass(frozen=True)
class ActivityLine:
    key: str
    unit: str
    n: int
    fewer_a_year: int | None      # units fewer each year (negative: more); None when withheld
    by_payer_ore: dict[str, int]  # saving a year per payer (only payers with a price)


@dataclass(frozen=True)
class Estimate:
    years: int
    lines: tuple[ActivityLine, ...]
    saving_by_payer_year: dict[str, list[int]]   # payer -> saving in year 1..years
    saving_total_ore: int
    budget_cost_ore: int                          # approved from the personal budgets
    staff_hours: int
    staff_cost_ore: int | None                    # None: no price for a support person's hour
    priced_activities: int

    @property
    def cost_total_ore(self) -> int:
        return self.budget_cost_ore + (self.staff_cost_ore or 0)


def estimate(outcomes: Outcomes, prices: list[PriceView], *, years: int, approved_ore: int,
             staff_hours: int) -> Estimate:
    years = max(1, min(int(years), MAX_YEARS))
    price_of: dict[str, dict[str, int]] = defaultdict(dict)
    for price in prices:   # newest per activity and payer (the list is ordered by id)
        price_of[price.activity][price.payer] = price.price_ore
    lines = []
    for activity in status_fields.load().activities:
        change = outcomes.activities.get(activity.key)
        fewer = None if change is None or change.fewer is None else change.fewer * activity.per_year
        by_payer = {} if fewer is None else {payer: fewer * ore for payer, ore in price_of[activity.key].items()}
        lines.append(ActivityLine(activity.key, activity.unit, change.n if change else 0, fewer, by_payer))
    per_year = {payer: sum(line.by_payer_ore.get(payer, 0) for line in lines) for payer in PAYERS}
    staff_price = sum(price_of[STAFF_HOUR].values()) if price_of[STAFF_HOUR] else None
    return Estimate(
        years=years, lines=tuple(lines), saving_by_payer_year={p: [v] * years for p, v in per_year.items()},
        saving_total_ore=sum(per_year.values()) * years, budget_cost_ore=approved_ore, staff_hours=staff_hours,
        staff_cost_ore=None if staff_price is None else staff_price * staff_hours,
        priced_activities=sum(1 for line in lines if line.by_payer_ore))


def som_csv(result: Estimate, prices: list[PriceView]) -> str:
    """The measured changes and the prices with their sources, one row each, for a SØM calculation."""
    rows: list[tuple[object, ...]] = []
    for line in result.lines:
        rows.append(("change", line.key, line.unit, line.n, "" if line.fewer_a_year is None else line.fewer_a_year,
                     "", "", ""))
    for price in prices:
        rows.append(("price", price.activity, price.unit, "", "", price.payer, price.price_ore, price.source))
    return write_csv(("kind", "activity", "unit", "n", "fewer_a_year", "payer", "price_ore", "source"), rows)
