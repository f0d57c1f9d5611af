"""Help → About: the version, where the database is, and the licences of everything bundled,
all of it reachable from the keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)  # fmt: skip
from pytestqt.qtbot import QtBot

from app import APP_NAME, __version__
from app.ui.actions import ActionId
from app.ui.main_window import MainWindow

W = TypeVar("W", bound=QWidget)


def open_about(window: MainWindow, qtbot: QtBot) -> QDialog:
    window.commands[ActionId.ABOUT].trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    return dialog


def named(dialog: QDialog, kind: type[W], name: str) -> W:
    [found] = [w for w in dialog.findChildren(kind) if w.accessibleName() == name]
    return found


def shown_text(dialog: QDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_about_names_the_version_and_the_database_in_use(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    dialog = open_about(window, qtbot)
    assert dialog.windowTitle() == f"About {APP_NAME}"
    assert f"Version {__version__}" in shown_text(dialog)
    assert named(dialog, QLineEdit, "Database file").text() == str(db_path)
    assert named(dialog, QLineEdit, "Backups folder").text() == str(db_path.parent / "backups")
    assert "never uses the network" in shown_text(dialog)
    dialog.reject()


def test_about_lists_the_bundled_licences_and_says_qt_can_be_replaced(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = open_about(window, qtbot)
    components = named(dialog, QTreeWidget, "Bundled components")
    items = [_item(components, i) for i in range(components.topLevelItemCount())]
    rows = {item.text(0): item for item in items}
    assert {"Qt", "Python", "SQLAlchemy", "SQLite", "DejaVu fonts"} <= set(rows)
    assert rows["Qt"].text(2) == "LGPL-3.0-only"
    assert "LGPL" in shown_text(dialog) and "replace" in shown_text(dialog)
    components.setCurrentItem(rows["Qt"])
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in named(
        dialog, QPlainTextEdit, "Licence text").toPlainText()
    dialog.reject()


def test_about_is_read_with_the_keyboard_alone(window: MainWindow, qtbot: QtBot) -> None:
    """Tab from the database file to the list, arrows through it (each licence is shown),
    Tab to the licence, Escape to close."""
    help_menu = window.menus["Help"]
    assert window.menuBar().actions()[-1].text() == "&Help"
    assert window.commands[ActionId.ABOUT] in help_menu.actions()
    assert window.commands[ActionId.ABOUT].text() == "&About"
    dialog = open_about(window, qtbot)
    components = named(dialog, QTreeWidget, "Bundled components")
    text = named(dialog, QPlainTextEdit, "Licence text")
    qtbot.waitUntil(lambda: dialog.focusWidget() is not None)
    order = [dialog.focusWidget()]
    for _ in range(4):
        qtbot.keyClick(order[-1], Qt.Key.Key_Tab)
        order.append(dialog.focusWidget())
    assert named(dialog, QLineEdit, "Database file") in order
    assert components in order and text in order
    components.setFocus()
    components.setCurrentItem(_item(components, 0))
    first = text.toPlainText()
    qtbot.keyClick(components, Qt.Key.Key_Down)
    assert text.toPlainText() and text.toPlainText() != first
    qtbot.keyClick(components, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_window_carries_the_application_icon(window: MainWindow) -> None:
    """The icon the programs and installers carry, in the title bar and the task bar."""
    icon = window.windowIcon()
    assert not icon.isNull()
    assert icon.pixmap(256, 256).toImage() == QApplication.windowIcon().pixmap(256, 256).toImage()
    assert icon.availableSizes()[0].width() == 256


def _item(tree: QTreeWidget, row: int) -> QTreeWidgetItem:
    item = tree.topLevelItem(row)
    assert item is not None
    return item
