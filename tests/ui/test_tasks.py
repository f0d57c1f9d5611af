"""The background helper: the result or the error comes back on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QThreadPool
from pytestqt.qtbot import QtBot

from app.ui.tasks import run_in_background, running_tasks


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    owner = QObject()
    worker_threads: list[threading.Thread] = []
    results: list[tuple[int, threading.Thread]] = []

    def work() -> int:
        worker_threads.append(threading.current_thread())
        return 6 * 7

    task = run_in_background(owner, work, lambda value: results.append(
        (value, threading.current_thread())))  # fmt: skip
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == [(42, threading.main_thread())]
    assert worker_threads and worker_threads[0] is not threading.main_thread()
    assert running_tasks() == 0


def test_error_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    owner = QObject()
    errors: list[tuple[BaseException, threading.Thread]] = []

    def work() -> int:
        raise ValueError("the file is damaged")

    task = run_in_background(
        owner, work, lambda _value: pytest.fail("no result expected"),
        lambda error: errors.append((error, threading.current_thread())),
    )  # fmt: skip
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert len(errors) == 1
    error, thread = errors[0]
    assert isinstance(error, ValueError) and str(error) == "the file is damaged"
    assert thread is threading.main_thread()


def test_outcome_dropped_when_the_owner_is_gone(qtbot: QtBot) -> None:
    owner = QObject()
    release = threading.Event()
    results: list[int] = []

    def work() -> int:
        release.wait(5)
        return 1

    task = run_in_background(owner, work, results.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    release.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == []
    assert running_tasks() == 0


def test_a_given_pool_is_used(qtbot: QtBot) -> None:
    pool = QThreadPool()
    results: list[str] = []
    owner = QObject()
    task = run_in_background(owner, lambda: "done", results.append, pool=pool)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == ["done"]
    pool.waitForDone()


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
