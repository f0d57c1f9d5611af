"""The tracker in the window: its model as Qt expects, a read-only database, the samples
loaded while it is shown, and every word whole on a laptop's screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.db import sqlite_file
from app.db.database import Database
from app.domain.enums import HmicfrsStatus, ProgressStatus
from app.services import tracker
from app.ui.actions import ActionId
from app.ui.main_window import MainWindow
from app.ui.tracker.model import TrackerColumn
from tests.ui.helpers import LAPTOP
from tests.ui.journeys.person import ANSWER_MS, find
from tests.ui.tracker.conftest import TrackerPerson
from tests.ui.tracker.test_tracker_journey import count, stored


def test_the_model_is_what_qt_expects_through_filters_and_sorting(
    person: TrackerPerson, qtmodeltester: ModelTester
) -> None:
    view = person.open_tracker()
    qtmodeltester.check(view.model)
    view.filters.text.setText("norfolk")
    view.table.sortByColumn(TrackerColumn.LAST_UPDATE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 3


def test_a_read_only_database_is_tracked_but_not_changed(
    make_window: Callable[[Path], MainWindow], sample_db: Database, db_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:  # fmt: skip
    sample_db.close()
    monkeypatch.setattr(sqlite_file, "can_write", lambda _path: False)
    window = make_window(db_path)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    person = TrackerPerson(qtbot, window)
    view = person.open_tracker()
    assert count(window) == "6 findings shown: 6 open, 3 overdue"
    person.click(person.cell("Recommendation 2", "Status"))
    person.press(Qt.Key.Key_F2)
    assert person.table.hasFocus()  # no editor
    assert not find(window, "Add progress update", QAbstractButton).isEnabled()
    assert find(window, "Open finding", QAbstractButton).isEnabled()
    assert not view.model.flags(person.cell("Recommendation 2", "Owner")) & (
        Qt.ItemFlag.ItemIsEditable
    )
    person.press(Qt.Key.Key_Return)  # Enter opens the finding instead
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.splitter, timeout=ANSWER_MS)


def test_samples_loaded_while_the_tracker_is_shown_open_the_inspections(
    make_window: Callable[[Path], MainWindow], db_path: Path, qtbot: QtBot
) -> None:
    window = make_window(db_path)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    person = TrackerPerson(qtbot, window)
    assert window.stack.currentWidget() is window.welcome
    person.open_tracker()
    assert count(window).startswith("No findings to track yet")
    window.commands[ActionId.LOAD_SAMPLES].trigger()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.splitter, timeout=ANSWER_MS)
    qtbot.waitUntil(lambda: window.page.inspection_id is not None, timeout=ANSWER_MS)
    person.open_tracker()
    assert count(window) == "6 findings shown: 6 open, 3 overdue"


def test_every_word_is_whole_at_1366_by_768(person: TrackerPerson, sample_db: Database) -> None:
    rec = stored(sample_db, "Recommendation 6").id
    tracker.record_progress(sample_db, rec, ProgressStatus.AWAITING_EVIDENCE)
    tracker.set_owner(sample_db, rec, "Performance and Insight")
    tracker.set_hmicfrs_status(sample_db, rec, HmicfrsStatus.NO_FURTHER_ACTION)
    view = person.open_tracker()
    table = view.table
    metrics = table.fontMetrics()
    height = table.verticalHeader().defaultSectionSize()
    cut = []
    for row in range(view.model.rowCount()):
        for column in TrackerColumn:
            if column is TrackerColumn.INSPECTION:
                continue  # takes the rest: a long title is cut, whole in its tooltip
            text = str(view.model.index(row, column).data())
            room = QRect(0, 0, table.columnWidth(column) - 8, 10 * height)
            needs = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, text)
            if needs.height() > height or needs.width() > room.width():
                cut.append(text)
    assert cut == []
    assert table.columnWidth(TrackerColumn.INSPECTION) >= metrics.averageCharWidth() * 30
