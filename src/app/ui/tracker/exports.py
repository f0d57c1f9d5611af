"""File → Export tracker… and File → Export deadlines to calendar…: a save dialog, then the
file written on the database worker (after any change still being saved), and one sentence in
the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QWidget

from app.db.database import Database
from app.domain.errors import AppError
from app.services.tracker import TrackerFilter
from app.services.tracker_exports import TRACKER_SUFFIXES, export_calendar, export_tracker
from app.ui import messages
from app.ui.db_worker import database_worker
from app.ui.file_dialogs import make_dialog, remember_folder, start_folder

TRACKER_FILTERS = {
    "Excel workbook (*.xlsx)": "xlsx",
    "CSV file (*.csv)": "csv",
    "PDF progress report (*.pdf)": "pdf",
}
CALENDAR_FILTERS = {"iCalendar file (*.ics)": "ics"}


def choose_export_path(
    parent: QWidget, title: str, filters: dict[str, str], name: str, settings: QSettings
) -> Path | None:
    """Where to write, or None when the person cancelled; a name typed without its ending
    takes the chosen kind's."""
    folder = start_folder(settings)
    dialog = make_dialog(parent, title, ";;".join(filters), folder)
    dialog.setAcceptMode(dialog.AcceptMode.AcceptSave)
    dialog.setFileMode(dialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(next(iter(filters.values())))
    dialog.filterSelected.connect(lambda chosen: dialog.setDefaultSuffix(filters.get(chosen, "")))
    dialog.selectFile(str(Path(folder) / name))
    try:
        chosen = dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""
    finally:
        dialog.deleteLater()
    remember_folder(settings, chosen)
    return Path(chosen) if chosen else None


class TrackerExports(QObject):
    """The two commands; ``where`` gives the tracker's filters as the exports know them
    (None: every finding), ``notice`` shows a sentence in the status bar."""

    def __init__(
        self,
        window: QWidget,
        db: Database,
        settings: QSettings,
        where: Callable[[], TrackerFilter | None],
        notice: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.settings = settings
        self.where = where
        self.notice = notice

    def export_tracker(self) -> None:
        out = choose_export_path(
            self.window, "Export tracker", TRACKER_FILTERS, "Recommendation tracker.xlsx",
            self.settings,
        )  # fmt: skip
        if out is None:
            return
        if out.suffix.lower() not in TRACKER_SUFFIXES:
            messages.show_error(self.window, f"{out.name} does not end in .xlsx, .csv or .pdf, "
                                "so the kind of file to write is not known.")  # fmt: skip
            return
        where = self.where()
        db = self.db
        every = "" if where is not None else " (every finding: typed words are not exported)"

        def done(count: int) -> None:
            noun = "finding" if count == 1 else "findings"
            self.notice(f"Wrote {count} {noun} to {out}{every}.")

        self._run(lambda: export_tracker(db, out, where), done)

    def export_calendar(self) -> None:
        out = choose_export_path(
            self.window, "Export deadlines to calendar", CALENDAR_FILTERS, "Deadlines.ics",
            self.settings,
        )  # fmt: skip
        if out is None:
            return
        db = self.db

        def done(count: int) -> None:
            noun = "deadline" if count == 1 else "deadlines"
            self.notice(f"Wrote {count} {noun} to {out}.")

        self._run(lambda: export_calendar(db, out), done)

    def _run(self, write: Callable[[], int], done: Callable[[int], None]) -> None:
        self.notice("Writing the file…")

        def failed(error: BaseException) -> None:
            self.notice("")
            if not isinstance(error, AppError):
                raise error
            messages.show_error(self.window, error.message, "The file was not written")

        database_worker().run(write, done, failed, owner=self)
