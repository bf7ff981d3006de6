""""Status til udvalget": what the document says, built once and written as PDF (citizen_app/evidence_pdf.py)
and as Word (citizen_app/evidence_docx.py). Pure: no Streamlit; the page passes the translation and formats.

Only counts leave storage, so nothing here can name a citizen; the coordinator's own paragraphs are the only
free text, and they are the coordinator's. Each section has the figures with their n, a chart with its text
alternative, and the method in plain words. Figures from fewer than 3 citizens say so instead of a number.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from storage.evidence_figures import Outcomes, Spending
from storage.evidence_prices import PriceView
from storage.evidence_savings import ASSUMPTIONS, Estimate
from storage.evidence_small_groups import Share
from storage.small_groups import MIN_GROUP

Translate = Callable[..., str]


@dataclass(frozen=True)
class Formats:
    money: Callable[[int], str]
    number: Callable[[float], str]
    date: Callable[[date], str]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float          # drawn against the largest value of the chart
    shown: str            # the value as text beside the bar


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    text_alternative: str


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[tuple[str, str], ...]       # (what, figure with n)
    chart: Chart | None
    method: str
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatusDocument:
    title: str
    lead: tuple[str, ...]
    intro: tuple[str, ...]                   # the coordinator's own paragraphs, before the figures
    sections: tuple[Section, ...]
    closing: tuple[str, ...] = field(default=())


def _paragraphs(text: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (text or "").split("\n\n") if p.strip())


def share_text(share: Share, _: Translate, fmt: Formats) -> str:
    if share.count is None:
        return _("Vises ikke: færre end {min} svar (n = {n}).", min=MIN_GROUP, n=share.n)
    return _("{percent} % ({count} af {n}).", percent=fmt.number(share.percent or 0), count=share.count, n=share.n)


def _share_chart(title: str, items: list[tuple[str, Share]], _: Translate, fmt: Formats) -> Chart:
    bars = tuple(Bar(label, share.percent or 0, share_text(share, _, fmt)) for label, share in items)
    alt = " ".join(_("{label}: {figure}", label=label, figure=share_text(share, _, fmt)) for label, share in items)
    return Chart(title, bars, _("Diagrammet viser: {text}", text=alt))


def outcome_sections(o: Outcomes, _: Translate, fmt: Formats) -> list[Section]:
    need = [(_("Meget mindre støtte"), o.need_much_less), (_("Mindre støtte"), o.need_less),
            (_("Meget mindre eller mindre"), o.need_much_less_or_less)]
    housed = [(_("Har en bolig ved start"), o.housed_start), (_("Har en bolig ved afslutning"), o.housed_end)]
    return [
        Section(_("Behov for støtte"), tuple((label, share_text(s, _, fmt)) for label, s in need),
                _share_chart(_("Andel med mindre behov for støtte"), need, _, fmt),
                _("Støttepersonen vurderer ved afslutning behovet for støtte mod behovet ved start. "
                  "n er de borgere, der har en vurdering.")),
        Section(_("Stoffer og alkohol"),
                ((_("Har brugt mindre eller er holdt op"), share_text(o.substance_reduced, _, fmt)),),
                _share_chart(_("Andel der har brugt mindre eller er holdt op"),
                             [(_("Mindre eller holdt op"), o.substance_reduced)], _, fmt),
                _("Borgerens eget svar ved afslutning. Kun borgere, der har sagt ja til at svare, og som bruger "
                  "stoffer eller meget alkohol, er med i n.")),
        Section(_("Uddannelse, praktik og job"),
                ((_("Er startet på uddannelse, praktik eller job"), share_text(o.into_activity, _, fmt)),),
                _share_chart(_("Andel der er startet på uddannelse, praktik eller job"),
                             [(_("Startet"), o.into_activity)], _, fmt),
                _("Borgere, der ikke var i uddannelse, praktik eller job ved start, men var det ved afslutning. "
                  "n er de borgere, der har svaret både ved start og ved afslutning.")),
        Section(_("Bolig"), tuple((label, share_text(s, _, fmt)) for label, s in housed),
                _share_chart(_("Andel med egen bolig eller botilbud"), housed, _, fmt),
                _("Egen bolig og botilbud tæller som bolig. Samme borgere ved start og ved afslutning.")),
    ]


def spending_section(m: Spending, _: Translate, fmt: Formats) -> Section:
    rows = [(_("Budgetter i alt"), fmt.money(m.budget_ore)), (_("Godkendt til ønsker"), fmt.money(m.approved_ore)),
            (_("Betalt"), fmt.money(m.paid_ore))]
    rows += [(_("Har fået godkendt under {amount}", amount=fmt.money(t)), share_text(s, _, fmt))
             for t, s in m.approved_below.items()]
    rows += [(_("Har fået betalt under {amount}", amount=fmt.money(t)), share_text(s, _, fmt))
             for t, s in m.paid_below.items()]
    for cap in m.caps:
        rows.append((_("Borgere over {amount}", amount=fmt.money(cap.cap_ore)), share_text(cap.citizens_above, _, fmt)))
        rows.append((_("Ønsker over {amount} i alt", amount=fmt.money(cap.cap_ore)),
                     _("Vises ikke.") if cap.cut_ore is None else fmt.money(cap.cut_ore)))
        rows.append((_("Budgetter på {amount} for de samme penge", amount=fmt.money(cap.cap_ore)),
                     fmt.number(cap.citizens_reached)))
    bins = [(lower, n) for lower, n in m.approved_bins.items()]
    bars = tuple(Bar(_("{low} til {high}", low=fmt.money(lower), high=fmt.money(lower + 1_000_000)),
                     n or 0, _("færre end {min}", min=MIN_GROUP) if n is None else fmt.number(n)) for lower, n in bins)
    alt = " ".join(_("{label}: {figure} borgere.", label=b.label, figure=b.shown) for b in bars)
    chart = Chart(_("Borgere efter godkendt beløb"), bars, _("Diagrammet viser: {text}", text=alt))
    return Section(_("Forbrug af budgettet"), tuple(rows), chart,
                   _("Godkendt er pengene til godkendte ønsker, minus det der er trukket tilbage. n = {n} borgere. "
                     "Et mindre budget: hvad der var blevet skåret, hvis ingen kunne få mere end beløbet.", n=m.citizens))


def savings_section(e: Estimate, prices: list[PriceView], labels: dict[str, str], _: Translate,
                    fmt: Formats) -> Section:
    payers = {"municipality": _("Kommunen"), "region": _("Regionen"), "state": _("Staten")}
    rows = [(_("Pris: {activity}", activity=_(labels.get(p.activity, p.activity))),
             _("{amount} pr. {unit}, betales af {payer}. Kilde: {source}", amount=fmt.money(p.price_ore),
               unit=_(p.unit), payer=payers[p.payer].lower(), source=p.source)) for p in prices]
    for line in e.lines:
        unit = _(line.unit)
        change = (_("Vises ikke: færre end {min} svar (n = {n}).", min=MIN_GROUP, n=line.n)
                  if line.fewer_a_year is None else
                  _("{amount} færre om året (enhed: {unit}, n = {n}).", amount=fmt.number(line.fewer_a_year),
                    unit=unit, n=line.n))
        rows.append((_(labels.get(line.key, line.key)), change))
    for payer, years in e.saving_by_payer_year.items():
        for year, ore in enumerate(years, start=1):
            rows.append((_("{payer}, år {year}", payer=payers[payer], year=year), fmt.money(ore)))
    rows.append((_("Skøn over besparelse i alt"), fmt.money(e.saving_total_ore)))
    rows.append((_("Godkendt fra de personlige budgetter"), fmt.money(e.budget_cost_ore)))
    rows.append((_("Støttepersonernes tid"), _("Ingen pris skrevet ind.") if e.staff_cost_ore is None else
                 _("{hours} timer, {amount}", hours=fmt.number(e.staff_hours), amount=fmt.money(e.staff_cost_ore))))
    bars = (Bar(_("Skøn over besparelse"), e.saving_total_ore, fmt.money(e.saving_total_ore)),
            Bar(_("Udgift: budgetter og støttepersoner"), e.cost_total_ore, fmt.money(e.cost_total_ore)))
    chart = Chart(_("Skøn over besparelse mod udgift"), bars, _(
        "Diagrammet viser: skøn over besparelse {saving} og udgift {cost}", saving=fmt.money(e.saving_total_ore),
        cost=fmt.money(e.cost_total_ore)))
    method = _("Det er et skøn, bygget som Socialstyrelsens model SØM: målt ændring gange enhedspris. "
               "Antagelser: {assumptions}", assumptions=" ".join(_(a) for a in ASSUMPTIONS))
    return Section(_("Skøn over besparelser ({years} år)", years=e.years), tuple(rows), chart, method)


def build(outcomes: Outcomes, spending: Spending, estimate: Estimate, prices: list[PriceView], *, programme: str,
          activity_labels: dict[str, str],
          intro: str | None, closing: str | None, today: date, _: Translate, fmt: Formats) -> StatusDocument:
    period = (_("Perioden er {start} til {end}.", start=fmt.date(outcomes.first_start), end=fmt.date(outcomes.last_end))
              if outcomes.first_start and outcomes.last_end else _("Der er ingen borgere i perioden."))
    lead = (_("{programme}. Lavet {date}.", programme=programme, date=fmt.date(today)),
            _("{n} borgere er med. {start} har en status ved start, og {end} har en status ved afslutning.",
              n=outcomes.participants, start=outcomes.with_start, end=outcomes.with_end), period,
            _("Dokumentet viser kun tal. Tal fra færre end {min} borgere vises ikke.", min=MIN_GROUP))
    participants = Section(
        _("Deltagere"), ((_("Borgere i alt"), fmt.number(outcomes.participants)),
                         (_("Med status ved start"), fmt.number(outcomes.with_start)),
                         (_("Med status ved afslutning"), fmt.number(outcomes.with_end))),
        Chart(_("Borgere med status"), (
            Bar(_("I alt"), outcomes.participants, fmt.number(outcomes.participants)),
            Bar(_("Ved start"), outcomes.with_start, fmt.number(outcomes.with_start)),
            Bar(_("Ved afslutning"), outcomes.with_end, fmt.number(outcomes.with_end))),
            _("Diagrammet viser: {n} borgere i alt, {start} med status ved start, {end} ved afslutning.",
              n=outcomes.participants, start=outcomes.with_start, end=outcomes.with_end)),
        _("Støttepersonen udfylder status sammen med borgeren ved start og ved afslutning. Det nyeste svar tæller."))
    sections = (participants, *outcome_sections(outcomes, _, fmt), spending_section(spending, _, fmt),
                savings_section(estimate, prices, activity_labels, _, fmt))
    return StatusDocument(_("Status til udvalget"), lead, _paragraphs(intro), sections, _paragraphs(closing))
