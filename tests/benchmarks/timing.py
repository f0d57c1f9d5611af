"""Warm, repeated timing: one untimed run, then the median of several."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(action: Callable[[], object], *, repeats: int = 7, warm_up: int = 1) -> float:
    for _ in range(warm_up):
        action()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)
