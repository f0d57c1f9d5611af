"""Inspection → Import Chief Constable's comments…: match the comments, check, fill responses."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.domain.errors import AppError
from app.domain.workflow import is_locked, locked_message
from app.importers.cc_comments import CommentsProposal, match_comments
from app.services import importing, reading
from app.services.importing import FillOutcome
from app.services.responses import ResponseConflict
from app.ui.db_worker import wait_on_worker
from app.ui.importing import questions
from app.ui.importing.comments_model import CommentColumn, CommentsMatchModel
from app.ui.importing.preview_text import warning_text
from app.ui.importing.questions import OverwriteChoice
from app.ui.tasks import BackgroundTask, run_in_background
from app.ui.widgets import ErrorLabel, row_table

COMMENTS_FILTER = "Word or text files (*.docx *.txt);;All files (*)"


class CommentsImportDialog(QDialog):
    """For one inspection: read a comments file, correct the matching, fill the responses.

    Nothing is written until Fill; then every response is saved as a new version (the earlier
    text stays in its history), all of them or none. After ``accept()``, ``outcome`` says what
    was filled and what was kept.

    Signals:
        proposalShown(): a comments file was read and its matching is shown.
    """

    proposalShown = Signal()

    def __init__(
        self,
        db: Database,
        inspection_id: int,
        *,
        role_title: str = "Chief Constable",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        # Read on the database worker, the dialog waiting (as for its fill).
        self.inspection = wait_on_worker(lambda: reading.get_inspection(db, inspection_id))
        self.inspection_id = inspection_id
        self.role_title = role_title
        self.outcome: FillOutcome | None = None
        self.source: Path | None = None
        self.folder = ""
        self.model = CommentsMatchModel(self.inspection.findings, self)
        self.setWindowTitle(f"Import the {role_title}'s comments")
        self._build()
        self._show_row(-1)
        if is_locked(self.inspection.status):
            self.error.show_message(locked_message(self.inspection.status))
            self.fill_button.setEnabled(False)

    # --- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        intro = QLabel(
            f"Comments for “{self.inspection.title}”. Each part of the {self.role_title}'s "
            "comments is matched to a finding by the reference it gives; check the matching, "
            "correct it where needed, then fill the responses.",
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label = QLabel("No file chosen yet.", self)
        self.file_label.setAccessibleName("Comments file")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_button = QPushButton("&Choose file…", self)
        self.choose_button.setAccessibleName("Choose the comments file")
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        self.warnings = ErrorLabel(self)
        self.warnings.setAccessibleName("Import warnings")

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Comments found")
        self.tabs.addTab(self._matches_page(), "Comments per &finding")
        self.tabs.addTab(self._overall_page(), "&Overall comments")
        self.tabs.addTab(self._unmatched_page(), "&Not matched")

        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.fill_button = buttons.addButton(
            "Fi&ll the responses", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.fill_button.setAccessibleName(f"Fill the {self.role_title} responses")
        self.fill_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.warnings)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 110, metrics.lineSpacing() * 34)

    def _matches_page(self) -> QWidget:
        page = QWidget(self.tabs)
        self.table = row_table(self.model, "Proposed matches", page)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_row(current.row())
        )

        detail = QWidget(page)
        form = QFormLayout(detail)
        self.target = QComboBox(detail)
        self.target.setAccessibleName("Fills the response to")
        self.target.addItem("Not assigned (leave it out)", None)
        for finding in self.model.findings:
            suffix = "" if finding.applies else " (does not apply to the force)"
            self.target.addItem(finding.reference + suffix, finding.id)
        target_label = QLabel("Fills the &response to:", detail)
        target_label.setBuddy(self.target)
        form.addRow(target_label, self.target)
        self.part_text = QPlainTextEdit(detail)
        self.part_text.setAccessibleName("Comments for the chosen finding")
        self.part_text.setTabChangesFocus(True)
        text_label = QLabel("Co&mments:", detail)
        text_label.setBuddy(self.part_text)
        form.addRow(text_label, self.part_text)
        self.note = QLabel(detail)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setAccessibleName("Findings left unfilled or filled twice")
        form.addRow("", self.note)
        self.target.currentIndexChanged.connect(self._target_changed)
        self.part_text.textChanged.connect(self._text_changed)

        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(page)
        layout.addWidget(splitter)
        self._row_shown = -1
        return page

    def _overall_page(self) -> QWidget:
        page = QWidget(self.tabs)
        self.use_overall = QCheckBox(f"&Use as the {self.role_title}'s overall response", page)
        self.use_overall.setAccessibleName(f"Use as the {self.role_title}'s overall response")
        self.overall = QPlainTextEdit(page)
        self.overall.setAccessibleName("Overall comments")
        self.overall.setTabChangesFocus(True)
        self.overall.setPlaceholderText("The comments have no text before the first finding.")
        self.use_overall.toggled.connect(self.overall.setEnabled)
        layout = QVBoxLayout(page)
        layout.addWidget(self.use_overall)
        layout.addWidget(self.overall, 1)
        return page

    def _unmatched_page(self) -> QWidget:
        page = QWidget(self.tabs)
        hint = QLabel(
            "These parts name findings this inspection does not have, so they are not filled "
            "anywhere. Copy what you need from here into a response.",
            page,
        )
        hint.setWordWrap(True)
        self.unmatched = QPlainTextEdit(page)
        self.unmatched.setAccessibleName("Comments not matched to a finding")
        self.unmatched.setReadOnly(True)
        self.unmatched.setTabChangesFocus(True)
        self.unmatched.setPlaceholderText("Every part of the comments was matched.")
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.unmatched, 1)
        return page

    # --- reading the comments ------------------------------------------------------------------

    def choose_file(self) -> None:
        path = questions.choose_file(
            self, f"Choose the {self.role_title}'s comments", COMMENTS_FILTER, self.folder
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> BackgroundTask[CommentsProposal]:
        """Read and match ``path`` off the GUI thread; the matching is shown when ready."""
        self.folder = str(path.parent)
        self.file_label.setText(f"Reading {path.name}…")
        self.error.clear_message()
        self._set_busy(True)
        inspection = self.inspection
        return run_in_background(
            self,
            lambda: match_comments(inspection, path),
            lambda proposal: self.set_proposal(proposal, path),
            self._read_failed,
        )

    def _read_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.file_label.setText("No file read." if self.source is None else str(self.source))
        if not isinstance(error, AppError):
            raise error
        self.error.show_message(error.message)

    def _set_busy(self, busy: bool) -> None:
        self.choose_button.setEnabled(not busy)
        self.fill_button.setEnabled(not busy and not is_locked(self.inspection.status))
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def set_proposal(self, proposal: CommentsProposal, source: Path | None = None) -> None:
        """Show a matching to check (``source``: the file it came from)."""
        self._set_busy(False)
        self.source = source
        self.file_label.setText(str(source) if source else "Pasted comments")
        self.model.set_proposal(proposal)
        self.tabs.setTabText(0, f"Comments per &finding ({self.model.rowCount()})")
        self.overall.setPlainText(proposal.overall)
        self.use_overall.setChecked(bool(proposal.overall.strip()))
        self.overall.setEnabled(self.use_overall.isChecked())
        self.unmatched.setPlainText(proposal.unmatched)
        self.tabs.setTabText(2, "&Not matched" + (" (some text)" if proposal.unmatched else ""))
        if proposal.warnings:
            self.warnings.show_message(
                warning_text(proposal.warnings),
                warning_only=True,
            )
        else:
            self.warnings.clear_message()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, CommentColumn.TARGET))
        else:
            self._show_row(-1)
        self.proposalShown.emit()

    # --- correcting the matching ---------------------------------------------------------------

    def _show_row(self, row: int) -> None:
        self._row_shown = -1  # no edits written back while the row is loaded
        valid = 0 <= row < self.model.rowCount()
        self.target.setEnabled(valid)
        self.part_text.setEnabled(valid)
        if valid:
            part = self.model.part(row)
            self.target.setCurrentIndex(max(0, self.target.findData(part.target)))
            self.part_text.setPlainText(part.text)
        else:
            self.target.setCurrentIndex(0)
            self.part_text.clear()
        self._row_shown = row if valid else -1
        self._update_note()

    def set_target(self, row: int, finding_id: int | None) -> None:
        """Aim part ``row`` at another finding (None: leave it out), as the combo box does."""
        self.table.setCurrentIndex(self.model.index(row, CommentColumn.TARGET))
        self.target.setCurrentIndex(max(0, self.target.findData(finding_id)))

    def _target_changed(self, _index: int) -> None:
        if self._row_shown >= 0:
            self.model.set_target(self._row_shown, self.target.currentData())
            self._update_note()

    def _text_changed(self) -> None:
        if self._row_shown >= 0:
            self.model.set_text(self._row_shown, self.part_text.toPlainText())
            self._update_note()

    def _update_note(self) -> None:
        notes = []
        if self.model.rowCount():
            unfilled = self.model.unfilled()
            if unfilled:
                notes.append(f"Not filled from these comments: {', '.join(unfilled)}.")
        shared = self.model.shared_targets()
        if shared:
            notes.append(f"More than one part fills {', '.join(shared)}: joined, in order.")
        self.note.setText(" ".join(notes))

    # --- filling -------------------------------------------------------------------------------

    def accept(self) -> None:
        overall = self.overall.toPlainText() if self.use_overall.isChecked() else ""
        assignments = self.model.assignments()
        if not assignments and not overall.strip():
            self.error.show_message(
                "There is nothing to fill: choose a comments file, or assign its parts to findings."
            )
            return
        db, inspection_id = self.db, self.inspection_id
        try:
            plan = wait_on_worker(
                lambda: importing.plan_comments(db, inspection_id, overall, assignments)
            )
            replace = False
            overwriting = plan.overwriting()
            if overwriting:
                choice = questions.ask_overwrite(
                    self, self.role_title, [item.label for item in overwriting]
                )
                if choice is OverwriteChoice.CANCEL:
                    return
                replace = choice is OverwriteChoice.REPLACE
            fill = partial(importing.fill_comments, db, plan, replace=replace)
            self.outcome = wait_on_worker(fill)
        except ResponseConflict:
            self.error.show_message(
                "A response was changed in another window just now, so nothing was filled. "
                "Press Fill again to look at the responses afresh."
            )
            return
        except AppError as error:
            self.error.show_message(error.message)
            return
        super().accept()
