""""Status til udvalget" as PDF (fpdf2, as citizen_app/printable.py): headings, tables of figures, a bar chart per
section drawn with fpdf2's own shapes (matplotlib is not installed), its text alternative under it, and the
method. The PDF's own title and language are set, so a screen reader announces them."""
from __future__ import annotations

from collections.abc import Callable

from citizen_app.evidence_content import Chart, Section, StatusDocument
from citizen_app.printable import FONT, MARGIN_MM, new_document

BAR_MM = 6
LABEL_MM = 62
VALUE_MM = 48
BAR_COLOUR = (31, 86, 140)   # dark blue: 7:1 against white, so the bars read in greyscale print as well


def _table(pdf, rows: tuple[tuple[str, str], ...]) -> None:
    from fpdf.enums import XPos, YPos
    pdf.set_font(FONT, size=10)
    for what, figure in rows:
        y = pdf.get_y()
        pdf.multi_cell(pdf.epw * 0.55, 5, pdf.safe(what), new_x=XPos.RIGHT, new_y=YPos.TOP)
        pdf.multi_cell(pdf.epw * 0.45, 5, pdf.safe(figure), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_y(max(pdf.get_y(), y + 5))


def _chart(pdf, chart: Chart) -> None:
    pdf.para(chart.title, size=10, style="B", space_before=2)
    top = max((b.value for b in chart.bars), default=0) or 1
    width = pdf.epw - LABEL_MM - VALUE_MM
    for bar in chart.bars:
        if pdf.will_page_break(BAR_MM + 1):
            pdf.add_page()
        y = pdf.get_y()
        pdf.set_font(FONT, size=9)
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(LABEL_MM - 2, BAR_MM, pdf.safe(bar.label)[:48])
        pdf.set_fill_color(*BAR_COLOUR)
        length = max(width * bar.value / top, 0.5 if bar.value else 0)
        if length:
            pdf.rect(pdf.l_margin + LABEL_MM, y + 1, length, BAR_MM - 2, style="F")
        pdf.set_xy(pdf.l_margin + LABEL_MM + width + 2, y)
        pdf.cell(VALUE_MM - 2, BAR_MM, pdf.safe(bar.shown)[:40])
        pdf.set_y(y + BAR_MM + 1)
    pdf.para(chart.text_alternative, size=9, style="I", space_before=1)


def _section(pdf, section: Section) -> None:
    if pdf.will_page_break(50):
        pdf.add_page()
    pdf.para(section.title, size=14, style="B", space_before=4)
    for paragraph in section.paragraphs:
        pdf.para(paragraph)
    _table(pdf, section.rows)
    if section.chart is not None:
        _chart(pdf, section.chart)
    pdf.para(section.method, size=9, space_before=1)
    pdf.rule()


def status_pdf(document: StatusDocument, page_footer: Callable[[int], str], language: str = "da") -> bytes:
    pdf = new_document(document.title, page_footer, language)
    pdf.para(document.title, size=20, style="B")
    for line in document.lead:
        pdf.para(line, size=10)
    for paragraph in document.intro:
        pdf.para(paragraph, space_before=2)
    pdf.rule()
    for section in document.sections:
        _section(pdf, section)
    for paragraph in document.closing:
        pdf.para(paragraph, space_before=2)
    return bytes(pdf.output())
