"""After publication, the whole way: from the dashboard to the tracker, progress recorded with a
note, and the panel's papers written: a workbook and a PDF that say what was recorded."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QPushButton, QStatusBar

from app.domain.enums import ProgressStatus
from app.ui.dashboard.bars import ProgressBars
from app.ui.tracker import exports
from tests.ui.journeys.person import ANSWER_MS, find, find_all
from tests.ui.tracker.conftest import TrackerPerson
from tests.ui.tracker.test_tracker_journey import stored
from tests.ui.tracker.test_tracker_view import _file_command

NOTE = "Exit survey launched; first results to the January board."


def _answer(path: Path) -> Callable[..., Path]:
    """The save dialog, answered with ``path``."""
    return lambda *_args: path


def _saying(bar: QStatusBar, words: str) -> Callable[[], bool]:
    return lambda: bar.currentMessage() == words


def test_from_the_dashboard_to_progress_recorded_and_the_panel_s_papers(
    person: TrackerPerson, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, qtbot = person.window, person.qtbot
    db = window.context.db
    # The dashboard is the home: the samples' recommendations are past their target dates.
    home = window.home
    qtbot.waitUntil(lambda: home.showing_dashboard and not home.view.loading, timeout=ANSWER_MS)
    late = [b.accessibleName() for b in find_all(window, QPushButton, "Recommendation 2 — ")]
    assert late and "overdue by" in late[0]
    bars = find(window, "Recommendations by progress status", ProgressBars)
    assert "Open 6" in bars.accessibleDescription()

    # The "Open" bar, chosen with the keyboard, opens the tracker at that status.
    bars.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(bars, Qt.Key.Key_Home)
    QTest.keyClick(bars, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.tracker, timeout=ANSWER_MS)
    person.see_the_answer()
    assert find(window, "Status filter", QComboBox).currentText() == "Open"

    # Recommendation 2: In progress, with a note.
    person.click(person.cell("Recommendation 2", "Status"))
    status = find(window, "New status", QComboBox)
    status.setCurrentIndex(status.findData(ProgressStatus.IN_PROGRESS.value))
    note = find(window, "Progress note", QPlainTextEdit)
    note.setFocus()
    QTest.keyClicks(note, NOTE)
    person.click_button("Add progress update")
    person.see_the_answer()
    saved = stored(db, "Recommendation 2")
    assert saved.status is ProgressStatus.IN_PROGRESS and saved.updates[-1].note == NOTE
    assert "5 open, 1 in progress" in find(window, "Number of findings shown", QLabel).text()

    # The panel's papers, with every finding whatever the status (the filter back to any).
    find(window, "Status filter", QComboBox).setCurrentIndex(0)
    bar = window.statusBar()
    for name in ("tracker.xlsx", "progress.pdf"):
        chosen = tmp_path / name
        monkeypatch.setattr(exports, "choose_export_path", _answer(chosen))
        _file_command(window, "Export trac&ker…").trigger()
        qtbot.waitUntil(_saying(bar, f"Wrote 6 findings to {chosen}."), timeout=ANSWER_MS)
    sheet = load_workbook(io.BytesIO((tmp_path / "tracker.xlsx").read_bytes()))["Tracker"]
    headings = [cell.value for cell in sheet[1]]
    rows = [dict(zip(headings, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]
    (recommendation_2,) = [r for r in rows if r["Reference"] == "Recommendation 2"]
    assert recommendation_2["Status"] == "In progress" and recommendation_2["Latest note"] == NOTE
    report = PdfReader(tmp_path / "progress.pdf")
    text = " ".join(page.extract_text() for page in report.pages)
    assert "In progress" in text and "Exit survey launched" in text
