"""Every question the responses view asks the person, in one place.

The view calls these through the module (``prompts.ask_reason(...)``), so that tests can stand
in for the person by replacing a function here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from app.services.responses import ResponseState
from app.ui import messages
from app.ui.responses.conflict import ConflictDialog, Resolution


def resolve_conflict(
    parent: QWidget | None, name: str, mine: str, theirs: ResponseState
) -> tuple[Resolution, str] | None:
    """What to do when a save found a newer version: a resolution and, if merged, the text.

    None when the person closed the dialog without choosing (their text stays unsaved).
    """
    dialog = ConflictDialog(name, mine, theirs, parent)
    dialog.exec()
    if dialog.resolution is None:
        return None
    return dialog.resolution, dialog.merged_text()


def _text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if accepted else None


def ask_reason(parent: QWidget | None, reference: str) -> str | None:
    """Why a finding does not apply to the force, or None to leave it applying."""
    return _text(
        parent,
        f"{reference} does not apply",
        f"Why does {reference} not apply to the force? (For example, it is for the Home Office.)",
    )


def ask_note(parent: QWidget | None, title: str, label: str) -> str | None:
    """A note for the workflow history ("" is fine), or None to cancel."""
    return _text(parent, title, label)


def ask_step_name(parent: QWidget | None) -> str | None:
    return _text(parent, "Add an office step", "Name of the step (e.g. “Sent to the Panel”):")


def ask_link(parent: QWidget | None, current: str) -> str | None:
    """The address for a link ("" removes it), or None to cancel."""
    return _text(parent, "Link", "Web address (leave empty to remove the link):", current)


def confirm_sign_off(parent: QWidget | None, warnings: list[str]) -> bool:
    """Sign off (which locks every response), after reading any warnings."""
    text = "Signing off locks every response of this inspection until it is reopened."
    if warnings:
        text += "\n\nBefore you sign off, please check:\n" + "\n".join(f"• {w}" for w in warnings)
    icon = QMessageBox.Icon.Warning if warnings else QMessageBox.Icon.Question
    box = QMessageBox(icon, "Sign off the response", text, parent=parent)
    sign = box.addButton(
        "Sign off anyway" if warnings else "Sign off", QMessageBox.ButtonRole.AcceptRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is sign


def confirm(parent: QWidget | None, title: str, question: str, action: str) -> bool:
    return messages.confirm(parent, title, question, action)


def show_error(parent: QWidget | None, message: str, title: str = "That could not be done") -> None:
    messages.show_error(parent, message, title)
