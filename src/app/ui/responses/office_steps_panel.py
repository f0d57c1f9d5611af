"""The "For Office Use Only" checklist: tick a step to record the date (editable) and who.

Each change is written on the database worker (another copy holding the write lock never
freezes the window); its outcome comes back by queued signal.

Signals:
    stepsChanged(): a step was ticked, unticked, re-dated, noted or added.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.english_dates import short_date
from app.domain.errors import AppError
from app.services import office_steps
from app.services.office_steps import OfficeStepState
from app.ui.date_field import to_qdate
from app.ui.db_worker import database_worker
from app.ui.formatting import QT_SHORT_DATE
from app.ui.responses import prompts

_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


class _StepRow(QFrame):
    """One step: a tick box with the step's name, the date it was done, by whom, and a note."""

    def __init__(self, panel: OfficeStepsPanel, step: OfficeStepState) -> None:
        super().__init__(panel.content)
        self.panel = panel
        self.step = step
        self.check = QCheckBox(self)
        self.check.setAccessibleName(step.step)
        self.name = QLabel(step.step, self)
        self.name.setWordWrap(True)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setBuddy(self.check)
        self.name.installEventFilter(self)  # clicking the words ticks the box, as with any label
        self.date = QDateEdit(self)
        self.date.setDisplayFormat(QT_SHORT_DATE)
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(f"Date done: {step.step}")
        self.by = QLabel(self)
        self.by.setWordWrap(True)
        self.by.setTextInteractionFlags(_SELECTABLE)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText("Note or web address")
        self.note.setAccessibleName(f"Note: {step.step}")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        # One column under the tick box: the side panel is narrow.
        grid.addWidget(self.check, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(self.date, 1, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.by, 2, 1)
        grid.addWidget(self.note, 3, 1)
        grid.setColumnStretch(1, 1)
        self.show_state(step)
        self.check.toggled.connect(self._toggled)
        self.date.editingFinished.connect(self._redated)
        self.note.editingFinished.connect(self._noted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.name and event.type() == QEvent.Type.MouseButtonRelease:
            self.check.toggle()
            return True
        return super().eventFilter(watched, event)

    def show_state(self, step: OfficeStepState) -> None:
        self.step = step
        self.check.blockSignals(True)
        self.check.setChecked(step.done)
        self.check.blockSignals(False)
        self.date.setVisible(step.done)
        if step.done_on is not None:
            self.date.blockSignals(True)
            self.date.setDate(to_qdate(step.done_on))
            self.date.blockSignals(False)
        self.by.setText(f"Done by {step.done_by}" if step.done and step.done_by else "Done")
        if not step.done:
            self.by.setText("Not done yet")
        self.check.setAccessibleDescription(
            f"Done on {short_date(step.done_on)} by {step.done_by}" if step.done_on else "Not done"
        )
        if self.note.text() != step.note:
            self.note.setText(step.note)

    def _toggled(self, checked: bool) -> None:
        self.panel.run(
            lambda: office_steps.set_step_done(
                self.panel.db, self.step.id, checked, self.panel.today()
            ),
            self,
        )

    def _redated(self) -> None:
        value: dt.date = self.date.date().toPython()  # type: ignore[assignment]
        if self.step.done and value != self.step.done_on:
            self.panel.run(
                lambda: office_steps.set_step_date(self.panel.db, self.step.id, value), self
            )

    def _noted(self) -> None:
        if self.note.text().strip() != self.step.note:
            text = self.note.text()
            self.panel.run(
                lambda: office_steps.set_step_note(self.panel.db, self.step.id, text), self
            )


class OfficeStepsPanel(QWidget):
    """The checklist of one inspection (see the module docstring for its signal)."""

    stepsChanged = Signal()

    def __init__(
        self, db: Database, today: Callable[[], dt.date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Office steps")
        self.db = db
        self.today = today
        self.inspection_id: int | None = None
        self.rows: list[_StepRow] = []
        heading = QLabel("For Office Use Only: tick each step when it is done.", self)
        heading.setWordWrap(True)
        self.content = QWidget()
        self.steps_layout = QVBoxLayout(self.content)
        self.steps_layout.setContentsMargins(4, 4, 4, 4)
        self.steps_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setAccessibleName("Office steps list")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.content)
        self.add_standard = QPushButton("Add the stan&dard steps", self)
        self.add_standard.setToolTip("The steps named in the organisation settings")
        self.add_standard.clicked.connect(self._add_standard)
        self.add_one = QPushButton("&Add a step…", self)
        self.add_one.clicked.connect(self._add_one)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.add_standard)
        layout.addWidget(self.add_one)

    def show_inspection(
        self, inspection_id: int | None, steps: list[OfficeStepState] | None
    ) -> None:
        """Show an inspection's steps, already read on the database worker (with the rest of
        the view, in one snapshot, or by :meth:`read_again`); None only with no inspection."""
        self.inspection_id = inspection_id
        steps = steps or []
        if [row.step.id for row in self.rows] == [step.id for step in steps]:
            for row, step in zip(self.rows, steps, strict=True):
                row.show_state(step)
        else:
            for row in self.rows:
                row.deleteLater()
            self.rows = [_StepRow(self, step) for step in steps]
            for number, row in enumerate(self.rows):
                self.steps_layout.insertWidget(number, row)
        self.add_standard.setVisible(inspection_id is not None and not steps)
        self.add_one.setVisible(inspection_id is not None)

    def row(self, step: str) -> _StepRow:
        """The row of the step named ``step`` (tests and the view find steps by name)."""
        for row in self.rows:
            if row.step.step == step:
                return row
        raise KeyError(step)

    def run(self, change: Callable[[], OfficeStepState], row: _StepRow) -> None:
        """Write ``change`` on the database worker; show its outcome in ``row`` (if it is still
        shown) and say the steps changed, or say why it failed and show the steps afresh."""

        def done(step: OfficeStepState) -> None:
            if shiboken6.isValid(row) and row in self.rows:
                row.show_state(step)
            self.stepsChanged.emit()

        def failed(error: BaseException) -> None:
            if not isinstance(error, AppError):
                raise error
            prompts.show_error(self, error.message, "The office step could not be saved")
            self.read_again()

        database_worker().run(change, done, failed, owner=self)

    def _add_standard(self) -> None:
        if self.inspection_id is not None:
            inspection_id = self.inspection_id
            self._add(lambda: office_steps.add_standard_steps(self.db, inspection_id))

    def _add_one(self) -> None:
        name = prompts.ask_step_name(self)
        if name is not None and name.strip() and self.inspection_id is not None:
            inspection_id = self.inspection_id
            self._add(lambda: office_steps.add_step(self.db, inspection_id, name))

    def _add(self, change: Callable[[], object]) -> None:
        """Add steps on the database worker, then show the steps read afresh there."""
        db, inspection_id = self.db, self.inspection_id
        if inspection_id is None:
            return

        def add() -> list[OfficeStepState]:
            change()
            return office_steps.office_steps(db, inspection_id)

        def done(steps: list[OfficeStepState]) -> None:
            if inspection_id == self.inspection_id:
                self.show_inspection(inspection_id, steps)
            self.stepsChanged.emit()

        def failed(error: BaseException) -> None:
            self.read_again()
            if not isinstance(error, AppError):
                raise error
            prompts.show_error(self, error.message)

        database_worker().run(add, done, failed, owner=self)

    def read_again(self) -> None:
        """Read the steps of the inspection shown again on the database worker, and show them
        (if it is still shown); a failure leaves the steps shown as they are."""
        db, inspection_id = self.db, self.inspection_id
        if inspection_id is None:
            return

        def read_back(steps: list[OfficeStepState]) -> None:
            if inspection_id == self.inspection_id:
                self.show_inspection(inspection_id, steps)

        def failed(error: BaseException) -> None:
            if not isinstance(error, AppError):
                raise error

        database_worker().run(
            lambda: office_steps.office_steps(db, inspection_id), read_back, failed, owner=self
        )
