"""The Findings tab: add, edit, remove and reorder the findings of one inspection."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import AppError, NotFoundError
from app.domain.model import Finding, Inspection
from app.services import inspections, reading
from app.ui import messages
from app.ui.context import AppContext
from app.ui.db_worker import Changes, LatestRead
from app.ui.finding_dialog import FindingDialog
from app.ui.findings_model import FindingColumn, FindingsModel
from app.ui.formatting import escape_markdown, nest_headings
from app.ui.widgets import row_table

LOADING = "Loading…"


class FindingsTab(QWidget):
    """Implements :class:`~app.ui.inspection_page.InspectionTab`. Each change is saved at once.

    Signals:
        inspectionChanged(int): findings of this inspection were added, changed or moved.
    """

    inspectionChanged = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.inspection: Inspection | None = None
        self._reads = LatestRead(self)
        self._changes = Changes(self, lambda error: messages.show_error(self, error.message))
        self.model = FindingsModel(self)

        self.table = row_table(self.model, "Findings", self)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 3 // 2 + 4)
        self.table.doubleClicked.connect(lambda _index: self.edit_finding())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName("Finding text")
        self.preview.setOpenLinks(False)
        self.preview.setTabChangesFocus(True)

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, name, handler in (
            ("add", "&Add finding…", "Add finding", self.add_finding),
            ("edit", "&Edit…", "Edit finding", self.edit_finding),
            ("remove", "&Remove", "Remove finding", self.remove_finding),
            ("up", "Move &up", "Move finding up", lambda: self.move_finding(-1)),
            ("down", "Move do&wn", "Move finding down", lambda: self.move_finding(1)),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(name)
            button.clicked.connect(handler)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        # Tab follows the page from top to bottom: the buttons, the table, the text.
        chain = [*self.buttons.values(), self.table, self.preview]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        for keys, handler in (
            (QKeySequence(QKeySequence.StandardKey.Delete), self.remove_finding),
            (QKeySequence(Qt.Key.Key_Return), self.edit_finding),
            (QKeySequence("Alt+Up"), lambda: self.move_finding(-1)),
            (QKeySequence("Alt+Down"), lambda: self.move_finding(1)),
        ):
            shortcut = QShortcut(keys, self.table, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(handler)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    # --- InspectionTab -------------------------------------------------------------------------

    def show_inspection(self, inspection_id: int | None) -> None:
        """Read ``inspection_id`` on the database worker and show it when the answer comes
        back, if it is still the one asked for; meanwhile the same inspection stays shown, or
        the tab says "Loading…" with its commands off."""
        keep = self.current_finding_id()
        if inspection_id is not None and (
            self.inspection is None or self.inspection.id != inspection_id
        ):
            self._apply(None, None)
            self.preview.setPlainText(LOADING)
        self._load(inspection_id, keep)

    @property
    def loading(self) -> bool:
        """True while the inspection asked for is being read, or a change made here written
        (on the database worker)."""
        return self._reads.loading or self._changes.busy

    def save_pending(self) -> None:
        """Nothing to save: every change is written when it is made."""

    # --- commands ------------------------------------------------------------------------------

    def current_finding(self) -> Finding | None:
        index = self.table.currentIndex()
        return self.model.finding(index.row()) if index.isValid() else None

    def current_finding_id(self) -> int | None:
        finding = self.current_finding()
        return finding.id if finding else None

    def add_finding(self) -> None:
        self._open_dialog(None)

    def edit_finding(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            self._open_dialog(finding)

    def remove_finding(self) -> None:
        finding = self.current_finding()
        if finding is None or finding.id is None or self.inspection is None or self._read_only:
            return
        responses = "" if finding.responses.is_empty() else " and the responses written to it"
        if not messages.confirm(
            self, "Remove finding", f"Remove “{finding.reference}”{responses}?", "Remove"
        ):
            return
        db, finding_id = self.context.db, finding.id
        self._change(lambda: inspections.remove_finding(db, finding_id), None)

    def move_finding(self, offset: int) -> None:
        finding = self.current_finding()
        if finding is None or finding.id is None or self._read_only:
            return
        db, finding_id = self.context.db, finding.id
        self._change(lambda: inspections.move_finding(db, finding_id, offset), finding_id)

    # --- helpers -------------------------------------------------------------------------------

    def _open_dialog(self, finding: Finding | None) -> None:
        inspection = self.inspection
        if inspection is None or inspection.id is None or self._read_only:
            return
        dialog = FindingDialog(
            self.context, inspection.id, finding, published_on=inspection.published_on,
            parent=self,
        )  # fmt: skip
        if dialog.exec() and dialog.saved_id is not None:
            self._load(inspection.id, keep=dialog.saved_id)
            self.inspectionChanged.emit(inspection.id)

    def _change(self, action: Callable[[], None], keep: int | None) -> None:
        inspection = self.inspection
        if inspection is None or inspection.id is None or self._read_only:
            return
        inspection_id = inspection.id

        def changed(_none: None) -> None:
            self._load(inspection_id, keep=keep)
            self.inspectionChanged.emit(inspection_id)

        def failed(error: BaseException) -> None:
            if not isinstance(error, AppError):
                raise error
            messages.show_error(self, error.message)
            changed(None)  # as it is now in the file

        self._changes.run(action, changed, failed)

    def _load(self, inspection_id: int | None, keep: int | None) -> None:
        """Read the inspection on the database worker and show it, keeping the finding
        ``keep`` current (answers still to come about an earlier read are dropped)."""
        if inspection_id is None:
            self._reads.supersede()
            self._apply(None, keep)
            return
        db = self.context.db
        self._reads.run(lambda: _inspection_or_none(db, inspection_id),
                        lambda inspection: self._apply(inspection, keep))  # fmt: skip

    def _apply(self, inspection: Inspection | None, keep: int | None) -> None:
        self.inspection = inspection
        self.model.set_findings(self.inspection.findings if self.inspection else [])
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, FindingColumn.REFERENCE))
        else:
            self._show_preview(None)
        self._update_buttons()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_preview(self.model.finding(current.row()) if current.isValid() else None)
        self._update_buttons()

    def _show_preview(self, finding: Finding | None) -> None:
        if finding is None:
            message = "No findings yet." if self.inspection else "No inspection chosen."
            self.preview.setPlainText(message)
            return
        text = f"### {escape_markdown(finding.reference)}\n\n" + nest_headings(finding.text, 3)
        self.preview.document().setMarkdown(text, QTextDocument.MarkdownFeature.MarkdownNoHTML)

    @property
    def _read_only(self) -> bool:
        """The database cannot be changed (the window's banner says so)."""
        return self.context.db.read_only

    def _update_buttons(self) -> None:
        has_inspection = self.inspection is not None and not self._read_only
        index = self.table.currentIndex()
        selected = has_inspection and index.isValid()
        self.buttons["add"].setEnabled(has_inspection)
        for key in ("edit", "remove"):
            self.buttons[key].setEnabled(selected)
        self.buttons["up"].setEnabled(selected and index.row() > 0)
        self.buttons["down"].setEnabled(selected and index.row() < self.model.rowCount() - 1)


def _inspection_or_none(db: Database, inspection_id: int) -> Inspection | None:
    """The inspection, or None when it is gone (on the database worker, or after a change)."""
    try:
        return reading.get_inspection(db, inspection_id)
    except NotFoundError:
        return None
