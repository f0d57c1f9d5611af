"""Autosave: every edit is saved within a second of the last keystroke, sooner on leaving, and
at least every 1.5 seconds while the typing goes on.

One debounced timer serves every editor of the view; a second timer, started by the first
keystroke after a save, makes sure that steady typing (which never pauses long enough for the
first) still reaches the file: a power cut loses at most the last two seconds.

Saves run on the database worker (:mod:`app.ui.db_worker`), never on the GUI thread: the
timers, leaving an editor and Ctrl+S queue a save and typing goes on at once. One save per
editor is on its way at a time (the next waits for its version), so versions are never
reordered. A save that waits for another copy's write lock says "Waiting for another copy to
finish saving…" and is tried again until it is saved, the text staying in the editor. A save
that finds a newer version goes to the person (:mod:`prompts`); one the database refuses for
another reason leaves the text in the editor, says so in the indicator and is tried again.
:meth:`AutoSaver.save_all` (switching inspection, closing, before a status change) waits,
bounded, until everything typed is saved.

Signals:
    saved(object): a response was stored; the argument is the editor.
    statusChanged(str): words for the quiet indicator ("Saved 14:32", "Saving…", …).
    locked(): a save was refused because the inspection was signed off elsewhere.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.db.connection import is_lock_busy
from app.db.database import Database
from app.domain import clock
from app.domain.errors import AppError, ConflictError, DatabaseError, NotFoundError
from app.domain.workflow import LockedError
from app.services import responses
from app.services.identity import current_user
from app.services.responses import ResponseConflict, ResponseState
from app.ui.db_worker import DatabaseWorker, database_worker
from app.ui.responses import prompts
from app.ui.responses.conflict import Resolution
from app.ui.responses.editor import ResponseEditor

DELAY_MS = 700  # after the last keystroke; the promise is "within 1 second"
LONGEST_MS = 1500  # after the first unsaved keystroke, however steadily the typing goes on
RETRY_MS = 3000
WAITING_MS = 400  # a save not done by then is waiting for another copy's write lock
BUSY_RETRY_MS = 100  # SQLite itself waits up to 5 s for the lock on each try
FLUSH_SECONDS = 20.0  # the longest save_all waits for another copy's write lock
WAITING = "Waiting for another copy to finish saving…"


@dataclass(slots=True)
class _Round:
    """What one synchronous save (save, save_all) found, to raise the first failure."""

    failures: list[AppError] = field(default_factory=list)
    deadline: float = 0.0


class AutoSaver(QObject):
    """Saves the editors of one inspection (see the module docstring for its signals)."""

    saved = Signal(object)
    statusChanged = Signal(str)
    locked = Signal()

    def __init__(self, db: Database, parent: QWidget, worker: DatabaseWorker | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.worker = worker or database_worker()
        self.inspection_id: int | None = None
        self._parent = parent
        self._pending: list[ResponseEditor] = []
        # Editors whose conflict the person left undecided: the timer does not ask again,
        # leaving the editor, Ctrl+S, switching inspection and closing do.
        self._deferred: set[ResponseEditor] = set()
        # Editors with a save on its way to the file, each with the number of that save; an
        # editor in _again is saved once more when it lands (typing went on meanwhile).
        self._in_flight: dict[ResponseEditor, int] = {}
        self._again: set[ResponseEditor] = set()
        self._sent = 0
        self._round: _Round | None = None  # a synchronous save waiting for its outcomes
        self._saving = False  # a conflict dialogue is open
        self.waiting_for_lock = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self._timer_fired)
        self.longest = QTimer(self)
        self.longest.setSingleShot(True)
        self.longest.setInterval(LONGEST_MS)
        self.longest.timeout.connect(self._timer_fired)
        self.slow = QTimer(self)
        self.slow.setSingleShot(True)
        self.slow.setInterval(WAITING_MS)
        self.slow.timeout.connect(self._slow_save)
        self.last_saved: dt.datetime | None = None

    def watch(self, editor: ResponseEditor) -> None:
        editor.edited.connect(lambda: self.touch(editor))
        editor.focusLeft.connect(lambda: self._left(editor))
        editor.saveRequested.connect(lambda: self.save_soon(ask_again=True))

    def _left(self, editor: ResponseEditor) -> None:
        # Saved just after the focus has moved, not inside the focus change: a conflict dialog
        # opened from a focus-out handler would start a modal loop in the middle of it.
        if editor in self._pending:
            QTimer.singleShot(0, self, lambda: self._save_if_pending(editor))

    def _save_if_pending(self, editor: ResponseEditor) -> None:
        if editor in self._pending:  # not replaced or saved in the meantime
            self._queue(editor)

    def touch(self, editor: ResponseEditor) -> None:
        if editor not in self._pending:
            self._pending.append(editor)
        self.statusChanged.emit(WAITING if self.waiting_for_lock else "Unsaved changes")
        self.timer.start(DELAY_MS)
        if not self.longest.isActive():
            self.longest.start()

    def new_inspection(self) -> None:
        """Another inspection is shown: nothing has been saved in it yet."""
        self.last_saved = None
        self._report_status()

    def has_pending(self) -> bool:
        return bool(self._in_flight) or any(editor.is_modified() for editor in self._pending)

    def forget(self) -> None:
        """Drop every editor (after save_all, when the editors are about to go)."""
        self._pending.clear()
        self._deferred.clear()
        self._in_flight.clear()
        self._again.clear()
        self.waiting_for_lock = False
        self.timer.stop()
        self.longest.stop()
        self.slow.stop()

    # --- saving in the background ---------------------------------------------------------------

    def save_soon(self, *, ask_again: bool = False) -> None:
        """Queue a save of every edited editor on the database worker, and return at once."""
        self.timer.stop()
        self.longest.stop()
        for editor in list(self._pending):
            if ask_again or editor not in self._deferred:
                self._queue(editor)

    def _timer_fired(self) -> None:
        if self._saving:  # a conflict dialog is open: try again after it
            self.timer.start(DELAY_MS)
            return
        self.save_soon(ask_again=False)

    def _queue(self, editor: ResponseEditor) -> None:
        """Send the editor's text to the worker unless unchanged; one save per editor at a time."""
        if self._saving or self.inspection_id is None:
            return
        if editor in self._pending:
            self._pending.remove(editor)
        if editor in self._in_flight:
            self._again.add(editor)  # saved from the version the save on its way brings
            return
        if not editor.is_modified():
            if not self._pending:
                self._report_status()
            return
        self._send(editor, editor.markdown(), editor.version)

    def _send(self, editor: ResponseEditor, markdown: str, expected_version: int) -> None:
        assert self.inspection_id is not None
        db, inspection_id, key = self.db, self.inspection_id, editor.key
        # A starting point taken from a past response is recorded with the version it begins.
        user = f"{current_user()} (starting point: {editor.starting_point})" if (
            editor.starting_point
        ) else None  # fmt: skip
        editor.starting_point = ""
        self._sent += 1
        number = self._in_flight[editor] = self._sent
        self.worker.run(
            lambda: responses.save_response(
                db, inspection_id, key, markdown, expected_version, user=user
            ),
            lambda state: self._landed(editor, number, markdown, state),
            lambda error: self._refused(editor, number, markdown, error),
            owner=self,
        )
        if not self.slow.isActive():
            self.slow.start()

    def _current(self, editor: ResponseEditor, number: int) -> bool:
        """Whether this save's outcome still belongs to a shown editor (not forgotten)."""
        if self._in_flight.get(editor) != number:
            return False
        del self._in_flight[editor]
        if not self._in_flight:
            self.slow.stop()
        return shiboken6.isValid(editor)

    def _slow_save(self) -> None:
        if self._in_flight:
            self.waiting_for_lock = True
            self.statusChanged.emit(WAITING)

    def _landed(
        self, editor: ResponseEditor, number: int, markdown: str, state: ResponseState
    ) -> None:
        if not self._current(editor, number):
            return
        self.waiting_for_lock = False
        editor.mark_saved(markdown, state.version)
        self._deferred.discard(editor)
        self._next(editor)  # before the indicator says "Saved"
        self._report_saved(editor)

    def _next(self, editor: ResponseEditor) -> None:
        """Typing went on while a save was on its way: save again, from the new version."""
        if editor in self._again:
            self._again.discard(editor)
            self._queue(editor)

    def _refused(
        self, editor: ResponseEditor, number: int, markdown: str, error: BaseException
    ) -> None:
        if not self._current(editor, number):
            return
        if isinstance(error, ResponseConflict):
            self._again.discard(editor)
            self._resolve(editor, error.theirs)
            return
        if not isinstance(error, AppError):
            raise error
        if isinstance(error, DatabaseError) and is_lock_busy(error):
            # Another copy holds the write lock: the text stays and goes again until it lands.
            self.waiting_for_lock = True
            self.statusChanged.emit(WAITING)
            self._again.discard(editor)
            if self._round is not None and time.monotonic() < self._round.deadline:
                self._send(editor, editor.markdown(), editor.version)
            elif self._round is not None:
                self._keep(editor)
                self._fail(error)
            else:
                self._keep(editor)
                QTimer.singleShot(BUSY_RETRY_MS, self, lambda: self._save_if_pending(editor))
            return
        self.waiting_for_lock = False
        self._again.discard(editor)
        if isinstance(error, LockedError):
            self.locked.emit()
            self.statusChanged.emit("Not saved: the responses are locked")
        elif isinstance(error, NotFoundError):
            # The finding was removed in another window: saving again cannot succeed.
            self.statusChanged.emit("Not saved: the finding was removed in another window")
        else:
            self._keep(editor)
            self.statusChanged.emit("Not saved yet: " + error.message)
            self.timer.start(RETRY_MS)
        self._fail(error)

    def _keep(self, editor: ResponseEditor) -> None:
        if editor not in self._pending:
            self._pending.append(editor)

    def _fail(self, error: AppError) -> None:
        if self._round is not None:
            self._round.failures.append(error)

    def _resolve(self, editor: ResponseEditor, theirs: ResponseState) -> None:
        """Ask the person; keep mine or the merge (over their version), or take theirs."""
        mine = editor.markdown()
        self._saving = True
        try:
            choice = prompts.resolve_conflict(self._parent, editor.accessibleName(), mine, theirs)
        finally:
            self._saving = False
        if not shiboken6.isValid(editor):
            return
        if choice is None:
            self._keep(editor)
            self._deferred.add(editor)
            self.statusChanged.emit("Not saved: changed in another window")
            self._fail(
                ConflictError(
                    f"The {editor.accessibleName()} was changed in another window and your "
                    "text has not been saved yet. It is still in the editor."
                )
            )
            return
        resolution, merged = choice
        if resolution is Resolution.TAKE_THEIRS:
            editor.load(theirs.text, theirs.version)
            self._deferred.discard(editor)
            self._report_saved(editor)
            return
        text = mine
        if resolution is Resolution.MERGED:
            editor.load(merged, editor.version)
            text = editor.markdown()
        self._send(editor, text, theirs.version)

    # --- saving and waiting ---------------------------------------------------------------------

    def save_all(self, *, ask_again: bool = True) -> None:
        """Save every edited editor now; raise AppError for the first that cannot be saved.

        Waits (at most FLUSH_SECONDS while another copy holds the write lock) for the saves
        to land, answering any conflict on the way.
        """
        self._wait_for(lambda: self.save_soon(ask_again=ask_again))

    def save_all_quietly(self, *, ask_again: bool = True) -> None:
        with suppress(AppError):  # the indicator says so; the text stays in its editor
            self.save_all(ask_again=ask_again)

    def save(self, editor: ResponseEditor) -> None:
        """Save one editor if its text changed, and wait; raise AppError if it could not be."""
        self._wait_for(lambda: self._queue(editor))

    def save_quietly(self, editor: ResponseEditor) -> None:
        with suppress(AppError):
            self.save(editor)

    def _wait_for(self, start: Callable[[], None]) -> None:
        if self._round is not None:  # already waiting further up (a dialogue's own loop)
            start()
            return
        self._round = round_ = _Round(deadline=time.monotonic() + FLUSH_SECONDS)
        try:
            start()
            while self._in_flight:
                left = round_.deadline + 6.0 - time.monotonic()  # SQLite's own 5 s wait
                if left <= 0 or not self.worker.flush(left):
                    break
        finally:
            self._round = None
        if round_.failures:
            raise round_.failures[0]
        if self._in_flight:
            raise DatabaseError(
                "Your text could not be saved yet: another copy is still saving. It is still "
                "in the editor."
            )

    def restoring(
        self, editor: ResponseEditor, revision_id: int
    ) -> Callable[[], ResponseState]:
        """Save what is typed in ``editor`` (waiting, bounded; AppError if it cannot be), then
        give the call that makes an earlier version current, for the database worker; its
        outcome goes to :meth:`restored` or :meth:`not_restored`."""
        assert self.inspection_id is not None
        self.save(editor)
        db, inspection_id, key, version = self.db, self.inspection_id, editor.key, editor.version
        return lambda: responses.restore_revision(db, inspection_id, key, revision_id, version)

    def restored(self, editor: ResponseEditor, state: ResponseState) -> None:
        editor.load(state.text, state.version)
        self._report_saved(editor)

    def not_restored(self, editor: ResponseEditor, error: AppError) -> AppError:
        """The sentence for the person; a newer text found meanwhile is shown."""
        if not isinstance(error, ResponseConflict):
            return error
        editor.load(error.theirs.text, error.theirs.version)
        return ConflictError(
            "The response was changed in another window just now; its newest text is "
            "shown. Choose the version to restore again."
        )

    def _report_saved(self, editor: ResponseEditor) -> None:
        self.last_saved = clock.now_utc()
        self.saved.emit(editor)
        self._report_status()

    def _report_status(self) -> None:
        if self.waiting_for_lock and self._in_flight:
            self.statusChanged.emit(WAITING)
        elif self.has_pending():
            self.statusChanged.emit("Unsaved changes")
        elif self.last_saved is not None:
            self.statusChanged.emit(f"Saved {clock.local_time(self.last_saved)}")
        else:
            self.statusChanged.emit("")
