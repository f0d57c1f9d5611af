"""Autosave: every edit is saved within a second of the last keystroke, sooner on leaving, and
at least every 1.5 seconds while the typing goes on.

One debounced timer serves every editor of the view; a second timer, started by the first
keystroke after a save, makes sure that steady typing (which never pauses long enough for the
first) still reaches the file: a power cut loses at most the last two seconds. A save that
finds a newer version goes to the person (:mod:`prompts`); one the database refuses (busy,
locked) leaves the text in the editor, says so in the indicator and is tried again.

Signals:
    saved(object): a response was stored; the argument is the editor.
    statusChanged(str): words for the quiet indicator ("Saved 14:32", "Saving…", …).
    locked(): a save was refused because the inspection was signed off elsewhere.
"""

from __future__ import annotations

import datetime as dt
from contextlib import suppress

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.db.database import Database
from app.domain import clock
from app.domain.errors import AppError, ConflictError, NotFoundError
from app.domain.workflow import LockedError
from app.services import responses
from app.services.responses import ResponseConflict, ResponseState
from app.ui.responses import prompts
from app.ui.responses.conflict import Resolution
from app.ui.responses.editor import ResponseEditor

DELAY_MS = 700  # after the last keystroke; the promise is "within 1 second"
LONGEST_MS = 1500  # after the first unsaved keystroke, however steadily the typing goes on
RETRY_MS = 3000


