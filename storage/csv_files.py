"""Every CSV file the app writes goes through here, so no cell can open as a formula in a spreadsheet.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(``=HYPERLINK(...)``, ``+cmd|' /C calc'!A0``), and a leading tab or carriage return can hide such a start.
Text written by people (a vendor, a reference, a reason, a name) is therefore prefixed with an apostrophe
when it starts like that — the spreadsheets' own sign for "this is text", shown as the text itself (OWASP's
advice for CSV injection). Numbers stay numbers: a negative change in a report is a value, not a formula.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

# The ASCII starts, their full-width forms (some spreadsheets fold them), and the invisible starters.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: object) -> object:
    """The value as a spreadsheet will take it literally. Only text is changed; None becomes empty."""
    if value is None:
        return ""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):  # "  =1+1" is a formula too
        return "'" + value
    return value


def write_csv(header: Sequence[str], rows: Iterable[Sequence[object]], *, delimiter: str = ",") -> str:
    """The whole file as text: a header row and the rows, every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow([safe_cell(h) for h in header])
    writer.writerows([safe_cell(v) for v in row] for row in rows)
    return out.getvalue()
