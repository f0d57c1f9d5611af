"""Warm, repeated timing: one untimed run, then the median of several."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed_runs(action: Callable[[], object], *, repeats: int = 7, warm_up: int = 1) -> list[float]:
    """Seconds taken by each of ``repeats`` runs, after ``warm_up`` untimed ones."""
    for _ in range(warm_up):
        action()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def median_seconds(action: Callable[[], object], *, repeats: int = 7, warm_up: int = 1) -> float:
    return statistics.median(timed_runs(action, repeats=repeats, warm_up=warm_up))


def run_event_loop_until(done: Callable[[], bool], timeout: float = 60.0) -> None:
    """Run Qt's event loop, as the window's own does, until ``done()`` (looked at every
    millisecond). A loop spinning ``QTest.qWait(0)`` would keep Python's lock from the database
    worker and time the spinning, not the read."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    loop = QEventLoop()
    watch = QTimer()
    watch.setInterval(1)
    watch.timeout.connect(lambda: loop.quit() if done() else None)
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(loop.quit)
    watch.start()
    give_up.start(int(timeout * 1000))
    loop.exec()
    watch.stop()
    give_up.stop()
