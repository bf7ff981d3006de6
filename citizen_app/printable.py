"""The printable plan: goals, sub-goals, wish items, prices, statuses and the budget figures as a PDF.

A pure function (no Streamlit): the page passes the session's translation and formatting functions,
so the PDF is in the citizen's language and can be tested without an app.

The PDF embeds DejaVu Sans (shipped in citizen_app/fonts, Bitstream Vera licence) with text shaping
(HarfBuzz, through uharfbuzz): Danish, English, Arabic (joined letters, right to left), Cyrillic, Greek,
Hebrew and many symbols print as written. Emoji print in colour when Debian's fonts-noto-color-emoji is
installed (a fallback font); without it, and for scripts DejaVu lacks (Chinese ...), a character becomes
"?" and the PDF says so at the end, so it never fails.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from citizen_app.labels import ITEM_STATUS_LABELS
from citizen_app.plan_words import price_line
from storage.budget import Budget
from storage.plan_view import GoalView, ItemView, PlanView
from storage.statuses import EDITABLE, CitizenStatus

FONT = "dejavu"
FONTS_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
EMOJI = "emoji"
EMOJI_FONTS = (Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"),)  # Debian's fonts-noto-color-emoji
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})
MARGIN_MM = 18
LINE_MM = 5.5
INDENT_MM = 6
TIMEZONE = ZoneInfo("Europe/Copenhagen")
_UNKNOWN = "?"
_SPACES = re.compile(r"[ \t]+")

Translate = Callable[..., str]
PlanDocument = object  # an instance of _document_class(): an fpdf2 document with para() and rule()


@lru_cache(maxsize=1)
def _drawable() -> tuple[frozenset[int], Path | None]:
    """The code points the embedded fonts can draw (every style has the regular font as its fallback), and
    the emoji font if the system has one."""
    from fontTools.ttLib import TTFont

    emoji = next((path for path in EMOJI_FONTS if path.is_file()), None)
    covered: set[int] = set()
    for path in [FONTS_DIR / FONT_FILES[""], *([emoji] if emoji else [])]:
        with TTFont(path, lazy=True) as font:
            covered.update(font.getBestCmap())
    return frozenset(covered), emoji


def pdf_text(text: str) -> tuple[str, bool]:
    """Text the fonts can draw, and whether anything had to be replaced.

    Invisible marks and joiners the fonts lack (direction marks, variation selectors) are left out; a run
    of other characters no font has becomes one "?".
    """
    covered, _emoji = _drawable()
    out: list[str] = []
    changed = False
    for ch in text:
        if ch == "\r":
            continue
        if ord(ch) in covered or ch in "\n\t ":
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category in ("Mn", "Me", "Cf", "Sk") or category.startswith("C"):
            continue  # combining marks, joiners, variation selectors, direction marks: nothing to see
        changed = True
        if category.startswith("Z"):
            out.append(" ")
        elif not out or out[-1] != _UNKNOWN:
            out.append(_UNKNOWN)
    result = "\n".join(_SPACES.sub(" ", line).strip() for line in "".join(out).split("\n"))
    if not result.strip() and text.strip():
        result = _UNKNOWN
    return result, changed


@lru_cache(maxsize=1)
def _document_class() -> type:
    """The PDF document class. fpdf2 is imported here, the first time a PDF is made, not when the app
    starts: it pulls in fontTools, PIL and numpy (some 300 modules the server would otherwise carry)."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    class _PlanPDF(FPDF):
        def __init__(self, footer_text: Callable[[int], str], language: str = "da") -> None:
            super().__init__(format="A4")
            for style, name in FONT_FILES.items():
                self.add_font(FONT, style, FONTS_DIR / name)
            emoji = _drawable()[1]
            if emoji:
                self.add_font(EMOJI, "", emoji)
            # A character the bold or oblique font lacks (Arabic in oblique, emoji) comes from these.
            self.set_fallback_fonts([FONT, *([EMOJI] if emoji else [])], exact_match=False)
            self.right_to_left = language in RIGHT_TO_LEFT
            self.set_text_shaping(True)  # HarfBuzz: Arabic letters joined
            self.align = "R" if self.right_to_left else "L"
            self._footer_text = footer_text
            self.replaced = False  # any text changed to fit the font

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(FONT, size=8)
            self.cell(0, 5, self.safe(self._footer_text(self.page_no())), align="C")

        def safe(self, text: str) -> str:
            shown, changed = pdf_text(text)
            self.replaced = self.replaced or changed
            # Each paragraph's direction from its first letter (Unicode's rule P2): "الهدف 1" keeps the number
            # on the left, a Danish line in an Arabic plan keeps its full stop on the right.
            strong = next((d for d in map(unicodedata.bidirectional, shown) if d in ("L", "R", "AL")), None)
            right_to_left = self.right_to_left if strong is None else strong != "L"
            self.set_text_shaping(True, direction="rtl" if right_to_left else "ltr")
            return shown

        def para(self, text: str | None, *, size: float = 11, style: str = "", indent: float = 0,
                 space_before: float = 0) -> None:
            if not text:
                return
            if space_before:
                self.ln(space_before)
            self.set_font(FONT, style=style, size=size)
            self.set_x(self.l_margin + indent)
            self.multi_cell(self.epw - indent, LINE_MM if size <= 12 else size * 0.5, self.safe(text),
                            align=self.align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

        def rule(self) -> None:
            self.ln(2)
            self.set_draw_color(180, 180, 180)
            self.line(self.l_margin, self.get_y(), self.l_margin + self.epw, self.get_y())
            self.ln(3)

    return _PlanPDF


def new_document(title: str, footer_text: Callable[[int], str], language: str = "da") -> "PlanDocument":
    """An A4 document in the language's direction, titled, with the footer on each page and its first page
    begun."""
    pdf = _document_class()(footer_text, language)
    pdf.set_title(pdf_text(title)[0])
    pdf.set_lang(language)
    pdf.set_creator("Borgerbudget")
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, margin=MARGIN_MM)
    pdf.add_page()
    return pdf


