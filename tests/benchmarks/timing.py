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
