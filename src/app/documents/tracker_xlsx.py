"""The recommendation tracker as an Excel workbook, for Police and Crime Panel papers.

The first sheet has one row per finding under a frozen heading row with a filter, dates as real
dates shown day first and numbers as numbers, columns as wide as their contents (up to a limit,
long texts wrapped, each row as tall as its longest text: LibreOffice does not work that out
itself), printed landscape one page wide; the second counts the findings at each status.
openpyxl is loaded here only, when a workbook is first written.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from app.documents.tracker_table import COLUMNS, HEADINGS, Cell, as_text, cells
from app.domain.enums import ProgressStatus
from app.domain.tracking import TrackedFinding

DATE_FORMAT = "dd/mm/yyyy"
TRACKER_SHEET = "Tracker"
SUMMARY_SHEET = "By status"
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True)  # at the foot of the row, as every other cell is
A4 = "9"  # OOXML's number for A4 paper
LINE_HEIGHT = 15.0  # points: one line of Excel's default 11-point font
TALLEST_ROW = 409.0  # points: the most a spreadsheet row may be
_SAMPLED_ROWS = 500
"""Column widths are fitted to the heading and the first rows: enough to judge, and quick."""


def tracker_xlsx(rows: Sequence[TrackedFinding], *, title: str = "Recommendation tracker") -> bytes:
    """The workbook's bytes."""
    book = Workbook(write_only=True)  # streamed: 30,000 findings in about two seconds
    book.properties.title = title
    book.properties.language = "en-GB"
    sheet = book.create_sheet(TRACKER_SHEET)
    table = [cells(row) for row in rows]
    wraps = _fit_columns(sheet, table)
    wrapping = [  # (column, characters a line holds) of the columns that wrap
        (n, max(1, int(sheet.column_dimensions[get_column_letter(n + 1)].width) - 1))
        for n, wrap in enumerate(wraps) if wrap
    ]  # fmt: skip
    sheet.freeze_panes = "A2"
    _print_setup(sheet)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(table) + 1}"
    sheet.append([_bold(sheet, heading) for heading in HEADINGS])
    styles = _Styles(sheet)
    for number, values in enumerate(table, start=2):
        height = row_height(values, wrapping)
        if height > LINE_HEIGHT:  # LibreOffice keeps a row one line high unless told
            # The streamed sheet writes a row's dimensions as the attributes of its <row>: a
            # plain mapping says it at no cost, where a RowDimension each took 0.4 s in all.
            sheet.row_dimensions[number] = {"ht": f"{height:g}", "customHeight": "1"}
        sheet.append([styles.cell(value, wrap) for value, wrap in zip(values, wraps, strict=True)])
    _add_summary(book, rows)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _fit_columns(sheet: Any, table: list[list[Cell]]) -> list[bool]:
    """Set each column's width from its heading and first rows; which columns wrap."""
    wraps: list[bool] = []
    for index, column in enumerate(COLUMNS):
        widest = max((len(as_text(row[index])) for row in table[:_SAMPLED_ROWS]), default=0)
        fits = len(column.heading) + 2  # a heading is never cut short
        width = min(max(widest + 2, fits), max(column.width, fits))
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
        wraps.append(widest > column.width)
    return wraps


def row_height(values: Sequence[Cell], wrapping: Sequence[tuple[int, int]]) -> float:
    """Points for a row whose wrapped cells need several lines (about one character of the
    default font per unit of column width); ``wrapping``: (column, characters a line holds)."""
    lines = 1
    for column, per_line in wrapping:
        value = values[column]
        if isinstance(value, str) and len(value) > per_line:
            needed = sum(-(-max(1, len(part)) // per_line) for part in value.split("\n"))
            lines = max(lines, needed)
    return min(TALLEST_ROW, lines * LINE_HEIGHT)


def _print_setup(sheet: Any) -> None:
    """Printed for a panel paper: landscape, one page wide, the heading row on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _bold(sheet: Any, value: Cell) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value)
    cell.font = _BOLD
    return cell


class _Styles:
    """Cells for the rows: a date shown day first, a long text wrapped, nothing left out.

    Each style is looked up once and shared by every cell that has it (looking it up, or even
    copying it, for each of 30,000 rows would take most of the export's time).
    """

    def __init__(self, sheet: Any) -> None:
        date, wrapped = WriteOnlyCell(sheet), WriteOnlyCell(sheet)
        date.number_format = DATE_FORMAT
        wrapped.alignment = _WRAP
        self.sheet, self.date, self.wrapped = sheet, date._style, wrapped._style

    def cell(self, value: Cell, wrap: bool) -> Cell | WriteOnlyCell:
        if value == "":
            return None  # no cell at all: smaller, and quicker to write
        if isinstance(value, dt.date):
            return self._styled(value, self.date)
        # A plain value needs no cell of its own: openpyxl takes a styled one the slow way
        # (through an exception), so only dates and long texts get one.
        return self._styled(value, self.wrapped) if wrap else value

    def _styled(self, value: Cell, style: Any) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet)
        cell._style = style  # shared, never changed: a streamed row is written as it is added
        cell.value = value
        return cell


def _add_summary(book: Workbook, rows: Sequence[TrackedFinding]) -> None:
    sheet = book.create_sheet(SUMMARY_SHEET)
    for letter, width in (("A", 34), ("B", 12), ("C", 18)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.append([_bold(sheet, heading) for heading in ("Status", "Findings", "Of which overdue")])
    for status in ProgressStatus:
        at = [row for row in rows if row.status is status]
        sheet.append([status.label, len(at), sum(1 for row in at if row.overdue)])
    total: list[Cell] = ["Total", len(rows), sum(1 for row in rows if row.overdue)]
    sheet.append([_bold(sheet, value) for value in total])
