"""The window's backup commands: File → Back up now…, File → Restore from backup…, and the
automatic backup at start-up (``app.services.backups``).

A backup runs off the GUI thread (SQLite's online backup reads a snapshot while the person
goes on typing). A restore first saves what is being typed and lets background work finish,
then closes the database's connections, puts the backup in place (the current file kept in
``backups/`` first) and reloads the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QThreadPool, Signal
from PySide6.QtWidgets import QMainWindow

from app import APP_NAME
from app.db.database import Database
from app.domain.errors import AppError
from app.paths import backups_dir
from app.services import backups
from app.services.backups import BackupPolicy, RestoreOutcome
from app.ui import messages
from app.ui.db_worker import wait_on_worker
from app.ui.file_dialogs import choose_file, choose_save_path
from app.ui.tasks import run_in_background

log = logging.getLogger(__name__)
BACKUP_FILTER = "Database backups (*.sqlite3);;All files (*)"
RESTORE_FILTER = "Database backups (*.sqlite3 *.db *.bak);;All files (*)"
STATUS_TIMEOUT_MS = 8000
RESTORE_WAIT_S = 600.0  # checking a backup, or copying a large file, takes a while
DAILY = "backups/daily"
WEEKLY = "backups/weekly"


def backup_policy(settings: QSettings) -> BackupPolicy:
    """How many automatic backups to keep, from the person's settings (14 days, 8 weeks)."""
    default = BackupPolicy()

    def number(key: str, fallback: int) -> int:
        try:
            return max(0, min(365, int(str(settings.value(key, fallback)))))
        except (TypeError, ValueError):
            return fallback

    return BackupPolicy(number(DAILY, default.daily), number(WEEKLY, default.weekly))


def save_backup_policy(settings: QSettings, policy: BackupPolicy) -> None:
    settings.setValue(DAILY, policy.daily)
    settings.setValue(WEEKLY, policy.weekly)


class BackupCommands(QObject):
    """Owns the backup commands of ``window`` over ``db``.

    ``save_pending`` is the inspection page's: False (something could not be saved) stops a
    backup or a restore. ``reload`` shows the database afresh after a restore.

    Signals:
        restored(): the database was replaced by a backup and the window reloaded.
    """

    restored = Signal()

    def __init__(
        self,
        window: QMainWindow,
        db: Database,
        settings: QSettings,
        *,
        save_pending: Callable[[], bool],
        reload: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.settings = settings
        self._save_pending = save_pending
        self._reload = reload

    def _say(self, words: str) -> None:
        self.window.statusBar().showMessage(words, STATUS_TIMEOUT_MS)

    def start_automatic(self) -> None:
        """The start-up backup, when the last is over a day old (nothing for a read-only file:
        it cannot change, and its folder cannot take one)."""
        if self.db.read_only:
            return
        path, policy = self.db.path, backup_policy(self.settings)

        def done(made: Path | None) -> None:
            if made is not None:
                log.info("Automatic backup made: %s", made)

        def failed(error: BaseException) -> None:
            log.warning("Automatic backup failed: %s", error)
            words = error.message if isinstance(error, AppError) else str(error)
            self._say(f"The automatic backup could not be made: {words}")

        run_in_background(self, lambda: backups.automatic_backup(path, policy), done, failed)

    def back_up_now(self) -> None:
        if not self._save_pending():
            return
        chosen = choose_save_path(
            self.window, "Back up the database", BACKUP_FILTER,
            backups.default_backup_name(self.db.path), self.settings,
        )  # fmt: skip
        if not chosen:
            return
        target, source = Path(chosen), self.db.path
        if not target.suffix:
            target = target.with_suffix(".sqlite3")
        self._say(f"Backing up to {target}…")

        def failed(error: BaseException) -> None:
            self.window.statusBar().clearMessage()
            if not isinstance(error, AppError):
                raise error
            messages.show_error(self.window, error.message, "The backup could not be made")

        run_in_background(
            self, lambda: backups.back_up(source, target),
            lambda made: self._say(f"Backed up to {made}."), failed,
        )  # fmt: skip

    def restore_from_backup(self) -> None:
        if not self._save_pending():
            return
        folder = backups_dir(self.db.path)
        chosen = choose_file(
            self.window, "Restore from backup", RESTORE_FILTER, self.settings,
            folder=str(folder) if folder.is_dir() else None,
        )  # fmt: skip
        if chosen:
            self.restore(Path(chosen))

    def restore(self, source: Path) -> bool:
        """Ask, then put ``source`` in place of the database and reload the window.

        The backup is checked, and the file replaced and opened again, on the database worker
        (after every call queued before), while the window waits without taking keys or clicks.
        """
        found = wait_on_worker(lambda: backups.check_file(source), RESTORE_WAIT_S)
        inspections = found.counts.get("inspection")
        held = f" ({inspections} inspection(s))" if inspections is not None else ""
        if not messages.confirm(
            self.window, "Restore from backup?",
            f"Replace everything in {self.db.path.name} with the backup {source.name}{held}? "
            f"The current file is backed up first, to {backups_dir(self.db.path)}.",
            "Restore",
        ):  # fmt: skip
            return False
        # The background tasks (a document being rendered) finish first; the database worker's
        # calls come before the restore, which runs after them.
        QThreadPool.globalInstance().waitForDone()
        db = self.db
        failures: list[AppError] = []

        def replace() -> RestoreOutcome | None:
            db.close()
            try:
                return backups.restore(db.path, source)
            except AppError as error:
                failures.append(error)
                return None
            finally:
                try:
                    db.reopen()
                except AppError as error:
                    failures.append(error)

        outcome = wait_on_worker(replace, RESTORE_WAIT_S)
        for failure in failures:
            messages.show_error(self.window, failure.message, "The backup was not restored"
                                if outcome is None else APP_NAME)  # fmt: skip
        if outcome is None:
            return False
        self._reload()
        self._say(f"{outcome.describe()}.")
        self.restored.emit()
        return True
