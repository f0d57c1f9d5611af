"""Small form widgets shared by the dialogs: an optional date and an inline error message."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractItemModel, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import RagState
from app.domain.validation import EARLIEST_REPORT
from app.ui.rag import rag_style_sheet

LATEST_DATE = dt.date(2100, 12, 31)


class OptionalDateEdit(QWidget):
    """A date, or none: a day-first date box and a "No date" tick box beside it.

    Signals:
        dateChanged(): the date was changed, or set or cleared, by the person or by code.
    """

    dateChanged = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit(self)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setCalendarPopup(True)
        self.edit.setDateRange(to_qdate(EARLIEST_REPORT), to_qdate(LATEST_DATE))
        self.edit.setDate(QDate.currentDate())
        self.edit.setAccessibleName(name)
        self.none_box = QCheckBox("No date", self)
        self.none_box.setAccessibleName(f"{name}: no date")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.none_box)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.dateChanged.connect(self.dateChanged)
        self.none_box.toggled.connect(self._none_toggled)

    def date(self) -> dt.date | None:
        if self.none_box.isChecked():
            return None
        value: dt.date = self.edit.date().toPython()  # type: ignore[assignment]
        return value

    def set_date(self, value: dt.date | None) -> None:
        if value is not None:
            self.edit.setDate(to_qdate(value))
        self.none_box.setChecked(value is None)
        self.edit.setEnabled(value is not None)

    def _none_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(not checked)
        if not checked:
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.dateChanged.emit()


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


def to_qdate(value: dt.date) -> QDate:
    """A QDate from a Python date (the stubs of some PySide6 releases lack that overload)."""
    return QDate(value.year, value.month, value.day)


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
