"""Workflow controls: the status, Sign off (with the s55 check), Mark as published, Reopen.

The bar asks the view to save what is typed before any change (``before_change``), and runs
each change through :mod:`app.services.workflow` (on the database worker: its outcome comes
back by queued signal), which records who, when and the note.

Signals:
    statusChanged(): the status of the shown inspection changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.completeness import CompletenessReport
from app.domain.enums import InspectionStatus
from app.domain.errors import AppError
from app.domain.workflow import StatusChange, Transition, is_locked, transition
from app.services import publishing, workflow
from app.ui.db_worker import Changes
from app.ui.responses import prompts

StatusRead = tuple[list[StatusChange], InspectionStatus]  # the history, and the status now


class WorkflowBar(QWidget):
    """The status and the buttons that change it (see the module docstring)."""

    statusChanged = Signal()

    def __init__(
        self,
        db: Database,
        today: Callable[[], dt.date],
        before_change: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        self.before_change = before_change
        self.inspection_id: int | None = None
        self.status = InspectionStatus.NOT_STARTED
        # Status changes and reads queued on the database worker, not yet back.
        self._work = Changes(self, lambda error: prompts.show_error(self, error.message))
        self.history: list[StatusChange] = []

        label = QLabel("S&tatus:", self)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName("Status")
        for status in InspectionStatus:
            self.combo.addItem(status.label, status)
        label.setBuddy(self.combo)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(14)
        self.sign_off_button = QPushButton("&Sign off…", self)
        self.sign_off_button.setToolTip(
            "Checks that the Commissioner's overall response and a response to every "
            "recommendation are written (section 55(1) and (5B)), then locks the responses"
        )
        self.publish_button = QPushButton("Mark as &published", self)
        self.reopen_button = QPushButton("&Reopen…", self)
        self.reopen_button.setToolTip("Unlocks the responses so that they can be changed")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(self.sign_off_button)
        layout.addWidget(self.publish_button)
        layout.addWidget(self.reopen_button)
        self.combo.activated.connect(self._combo_chosen)
        self.sign_off_button.clicked.connect(lambda: self.sign_off())
        self.publish_button.clicked.connect(lambda: self.move_to(InspectionStatus.PUBLISHED))
        self.reopen_button.clicked.connect(lambda: self.reopen())

    # --- showing ----------------------------------------------------------------------------------

    def show_inspection(
        self,
        inspection_id: int | None,
        read: StatusRead | None,
    ) -> None:
        """Show an inspection's status; ``read``: its history and status, already read (on
        the database worker: with the rest of the view, in one snapshot, or by
        :meth:`read_again`); None only with no inspection."""
        self.inspection_id = inspection_id
        if inspection_id is None:
            self.history = []
            self.setEnabled(False)
            for button in (self.sign_off_button, self.publish_button, self.reopen_button):
                button.hide()
            return
        self.setEnabled(True)
        assert read is not None, "an inspection's status is read on the database worker"
        self.history, self.status = list(read[0]), read[1]
        self.combo.setCurrentIndex(self.combo.findData(self.status))
        locked = is_locked(self.status)
        self.sign_off_button.setVisible(not locked)
        self.publish_button.setVisible(self.status is InspectionStatus.SIGNED_OFF)
        self.reopen_button.setVisible(locked)

    def read_again(self, then: Callable[[], None] = lambda: None) -> None:
        """Read the shown inspection's status and history again on the database worker and
        show them; ``then`` runs after that, if the bar still shows that inspection."""
        inspection_id, db = self.inspection_id, self.db
        if inspection_id is None:
            return

        def read_back(found: StatusRead) -> None:
            if self.inspection_id == inspection_id:
                self.show_inspection(inspection_id, found)
                then()

        def failed(error: BaseException) -> None:
            if not isinstance(error, AppError):
                raise error  # else the status shown stays until the next look

        self._work.run(lambda: status_of(db, inspection_id), read_back, failed)

    def last_change(self) -> StatusChange | None:
        return self.history[-1] if self.history else None

    # --- changing ---------------------------------------------------------------------------------

    def _combo_chosen(self, index: int) -> None:
        target = InspectionStatus(self.combo.itemData(index))
        if target is not self.status:
            self.move_to(target)
        self.combo.setCurrentIndex(self.combo.findData(self.status))

    def move_to(self, target: InspectionStatus) -> None:
        """Change the status, through sign-off or reopening where that is what it means."""
        try:
            kind = transition(self.status, target)
        except AppError as error:
            prompts.show_error(self, error.message, "The status cannot change")
            return
        if kind is Transition.SIGN_OFF:
            self.sign_off()
        elif kind is Transition.REOPEN:
            self.reopen(target)
        elif kind is Transition.PUBLISH:
            self._ask_to_publish(target)
        else:
            self._change(target)

    def _ask_to_publish(self, target: InspectionStatus) -> None:
        """Confirm publication, naming what the publication copy leaves out (looked up on the
        database worker), then record it."""
        inspection_id, db = self.inspection_id, self.db
        if inspection_id is None:
            return

        def ask(gaps: list[str]) -> None:
            if inspection_id == self.inspection_id and prompts.confirm(
                self, "Mark as published", publish_question(gaps), "Published"
            ):
                self._change(target)

        def failed(error: BaseException) -> None:
            if not isinstance(error, AppError):
                raise error
            ask([])  # the change itself reports a missing inspection

        self._work.run(lambda: publishing.publication_gaps(db, inspection_id), ask, failed)

    def sign_off(self) -> None:
        """Refuse (naming what is missing), or warn and confirm, then sign off; the check runs
        on the database worker, after the saves queued before it."""
        if self.inspection_id is None or not self.before_change():
            return
        db, inspection_id, today = self.db, self.inspection_id, self.today()
        self._work.run(lambda: workflow.check_sign_off(db, inspection_id, today),
                       lambda report: self._checked(inspection_id, report))  # fmt: skip

    def _checked(self, inspection_id: int, report: CompletenessReport) -> None:
        if inspection_id != self.inspection_id:
            return  # another inspection is shown now
        if not report.can_sign_off:
            prompts.show_error(self, report.refusal(), "Not ready to sign off")
            return
        if prompts.confirm_sign_off(self, report.warnings()):
            self._change(InspectionStatus.SIGNED_OFF)

    def reopen(self, target: InspectionStatus = InspectionStatus.DRAFTING) -> None:
        note = prompts.ask_note(
            self, "Reopen", "Why is the response being reopened? (recorded in the history)"
        )
        if note is not None:
            self._change(target, note.strip() or "Reopened")

    @property
    def busy(self) -> bool:
        """True while a status change is being written or the status read again (on the
        database worker)."""
        return self._work.busy

    def _change(self, target: InspectionStatus, note: str = "") -> None:
        """Write the change on the database worker, after the saves queued before it; the
        bar shows the outcome when it comes back (if it still shows that inspection)."""
        if self.inspection_id is None or not self.before_change():
            return
        db, inspection_id, expected, today = self.db, self.inspection_id, self.status, self.today()

        def change() -> StatusRead:
            workflow.change_status(db, inspection_id, target, expected_status=expected,
                                   note=note, today=today)  # fmt: skip
            return status_of(db, inspection_id)

        def finished(found: StatusRead) -> None:
            if self.inspection_id == inspection_id:
                self.show_inspection(inspection_id, found)
            self.statusChanged.emit()

        def failed(error: BaseException) -> None:
            if not isinstance(error, AppError):
                raise error
            prompts.show_error(self, error.message, "The status did not change")
            self.read_again(self.statusChanged.emit)

        self._work.run(change, finished, failed)


def status_of(db: Database, inspection_id: int) -> StatusRead:
    """An inspection's status history and status (on the database worker)."""
    return workflow.status_history(db, inspection_id), workflow.current_status(db, inspection_id)


def publish_question(gaps: list[str]) -> str:
    """Whether to record publication, naming what the publication copy leaves out."""
    question = "Record that the response has been published? It stays locked."
    if gaps:
        listed = "; ".join(gaps)
        question += f"\n\nThe publication copy leaves these out, as they are empty: {listed}."
    return question


class StatusHistoryPanel(QWidget):
    """The workflow history: every status with who, when and the note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Status history")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Status changes")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setMinimumWidth(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        caption = QLabel("Every change of status, newest first:", self)
        caption.setWordWrap(True)
        layout.addWidget(caption)
        layout.addWidget(self.list, 1)

    def show_history(self, history: list[StatusChange]) -> None:
        self.list.clear()
        for change in reversed(history):
            self.list.addItem(change.describe())
