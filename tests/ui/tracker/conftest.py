"""The tracker's tests drive the real window at a laptop's size, by accessible names and keys."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from app.ui.tracker import TrackerView
from tests.ui.helpers import show_on_a_laptop
from tests.ui.journeys.person import ANSWER_MS, find

W = TypeVar("W", bound=QWidget)


@dataclass
class TrackerPerson:
    """A person at the tracker: keys and clicks, found by accessible names."""

    qtbot: QtBot
    window: MainWindow

    @property
    def view(self) -> TrackerView:
        return find(self.window, "Recommendation tracker", TrackerView)

    @property
    def table(self) -> QTableView:
        return find(self.window, "Tracker table", QTableView)

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
              widget: QWidget | None = None) -> None:  # fmt: skip
        target = widget or QApplication.focusWidget() or self.window
        QTest.keyClick(target, key, modifiers)

    def open_tracker(self) -> TrackerView:
        """Ctrl+T, as the View menu says; then the rows as read on the database worker."""
        self.press(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        self.qtbot.waitUntil(lambda: self.window.stack.currentWidget() is self.window.tracker,
                             timeout=ANSWER_MS)  # fmt: skip
        self.see_the_answer()
        return self.view

    def see_the_answer(self) -> None:
        """Until what was set going on the database worker (a read, a save) is back."""
        view = self.window.tracker
        assert view is not None
        self.qtbot.waitUntil(lambda: not view.loading and not view.busy, timeout=ANSWER_MS)
        QTest.qWait(1)  # a sentence refused is shown once the editor has closed

    def cell(self, reference: str, heading: str) -> QModelIndex:
        """The cell of the row whose reference is ``reference``, under ``heading``."""
        model = self.table.model()
        columns = [str(model.headerData(c, Qt.Orientation.Horizontal))
                   for c in range(model.columnCount())]  # fmt: skip
        for row in range(model.rowCount()):
            if model.index(row, 1).data() == reference:
                return model.index(row, columns.index(heading))
        raise LookupError(reference)

    def click(self, index: QModelIndex) -> None:
        table = self.table
        table.scrollTo(index)
        point = table.visualRect(index).center()
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, point)  # fmt: skip
        assert table.currentIndex() == index

    def commit(self) -> None:
        """Enter in a cell's editor: the delegate closes it a moment later (queued), and
        hands the value on to be saved; then what the database worker says."""
        self.press(Qt.Key.Key_Return)
        self.qtbot.waitUntil(self.table.hasFocus, timeout=ANSWER_MS)
        self.see_the_answer()

    def click_button(self, name: str) -> None:
        QTest.mouseClick(find(self.window, name, QAbstractButton), Qt.MouseButton.LeftButton)

    def focused(self, kind: type[W]) -> W:
        """The control that has the keyboard, which must be a ``kind``."""
        focus = QApplication.focusWidget()
        assert isinstance(focus, kind), focus
        return focus

    def column(self, heading: str) -> list[str]:
        model = self.table.model()
        index = self.cell(str(model.index(0, 1).data()), heading)
        return [str(model.index(row, index.column()).data()) for row in range(model.rowCount())]


@pytest.fixture
def shown(window: MainWindow, qtbot: QtBot) -> MainWindow:
    return show_on_a_laptop(window, qtbot)


@pytest.fixture
def person(shown: MainWindow, qtbot: QtBot) -> TrackerPerson:
    return TrackerPerson(qtbot, shown)
