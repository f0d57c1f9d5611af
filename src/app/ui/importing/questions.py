"""Every question the import commands ask the person, in one place.

The dialogs and the controller call these through the module (``questions.ask_duplicate(...)``),
so that tests can stand in for the person by replacing a function here.
"""

from __future__ import annotations

from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui import file_dialogs
from app.ui.formatting import long_date
from app.ui.window_state import default_settings

if TYPE_CHECKING:  # the importers load on first use, not with the window
    from app.services.importing import ExistingInspection


class DuplicateChoice(Enum):
    UPDATE = auto()
    SKIP = auto()
    CANCEL = auto()
    """Back to the preview, nothing saved."""


class OverwriteChoice(Enum):
    REPLACE = auto()
    FILL_EMPTY = auto()
    """Fill only the responses that are still empty."""
    CANCEL = auto()


def _ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: list[tuple[str, QMessageBox.ButtonRole]],
    informative: str = "",
) -> int | None:
    """Index of the button pressed in ``buttons`` (Cancel is added last), None for Cancel."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setInformativeText(informative)
    made = [box.addButton(label, role) for label, role in buttons]
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return made.index(clicked) if clicked in made else None


def ask_duplicate(parent: QWidget | None, existing: ExistingInspection) -> DuplicateChoice:
    """The report is already in the register: update it, skip this import, or go back."""
    when = f", published {long_date(existing.published_on)}," if existing.published_on else ""
    kept = (
        f" The {existing.responses_written} responses already written are kept, with their "
        "history, unless the import holds a different text for one."
        if existing.responses_written
        else ""
    )
    answer = _ask(
        parent,
        "Already in the register",
        f"“{existing.title}”{when} is already in the register.",
        [
            ("&Update it", QMessageBox.ButtonRole.AcceptRole),
            ("&Skip this import", QMessageBox.ButtonRole.RejectRole),
        ],
        "Update it with what was imported, or skip this import and keep it as it is?"
        + kept
        + " Cancel returns to the preview.",
    )
    return {0: DuplicateChoice.UPDATE, 1: DuplicateChoice.SKIP}.get(
        answer if answer is not None else -1, DuplicateChoice.CANCEL
    )


def ask_overwrite(parent: QWidget | None, role_title: str, labels: list[str]) -> OverwriteChoice:
    """Some of the responses to be filled already hold text: replace it, or keep it?"""
    listed = "\n".join(f"• {label}" for label in labels)
    answer = _ask(
        parent,
        "Responses already written",
        f"These {role_title} responses already hold text:\n{listed}",
        [
            ("&Replace them", QMessageBox.ButtonRole.DestructiveRole),
            ("&Fill only the empty ones", QMessageBox.ButtonRole.AcceptRole),
        ],
        "Replace them with the imported comments (the present text stays in each response's "
        "history), or keep them and fill only the empty responses?",
    )
    return {0: OverwriteChoice.REPLACE, 1: OverwriteChoice.FILL_EMPTY}.get(
        answer if answer is not None else -1, OverwriteChoice.CANCEL
    )


def choose_file(parent: QWidget | None, title: str, name_filter: str, folder: str) -> str:
    """A file chosen by the person, or "" when they cancelled (the folder is remembered)."""
    return file_dialogs.choose_file(
        parent, title, name_filter, default_settings(), folder=folder or None
    )