class AutoSaver(QObject):
    """Saves the editors of one inspection (see the module docstring for its signals)."""

    saved = Signal(object)
    statusChanged = Signal(str)
    locked = Signal()

    def __init__(self, db: Database, parent: QWidget) -> None:
        super().__init__(parent)
        self.db = db
        self.inspection_id: int | None = None
        self._parent = parent
        self._pending: list[ResponseEditor] = []
        # Editors whose conflict the person left undecided: the timer does not ask again,
        # leaving the editor, Ctrl+S, switching inspection and closing do.
        self._deferred: set[ResponseEditor] = set()
        self._saving = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self._timer_fired)
        self.longest = QTimer(self)
        self.longest.setSingleShot(True)
        self.longest.setInterval(LONGEST_MS)
        self.longest.timeout.connect(self._timer_fired)
        self.last_saved: dt.datetime | None = None

    def watch(self, editor: ResponseEditor) -> None:
        editor.edited.connect(lambda: self.touch(editor))
        editor.focusLeft.connect(lambda: self._left(editor))
        editor.saveRequested.connect(self.save_all_quietly)

    def _left(self, editor: ResponseEditor) -> None:
        # Saved just after the focus has moved, not inside the focus change: a conflict dialog
        # opened from a focus-out handler would start a modal loop in the middle of it.
        if editor in self._pending:
            QTimer.singleShot(0, self, lambda: self._save_if_pending(editor))

    def _save_if_pending(self, editor: ResponseEditor) -> None:
        if editor in self._pending:  # not replaced or saved in the meantime
            self.save_quietly(editor)

    def touch(self, editor: ResponseEditor) -> None:
        if editor not in self._pending:
            self._pending.append(editor)
        self.statusChanged.emit("Unsaved changes")
        self.timer.start(DELAY_MS)
        if not self.longest.isActive():
            self.longest.start()

    def new_inspection(self) -> None:
        """Another inspection is shown: nothing has been saved in it yet."""
        self.last_saved = None
        self._report_status()

    def has_pending(self) -> bool:
        return any(editor.is_modified() for editor in self._pending)

    def forget(self) -> None:
        """Drop every editor (after save_all, when the editors are about to go)."""
        self._pending.clear()
        self._deferred.clear()
        self.timer.stop()
        self.longest.stop()

    # --- saving -----------------------------------------------------------------------------------

    def save_all(self, *, ask_again: bool = True) -> None:
        """Save every edited editor now; raise AppError for the first that cannot be saved."""
        self.timer.stop()
        self.longest.stop()
        for editor in list(self._pending):
            if ask_again or editor not in self._deferred:
                self.save(editor)

    def save_all_quietly(self, *, ask_again: bool = True) -> None:
        with suppress(AppError):  # the indicator says so; the text stays in its editor
            self.save_all(ask_again=ask_again)

    def save_quietly(self, editor: ResponseEditor) -> None:
        with suppress(AppError):
            self.save(editor)

    def _timer_fired(self) -> None:
        if self._saving:  # a conflict dialog is open: try again after it
            self.timer.start(DELAY_MS)
            return
        self.save_all_quietly(ask_again=False)

    def save(self, editor: ResponseEditor) -> None:
        """Save one editor if its text changed; raise AppError if it could not be saved."""
        if self._saving or self.inspection_id is None:
            return
        if editor in self._pending:
            self._pending.remove(editor)
        if not editor.is_modified():
            if not self._pending:
                self._report_status()
            return
        self._saving = True
        try:
            self._store(editor, editor.markdown(), editor.version)
        except LockedError:
            self.locked.emit()
            self.statusChanged.emit("Not saved: the responses are locked")
            raise
        except NotFoundError:
            # The finding was removed in another window: saving again cannot succeed.
            self.statusChanged.emit("Not saved: the finding was removed in another window")
            raise
        except ConflictError:
            self._pending.append(editor)
            self._deferred.add(editor)
            self.statusChanged.emit("Not saved: changed in another window")
            raise
        except AppError as error:
            self._pending.append(editor)
            self.statusChanged.emit("Not saved yet: " + error.message)
            self.timer.start(RETRY_MS)
            raise
        finally:
            self._saving = False

    def _store(self, editor: ResponseEditor, markdown: str, expected_version: int) -> None:
        assert self.inspection_id is not None
        try:
            state = responses.save_response(
                self.db, self.inspection_id, editor.key, markdown, expected_version
            )
        except ResponseConflict as conflict:
            self._resolve(editor, markdown, conflict.theirs)
            return
        editor.mark_saved(markdown, state.version)
        self._deferred.discard(editor)
        self._report_saved(editor)

    def _resolve(self, editor: ResponseEditor, mine: str, theirs: ResponseState) -> None:
        """Ask the person; keep mine or the merge (over their version), or take theirs."""
        choice = prompts.resolve_conflict(self._parent, editor.accessibleName(), mine, theirs)
        if choice is None:
            raise ConflictError(
                f"The {editor.accessibleName()} was changed in another window and your text "
                "has not been saved yet. It is still in the editor."
            )
        resolution, merged = choice
        if resolution is Resolution.TAKE_THEIRS:
            editor.load(theirs.text, theirs.version)
            self._deferred.discard(editor)
            self._report_saved(editor)
            return
        text = merged if resolution is Resolution.MERGED else mine
        if resolution is Resolution.MERGED:
            editor.load(text, editor.version)
            text = editor.markdown()
        self._store(editor, text, theirs.version)

    def restore(self, editor: ResponseEditor, revision_id: int) -> None:
        """Make an earlier version current (saving what is typed first)."""
        assert self.inspection_id is not None
        self.save(editor)
        try:
            state = responses.restore_revision(
                self.db, self.inspection_id, editor.key, revision_id, editor.version
            )
        except ResponseConflict as conflict:
            editor.load(conflict.theirs.text, conflict.theirs.version)
            raise ConflictError(
                "The response was changed in another window just now; its newest text is "
                "shown. Choose the version to restore again."
            ) from conflict
        editor.load(state.text, state.version)
        self._report_saved(editor)

    def _report_saved(self, editor: ResponseEditor) -> None:
        self.last_saved = clock.now_utc()
        self.saved.emit(editor)
        self._report_status()

    def _report_status(self) -> None:
        if self.has_pending():
            self.statusChanged.emit("Unsaved changes")
        elif self.last_saved is not None:
            self.statusChanged.emit(f"Saved {clock.local_time(self.last_saved)}")
        else:
            self.statusChanged.emit("")
