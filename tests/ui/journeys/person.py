"""A person at the window: finds controls by their accessible names and uses them with the
mouse and the keyboard, as a screen-reader user or a keyboard user would.

Nothing here calls into the window's Python attributes to *do* things; it only finds widgets
the way assistive technology does (by accessible name, or the text a screen reader reads for
a button) and sends them real events.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QTabBar,
    QTableView,
    QTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.ui.findings_tab import FindingsTab
from app.ui.overview import OverviewTab
from app.ui.responses import ResponsesView
from app.ui.responses.workflow_bar import WorkflowBar

ANSWER_MS = 10_000  # the database worker answers in milliseconds; ≥ 10× for a busy machine

W = TypeVar("W", bound=QWidget)


def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces: the accessible name, else a button's text."""
    name = widget.accessibleName()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text().replace("&", "")
    return name


def find(root: QWidget, name: str, kind: type[W] = QWidget) -> W:  # type: ignore[assignment]
    """The one visible widget of ``kind`` under ``root`` that is announced as ``name``."""
    found = [
        w for w in root.findChildren(kind) if spoken_name(w) == name and w.isVisible()
    ]
    if len(found) != 1:
        raise LookupError(f"{len(found)} visible widgets called {name!r}")
    return found[0]


def find_all(root: QWidget, kind: type[W], start: str = "") -> list[W]:
    return [
        w for w in root.findChildren(kind) if spoken_name(w).startswith(start) and w.isVisible()
    ]


class Person:
    """Drives one main window through its accessible names."""

    def __init__(self, qtbot: QtBot, window: QWidget) -> None:
        self.qtbot = qtbot
        self.window = window

    # --- the register ----------------------------------------------------------------------------

    def choose_inspection(self, title_words: str) -> None:
        """Click the register's row whose title contains ``title_words``."""
        table = find(self.window, "Inspections", QTableView)
        model = table.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if title_words in str(model.data(index)):
                table.scrollTo(index)
                rect = table.visualRect(index)
                QTest.mouseClick(
                    table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                    rect.center(),
                )  # fmt: skip
                if table.selectionModel().currentIndex().row() != row:  # clicked off-screen
                    table.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    )
                self.qtbot.wait(20)
                self.see_the_answer()
                return
        raise LookupError(f"no inspection with {title_words!r} in the register")

    def show_tab(self, title: str) -> None:
        """Ctrl+1… for the inspection page's tabs, as the View menu says (a click on the tab
        when the window is not the active one, as after a dialog)."""
        bar = find(self.window, "Inspection tabs", QTabBar)
        for index in range(bar.count()):
            if bar.tabText(index).replace("&", "") == title:
                target = QApplication.focusWidget() or self.window
                QTest.keyClick(target, Qt.Key(Qt.Key.Key_1 + index),
                               Qt.KeyboardModifier.ControlModifier)  # fmt: skip
                self.qtbot.wait(10)
                if bar.currentIndex() != index:
                    QTest.mouseClick(bar, Qt.MouseButton.LeftButton,
                                     Qt.KeyboardModifier.NoModifier,
                                     bar.tabRect(index).center())  # fmt: skip
                    self.qtbot.wait(10)
                self.see_the_answer()
                return
        raise LookupError(title)

    # --- editors ---------------------------------------------------------------------------------

    def editor(self, name: str) -> QTextEdit:
        return find(self.window, name, QTextEdit)

    def editors(self, start: str = "") -> list[QTextEdit]:
        return [
            e for e in find_all(self.window, QTextEdit, start)
            if " response" in e.accessibleName()
        ]  # fmt: skip

    def activate(self) -> None:
        """Bring the window to the front, as the system does when a dialog over it closes (the
        offscreen platform leaves no window active then, and focus would go nowhere)."""
        if QApplication.activeWindow() is not self.window:
            self.window.activateWindow()
            self.qtbot.waitActive(self.window)

    def click_into(self, editor: QTextEdit, *, at_end: bool = True) -> None:
        """Scroll the editor into view, click in it, and put the caret at the end."""
        self.activate()
        parent = editor.parentWidget()
        while parent is not None and not hasattr(parent, "ensureWidgetVisible"):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(editor)
        QTest.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
        self.qtbot.wait(5)
        if at_end:
            QTest.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)

    def type(self, editor: QTextEdit, text: str) -> None:
        self.click_into(editor)
        QTest.keyClicks(editor, text)

    def paste(self, editor: QTextEdit, text: str) -> None:
        self.click_into(editor)
        QGuiApplication.clipboard().setText(text)
        QTest.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    def select_last_word(self, editor: QTextEdit) -> None:
        self.click_into(editor)
        QTest.keyClick(
            editor, Qt.Key.Key_Left,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )  # fmt: skip

    def undo(self, editor: QTextEdit) -> None:
        editor.setFocus()
        QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    def press_toolbar(self, name: str) -> None:
        """Click a formatting button (they take no focus, as in a word processor)."""
        self.activate()
        button = find(self.window, name, QToolButton)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def click(self, name: str) -> None:
        button = find(self.window, name, QAbstractButton)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        self.see_the_answer()

    def see_the_answer(self) -> None:
        """Wait, as a person looks, until what was set going on the database worker (a status
        change, the register or a tab reading again) has come back and is shown."""

        def answered() -> bool:
            window_busy = bool(getattr(self.window, "loading", False))  # the register
            if window_busy or any(bar.busy for bar in self.window.findChildren(WorkflowBar)):
                return False
            tabs: list[OverviewTab | FindingsTab | ResponsesView] = [
                *self.window.findChildren(OverviewTab),
                *self.window.findChildren(FindingsTab),
                *self.window.findChildren(ResponsesView),
            ]
            return not any(tab.loading for tab in tabs)

        self.qtbot.waitUntil(answered, timeout=ANSWER_MS)

    def focused(self) -> QWidget | None:
        return QApplication.focusWidget()


def caret_to_end(editor: QTextEdit) -> None:
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
