"""A date box that takes dates typed as people type them, day first, as Excel does."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from app.domain.english_dates import long_date
from app.domain.enums import RagState
from app.domain.typed_dates import HINT, format_typed_date, parse_typed_date
from app.domain.validation import EARLIEST_REPORT
from app.ui.rag import rag_style_sheet

LATEST_DATE = dt.date(2100, 12, 31)


def to_qdate(value: dt.date) -> QDate:
    """A QDate from a Python date (the stubs of some PySide6 releases lack that overload)."""
    return QDate(value.year, value.month, value.day)


class DateField(QLineEdit):
    """A date typed as people type dates, day first, as in Excel: select it, type
    "20/11/2026" (or "20 Nov 26"), and that is the date; Up and Down move a day; Alt+Down or
    F4 opens a calendar.

    Signals:
        dateChanged(): the text became another valid date.
    """

    dateChanged = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date: dt.date = dt.date.today()
        self.setAccessibleName(name)
        self.setPlaceholderText("dd/mm/yyyy")
        self.setToolTip(HINT)
        self.setText(format_typed_date(self._date))
        width = self.fontMetrics().horizontalAdvance("00/00/00000") + 16
        self.setMinimumWidth(width)
        self.setMaximumWidth(width * 2)
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._tidy)

    def date(self) -> dt.date:
        """The last valid date typed or chosen (see :meth:`problem` for text that is not one)."""
        return self._date

    def set_date(self, value: dt.date) -> None:
        changed = value != self._date
        self._date = value
        self.setText(format_typed_date(value))
        self._show_problem(None)
        if changed:
            self.dateChanged.emit()

    def problem(self) -> str | None:
        """A sentence when the text is not a date (or out of range); None when all is well."""
        text = self.text().strip()
        value = parse_typed_date(text)
        if value is None:
            return f"“{text}” is not a date. {HINT}" if text else f"The date is empty. {HINT}"
        if not EARLIEST_REPORT <= value <= LATEST_DATE:
            return f"{long_date(value)} is outside the dates this form accepts."
        return None

    def _typed(self, text: str) -> None:
        value = parse_typed_date(text)
        problem = self.problem()
        self._show_problem(problem)
        if value is not None and problem is None and value != self._date:
            self._date = value
            self.dateChanged.emit()

    def _tidy(self) -> None:
        if self.problem() is None:
            self.setText(format_typed_date(self._date))

    def _show_problem(self, problem: str | None) -> None:
        self.setAccessibleDescription(problem or "")
        self.setToolTip(problem or HINT)
        self.setStyleSheet(rag_style_sheet(RagState.OVERDUE) if problem else "")

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        QTimer.singleShot(0, self, self.selectAll)  # typing replaces the date, as in Excel

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.show_calendar()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.problem() is None:
            step = 1 if key == Qt.Key.Key_Up else -1
            moved = self._date + dt.timedelta(days=step)
            if EARLIEST_REPORT <= moved <= LATEST_DATE:
                self.set_date(moved)
                self.selectAll()
        else:
            super().keyPressEvent(event)

    def show_calendar(self) -> QCalendarWidget:
        """A calendar under the box; the date chosen there is the date. Returns it."""
        popup = QCalendarWidget(self)
        popup.setWindowFlags(Qt.WindowType.Popup)
        popup.setAccessibleName(f"Calendar: {self.accessibleName()}")
        popup.setDateRange(to_qdate(EARLIEST_REPORT), to_qdate(LATEST_DATE))
        popup.setSelectedDate(to_qdate(self._date))
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(day: QDate) -> None:
            value: dt.date = day.toPython()  # type: ignore[assignment]
            self.set_date(value)
            popup.close()
            self.setFocus(Qt.FocusReason.PopupFocusReason)

        popup.clicked.connect(chosen)
        popup.activated.connect(chosen)
        popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        popup.show()
        popup.setFocus(Qt.FocusReason.PopupFocusReason)
        return popup
