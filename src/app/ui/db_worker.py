"""The database worker: one thread that runs the window's database calls, one after another.

As Anki runs its collection on one background thread, the window hands its database work to
one long-lived thread (:func:`database_worker`) instead of calling the services on the GUI
thread, so that a save waiting for another copy's write lock (SQLite waits up to 5 s) never
freezes typing::

    worker.run(lambda: save_response(db, ...), self._saved, self._failed, owner=self)

``fn`` runs on the worker thread, in the order the calls were made, and must not touch
widgets. Its outcome comes back to the GUI thread by a queued signal: ``on_done(result)`` or
``on_error(exception)`` runs there, in the same order, unless ``owner`` has been deleted
meanwhile, in which case the outcome is dropped (the work itself is done: a save still
lands). :meth:`DatabaseWorker.flush` waits (bounded) until every call made so far has run and
delivers their outcomes at once: for the moments that must know a save is done (before the
window closes, before another inspection is shown).

The thread is a daemon: a call stuck behind another program's lock never keeps the process
from ending.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication

from app.domain.errors import AppError, DatabaseError

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Call:
    fn: Callable[[], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None
    owner: QObject | None
    result: Any = None
    error: BaseException | None = None


class DatabaseWorker(QObject):
    """One thread running database calls in order (see the module docstring).

    Signals:
        ready(): emitted from the worker thread after a call has run; delivered (queued) on
            the GUI thread, where the finished calls' outcomes are handed out in order.
    """

    ready = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls: queue.SimpleQueue[_Call | None] = queue.SimpleQueue()
        self._finished: deque[_Call] = deque()
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._waiting = 0  # calls queued or running
        self.ready.connect(self._deliver)
        self._thread = threading.Thread(target=self._loop, name="database", daemon=True)
        self._thread.start()

    # --- the GUI thread's side ---------------------------------------------------------------

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Queue ``fn``; its outcome goes to ``on_done`` or ``on_error`` on the GUI thread.

        Without ``on_error`` an exception goes to ``sys.excepthook`` (shown and logged).
        """
        with self._lock:
            self._waiting += 1
        self._calls.put(_Call(fn, on_done, on_error, owner))

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait up to ``timeout`` seconds until every queued call has run, then deliver every
        outcome now (on this, the GUI thread). False if the worker was still busy."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while self._waiting:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._idle.wait(left)
            done = not self._waiting
        self._deliver()
        return done

    def stop(self, timeout: float = 5.0) -> bool:
        """Run what is queued, then end the thread (for a worker made for a test); True when
        it ended in time. Outcomes not yet delivered are dropped."""
        self._calls.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def pending(self) -> int:
        """How many calls are queued, running, or not yet delivered (for tests and closing)."""
        with self._lock:
            return self._waiting + len(self._finished)

    @Slot()
    def _deliver(self) -> None:
        # A handler may open a dialogue or flush: the outcomes after its own are then handed
        # out from there, still in order, each once.
        while True:
            with self._lock:
                if not self._finished:
                    return
                done = self._finished.popleft()
            self._hand_out(done)

    def _hand_out(self, done: _Call) -> None:
        alive = done.owner is None or shiboken6.isValid(done.owner)
        if done.error is None:
            if alive:
                done.on_done(done.result)
        elif not alive:
            log.warning("A database call failed after its window closed", exc_info=done.error)
        elif done.on_error is not None:
            done.on_error(done.error)
        else:
            raise done.error  # reaches sys.excepthook, which shows and logs it

    # --- the worker thread ----------------------------------------------------------------

    def _loop(self) -> None:
        while True:
            work = self._calls.get()
            if work is None:
                return
            try:
                work.result = work.fn()
            except BaseException as error:  # delivered to on_error, never lost in the thread
                work.error = error
            with self._lock:
                self._finished.append(work)
                self._waiting -= 1
                self._idle.notify_all()
            if shiboken6.isValid(self):
                self.ready.emit()


