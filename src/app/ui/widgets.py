"""Small form widgets shared by the dialogs: a typed date, an optional date and an inline
error message."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import RagState
from app.ui.date_field import DateField
from app.ui.rag import rag_style_sheet


class OptionalDateEdit(QWidget):
    """A date, or none: a day-first date box, a calendar button and a "No date" tick box.

    Signals:
        dateChanged(): the date was changed, or set or cleared, by the person or by code.
    """

    dateChanged = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = DateField(name, self)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("▾")
        self.calendar_button.setAccessibleName(f"Choose {name} from a calendar")
        self.calendar_button.setToolTip("Choose the date from a calendar (Alt+Down)")
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down does it too
        self.none_box = QCheckBox("No date", self)
        self.none_box.setAccessibleName(f"{name}: no date")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.calendar_button)
        layout.addSpacing(6)
        layout.addWidget(self.none_box)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.dateChanged.connect(self.dateChanged)
        self.calendar_button.clicked.connect(self.edit.show_calendar)
        self.none_box.toggled.connect(self._none_toggled)

    def date(self) -> dt.date | None:
        if self.none_box.isChecked():
            return None
        return self.edit.date()

    def set_date(self, value: dt.date | None) -> None:
        if value is not None:
            self.edit.set_date(value)
        self.none_box.setChecked(value is None)
        self._enable(value is not None)

    def problem(self) -> str | None:
        """What is wrong with the typed text (None with "No date" ticked or a good date)."""
        return None if self.none_box.isChecked() else self.edit.problem()

    def _enable(self, enabled: bool) -> None:
        self.edit.setEnabled(enabled)
        self.calendar_button.setEnabled(enabled)

    def _none_toggled(self, checked: bool) -> None:
        self._enable(not checked)
        if not checked:
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.dateChanged.emit()


def first_date_problem(*boxes: OptionalDateEdit) -> tuple[str, QWidget] | None:
    """The first box whose text is not a date, with what is wrong (for a form's Save)."""
    for box in boxes:
        problem = box.problem()
        if problem is not None:
            return problem, box
    return None


class ErrorLabel(QLabel):
    """An inline message under a form: what is wrong, in words; hidden while all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName("Problem")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, message: str, *, warning_only: bool = False) -> None:
        state = RagState.DUE_SOON if warning_only else RagState.OVERDUE
        self.setStyleSheet(rag_style_sheet(state) + " padding: 4px;")
        self.setText(("⚠ " if warning_only else "✖ ") + message)
        self.setAccessibleDescription(message)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


def markdown_edit(name: str, parent: QWidget, lines: int = 4) -> QPlainTextEdit:
    """A box for stored Markdown, edited as it is stored (bullets as "- ", headings as "###")."""
    edit = QPlainTextEdit(parent)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText("Plain text; start a line with “- ” for a bullet")
    height = edit.fontMetrics().lineSpacing() * lines + 12
    edit.setMinimumHeight(height)
    return edit


def row_table(model: QAbstractItemModel, name: str, parent: QWidget) -> QTableView:
    """A read-only table chosen a row at a time, sized to its contents; Tab leaves it."""
    table = QTableView(parent)
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def save_cancel_layout(dialog: QDialog, form: QLayout, error: QWidget) -> QVBoxLayout:
    """The usual dialog: a form, the error line under it, then Save and Cancel."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return layout
