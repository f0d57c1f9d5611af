"""Message boxes in one place, so that tests can stand in for the person clicking."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


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
