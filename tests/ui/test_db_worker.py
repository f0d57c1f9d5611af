"""The database worker: calls run on one thread, in order; outcomes come back on the GUI thread,
in order, and are dropped for an owner deleted meanwhile."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from app.domain.errors import ConflictError, DatabaseError
from app.ui.db_worker import DatabaseWorker as _DatabaseWorker
from app.ui.db_worker import database_worker, wait_on_worker

_made: list[_DatabaseWorker] = []


def DatabaseWorker() -> _DatabaseWorker:
    """A worker of the test's own, its thread ended after the test."""
    worker = _DatabaseWorker()
    _made.append(worker)
    return worker


@pytest.fixture(autouse=True)
def _stop_workers() -> Iterator[None]:
    yield
    while _made:
        assert _made.pop().stop(), "a worker's thread did not end"


def test_calls_run_on_one_thread_in_order_and_come_back_on_the_gui_thread(
    qtbot: QtBot,
) -> None:
    worker = DatabaseWorker()
    ran: list[tuple[int, threading.Thread]] = []
    delivered: list[tuple[int, threading.Thread]] = []

    def call(number: int) -> int:
        time.sleep(0.001 * (number % 3))  # uneven lengths must not reorder anything
        ran.append((number, threading.current_thread()))
        return number

    for number in range(50):
        worker.run(lambda n=number: call(n),  # type: ignore[misc]
                   lambda n: delivered.append((n, threading.current_thread())))  # fmt: skip
    qtbot.waitUntil(lambda: len(delivered) == 50, timeout=5000)
    assert [n for n, _ in ran] == list(range(50))
    assert [n for n, _ in delivered] == list(range(50))
    assert len({thread for _, thread in ran}) == 1
    assert ran[0][1] is not threading.main_thread()
    assert {thread for _, thread in delivered} == {threading.main_thread()}
    assert worker.pending() == 0


def test_an_error_comes_back_to_on_error(qtbot: QtBot) -> None:
    worker = DatabaseWorker()
    errors: list[BaseException] = []

    def fail() -> None:
        raise ValueError("the file is busy")

    worker.run(fail, lambda _r: errors.append(AssertionError("no result")), errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)


def test_the_outcome_for_a_deleted_owner_is_dropped(qtbot: QtBot) -> None:
    worker = DatabaseWorker()
    owner, other = QObject(), QObject()
    release = threading.Event()
    ran: list[str] = []
    delivered: list[str] = []

    def slow() -> str:
        release.wait(5)
        ran.append("closed view's")
        return "closed view's"

    worker.run(slow, delivered.append, owner=owner)
    worker.run(lambda: "open view's", delivered.append, owner=other)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=2000)
    release.set()
    qtbot.waitUntil(lambda: delivered == ["open view's"], timeout=5000)
    assert ran == ["closed view's"]  # the work itself is done (a save still lands)


def test_flush_delivers_everything_queued_before_it_returns() -> None:
    worker = DatabaseWorker()
    delivered: list[int] = []
    for number in range(5):
        worker.run(lambda n=number: n, delivered.append)  # type: ignore[misc]
    assert worker.flush(5)
    assert delivered == [0, 1, 2, 3, 4]


def test_flush_gives_up_after_its_time_and_the_rest_arrives_later(qtbot: QtBot) -> None:
    worker = DatabaseWorker()
    release = threading.Event()
    delivered: list[str] = []

    def late() -> str:
        release.wait(5)
        return "late"

    worker.run(late, delivered.append)
    assert not worker.flush(0.05)
    assert delivered == []
    release.set()
    qtbot.waitUntil(lambda: delivered == ["late"], timeout=5000)


def test_the_window_shares_one_worker(qtbot: QtBot) -> None:
    assert database_worker() is database_worker()


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_waiting_on_the_worker_keeps_the_window_painting_and_answers(qtbot: QtBot) -> None:
    """A dialog's save waits on the worker (for another copy's write lock, say) while Qt's
    event loop goes on: the window's timers fire and it paints; then the answer comes back,
    or the error the work raised."""
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    def slow() -> int:
        time.sleep(0.4)
        return 42

    try:
        assert wait_on_worker(slow) == 42
    finally:
        timer.stop()
    assert len(ticks) >= 10  # a blocked GUI thread would have fired none until the end

    def refuse() -> None:
        raise ConflictError("Someone else changed it.")

    with pytest.raises(ConflictError, match="Someone else"):
        wait_on_worker(refuse)


def test_waiting_on_the_worker_gives_up_after_its_time_with_a_sentence(qtbot: QtBot) -> None:
    release = threading.Event()
    with pytest.raises(DatabaseError, match="did not answer in time"):
        wait_on_worker(lambda: release.wait(5), timeout=0.1)
    release.set()
    assert database_worker().flush(5)
