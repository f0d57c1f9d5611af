"""Message boxes in one place, so that tests can stand in for the person clicking."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import APP_NAME

_LINES_IN_A_BOX = 25


def show_error(parent: QWidget | None, message: str, title: str = "That could not be done") -> None:
    """A core error (its plain ``message``) or any other problem the person must read."""
    QMessageBox.warning(parent, title, message)


def show_information(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def confirm(parent: QWidget | None, title: str, question: str, action: str) -> bool:
    """Ask before something that cannot be undone; ``action`` labels the button that does it."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    do_it = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is do_it


def show_command_result(text: str, *, failed: bool) -> None:
    """What a command printed, for the windowed program given a command but no console.

    A long output shows its first lines, and the whole of it under "Show Details…".
    """
    if QApplication.instance() is None:
        QApplication(sys.argv[:1])
    lines = text.splitlines()
    shown = text
    if len(lines) > _LINES_IN_A_BOX:
        more = len(lines) - _LINES_IN_A_BOX
        shown = "\n".join([*lines[:_LINES_IN_A_BOX], f"… and {more} more lines (Show Details…)."])
    icon = QMessageBox.Icon.Warning if failed else QMessageBox.Icon.Information
    box = QMessageBox(icon, APP_NAME, shown)
    if shown != text:
        box.setDetailedText(text)
    box.exec()
