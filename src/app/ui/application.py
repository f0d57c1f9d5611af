"""Start-up: the QApplication, the main window over an opened database, and error reporting."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import QLocale, QSettings, QThreadPool, QTimer, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, __version__
from app.db.database import DamagedDatabase, Database
from app.domain.english_dates import short_date_time
from app.domain.errors import AppError
from app.paths import backups_dir, data_dir
from app.services import backups
from app.ui import log_files, messages
from app.ui.context import AppContext
from app.ui.db_worker import database_worker
from app.ui.document import viewer_copies
from app.ui.icons import application_icon
from app.ui.instance_lock import DatabaseLock
from app.ui.window_state import default_settings

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger("app")


OPEN_WAIT_S = 600.0
"""How long the window waits for the database to open (an upgrade first backs the file up)."""
EXIT_WAIT_MS = 2000
"""How long the closed window's background work may take to finish before the process ends."""
BRITISH_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def create_window(db_path: Path | str, settings: QSettings | None = None) -> MainWindow:
    """Open the database and build the main window; the caller owns the QApplication.

    ``settings`` holds the window layout (the user's INI file when None). Raises AppError
    when the database cannot be opened. Every widget speaks British English (a date box's
    calendar names "July", not "Juli"), whatever the computer's language. Copies opened in the
    PDF viewer by runs that have ended are removed. Every window carries the application's icon.

    The database opens (and is checked) on the database worker while the window's modules load
    here: SQLite's check runs without Python's lock, so the two overlap.
    """
    QLocale.setDefault(BRITISH_ENGLISH)
    QApplication.setWindowIcon(application_icon())
    worker = database_worker()
    opened: list[Database] = []
    failed: list[BaseException] = []
    worker.run(lambda: Database.open(Path(db_path)), opened.append, failed.append)
    viewer_copies.remove_stale()
    try:
        from app.ui.main_window import MainWindow
    finally:
        worker.flush(OPEN_WAIT_S)
    if failed:
        raise failed[0]
    if not opened:
        raise AppError(f"The database {db_path} did not open in time.")
    db = opened[0]
    try:
        return MainWindow(AppContext(db), settings if settings is not None else default_settings())
    except BaseException:
        db.close()
        raise


def open_window(
    db_path: Path, settings: QSettings | None = None, smoke_test: bool = False
) -> MainWindow | None:
    """The main window over ``db_path``, or None (after saying why) when it cannot open.

    A damaged database is never written to: the person is told so plainly and offered the
    newest good backup beside it, which is restored (the damaged file kept) before the window
    opens on it. A smoke test says why on the console instead and offers nothing.
    """
    try:
        return create_window(db_path, settings)
    except DamagedDatabase as error:
        log.error("The database %s is damaged: %s", db_path, "; ".join(error.problems))
        if smoke_test:
            _say(sys.stderr, error.message)
            return None
        if not offer_restore(db_path):
            return None
    except AppError as error:
        log.error("Cannot open the database %s: %s", db_path, error.message)
        _tell(error.message, smoke_test)
        return None
    try:
        return create_window(db_path, settings)
    except AppError as error:
        _tell(error.message, smoke_test)
        return None


def _tell(message: str, smoke_test: bool) -> None:
    """Why the window cannot open: on the console for a smoke test, otherwise in a dialogue."""
    if smoke_test:
        _say(sys.stderr, message)
    else:
        messages.show_error(None, message, APP_NAME)


def offer_restore(db_path: Path) -> bool:
    """Tell the person the database is damaged; restore the newest good backup if they agree."""
    newest = backups.newest_good_backup(db_path)
    damaged = (
        f"The database {db_path} is damaged, so the application has not written anything to "
        "it."
    )
    if newest is None:
        messages.show_error(
            None,
            f"{damaged} There is no good backup of it in {backups_dir(db_path)}. Keep a copy of "
            "the file and ask your IT support for help; they can run 'check' on it.",
            APP_NAME,
        )
        return False
    if not messages.confirm(
        None, APP_NAME,
        f"{damaged}\n\nThe newest good backup was made on {short_date_time(newest.made)}. "
        "Restore it? Anything recorded since then will have to be entered again; the damaged "
        f"file is kept in {backups_dir(db_path)}.",
        "Restore the backup",
    ):  # fmt: skip
        return False
    try:
        outcome = backups.restore(db_path, newest.path)
    except AppError as error:
        messages.show_error(None, error.message, APP_NAME)
        return False
    log.info("%s.", outcome.describe())
    return True


def run_gui(db_path: Path, smoke_test: bool = False) -> int:
    """Open the window on ``db_path`` and run until it closes; 1 if the database cannot open.

    The process always ends when the window closes: background work still running then (a
    document being read) is given a moment, and then left behind rather than waited for.

    ``smoke_test`` (``--smoke-test``, for checking an installation) closes the window as soon as
    its register is filled and says so on the console; nothing then waits for a person.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    log_file = _configure_logging()
    install_excepthook(log_file)
    window = open_window(db_path, smoke_test=smoke_test)
    if window is None:
        return 1
    lock = DatabaseLock(Path(db_path))
    window.show_at_start()
    other_copy = lock.acquire()
    counted: list[int] = []

    def close_when_ready() -> None:
        counted.append(window.register.model.rowCount())
        QTimer.singleShot(0, window.close)

    if smoke_test:
        if window.is_ready:
            close_when_ready()
        else:
            window.ready.connect(close_when_ready)
    elif other_copy:
        QMessageBox.information(window, APP_NAME, other_copy)
    if not smoke_test:
        window.backups.start_automatic()
    try:
        code = app.exec()
    finally:
        lock.release()
        viewer_copies.remove_own()  # the window removes them as it closes; this is a backstop
    if smoke_test and code == 0:
        _say(sys.stdout, smoke_report(db_path, counted[0] if counted else 0))
    if not QThreadPool.globalInstance().waitForDone(EXIT_WAIT_MS):
        log.warning("Background work was still running at exit; it was left unfinished.")
        logging.shutdown()
        _exit_now(code)
    return code


def smoke_report(db_path: Path, inspections: int) -> str:
    """What ``--smoke-test`` says: the window, and the About box's licences (which a frozen
    bundle lacks when the build left the packages' metadata out)."""
    from app.licences import bundled_components  # reads the packages' metadata: not at start

    counted = f"{inspections} inspection{'' if inspections == 1 else 's'}"
    parts = bundled_components(qVersion())
    missing = [part.name for part in parts if not part.licence_text()]
    licences = (f"without a licence text: {', '.join(missing)}" if missing
                else "each with its licence")  # fmt: skip
    return (f"{APP_NAME} {__version__}: the window opened on {db_path} ({counted}) and closed; "
            f"About lists {len(parts)} bundled parts, {licences}.")


def _say(stream: TextIO | None, text: str) -> None:
    """A line on the console, when there is one (the windowed program has none)."""
    if stream is not None:
        print(text, file=stream, flush=True)


def _exit_now(code: int) -> None:
    """End the process although a worker thread is still busy (Python would wait for it)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(code)


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