_worker: DatabaseWorker | None = None


def database_worker() -> DatabaseWorker:
    """The process's one database worker, made on first use (on the GUI thread)."""
    global _worker
    if _worker is None or not shiboken6.isValid(_worker):
        _worker = DatabaseWorker(QCoreApplication.instance())
    return _worker


def wait_on_worker(fn: Callable[[], T], timeout: float = 30.0) -> T:
    """Run ``fn`` on the database worker and wait for it, with a busy cursor.

    For a dialog's save or first read, short and rare, whose next step needs the answer (the
    dialog closes, or stays open saying why not): the work still runs on the worker, in order
    after the saves queued before it. Meanwhile Qt's event loop keeps turning without the
    person's keys and clicks, so the window still paints (and its timers fire) while the save
    waits for another copy's write lock. Raises what ``fn`` raised; DatabaseError when the
    worker did not answer in time (the work may still be done after).
    """
    from PySide6.QtCore import QEventLoop, Qt, QTimer  # Qt: not before the first paint

    box: dict[str, Any] = {}
    loop = QEventLoop()

    def done(result: T) -> None:
        box["result"] = result
        loop.quit()

    def failed(error: BaseException) -> None:
        box["error"] = error
        loop.quit()

    database_worker().run(fn, done, failed, owner=loop)
    QTimer.singleShot(int(timeout * 1000), loop, loop.quit)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:  # the outcome comes by queued signal: through this loop
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        QGuiApplication.restoreOverrideCursor()
    if "error" in box:
        raise box["error"]
    if "result" not in box:
        raise DatabaseError(
            "The database did not answer in time, as another copy may be busy with it: the "
            "change may still be made in a moment, so look before trying again."
        )
    result: T = box["result"]
    return result


class LatestRead:
    """Reads on the database worker of which only the latest asked for is wanted.

    For a view showing one inspection: each :meth:`run` supersedes the ones before it, whose
    answers are then dropped when they come back (the person has moved on to another
    inspection meanwhile), so that a slow answer about the inspection before never replaces
    the one shown now; one superseded before the worker came to it is not read at all.
    :meth:`supersede` drops the answers still to come without asking anything (the view read
    something itself meanwhile).
    """

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._asked = 0
        self._answered = 0

    @property
    def loading(self) -> bool:
        """True while the latest read has not been answered."""
        return self._answered < self._asked

    def supersede(self) -> None:
        self._asked += 1
        self._answered = self._asked

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._asked += 1
        ticket = self._asked

        def read() -> T | None:
            # Superseded before its turn came (the person moved on): nothing to read.
            return fn() if ticket == self._asked else None

        def done(result: T | None) -> None:
            if ticket == self._asked:
                self._answered = ticket
                on_done(result)  # type: ignore[arg-type]  # read, not skipped: it is the latest

        def failed(error: BaseException) -> None:
            if ticket != self._asked:
                return
            self._answered = ticket
            if on_error is None:
                raise error
            on_error(error)

        database_worker().run(read, done, failed, owner=self._owner)


class Changes:
    """Changes (or reads whose answer is always wanted) that a view or window hands to the
    database worker, counted while on their way.

    :attr:`busy` is True until every outcome has been handled (tests wait on it). A refusal
    (an :class:`AppError`) goes to ``refused``, which tells the person in one sentence, unless
    the call brings its own ``on_error``; anything else reaches ``sys.excepthook``.
    """

    def __init__(self, owner: QObject, refused: Callable[[AppError], None]) -> None:
        self._owner = owner
        self._refused = refused
        self._out = 0

    @property
    def busy(self) -> bool:
        return self._out > 0

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        def done(result: T) -> None:
            self._out -= 1
            on_done(result)

        def failed(error: BaseException) -> None:
            self._out -= 1
            if on_error is not None:
                on_error(error)
            elif isinstance(error, AppError):
                self._refused(error)
            else:
                raise error

        self._out += 1
        database_worker().run(fn, done, failed, owner=self._owner)
