"""A person tracks the samples' findings after publication: filters, changes a status in place
with the keyboard, adds a progress update with a note, and opens the finding."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTableWidget,
)

from app.db.database import Database
from app.domain.enums import HmicfrsStatus, ProgressStatus
from app.domain.tracking import TrackedFinding
from app.services import tracker
from app.ui.findings_tab import FindingsTab
from app.ui.main_window import MainWindow
from tests.ui.journeys.person import ANSWER_MS, find
from tests.ui.tracker.conftest import TrackerPerson

SPOTLIGHT = "PEEL Spotlight – Police performance: Getting a grip"


def stored(db: Database, reference: str) -> TrackedFinding:
    """The finding as the service reads it back from the file."""
    return next(row for row in tracker.tracker_rows(db) if row.reference == reference)


def count(window: MainWindow) -> str:
    return find(window, "Number of findings shown", QLabel).text()


def test_a_status_changed_in_place_is_saved_counted_noted_and_opened(
    person: TrackerPerson, sample_db: Database
) -> None:
    window, qtbot = person.window, person.qtbot
    person.open_tracker()
    assert count(window) == "6 findings shown: 6 open, 3 overdue"

    # Only the open ones: every finding is open so far.
    statuses = find(window, "Status filter", QComboBox)
    statuses.setFocus()
    person.press(Qt.Key.Key_Down, widget=statuses)
    assert statuses.currentText() == "Open"
    assert count(window) == "6 findings shown: 6 open, 3 overdue"

    # Recommendation 3's status, changed with the keyboard: F2, Down, Enter.
    person.click(person.cell("Recommendation 3", "Status"))
    person.press(Qt.Key.Key_F2)
    editor = person.focused(QComboBox)
    assert editor.accessibleName() == "Status" and editor.currentText() == "Open"
    person.press(Qt.Key.Key_Down)
    person.commit()
    assert stored(sample_db, "Recommendation 3").status is ProgressStatus.IN_PROGRESS
    assert person.cell("Recommendation 3", "Status").data() == "In progress"
    assert count(window) == "6 findings shown: 5 open, 1 in progress, 3 overdue"
    assert "is now “In progress”" in window.statusBar().currentMessage()
    assert person.table.hasFocus()  # the keyboard carries on down the table

    # Filtered again, only the open ones are left.
    person.press(Qt.Key.Key_Up, widget=statuses)  # "Any status"
    for _ in range(2):
        person.press(Qt.Key.Key_Down, widget=statuses)
    assert statuses.currentText() == "In progress"
    assert count(window) == "1 finding shown (of 6): 1 in progress, 1 overdue"

    # A progress update with a note, seen in the history, newest first.
    note = find(window, "Progress note", QPlainTextEdit)
    note.setFocus()
    QTest.keyClicks(note, "Training plan agreed with HR.")
    person.click_button("Add progress update")
    person.see_the_answer()
    updates = stored(sample_db, "Recommendation 3").updates
    assert [u.note for u in updates] == ["", "Training plan agreed with HR."]
    history = find(window, "Progress updates", QTableWidget)
    assert history.rowCount() == 2
    newest = [history.item(0, column) for column in range(history.columnCount())]
    assert [item.text() if item else "" for item in newest][1::2] == [
        "In progress",
        "Training plan agreed with HR.",
    ]
    assert note.toPlainText() == ""
    assert person.cell("Recommendation 3", "Last update").data() != ""

    # Open finding: the inspections again, the finding's row in its Findings tab.
    finding_id = stored(sample_db, "Recommendation 3").id
    person.click_button("Open finding")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.splitter, timeout=ANSWER_MS)
    tab = window.page.currentWidget()
    assert isinstance(tab, FindingsTab)
    qtbot.waitUntil(lambda: tab.current_finding_id() == finding_id, timeout=ANSWER_MS)
    assert window.current_summary() is not None
    assert window.current_summary().title == SPOTLIGHT  # type: ignore[union-attr]
    assert find(window, "Findings", QTableView).hasFocus()


def test_ctrl_t_goes_to_the_tracker_and_back(person: TrackerPerson) -> None:
    window = person.window
    window.register.filter_edit.setFocus()
    person.qtbot.waitUntil(window.register.filter_edit.hasFocus)
    view = person.open_tracker()
    assert view.table.hasFocus()
    person.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # the tracker's filter
    assert find(window, "Filter the tracker", QLineEdit).hasFocus()
    person.press(Qt.Key.Key_Tab)
    assert find(window, "Inspection filter", QComboBox).hasFocus()
    person.press(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.splitter
    assert window.register.filter_edit.hasFocus()  # the keyboard where it was
    # The register read again (F5) keeps the tracker shown.
    person.open_tracker()
    person.press(Qt.Key.Key_F5)
    person.see_the_answer()
    assert window.stack.currentWidget() is view


def test_the_inspectorates_status_is_chosen_in_place(
    person: TrackerPerson, sample_db: Database
) -> None:
    person.open_tracker()
    person.click(person.cell("Recommendation 6", "HMICFRS status"))
    person.press(Qt.Key.Key_F2)
    editor = person.focused(QComboBox)
    assert editor.accessibleName() == "HMICFRS status" and editor.currentText() == "Not known"
    person.press(Qt.Key.Key_End)
    person.commit()
    assert stored(sample_db, "Recommendation 6").hmicfrs_status is HmicfrsStatus.COMPLETE
    assert person.cell("Recommendation 6", "HMICFRS status").data() == "Complete"
    assert stored(sample_db, "Recommendation 6").updates == ()  # not a progress update
