"""Existing trackers read by their headings' words, wherever the columns are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.domain.enums import ProgressStatus
from app.domain.errors import ImportFailure
from app.importers.tracker_sheet import read_date, read_status, read_tracker_sheet


def _workbook(path: Path, rows: list[list[object]], *, title_rows: int = 0) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for _ in range(title_rows):
        sheet.append(["Norfolk OPCC – HMICFRS recommendations tracker"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_columns_are_found_by_their_words_under_a_title(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "tracker.xlsx", [
        ["Lead officer", "Rec No.", "Recommendation", "RAG status", "Due date", "Latest update"],
        ["Supt Jones", 2, "Forces should review exit interviews.", "Amber",
         dt.datetime(2024, 1, 31), "Survey launched."],
        [None, None, None, None, None, None],
        ["HR", "Rec 3", "Forces should act on what they learn.", "Complete", "By March 2024", ""],
    ], title_rows=2)  # fmt: skip
    sheet = read_tracker_sheet(path)
    assert sheet.columns == {
        "owner": "Lead officer", "reference": "Rec No.", "text": "Recommendation",
        "status": "RAG status", "target": "Due date", "note": "Latest update",
    }  # fmt: skip
    first, second = sheet.rows
    assert (first.line, first.reference, first.status, first.owner, first.target, first.note) == (
        4, "2", ProgressStatus.IN_PROGRESS, "Supt Jones", dt.date(2024, 1, 31), "Survey launched."
    )
    assert (second.line, second.status, second.target) == (
        6, ProgressStatus.COMPLETED, dt.date(2024, 3, 31)
    )


def test_a_csv_in_excel_s_own_encoding_with_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_bytes(
        "Reference;Recommendation;Status;Owner;Target date;Notes\r\n"
        "Recommendation 6;Detectives’ workloads reviewed;Blocked by vendor;DCI Smith;"
        "31/05/2024;Waiting – see minutes\r\n".encode("cp1252")
    )
    (row,) = read_tracker_sheet(path).rows
    assert (row.reference, row.owner, row.target) == (
        "Recommendation 6", "DCI Smith", dt.date(2024, 5, 31)
    )
    assert row.status is None and row.note.endswith("Status in the tracker: Blocked by vendor")
    assert read_tracker_sheet(path).warnings == (
        "Row 2: the status “Blocked by vendor” was not recognised; it is kept in the notes.",
    )


@pytest.mark.parametrize(("words", "status"), [
    ("Completed", ProgressStatus.COMPLETED),
    ("closed – evidence accepted", ProgressStatus.AWAITING_EVIDENCE),
    ("In progress", ProgressStatus.IN_PROGRESS), ("not_accepted", ProgressStatus.NOT_ACCEPTED),
    ("Superseded by 2024 report", ProgressStatus.SUPERSEDED), ("Not started", ProgressStatus.OPEN),
    ("", None), ("???", None),
])  # fmt: skip
def test_statuses_are_read_from_their_words(words: str, status: ProgressStatus | None) -> None:
    assert read_status(words) is status


def test_dates_in_every_form_a_tracker_writes_them() -> None:
    assert read_date(dt.datetime(2024, 2, 3, 0, 0)) == dt.date(2024, 2, 3)
    assert read_date("03/02/2024") == dt.date(2024, 2, 3)
    assert read_date("January 2025") == dt.date(2025, 1, 31)
    assert read_date("soon") is None


def test_a_sheet_without_tracker_headings_is_refused_with_a_sentence(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "budget.xlsx", [["Cost centre", "Amount"], ["A1", 3]])
    with pytest.raises(ImportFailure, match=r"No tracker columns were found in budget\.xlsx"):
        read_tracker_sheet(path)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ImportFailure, match="could not be read as an Excel workbook"):
        read_tracker_sheet(broken)
    with pytest.raises(ImportFailure, match="choose an Excel workbook"):
        read_tracker_sheet(tmp_path / "tracker.ods")
