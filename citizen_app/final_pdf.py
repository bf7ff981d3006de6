"""The final PDF the citizen keeps: each goal with both sides' newest rating, what was bought for it, and the
citizen's closing words. A pure function like citizen_app/printable.py, whose document class and text
handling it reuses (so a font change there reaches this PDF too)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from citizen_app.printable import INDENT_MM, new_document
from storage.errors import N_
from storage.final_record import Bought, FinalRecord
from storage.plan_view import GoalView

Translate = Callable[..., str]

CITIZEN_RATING_WORDS = {
    "reached": N_("Jeg har nået det"),
    "close": N_("Jeg er tæt på"),
    "on_the_way": N_("Jeg er på vej"),
    "not_yet": N_("Ikke endnu"),
    "dropped": N_("Det er ikke længere mit mål"),
}
SUPPORT_RATING_WORDS = {
    "very_high": N_("I meget høj grad nået"),
    "high": N_("I høj grad nået"),
    "some": N_("I nogen grad nået"),
    "low": N_("I ringe grad nået"),
    "not_at_all": N_("Slet ikke nået"),
    "dropped": N_("Ikke længere borgerens mål"),
}
CLOSING_QUESTIONS = {
    "closing_changed": N_("Det har ændret sig:"),
    "closing_glad": N_("Det er jeg glad for:"),
    "closing_next": N_("Det vil jeg nu:"),
    "closing_support": N_("Det kan hjælpe mig videre:"),
}


def _goal_ids(goal: GoalView) -> set[int]:
    return {goal.id, *(s.id for s in goal.sub_goals)}


def _bought_line(item: Bought, _: Translate, money_fmt: Callable[[int], str]) -> str:
    if item.paid_ore:
        return _("{title}: betalt {amount}", title=item.title, amount=money_fmt(item.paid_ore))
    return _("{title}: godkendt {amount}, ikke betalt endnu", title=item.title, amount=money_fmt(item.approved_ore))


def final_pdf(record: FinalRecord, translate: Translate, money_fmt: Callable[[int], str],
              date_fmt: Callable[[date], str], *, language: str = "da", today: date) -> bytes:
    _ = translate  # named _ so that pybabel extracts the texts below
    pdf = new_document(_("Mit forløb"), lambda page: _("Side {page} af {pages}", page=page, pages="{nb}"), language)
    pdf.para(_("Mit forløb"), size=20, style="B")
    pdf.para(_("Lavet {date}.", date=date_fmt(today)), size=10)
    if record.ended_at is not None:
        pdf.para(_("Forløbet sluttede {date}.", date=date_fmt(record.ended_at.date())), space_before=2)
    budget = record.plan.budget
    pdf.para(_("Budget: {total}. Betalt: {paid}.", total=money_fmt(budget.total_ore),
               paid=money_fmt(sum(b.paid_ore for b in record.bought))), space_before=2)
    pdf.rule()

    for number, goal in enumerate(record.plan.goals, start=1):
        pdf.para(_("Mål {number}", number=number), size=13, style="B", space_before=2)
        pdf.para(goal.text)
        for sub in goal.sub_goals:
            pdf.para(_("Delmål: {text}", text=sub.text), size=10, indent=INDENT_MM)
        rating = record.ratings.get(goal.id)
        mine = rating.citizen if rating else None
        theirs = rating.support if rating else None
        pdf.para(_("Mit svar: {rating}", rating=_(CITIZEN_RATING_WORDS[mine]) if mine else _("Ikke svaret")),
                 space_before=2)
        if rating and rating.citizen_note:
            pdf.para(rating.citizen_note, size=10, indent=INDENT_MM)
        pdf.para(_("Min støttepersons svar: {rating}",
                   rating=_(SUPPORT_RATING_WORDS[theirs]) if theirs else _("Ikke svaret")))
        bought = [b for b in record.bought if b.goal_id in _goal_ids(goal)]
        if bought:
            pdf.para(_("Det fik jeg til målet:"), style="B", space_before=2)
            for item in bought:
                pdf.para(_bought_line(item, _, money_fmt), indent=INDENT_MM)
        pdf.rule()

    unlinked = [b for b in record.bought
                if not any(b.goal_id in _goal_ids(g) for g in record.plan.goals)]
    if unlinked:
        pdf.para(_("Andet, jeg fik:"), style="B", space_before=2)
        for item in unlinked:
            pdf.para(_bought_line(item, _, money_fmt), indent=INDENT_MM)
        pdf.rule()
    said = [(step, record.closing_answers[step]) for step in CLOSING_QUESTIONS if step in record.closing_answers]
    if said:
        pdf.para(_("Mine ord til sidst"), size=13, style="B", space_before=2)
        for step, words in said:
            pdf.para(_(CLOSING_QUESTIONS[step]), style="B", space_before=1)
            pdf.para(str(words))
    if pdf.replaced:
        pdf.para(_("Nogle tegn kan ikke vises i PDF'en. Der står et ? i stedet. Du kan se al din tekst i appen."),
                 size=10, style="I", space_before=2)
    return bytes(pdf.output())


def final_pdf_on_download(record: FinalRecord, language: str, today: date) -> Callable[[], bytes]:
    """For st.download_button: made when tapped, outside the script run."""
    def build() -> bytes:
        from citizen_app.i18n import long_date, money, translator
        return final_pdf(record, translator(language), lambda ore: money(ore, language),
                         lambda day: long_date(day, language), language=language, today=today)
    return build


__all__ = ["final_pdf", "final_pdf_on_download", "CITIZEN_RATING_WORDS", "SUPPORT_RATING_WORDS"]