def _item(pdf: "PlanDocument", item: ItemView, *, budget: Budget, indent: float, _: Translate,
          money_fmt: Callable[[int | None], str], status_labels: Mapping[str, str], needs_goal: bool) -> None:
    pdf.para(item.title, style="B", indent=indent, space_before=2)
    pdf.para(price_line(item, _, money_fmt), indent=indent)
    pdf.para(_("Status: {status}", status=_(status_labels.get(item.status, item.status))), indent=indent)
    if item.shop:
        pdf.para(_("Butik eller link: {shop}", shop=item.shop), size=10, indent=indent)
    if item.note:
        pdf.para(_("Note: {note}", note=item.note), size=10, indent=indent)
    if budget.is_over_left(item):
        pdf.para(_("Koster mere, end der er tilbage."), style="I", indent=indent)
    if needs_goal and item.status in EDITABLE:
        pdf.para(_("Ønsket mangler et mål."), style="I", indent=indent)


def _goal(pdf: "PlanDocument", number: int, goal: GoalView, categories: Mapping[str, str], _: Translate,
          item_args: dict) -> None:
    pdf.para(_("Mål {number}", number=number), size=13, style="B", space_before=2)
    pdf.para(goal.text)
    if goal.category in categories:
        pdf.para(_("Emne: {category}", category=_(categories[goal.category])), size=10)
    for item in goal.items:
        _item(pdf, item, indent=INDENT_MM, **item_args)
    for sub in goal.sub_goals:
        pdf.para(_("Delmål"), style="B", indent=INDENT_MM, space_before=3)
        pdf.para(sub.text, indent=INDENT_MM)
        for item in sub.items:
            _item(pdf, item, indent=2 * INDENT_MM, **item_args)
    pdf.para(_("Ønskerne til dette mål koster {amount} i alt.", amount=item_args["money_fmt"](goal.subtotal_ore)),
             style="B", space_before=3)
    pdf.rule()


def plan_pdf(plan_view: PlanView, categories: Sequence[Mapping[str, str]], translate: Translate,
             money_fmt: Callable[[int | None], str], date_fmt: Callable[[date], str], *,
             status_labels: Mapping[str, str] | None = None, language: str = "da",
             today: date | None = None) -> bytes:
    """The whole plan as PDF bytes.

    ``categories``: [{key, label}] with Danish label msgids; ``translate(msgid, **params)`` fills
    placeholders; ``status_labels``: item status -> msgid (default: the pages' labels).
    """
    status_labels = ITEM_STATUS_LABELS if status_labels is None else status_labels  # the pages' words
    _ = translate  # named _ so that pybabel extracts the texts below
    today = today or datetime.now(TIMEZONE).date()
    budget = plan_view.budget
    pdf = new_document(_("Min plan"), lambda page: _("Side {page} af {pages}", page=page, pages="{nb}"), language)

    pdf.para(_("Min plan"), size=20, style="B")
    pdf.para(_("Lavet {date}.", date=date_fmt(today)), size=10)
    if plan_view.status == CitizenStatus.PAUSED.value:
        pdf.para(_("Din plan holder pause lige nu. Intet er væk."), style="I", space_before=2)
    elif plan_view.status == CitizenStatus.ENDED.value:
        pdf.para(_("Dit forløb er slut."), style="I", space_before=2)
    pdf.para(plan_view.status_reason, size=10)

    pdf.para(_("Budget: {total}", total=money_fmt(budget.total_ore)), size=13, style="B", space_before=4)
    pdf.para(_("Godkendt: {amount}", amount=money_fmt(budget.approved_ore)))
    pdf.para(_("I din plan, ikke godkendt endnu: {amount}", amount=money_fmt(budget.planned_ore)))
    pdf.para(_("Tilbage nu: {amount}", amount=money_fmt(budget.left_ore)))
    if budget.level == "over":
        pdf.para(_("Din plan koster {amount} mere, end der er tilbage.", amount=money_fmt(-budget.left_after_plan_ore)),
                 style="B")
    pdf.para(_("Dit budget gælder til {date}.", date=date_fmt(plan_view.end_date)))
    pdf.rule()

    labels = {c["key"]: c["label"] for c in categories}
    item_args = dict(budget=budget, _=_, money_fmt=money_fmt, status_labels=status_labels, needs_goal=False)
    if not plan_view.goals and not plan_view.unlinked_items:
        pdf.para(_("Din plan er tom."))
    for number, goal in enumerate(plan_view.goals, start=1):
        _goal(pdf, number, goal, labels, _, item_args)
    if plan_view.unlinked_items:
        pdf.para(_("Ikke koblet til et mål"), size=13, style="B", space_before=2)
        for item in plan_view.unlinked_items:
            _item(pdf, item, indent=INDENT_MM, **{**item_args, "needs_goal": True})
        pdf.rule()
    if pdf.replaced:
        pdf.para(_("Nogle tegn kan ikke vises i PDF'en. Der står et ? i stedet. Du kan se al din tekst i appen."),
                 size=10, style="I", space_before=2)
    return bytes(pdf.output())
