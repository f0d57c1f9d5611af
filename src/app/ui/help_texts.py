"""The Help menu's boxes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.deadlines import DEADLINE_EXPLANATION, LEGAL_BASIS

if TYPE_CHECKING:  # the About box reads the packages' licences: loaded when it is opened
    from app.ui.about import AboutDialog

DEADLINE_HELP = (
    f"{DEADLINE_EXPLANATION}\n\n"
    "Example: a report published on Friday 7 July 2023 must have its comments published by "
    "Thursday 31 August 2023. A template that adds 56 days gives 1 September 2023; when a "
    "document states such a date the inspection shows it with a warning.\n\n"
    f"Legal basis: {LEGAL_BASIS}. The Commissioner also invites the Chief Constable to comment "
    "by a date the Commissioner sets (section 55(4)); its default is set in the organisation "
    "settings."
)


def show_deadline_help(parent: QWidget | None) -> None:
    QMessageBox.information(parent, "About the section 55 deadline", DEADLINE_HELP)


def show_about(parent: QWidget | None, db_path: Path) -> AboutDialog:
    """Help → About over ``parent``: version, data locations, licences (window-modal; it is
    deleted when closed)."""
    from app.ui.about import AboutDialog

    dialog = AboutDialog(db_path, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
