"""Background work: run a callable on a thread pool, get its result back on the GUI thread.

One line at the call site (after Anki's ``QueryOp``)::

    run_in_background(self, lambda: import_document(path), self._show_preview, self._failed)

``fn`` runs on a worker thread and must not touch widgets. ``on_done(result)`` or
``on_error(exception)`` then runs on the GUI thread, unless ``parent`` has been deleted in
the meantime, in which case the outcome is dropped: nobody is left to show it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")
log = logging.getLogger(__name__)

# Tasks in flight. Holding them here keeps each task's QObject alive until its outcome has
# been delivered, whatever happens to the widget that asked for it.
_running: set[BackgroundTask[Any]] = set()


class BackgroundTask(QObject, Generic[T]):
    """One call of ``fn`` off the GUI thread.

    Signals:
        succeeded(object): emitted from the worker thread with the result; delivered (queued)
            to :meth:`_deliver_result` on the GUI thread, which calls ``on_done``.
        failed(object): the same for the exception ``fn`` raised.
        finished(): after ``on_done`` or ``on_error`` has run (or was dropped).
    """

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self,
        parent: QObject,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        # No Qt parent on purpose: the task must outlive a parent deleted while fn runs.
        super().__init__(None)
        self._owner = parent
        self._fn = fn
        self._on_done = on_done
        self._on_error = on_error
        self.done = False
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    def run(self) -> None:
        """Body of the worker thread."""
        try:
            result = self._fn()
        except BaseException as error:  # delivered to on_error, never lost in the thread
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)

    def _owner_alive(self) -> bool:
        return shiboken6.isValid(self._owner)

    @Slot(object)
    def _deliver_result(self, result: T) -> None:
        try:
            if self._owner_alive():
                self._on_done(result)
        finally:
            self._finish()

    @Slot(object)
    def _deliver_error(self, error: BaseException) -> None:
        try:
            if not self._owner_alive():
                log.warning("Background task failed after its window closed", exc_info=error)
            elif self._on_error is not None:
                self._on_error(error)
            else:
                raise error  # reaches sys.excepthook, which shows and logs it
        finally:
            self._finish()

    def _finish(self) -> None:
        self.done = True
        _running.discard(self)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: BackgroundTask[T]) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.run()


def run_in_background(
    parent: QObject,
    fn: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    pool: QThreadPool | None = None,
) -> BackgroundTask[T]:
    """Run ``fn()`` on ``pool`` (the global pool by default); see the module docstring.

    Without ``on_error`` an exception goes to ``sys.excepthook`` (shown and logged).
    Call from the GUI thread.
    """
    task = BackgroundTask(parent, fn, on_done, on_error)
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(_Runnable(task))
    return task


def running_tasks() -> int:
    """How many tasks have not yet delivered their outcome (for tests and shutdown)."""
    return len(_running)
