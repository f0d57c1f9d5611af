"""File → Import tracker…: an Excel tracker previewed, ticked rows recorded, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QTableWidget
from pytestqt.qtbot import QtBot

from app.domain.enums import ProgressStatus
from app.services import tracker
from app.ui.importing import questions as import_prompts
from app.ui.main_window import MainWindow
from tests.ui.conftest import MessageLog
from tests.ui.journeys.person import find

WAIT_MS = 10_000


def _tracker(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Report", "Recommendation", "Status", "Owner", "Notes"])
    sheet.append(["Getting a grip", "Recommendation 2: forces should review whether they have "
                  "effective processes in place to reduce the risk of skilled personnel leaving",
                  "Complete", "Head of HR", "Exit survey running since October."])  # fmt: skip
    sheet.append(["Getting a grip", "Recommendation 6", "In progress", "", ""])
    sheet.append(["Another report", "Something this database never heard of.", "Open", "", ""])
    book.save(path)
    return path


def test_a_tracker_is_previewed_and_only_ticked_rows_are_recorded(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _tracker(tmp_path / "panel tracker.xlsx")
    monkeypatch.setattr(import_prompts, "choose_file", lambda *_a: str(path))
    file_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&File")
    action = next(a for a in file_menu.actions() if a.text() == "Import &tracker…")
    action.trigger()
    command = window.tracker_import
    qtbot.waitUntil(lambda: command.preview is not None, timeout=WAIT_MS)
    preview = command.preview
    assert preview is not None
    table = find(preview, "Tracker rows", QTableWidget)
    rows = [[item.text() if (item := table.item(r, c)) else "" for c in range(5)]
            for r in range(table.rowCount())]  # fmt: skip
    assert rows[0][3].endswith("· Recommendation 2 (by reference and wording)")
    assert "Status: Open → Completed" in rows[0][4] and "Owner: none → Head of HR" in rows[0][4]
    assert rows[1][3].endswith("· Recommendation 6 (by reference)")
    assert rows[2][3].startswith("Not matched")
    second = table.item(1, 0)
    assert second is not None
    second.setCheckState(Qt.CheckState.Unchecked)  # the person leaves Recommendation 6 alone
    preview.record.click()
    recorded = "Recorded progress for 1 finding from panel tracker.xlsx."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == recorded, timeout=WAIT_MS)
    stored = {r.reference: r for r in tracker.tracker_rows(window.context.db)
              if "Getting a grip" in r.inspection_title}  # fmt: skip
    assert stored["Recommendation 2"].status is ProgressStatus.COMPLETED
    assert stored["Recommendation 2"].owner == "Head of HR"
    assert stored["Recommendation 2"].updates[-1].note == (
        "From the tracker panel tracker.xlsx, row 2: Exit survey running since October."
    )
    assert stored["Recommendation 6"].status is ProgressStatus.OPEN


def test_a_file_that_is_no_tracker_gets_one_sentence(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, message_log: MessageLog
) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("just,some\nwords,here\n", "utf-8")
    window.tracker_import.import_file(path)
    qtbot.waitUntil(lambda: bool(message_log.errors), timeout=WAIT_MS)
    (error,) = message_log.errors
    assert error.startswith("No tracker columns were found in notes.csv")
