"""Start-up: the QApplication, the main window over an opened database, and error reporting."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, __version__
from app.db.database import Database
from app.domain.errors import AppError
from app.paths import data_dir
from app.ui import log_files
from app.ui.context import AppContext
from app.ui.document import viewer_copies
from app.ui.instance_lock import DatabaseLock
from app.ui.main_window import MainWindow
from app.ui.window_state import default_settings

log = logging.getLogger("app")


BRITISH_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def create_window(db_path: Path | str, settings: QSettings | None = None) -> MainWindow:
    """Open the database and build the main window; the caller owns the QApplication.

    ``settings`` holds the window layout (the user's INI file when None). Raises AppError
    when the database cannot be opened. Every widget speaks British English (a date box's
    calendar names "July", not "Juli"), whatever the computer's language. Copies opened in the
    PDF viewer by runs that have ended are removed.
    """
    QLocale.setDefault(BRITISH_ENGLISH)
    viewer_copies.remove_stale()
    db = Database.open(Path(db_path))
    try:
        return MainWindow(AppContext(db), settings if settings is not None else default_settings())
    except BaseException:
        db.close()
        raise


def run_gui(db_path: Path) -> int:
    """Open the window on ``db_path`` and run until it closes; 1 if the database cannot open."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    log_file = _configure_logging()
    install_excepthook(log_file)
    try:
        window = create_window(db_path)
    except AppError as error:
        log.error("Cannot open the database %s: %s", db_path, error.message)
        QMessageBox.critical(None, APP_NAME, error.message)
        return 1
    lock = DatabaseLock(Path(db_path))
    window.show_at_start()
    other_copy = lock.acquire()
    if other_copy:
        QMessageBox.information(window, APP_NAME, other_copy)
    try:
        return app.exec()
    finally:
        lock.release()
        viewer_copies.remove_own()  # the window removes them as it closes; this is a backstop


def _configure_logging() -> Path | None:
    """Log to this run's own file in the data folder, so that IT can see what went wrong.

    One file per running copy (two copies cannot share one on Windows); the last runs' logs
    are kept and older ones deleted.
    """
    folder = data_dir() / "logs"
    path: Path | None = None
    handler: logging.Handler
    try:
        folder.mkdir(parents=True, exist_ok=True)
        log_files.prune_logs(folder)
        path = log_files.new_log_path(folder)
        handler = log_files.RunLogHandler(path)
    except OSError:
        handler, path = logging.StreamHandler(), None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.info("%s %s started (process %d)", APP_NAME, __version__, os.getpid())
    return path


def describe_unexpected(error: BaseException, log_file: Path | None) -> str:
    where = f" The details were written to {log_file}." if log_file else ""
    return (
        "Something went wrong that the application did not expect, so what you just did may "
        f"not have been completed.{where} You can carry on working; if it happens again, tell "
        f"your IT support.\n\n{type(error).__name__}: {error}"
    )


def install_excepthook(log_file: Path | None) -> None:
    """Show unexpected errors in a dialog (and log them) instead of losing them on stderr."""
    showing = False

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.error("Unexpected error", exc_info=(kind, error, trace))
        if showing or QApplication.instance() is None:
            return
        showing = True
        try:
            if isinstance(error, AppError):
                QMessageBox.warning(None, APP_NAME, error.message)
                return
            box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME,
                              describe_unexpected(error, log_file))  # fmt: skip
            box.setDetailedText("".join(traceback.format_exception(kind, error, trace)))
            box.exec()
        finally:
            showing = False

    sys.excepthook = hook
