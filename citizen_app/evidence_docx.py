""""Status til udvalget" as a Word file (python-docx), for staff who edit it before it goes to the committee.
Real headings and tables (read by screen readers); each chart is a small table with the bar drawn in block
characters, followed by its text alternative."""
from __future__ import annotations

import io

from citizen_app.evidence_content import Chart, StatusDocument

BAR_CELLS = 20


def _chart(doc, chart: Chart) -> None:
    doc.add_paragraph(chart.title, style="Heading 3")
    top = max((b.value for b in chart.bars), default=0) or 1
    table = doc.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    for bar in chart.bars:
        cells = table.add_row().cells
        cells[0].text = bar.label
        cells[1].text = "█" * round(BAR_CELLS * bar.value / top)
        cells[2].text = bar.shown
    doc.add_paragraph(chart.text_alternative).runs[0].italic = True


def status_docx(document: StatusDocument, language: str = "da") -> bytes:
    from docx import Document
    doc = Document()
    doc.core_properties.title = document.title
    doc.core_properties.language = language
    doc.add_heading(document.title, level=1)
    for line in (*document.lead, *document.intro):
        doc.add_paragraph(line)
    for section in document.sections:
        doc.add_heading(section.title, level=2)
        for paragraph in section.paragraphs:
            doc.add_paragraph(paragraph)
        table = doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for what, figure in section.rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = what, figure
        if section.chart is not None:
            _chart(doc, section.chart)
        doc.add_paragraph(section.method)
    for paragraph in document.closing:
        doc.add_paragraph(paragraph)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
