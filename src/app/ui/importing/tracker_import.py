"""File → Import tracker…: an existing spreadsheet tracker, previewed before anything is saved.

The file is read and its rows matched to the stored findings on the database worker
(``app.services.tracker_import``); the preview lists every row: the finding it matched (and how
surely) or why none, and what recording it would change. Each matched row that would change
something has a tick box, ticked; nothing is saved until "Record" is pressed, and then the
ticked rows are recorded in one transaction, on the worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError
from app.ui import messages
from app.ui.db_worker import database_worker
from app.ui.importing import questions

if TYPE_CHECKING:
    from app.services.tracker_import import RowMatch, TrackerImportPlan
    from app.ui.main_window import MainWindow

TRACKER_FILTER = "Trackers (*.xlsx *.xlsm *.csv);;All files (*)"
COLUMNS = ("Record", "Row", "Recommendation in the tracker", "Matched finding", "Changes")


def _short(text: str, length: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[:length].rstrip() + "…"


class TrackerPreview(QDialog):
    """Every row of the tracker, what it matched and what it would change; tick to record."""

    def __init__(self, plan: TrackerImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(f"Import tracker: {plan.sheet.name}")
        self.setAccessibleName("Tracker import preview")
        self.resize(1000, 560)
        changing = [m for m in plan.matched if m.changes]
        summary = QLabel(
            f"{len(plan.matched)} of {len(plan.matches)} rows match a stored finding; "
            f"{len(changing)} would change something. Nothing is saved until you press "
            "Record.", self,
        )  # fmt: skip
        summary.setWordWrap(True)
        summary.setAccessibleName("Tracker import summary")
        self.table = QTableWidget(len(plan.matches), len(COLUMNS), self)
        self.table.setAccessibleName("Tracker rows")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for index, match in enumerate(plan.matches):
            self._fill(index, match)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.setColumnWidth(2, 280)
        self.table.setColumnWidth(3, 300)
        self.table.horizontalHeader().setStretchLastSection(True)  # the changes: the rest
        self.table.resizeRowsToContents()
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        if plan.sheet.warnings:
            warnings = QLabel("\n".join(plan.sheet.warnings), self)
            warnings.setWordWrap(True)
            warnings.setAccessibleName("Tracker import warnings")
            layout.addWidget(warnings)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(self)
        self.record = buttons.addButton("Record", QDialogButtonBox.ButtonRole.AcceptRole)
        self.record.setEnabled(bool(changing))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _fill(self, index: int, match: RowMatch) -> None:
        tick = QTableWidgetItem()
        if match.finding is not None and match.changes:
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            tick.setCheckState(Qt.CheckState.Checked)
            tick.setData(Qt.ItemDataRole.AccessibleTextRole, f"Record row {match.row.line}")
        else:
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled)
        tick.setData(Qt.ItemDataRole.UserRole, match.row.line)
        row = match.row
        found = (
            f"{match.finding.inspection_title} · {match.finding.reference} (by {match.how})"
            if match.finding is not None else f"Not matched: {match.how}"
        )  # fmt: skip
        changes = "\n".join(match.changes) or (
            "Nothing to change" if match.finding is not None else ""
        )
        cells = [str(row.line), _short(f"{row.reference} {row.text}".strip()), found, changes]
        self.table.setItem(index, 0, tick)
        for column, text in enumerate(cells, start=1):
            self.table.setItem(index, column, QTableWidgetItem(text))

    def chosen_lines(self) -> list[int]:
        """The sheet rows ticked to record."""
        lines = []
        for index in range(self.table.rowCount()):
            tick = self.table.item(index, 0)
            if tick is not None and tick.checkState() == Qt.CheckState.Checked:
                lines.append(int(tick.data(Qt.ItemDataRole.UserRole)))
        return lines


class TrackerImport:
    """The command: choose, read and match (worker), preview, record (worker)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.action = QAction("Import &tracker…", window)
        self.action.setStatusTip("Bring in progress from an existing Excel or CSV tracker")
        self.action.triggered.connect(self.choose_and_import)
        self.preview: TrackerPreview | None = None

    def choose_and_import(self) -> None:
        path = questions.choose_file(self.window, "Import a tracker", TRACKER_FILTER, "")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        from app.importers.tracker_sheet import read_tracker_sheet
        from app.services.tracker_import import plan_import

        db = self.window.context.db
        self.window.statusBar().showMessage(f"Reading {path.name}…")
        database_worker().run(
            lambda: plan_import(db, read_tracker_sheet(path)), self._show, self._failed,
            owner=self.window,
        )  # fmt: skip

    def _failed(self, error: BaseException) -> None:
        self.window.statusBar().clearMessage()
        if not isinstance(error, AppError):
            raise error
        messages.show_error(self.window, error.message)

    def _show(self, plan: TrackerImportPlan) -> None:
        self.window.statusBar().clearMessage()
        self.preview = TrackerPreview(plan, self.window)
        self.preview.finished.connect(lambda result: self._answered(plan, result))
        self.preview.open()

    def _answered(self, plan: TrackerImportPlan, result: int) -> None:
        preview, self.preview = self.preview, None
        if preview is None:
            return
        lines = preview.chosen_lines()
        preview.deleteLater()
        if result != QDialog.DialogCode.Accepted or not lines:
            return
        from app.services.tracker_import import apply_import

        db = self.window.context.db
        database_worker().run(
            lambda: apply_import(db, plan, lines),
            lambda count: self.window.statusBar().showMessage(
                f"Recorded progress for {count} finding{'s' if count != 1 else ''} from "
                f"{plan.sheet.name}.", 10_000,
            ),
            self._failed, owner=self.window,
        )  # fmt: skip


def install_tracker_import(window: MainWindow) -> TrackerImport:
    """File → Import tracker…, after File → Paste report text…"""
    from app.ui.actions import ActionId

    command = TrackerImport(window)
    window.add_action("File", command.action, after=ActionId.PASTE_REPORT)
    command.action.setEnabled(not window.context.db.read_only)
    return command
