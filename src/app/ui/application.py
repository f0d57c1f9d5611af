"""Start-up: the QApplication, the main window (shown while its database opens), what follows a
database that cannot open, and error reporting."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import QEventLoop, QLocale, QSettings, QThreadPool, QTimer, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import APP_NAME, __version__
from app.domain.errors import AppError
from app.ui import messages
from app.ui.icons import application_icon
from app.ui.window_state import default_settings

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger("app")


EXIT_WAIT_MS = 2000
"""How long the closed window's background work may take to finish before the process ends."""
BRITISH_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def create_window(db_path: Path | str, settings: QSettings | None = None) -> MainWindow:
    """The main window over the database at ``db_path``, made at once: the database opens (and
    is checked) on the database worker while the frame is shown, and the window says whether it
    did with ``opened`` or ``openFailed`` (see :func:`open_window` and :func:`run_gui` for what
    follows a failure). The caller owns the QApplication.

    ``settings`` holds the window layout (the user's INI file when None). Every widget speaks
    British English (a date box's calendar names "July", not "Juli"), whatever the computer's
    language, and every window carries the application's icon.
    """
    from app.db.database import Database
    from app.ui.context import AppContext

    QLocale.setDefault(BRITISH_ENGLISH)
    QApplication.setWindowIcon(application_icon())
    context = AppContext(Database(Path(db_path)))
    context.open_database()  # on the worker, while the window's modules load here
    from app.ui.main_window import MainWindow

    return MainWindow(context, settings if settings is not None else default_settings())


def open_window(
    db_path: Path, settings: QSettings | None = None, smoke_test: bool = False
) -> MainWindow | None:
    """The main window over ``db_path`` once its database is open (not yet shown), or None
    (after saying why) when it cannot open; see :func:`recover` for a damaged file."""
    window = create_window(db_path, settings)
    while True:
        error = _wait_for_opening(window)
        if error is None:
            return window
        if not recover(db_path, error, None, smoke_test):
            window.close()
            window.deleteLater()
            return None
        window.context.open_database()


def _wait_for_opening(window: MainWindow) -> BaseException | None:
    """Run Qt's event loop until the window's database is open (None) or has failed to."""
    failed: list[BaseException] = []
    loop = QEventLoop()
    window.opened.connect(loop.quit)
    window.openFailed.connect(failed.append)
    window.openFailed.connect(loop.quit)
    loop.exec()
    window.opened.disconnect(loop.quit)
    window.openFailed.disconnect(failed.append)
    window.openFailed.disconnect(loop.quit)
    return failed[0] if failed else None


def recover(
    db_path: Path, error: BaseException, parent: QWidget | None, smoke_test: bool
) -> bool:
    """After the database failed to open: True when it should be opened again.

    A damaged database is never written to: the person is told so plainly and offered the
    newest good backup beside it, which is restored (the damaged file kept); the window then
    opens on it. Any other reason is said in one sentence. A smoke test says why on the
    console instead and offers nothing. A fault of the application's is raised again.
    """
    from app.db.sqlite_file import DamagedDatabase

    if isinstance(error, DamagedDatabase):
        log.error("The database %s is damaged: %s", db_path, "; ".join(error.problems))
        if smoke_test:
            _say(sys.stderr, error.message)
            return False
        return offer_restore(db_path, parent)
    if not isinstance(error, AppError):
        raise error
    log.error("Cannot open the database %s: %s", db_path, error.message)
    _tell(error.message, smoke_test, parent)
    return False


def _tell(message: str, smoke_test: bool, parent: QWidget | None) -> None:
    """Why the window cannot open: on the console for a smoke test, otherwise in a dialogue."""
    if smoke_test:
        _say(sys.stderr, message)
    else:
        messages.show_error(parent, message, APP_NAME)


def offer_restore(db_path: Path, parent: QWidget | None = None) -> bool:
    """Tell the person the database is damaged; restore the newest good backup if they agree."""
    from app.domain.english_dates import short_date_time
    from app.paths import backups_dir
    from app.services import backups

    newest = backups.newest_good_backup(db_path)
    damaged = (
        f"The database {db_path} is damaged, so the application has not written anything to "
        "it."
    )
    if newest is None:
        messages.show_error(
            parent,
            f"{damaged} There is no good backup of it in {backups_dir(db_path)}. Keep a copy of "
            "the file and ask your IT support for help; they can run 'check' on it.",
            APP_NAME,
        )
        return False
    if not messages.confirm(
        parent, APP_NAME,
        f"{damaged}\n\nThe newest good backup was made on {short_date_time(newest.made)}. "
        "Restore it? Anything recorded since then will have to be entered again; the damaged "
        f"file is kept in {backups_dir(db_path)}.",
        "Restore the backup",
    ):  # fmt: skip
        return False
    try:
        outcome = backups.restore(db_path, newest.path)
    except AppError as error:
        messages.show_error(parent, error.message, APP_NAME)
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
    from app.ui.document import viewer_copies
    from app.ui.instance_lock import DatabaseLock

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    log_file = _configure_logging()
    install_excepthook(log_file)
    window = create_window(db_path)  # shown at once; its database opens meanwhile
    failed: list[BaseException] = []

    def open_failed(error: BaseException) -> None:
        again = False
        try:
            again = recover(db_path, error, window, smoke_test)
        finally:  # a fault of the application's is raised on, to the hook, and closes it too
            if not again:
                failed.append(error)
                window.close()
        if again:
            window.context.open_database()  # on the backup just restored

    window.openFailed.connect(open_failed)
    lock = DatabaseLock(Path(db_path))
    window.show_at_start()
    other_copy = lock.acquire()
    counted: list[int] = []

    def close_when_ready() -> None:
        counted.append(window.register.model.rowCount())
        QTimer.singleShot(0, window.close)

    if smoke_test:
        window.ready.connect(close_when_ready)
    elif other_copy:
        QMessageBox.information(window, APP_NAME, other_copy)
    if not smoke_test:
        window.ready.connect(lambda: window.backups.start_automatic())
    try:
        code = app.exec()
    finally:
        lock.release()
        viewer_copies.remove_own()  # the window removes them as it closes; this is a backstop
    if failed:
        code = 1
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
    from app.paths import data_dir
    from app.ui import log_files

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
