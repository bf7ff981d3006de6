"""The programme report as CSV: the same figures the page shows, with stable English keys, withheld cells empty."""
from __future__ import annotations

from sqlalchemy.orm import Session

from storage import audit, programme_report
from storage.access import Actor
from storage.csv_files import write_csv
from storage.programme_report import Intake, ProgrammeFigures


def figure_rows(f: ProgrammeFigures) -> list[tuple[str, object]]:
    """(key, value); money in øre, shares as fractions, None (withheld: a small group) as an empty cell."""
    rows: list[tuple[str, object]] = []
    if f.intake:
        rows += [("intake.start_from", f.intake.start_from.isoformat()),
                 ("intake.start_to", f.intake.start_to.isoformat())]
    rows += [("citizens", f.citizens), ("budgets_ore", f.budgets_ore)]
    for name, s in (("citizen_attainment", f.citizen_attainment), ("support_attainment", f.support_attainment)):
        rows += [(f"{name}.n", s.n), (f"{name}.attained", s.part), (f"{name}.share", s.value),
                 (f"{name}.citizens", s.people)]
    w = f.who5
    rows += [("who5.n", w.n), ("who5.mean_start", w.mean_start), ("who5.mean_end", w.mean_end),
             ("who5.mean_change", w.mean_change), ("who5.improved_10_or_more", w.improved),
             ("who5.worse_10_or_more", w.worse), ("who5.improved_share", w.improved_share)]
    for c in f.categories:
        rows += [(f"goals.category.{c.key or 'none'}.goals", c.goals),
                 (f"goals.category.{c.key or 'none'}.citizens", c.citizens)]
    for m in f.money:
        rows += [(f"money.{m.measure}.total_ore", m.total_ore), (f"money.{m.measure}.mean_ore", m.mean_ore),
                 (f"money.{m.measure}.median_ore", m.median_ore)]
        rows += [(f"money.{m.measure}.band_{band}", n) for band, n in enumerate(m.bands)]
    a = f.answers
    rows += [("answers.promise_working_days", a.promise_working_days), ("answers.answered", a.answered),
             ("answers.median_working_days", a.median_working_days), ("answers.within_promise", a.within_promise),
             ("answers.within_promise_share", a.within_share), ("answers.waiting", a.waiting),
             ("answers.waiting_overdue", a.waiting_overdue)]
    rows += [(f"periods.{kind}", n) for kind, n in f.endings.items()]
    return rows


def figures_csv(session: Session, *, actor: Actor, intake: Intake | None = None) -> str:
    """The figures as CSV (key,value). Audited as an export of the programme's numbers."""
    figures = programme_report.programme_figures(session, actor=actor, intake=intake)
    audit.record(session, actor, "export_programme_report", object_type="programme", object_id=actor.programme_id)
    return write_csv(("key", "value"), figure_rows(figures))
