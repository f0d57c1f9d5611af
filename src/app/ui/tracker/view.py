"""The Tracker view: every tracked finding across the inspections, filtered and sorted, its
status, owner, target date and the inspectorate's status edited in place from the keyboard,
and the current row's history beside it.

Reads and writes go through the database worker: the rows are read (``LatestRead``) each time
the view is shown, and each change is saved at once, the row then taking the finding as saved.
A change refused shows its one sentence and the row keeps what is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import HmicfrsStatus, ProgressStatus
from app.domain.errors import AppError
from app.domain.tracking import TrackedFinding
from app.services import tracker
from app.ui import messages
from app.ui.context import AppContext
from app.ui.db_worker import LatestRead, database_worker
from app.ui.formatting import short_date
from app.ui.tracker.columns import ColumnFitter
from app.ui.tracker.delegates import ChoiceDelegate, OwnerDelegate, TargetDateDelegate
from app.ui.tracker.details import TrackerDetails
from app.ui.tracker.filter_bar import Choices, TrackerFilterBar
from app.ui.tracker.model import (
    EDITABLE,
    ID_ROLE,
    TrackerColumn,
    TrackerModel,
    TrackerRow,
    build_rows,
    count_words,
)

Column = TrackerColumn
LOADING = "Loading the tracker…"


@dataclass(frozen=True, slots=True)
class _Read:
    """What one read brings back from the database worker, ready to show."""

    rows: list[TrackerRow]
    owners: list[str]
    choices: Choices


class TrackerView(QWidget):
    """The page of the main window that tracks the findings after publication.

    Signals:
        openRequested(int, int): show this inspection (id) and its finding (id).
        notice(str): a sentence for the window's status bar (what was saved).
    """

    openRequested = Signal(int, int)
    notice = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("Recommendation tracker")
        self._reads = LatestRead(self)
        self._writing = 0
        self._refresh_pending = False
        self.model = TrackerModel(self)
        self.model.editable = not context.db.read_only
        self.model.editRequested.connect(self._save_cell)
        self.filters = TrackerFilterBar(self)
        self.filters.changed.connect(self._filter)

        self.table = QTableView(self)
        self.table.setAccessibleName("Tracker table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.TARGET, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.columns = ColumnFitter(self.table)
        self.statuses = ChoiceDelegate(
            "Status", [(status.label, status) for status in ProgressStatus], self.table
        )
        self.hmicfrs = ChoiceDelegate(
            "HMICFRS status",
            [("Not known", None), *((status.label, status) for status in HmicfrsStatus)],
            self.table,
        )
        self.dates = TargetDateDelegate(self.table)
        self.dates.refused.connect(self._refused)
        self.owners = OwnerDelegate(self.table)
        for column, delegate in (
            (Column.STATUS, self.statuses), (Column.HMICFRS, self.hmicfrs),
            (Column.TARGET, self.dates), (Column.OWNER, self.owners),
        ):  # fmt: skip
            self.table.setItemDelegateForColumn(column, delegate)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.table,
                              context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
            enter.activated.connect(self._enter)

        self.count_label = QLabel(LOADING, self)
        self.count_label.setAccessibleName("Number of findings shown")
        self.details = TrackerDetails(self)
        self.details.writable = not context.db.read_only
        self.details.addRequested.connect(self._add_update)
        self.details.openRequested.connect(self.open_finding)
        self.details.refused.connect(self._refused)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.filters)
        top_layout.addWidget(self.table, 1)
        under = QHBoxLayout()  # the count, and the way to the current row's finding
        under.addWidget(self.count_label, 1)
        under.addWidget(self.details.open_button)
        top_layout.addLayout(under)
        QWidget.setTabOrder(self.table, self.details.open_button)
        QWidget.setTabOrder(self.details.open_button, self.details.text)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([650, 350])  # in proportion, once the page has its height
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # --- reading ---------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """True while the rows asked for are being read."""
        return self._reads.loading

    @property
    def busy(self) -> bool:
        """True while a change is being saved."""
        return self._writing > 0

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Read the rows (and the owners named before) again on the database worker."""
        db = self.context.db
        today = self.context.today()

        def read() -> _Read:
            findings = tracker.tracker_rows(db, today=today)
            return _Read(build_rows(findings, today), tracker.known_owners(db),
                         Choices.of(findings))  # fmt: skip

        self._reads.run(read, self._apply, self._failed)

    def refresh_soon(self) -> None:
        """Read the rows again once the events being handled are over (one read for many
        rows of the register changed at once)."""
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self, self._refresh_now)

    def _refresh_now(self) -> None:
        self._refresh_pending = False
        self.refresh()

    def _apply(self, found: _Read) -> None:
        keep = self.current_finding_id()
        self.owners.owners = found.owners
        self.filters.fill(found.choices)
        self.model.set_rows(found.rows)
        self.model.set_criteria(self.filters.criteria())
        self._select(keep)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, AppError):
            raise error
        self.count_label.setText("The tracker could not be read.")
        messages.show_error(self, error.message, "The tracker could not be read")

    # --- the table -------------------------------------------------------------------------

    def current_finding(self) -> TrackedFinding | None:
        index = self.table.currentIndex()
        return self.model.finding(index.row()) if index.isValid() else None

    def current_finding_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def _filter(self) -> None:
        keep = self.current_finding_id()
        self.model.set_criteria(self.filters.criteria())
        self._select(keep)

    def _select(self, finding_id: int | None) -> None:
        """The row of ``finding_id`` current again (after the rows changed), else the first."""
        row = self.model.row_of(finding_id) if finding_id is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            column = max(self.table.currentIndex().column(), 0)
            self.table.setCurrentIndex(self.model.index(row, column))
        self._current_changed(self.table.currentIndex(), QModelIndex())
        self._count()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.details.show_finding(self.model.finding(current.row()) if current.isValid() else None)

    def _count(self) -> None:
        self.count_label.setText(count_words(self.model))

    def _enter(self) -> None:
        """Enter edits an editable cell (as F2 does) and opens the finding from the others."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        if index.column() in EDITABLE and self.model.editable:
            self.table.edit(index)
        else:
            self.open_finding(int(index.data(ID_ROLE)))

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and (index.column() not in EDITABLE or not self.model.editable):
            self.open_finding(int(index.data(ID_ROLE)))

    def open_finding(self, finding_id: int) -> None:
        for finding in self.model.all_findings():
            if finding.id == finding_id:
                self.openRequested.emit(finding.inspection_id, finding.id)
                return

    def focus_filter(self) -> None:
        self.filters.focus_text()

    # --- saving ----------------------------------------------------------------------------

    def _save_cell(self, finding_id: int, column: int, value: object) -> None:
        db = self.context.db
        save: Callable[[], TrackedFinding]
        if column == Column.STATUS:
            assert isinstance(value, ProgressStatus)
            status = value
            save = lambda: tracker.record_progress(db, finding_id, status)  # noqa: E731
        elif column == Column.OWNER:
            owner = str(value)
            save = lambda: tracker.set_owner(db, finding_id, owner)  # noqa: E731
        elif column == Column.TARGET:
            target = value if isinstance(value, dt.date) else None
            save = lambda: tracker.set_target(db, finding_id, target)  # noqa: E731
        else:
            hmicfrs = value if isinstance(value, HmicfrsStatus) else None
            save = lambda: tracker.set_hmicfrs_status(db, finding_id, hmicfrs)  # noqa: E731
        self._write(finding_id, save, lambda saved: _saved_words(saved, Column(column)))

    def _add_update(
        self, finding_id: int, status: ProgressStatus, note: str, target: dt.date | None
    ) -> None:
        db = self.context.db

        def save() -> TrackedFinding:
            return tracker.record_progress(db, finding_id, status, note, target_on=target)

        def words(saved: TrackedFinding) -> str:
            self.details.clear_form()
            return f"Progress update added to {saved.reference}: “{saved.status.label}”."

        self._write(finding_id, save, words)

    def _write(
        self,
        finding_id: int,
        save: Callable[[], TrackedFinding],
        words: Callable[[TrackedFinding], str],
    ) -> None:
        self._writing += 1

        def done(saved: TrackedFinding) -> None:
            self._writing -= 1
            self.model.replace(saved, self.context.today())
            if saved.owner and saved.owner not in self.owners.owners:
                self.owners.owners.append(saved.owner)
            if self.details.finding is not None and self.details.finding.id == saved.id:
                self.details.show_finding(saved)
            self._count()
            self.notice.emit(words(saved))

        def failed(error: BaseException) -> None:
            self._writing -= 1
            self.model.repaint_row(finding_id)
            if not isinstance(error, AppError):
                raise error
            messages.show_error(self, error.message, "The change was not saved")

        database_worker().run(save, done, failed, owner=self)

    def _refused(self, sentence: str) -> None:
        """Once the editor has closed: a box shown while it commits would fight it for focus."""
        QTimer.singleShot(
            0, self, lambda: messages.show_error(self, sentence, "The change was not saved")
        )


def _saved_words(saved: TrackedFinding, column: Column) -> str:
    if column is Column.STATUS:
        return f"{saved.reference} of “{saved.inspection_title}” is now “{saved.status.label}”."
    if column is Column.OWNER:
        owner = saved.owner or "nobody"
        return f"{saved.reference} of “{saved.inspection_title}” is now owned by {owner}."
    if column is Column.TARGET:
        target = short_date(saved.target_on, "none")
        return f"The target date of {saved.reference} is now {target}."
    hmicfrs = saved.hmicfrs_status.label if saved.hmicfrs_status else "not known"
    return f"The HMICFRS status of {saved.reference} is now “{hmicfrs}”."
