"""The tracker's spreadsheet and CSV file, opened back as a person's Excel would read them."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from openpyxl import load_workbook
from pypdf import PdfReader

from app.documents.tracker_csv import tracker_csv
from app.documents.tracker_pdf import ProgressReport, progress_report_pdf
from app.documents.tracker_table import HEADINGS
from app.documents.tracker_xlsx import LINE_HEIGHT, row_height, tracker_xlsx
from app.domain.enums import ProgressStatus
from tests.documents.tracker_rows import tracked

ROWS = [
    tracked(2, ProgressStatus.IN_PROGRESS, overdue=True, text="Long words. " * 20),
    tracked(3, ProgressStatus.COMPLETED),
    tracked(6, ProgressStatus.AWAITING_EVIDENCE, target=None),
]


def test_the_workbook_has_real_dates_and_numbers_a_frozen_filtered_heading_and_counts() -> None:
    book = load_workbook(io.BytesIO(tracker_xlsx(ROWS)))
    assert book.sheetnames == ["Tracker", "By status"]
    sheet = book["Tracker"]
    assert tuple(c.value for c in sheet[1]) == HEADINGS
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:O4"
    first = {heading: cell for heading, cell in zip(HEADINGS, sheet[2], strict=True)}
    assert first["Finding id"].value == 2 and first["Updates"].value == 1
    assert first["Target"].value == dt.datetime(2024, 1, 31)  # a date, not text
    assert first["Target"].number_format == "dd/mm/yyyy"
    assert first["Status"].value == "In progress" and first["Overdue"].value == "Overdue"
    assert first["Owner"].value == "Head of Performance – Zoë Ørsted"
    assert first["HMICFRS status"].value == "Awaiting review"
    assert first["Finding"].alignment.wrap_text  # a long text wraps in a column kept narrow
    assert sheet.column_dimensions["F"].width == 70
    assert sheet.column_dimensions["A"].width == len("Finding id") + 2
    assert sheet.cell(4, HEADINGS.index("Target") + 1).value is None
    counts = {row[0]: row[1:] for row in book["By status"].iter_rows(min_row=2, values_only=True)}
    assert counts["In progress"] == (1, 1)
    assert counts["Implemented – awaiting evidence"] == (1, 0)
    assert counts["Not accepted"] == (0, 0)
    assert counts["Total"] == (3, 1)


def test_the_csv_file_is_utf8_with_a_byte_order_mark_and_dates_day_first() -> None:
    data = tracker_csv(ROWS)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == HEADINGS
    first = dict(zip(HEADINGS, rows[1], strict=True))
    assert (first["Target"], first["Published"], first["Status"]) == (
        "31/01/2024",
        "07/07/2023",
        "In progress",
    )
    assert first["Owner"] == "Head of Performance – Zoë Ørsted"
    assert len(rows) == 4


def test_the_progress_report_pdf_has_embedded_fonts_bookmarks_and_each_finding() -> None:
    report = ProgressReport("Recommendation progress", "Norfolk OPCC", dt.date(2024, 3, 1))
    data = progress_report_pdf(report, ROWS)
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Progress as at 1 March 2024: 3 findings, 1 of them overdue." in text
    assert "Implemented – awaiting evidence" in text and "Plan agreed." in text
    assert "Head of Performance – Zoë Ørsted" in text
    assert "Page 1 of" in text
    titles = [entry.title for entry in _flatten(reader.outline)]
    assert titles[:2] == ["Recommendation progress", ROWS[0].inspection_title]
    assert {"Recommendation 2", "Recommendation 3", "Recommendation 6"} <= set(titles)
    resources: list[Any] = [page["/Resources"] for page in reader.pages]
    fonts = {
        font.get_object()["/BaseFont"].split("+")[-1]
        for found in resources
        for font in found.get_object()["/Font"].values()
    }
    assert fonts <= {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}
    assert reader.metadata is not None and reader.metadata.title == "Recommendation progress"


def _flatten(outline: list[Any]) -> list[Any]:
    found: list[Any] = []
    for entry in outline:
        found += _flatten(entry) if isinstance(entry, list) else [entry]
    return found


def test_the_workbook_prints_for_a_panel_paper_and_its_rows_fit_their_words() -> None:
    long_text = "The force should review its approach to investigations. " * 6
    data = tracker_xlsx([tracked(2, ProgressStatus.OPEN, text=long_text),
                         tracked(3, ProgressStatus.OPEN, text="Short.")])  # fmt: skip
    sheet = load_workbook(io.BytesIO(data))["Tracker"]
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.print_title_rows == "$1:$1"
    tall = sheet.row_dimensions[2].height
    assert tall is not None and tall >= 3 * LINE_HEIGHT  # LibreOffice shows every line
    assert (sheet.row_dimensions[3].height or LINE_HEIGHT) < tall
    assert row_height(["a" * 50], [(0, 19)]) == 3 * LINE_HEIGHT
