"""The window's import commands: File → Import…, paste, drag and drop, and the CC's comments.

A document is read off the GUI thread (``app.ui.tasks``) while a progress dialog says so; the
preview then opens window-modal, and only the person's Save writes to the database. Imports
asked for while one is under way (several files dropped at once) wait their turn.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QWidget

from app.db.connection import is_database_file
from app.db.database import Database
from app.domain.enums import AuthorRole
from app.domain.errors import AppError
from app.ui import messages
from app.ui.db_worker import wait_on_worker
from app.ui.file_dialogs import start_folder
from app.ui.importing import questions
from app.ui.importing.drop import DropFilter
from app.ui.importing.paste_dialog import PasteTextDialog
from app.ui.tasks import BackgroundTask, run_in_background
from app.ui.window_state import default_settings

if TYPE_CHECKING:
    from app.domain.organisation import OrganisationSettings
    from app.importers import ImportedInspection
    from app.ui.importing.comments_dialog import CommentsImportDialog
    from app.ui.importing.preview_dialog import ImportPreviewDialog

# The importers and the import dialogs load on first use, not with the window (about a sixth
# of its start-up); reading a file happens on a worker thread, so they load there.


def import_document(
    path: str | Path, *, cancelled: threading.Event | None = None
) -> ImportedInspection:
    from app.importers import import_document as read

    return read(path, cancelled=cancelled)


def read_pasted_text(
    text: str, source_name: str = "", *, cancelled: threading.Event | None = None
) -> ImportedInspection:
    from app.importers import import_text

    return import_text(text, source_name, cancelled=cancelled)

IMPORT_FILTER = (
    "Reports and responses (*.txt *.html *.htm *.pdf *.docx);;"
    "Web pages (*.html *.htm);;PDF files (*.pdf);;Word files (*.docx);;Text files (*.txt);;"
    "All files (*)"
)
STATUS_TIMEOUT_MS = 8000
PROGRESS_DELAY_MS = 400
"""A quick import shows no progress dialog; a slow one shows it after this long."""


@dataclass(slots=True)
class _Job:
    source: str
    pasted: bool = False
    """Text from the person (pasted or dropped): kept in ``last_pasted`` until it is saved."""
    cancelled: bool = False
    stop: threading.Event = field(default_factory=threading.Event)
    """Set on Cancel: the reading stops at its next checkpoint (``importers.limits``)."""


class ImportController(QObject):
    """Owns the import commands of ``window`` over ``db``.

    ``save_pending`` (the inspection page's) is called before anything is imported, so that
    text being typed is saved before an update can replace it; False stops the import.
    ``organisation`` gives the organisation settings the window holds (for the roles' titles);
    without it they are read on the database worker when needed.

    Signals:
        imported(int): an inspection was saved from an import (added, or updated): its id.
        skipped(int): the import was skipped because this stored inspection is the same report.
        responsesFilled(int): the Chief Constable's comments were filled into this inspection.
        busyChanged(bool): a document started or finished being read and checked.
    """

    imported = Signal(int)
    skipped = Signal(int)
    responsesFilled = Signal(int)
    busyChanged = Signal(bool)

    def __init__(
        self,
        window: QWidget,
        db: Database,
        *,
        save_pending: Callable[[], bool] | None = None,
        organisation: Callable[[], OrganisationSettings] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self._save_pending = save_pending or (lambda: True)
        self._organisation = organisation
        self.folder = start_folder(default_settings())
        self.preview: ImportPreviewDialog | None = None
        self.comments: CommentsImportDialog | None = None
        self.last_pasted = ""
        self._job: _Job | None = None
        self.progress: QProgressDialog | None = None
        self._waiting: list[Callable[[], object]] = []
        self._drop = DropFilter(self)
        self._drop.filesDropped.connect(self.import_files)
        self._drop.textDropped.connect(lambda text: self.import_text(text, "The dropped text"))

    @property
    def busy(self) -> bool:
        return self._job is not None or self.preview is not None

    # --- commands ------------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        """File → Import…: choose a report or response file, then import it."""
        path = questions.choose_file(
            self.window, "Import a report or response", IMPORT_FILTER, self.folder
        )
        if path:
            self.import_file(Path(path))

    def paste_text(self) -> None:
        """File → Paste report text…: paste the text, then import it."""
        dialog = PasteTextDialog(self.window, self.last_pasted)
        try:
            if dialog.exec():
                self.import_text(dialog.text())
        finally:
            dialog.deleteLater()

    def install_drop_target(self, widget: QWidget) -> None:
        """Let files and text dropped onto ``widget`` be imported."""
        self._drop.install(widget)

    def import_files(self, paths: list[Path]) -> None:
        for path in paths:
            self.import_file(path)

    def import_file(self, path: str | Path) -> BackgroundTask[ImportedInspection] | None:
        """Read ``path`` off the GUI thread, then show the preview.

        Returns the background task, or None when the import waits for one under way (or was
        stopped because typed text could not be saved).
        """
        path = Path(path)
        self.folder = str(path.parent)
        if is_database_file(self.db.path, path):
            messages.show_error(
                self.window,
                f"{path.name} is this application's own database, not a report or a response: "
                "it cannot be imported while it is in use.",
            )
            return None
        job = _Job(path.name)
        return self._start(job, lambda: import_document(path, cancelled=job.stop))

    def import_text(
        self, text: str, source: str = "The pasted text"
    ) -> BackgroundTask[ImportedInspection] | None:
        """Read pasted or dropped text off the GUI thread, then show the preview."""
        self.last_pasted = text  # kept until it imports, so that nothing pasted is lost
        job = _Job(source, pasted=True)
        return self._start(job, lambda: read_pasted_text(text, source, cancelled=job.stop))

    def import_comments(self, inspection_id: int) -> CommentsImportDialog | None:
        """Inspection → Import Chief Constable's comments…: choose the file, check, fill."""
        if self.comments is not None or not self._save_pending():
            return None
        from app.ui.importing.comments_dialog import COMMENTS_FILTER, CommentsImportDialog

        title = self._titles()[AuthorRole.CHIEF_CONSTABLE]
        path = questions.choose_file(
            self.window, f"Choose the {title}'s comments", COMMENTS_FILTER, self.folder
        )
        if not path:
            return None
        try:
            dialog = CommentsImportDialog(self.db, inspection_id, role_title=title,
                                          parent=self.window)  # fmt: skip
        except AppError as error:
            messages.show_error(self.window, error.message)
            return None
        self.comments = dialog
        dialog.folder = self.folder
        dialog.finished.connect(partial(self._comments_closed, dialog))
        dialog.load_file(Path(path))
        dialog.open()
        return dialog

    # --- reading -------------------------------------------------------------------------------

    def _start(
        self, job: _Job, read: Callable[[], ImportedInspection]
    ) -> BackgroundTask[ImportedInspection] | None:
        if self.busy:
            self._waiting.append(lambda: self._start(job, read))
            return None
        if not self._save_pending():
            self._waiting.clear()
            return None
        self._job = job
        self.busyChanged.emit(True)
        self._show_progress(job)
        return run_in_background(
            self.window, read, partial(self._read, job), partial(self._read_failed, job)
        )

    def _show_progress(self, job: _Job) -> None:
        progress = QProgressDialog(f"Reading {job.source}…", "Cancel", 0, 0, self.window)
        progress.setWindowTitle("Importing")
        progress.setAccessibleName(f"Reading {job.source}")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.canceled.connect(partial(self._cancel, job))
        progress.setValue(0)  # starts the delay: a quick import never shows the dialog
        self.progress = progress

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None

    def _cancel(self, job: _Job) -> None:
        """Stop the reading (at its next checkpoint) and stop waiting for it."""
        job.cancelled = True
        job.stop.set()
        self._job_done(job)
        self._status(f"Import of {job.source} cancelled.")

    def cancel_all(self) -> None:
        """Stop the reading under way and forget those waiting (the window is closing)."""
        self._waiting.clear()
        if self._job is not None:
            self._cancel(self._job)

    def _job_done(self, job: _Job) -> None:
        if self._job is job:
            self._close_progress()
            self._job = None
            self.busyChanged.emit(False)
            self._next()

    def _read(self, job: _Job, result: ImportedInspection) -> None:
        if job.cancelled:
            return
        self._close_progress()
        self._job = None
        self._show_preview(job, result)

    def _read_failed(self, job: _Job, error: BaseException) -> None:
        if job.cancelled:
            return
        self._job_done(job)
        if not isinstance(error, AppError):
            raise error  # unexpected: the application's hook shows and logs it
        messages.show_error(self.window, error.message, "The document could not be imported")

    # --- preview -------------------------------------------------------------------------------

    def _show_preview(self, job: _Job, result: ImportedInspection) -> None:
        from app.ui.importing.preview_dialog import ImportPreviewDialog

        dialog = ImportPreviewDialog(
            self.db, result, source=job.source, role_titles=self._titles(), parent=self.window
        )
        self.preview = dialog
        dialog.finished.connect(partial(self._preview_closed, job, dialog))
        dialog.open()

    def _preview_closed(self, job: _Job, dialog: ImportPreviewDialog, _result: int) -> None:
        saved = dialog.saved
        self.preview = None
        dialog.deleteLater()
        self.busyChanged.emit(False)
        if saved is not None and job.pasted:
            self.last_pasted = ""
        if saved is None:
            self._status("Import cancelled: nothing was saved.")
        elif saved.action == "skipped":
            self._status("Import skipped: the report was already in the register.")
            self.skipped.emit(saved.inspection_id)
        else:
            kept = f" Kept from before: {', '.join(saved.kept)}." if saved.kept else ""
            self._status(f"Inspection {saved.action} from {job.source}.{kept}")
            self.imported.emit(saved.inspection_id)
        self._next()

    def _comments_closed(self, dialog: CommentsImportDialog, _result: int) -> None:
        self.comments = None
        dialog.deleteLater()
        outcome = dialog.outcome
        if outcome is None:
            return
        text = f"{len(outcome.filled)} responses filled."
        if outcome.kept:
            text += f" Kept as they were: {', '.join(outcome.kept)}."
        self._status(text)
        self.responsesFilled.emit(dialog.inspection_id)

    # --- helpers -------------------------------------------------------------------------------

    def _next(self) -> None:
        if self._waiting and not self.busy:
            self._waiting.pop(0)()

    def _titles(self) -> dict[AuthorRole, str]:
        db = self.db

        def read() -> OrganisationSettings:
            from app.services.reading import load_settings

            return load_settings(db)

        try:
            settings = self._organisation() if self._organisation else wait_on_worker(read)
        except AppError:
            from app.ui.importing.preview_dialog import DEFAULT_TITLES

            return dict(DEFAULT_TITLES)
        return {role: settings.role_title(role) for role in AuthorRole}

    def _status(self, text: str) -> None:
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(text, STATUS_TIMEOUT_MS)
