"""The tracker's table: dates sorted as dates, changes refused with a sentence and nothing
saved, the files written from the File menu, every control named."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QHeaderView, QLineEdit, QPlainTextEdit

from app.db.database import Database
from app.services import tracker
from app.ui.main_window import MainWindow
from app.ui.tracker import exports
from app.ui.tracker.delegates import TargetDateDelegate
from tests.ui.conftest import MessageLog
from tests.ui.journeys.person import ANSWER_MS, find
from tests.ui.test_usability import _unnamed
from tests.ui.tracker.conftest import TrackerPerson
from tests.ui.tracker.test_tracker_journey import stored

TARGETS = {  # in text order 01/12, 05/03, 20/11: only a date sort puts them right
    "Area for improvement 1": dt.date(2024, 11, 20),
    "Area for improvement 2": dt.date(2024, 12, 1),
    "Area for improvement 3": dt.date(2025, 3, 5),
}


def test_target_dates_sort_as_dates_either_way_and_through_a_filter(
    person: TrackerPerson, sample_db: Database
) -> None:
    for reference, target in TARGETS.items():
        tracker.set_target(sample_db, stored(sample_db, reference).id, target)
    person.open_tracker()
    ascending = ["31/01/2024"] * 3 + ["20/11/2024", "01/12/2024", "05/03/2025"]
    assert person.column("Target date") == ascending
    header = person.table.horizontalHeader()
    assert isinstance(header, QHeaderView)
    target_column = person.cell("Area for improvement 1", "Target date").column()
    point = header.rect().topLeft()
    point.setX(header.sectionViewportPosition(target_column) + 5)
    point.setY(header.height() // 2)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, point)  # fmt: skip
    assert person.column("Target date") == list(reversed(ascending))
    # Words typed keep the order chosen.
    words = find(person.window, "Filter the tracker", QLineEdit)
    words.setFocus()
    QTest.keyClicks(words, "norfolk")
    assert person.column("Target date") == ["05/03/2025", "01/12/2024", "20/11/2024"]
    assert person.column("Overdue")[0].startswith(("Due in", "Overdue by"))


def test_a_date_that_is_not_one_is_refused_with_a_sentence_and_nothing_saved(
    person: TrackerPerson, sample_db: Database, message_log: MessageLog
) -> None:
    person.open_tracker()
    person.click(person.cell("Recommendation 2", "Target date"))
    person.press(Qt.Key.Key_F2)
    editor = person.focused(QLineEdit)
    assert editor.accessibleName() == "Target date"
    QTest.keyClicks(editor, "31/02/2025")
    person.commit()
    assert message_log.errors == [
        "“31/02/2025” is not a date. Type the date as day/month/year, for example 20/11/2026."
    ]
    finding = stored(sample_db, "Recommendation 2")
    assert finding.target_on == dt.date(2024, 1, 31) and not finding.target_set
    assert person.cell("Recommendation 2", "Target date").data() == "31/01/2024"


def test_a_date_typed_day_first_is_saved_and_blank_goes_back_to_the_due_date(
    person: TrackerPerson, sample_db: Database
) -> None:
    person.open_tracker()
    person.click(person.cell("Recommendation 2", "Target date"))
    person.press(Qt.Key.Key_F2)
    QTest.keyClicks(person.focused(QLineEdit), "5 Mar 26")
    person.commit()
    assert stored(sample_db, "Recommendation 2").target_on == dt.date(2026, 3, 5)
    assert person.cell("Recommendation 2", "Target date").data() == "05/03/2026"
    person.press(Qt.Key.Key_Return)  # Enter edits an editable cell, as F2 does
    editor = person.focused(QLineEdit)
    editor.selectAll()
    person.press(Qt.Key.Key_Delete, widget=editor)
    person.commit()
    finding = stored(sample_db, "Recommendation 2")
    assert finding.target_on == dt.date(2024, 1, 31) and not finding.target_set


def test_a_change_the_service_refuses_shows_its_sentence_and_the_row_keeps_its_value(
    person: TrackerPerson, sample_db: Database, message_log: MessageLog
) -> None:
    person.open_tracker()
    person.click(person.cell("Recommendation 6", "Owner"))
    person.press(Qt.Key.Key_F2)
    person.focused(QLineEdit).setText("x" * 201)
    person.commit()
    assert message_log.errors == ["An owner's name can be at most 200 characters long."]
    assert stored(sample_db, "Recommendation 6").owner == ""
    assert person.cell("Recommendation 6", "Owner").data() == ""
    # A note is needed when the status stays the same.
    person.click_button("Add progress update")
    person.see_the_answer()
    assert message_log.errors[-1] == (
        "The finding is already “Open”: write a note or choose another status."
    )
    assert stored(sample_db, "Recommendation 6").updates == ()


def test_an_owner_typed_once_is_offered_again(person: TrackerPerson, sample_db: Database) -> None:
    person.open_tracker()
    person.click(person.cell("Recommendation 6", "Owner"))
    person.press(Qt.Key.Key_F2)
    QTest.keyClicks(person.focused(QLineEdit), "Head of Public Protection")
    person.commit()
    assert stored(sample_db, "Recommendation 6").owner == "Head of Public Protection"
    person.click(person.cell("Recommendation 2", "Owner"))
    person.press(Qt.Key.Key_F2)
    editor = person.focused(QLineEdit)
    completer = editor.completer()
    assert completer is not None
    QTest.keyClicks(editor, "public")
    popup = completer.popup()
    assert popup is not None
    person.qtbot.waitUntil(popup.isVisible, timeout=ANSWER_MS)
    assert completer.currentCompletion() == "Head of Public Protection"
    person.press(Qt.Key.Key_Escape, widget=popup)
    person.press(Qt.Key.Key_Escape, widget=editor)
    person.qtbot.waitUntil(person.table.hasFocus, timeout=ANSWER_MS)


@pytest.mark.parametrize(("name", "lines"), [("tracker.csv", 4), ("Recommendation tracker", 0)])
def test_export_tracker_writes_the_filtered_rows_on_the_worker(
    person: TrackerPerson, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, lines: int
) -> None:
    chosen = tmp_path / name
    monkeypatch.setattr(exports, "choose_export_path", lambda *_a: chosen)
    person.open_tracker()
    find(person.window, "Overdue only", QCheckBox).setChecked(True)
    action = _file_command(person.window, "Export trac&ker…")
    if not chosen.suffix:  # the dialog gives its kind's ending to a name typed without one
        chosen = chosen.with_suffix(".xlsx")
        monkeypatch.setattr(exports, "choose_export_path", lambda *_a: chosen)
    action.trigger()
    bar = person.window.statusBar()
    person.qtbot.waitUntil(lambda: bar.currentMessage().startswith("Wrote"), timeout=ANSWER_MS)
    assert bar.currentMessage() == f"Wrote 3 findings to {chosen}."
    if lines:
        text = chosen.read_text(encoding="utf-8-sig")
        assert len(list(csv.reader(io.StringIO(text)))) == lines
    else:
        assert chosen.read_bytes()[:2] == b"PK"  # a workbook is a zip


def test_export_deadlines_writes_a_calendar(
    person: TrackerPerson, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "deadlines.ics"
    monkeypatch.setattr(exports, "choose_export_path", lambda *_a: chosen)
    person.open_tracker()
    _file_command(person.window, "Export dead&lines to calendar…").trigger()
    bar = person.window.statusBar()
    person.qtbot.waitUntil(lambda: bar.currentMessage().startswith("Wrote"), timeout=ANSWER_MS)
    assert bar.currentMessage().endswith(f"deadlines to {chosen}.")
    assert chosen.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_every_control_of_the_tracker_has_a_name(person: TrackerPerson) -> None:
    window = person.window
    person.open_tracker()
    assert _unnamed(window) == []
    find(window, "Set a new target date", QCheckBox).setChecked(True)
    for heading in ("Status", "Owner", "Target date", "HMICFRS status"):
        person.click(person.cell("Recommendation 2", heading))
        person.press(Qt.Key.Key_F2)
        assert _unnamed(window) == [], heading
        person.press(Qt.Key.Key_Escape)
        person.qtbot.waitUntil(person.table.hasFocus, timeout=ANSWER_MS)
    for name in ("Status filter", "Kind filter", "Owner filter", "Force filter",
                 "Inspection filter", "New status"):  # fmt: skip
        assert find(window, name, QComboBox).accessibleName() == name
    assert find(window, "Progress note", QPlainTextEdit).isEnabled()
    assert isinstance(person.table.itemDelegateForColumn(5), TargetDateDelegate)


def _file_command(window: MainWindow, text: str) -> QAction:
    for action in window.menus["File"].actions():
        if action.text() == text:
            return action
    raise LookupError(text)
