"""The application's log files: one per running copy, none ever renamed, the last runs kept.

Two copies sharing one rotating file cannot work on Windows: renaming it at rollover fails
while the other copy holds it open. So each run writes its own file
(``opcc-responses-<date>-<time>-<pid>.log``); past :data:`LOG_BYTES` it goes on in a new part
(``…-2.log``, ``…-3.log``), keeping the first part (how the run began) and the last two.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
from pathlib import Path

LOG_BYTES = 1_000_000
RUNS_KEPT = 10  # this run's log and those of the nine before it
_STEM = "opcc-responses"
# A run's parts, and the one file earlier versions shared (with its rotated copies).
_RUN_LOG = re.compile(rf"{_STEM}-(\d{{8}}-\d{{6}}-\d+)(?:-(\d+))?\.log")
_SHARED_LOG = re.compile(rf"{_STEM}\.log(?:\.\d+)?")


def new_log_path(folder: Path) -> Path:
    """This run's log: named after when it started and its process, so no other run's."""
    return folder / f"{_STEM}-{dt.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"


class RunLogHandler(logging.FileHandler):
    """Writes one run's log; a full part is closed and the next one begun, never renamed."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self._first = Path(self.baseFilename)
        self._part = 1

    def emit(self, record: logging.LogRecord) -> None:
        stream = self.stream
        if stream is not None and stream.tell() >= LOG_BYTES:
            self.stream = None  # the next part is opened by FileHandler.emit
            stream.close()
            self._next_part()
        super().emit(record)

    def _next_part(self) -> None:
        self._part += 1
        self.baseFilename = str(self._part_path(self._part))
        if self._part - 2 > 1:  # the first part says how the run began: it stays
            with contextlib.suppress(OSError):
                self._part_path(self._part - 2).unlink()

    def _part_path(self, part: int) -> Path:
        first = self._first
        return first if part == 1 else first.with_name(f"{first.stem}-{part}{first.suffix}")


def prune_logs(folder: Path, keep: int = RUNS_KEPT - 1) -> None:
    """Delete the logs of all but the ``keep`` most recent runs (a file still open stays)."""
    runs: dict[str, list[Path]] = {}
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            run = _RUN_LOG.fullmatch(path.name)
            if run is not None:
                runs.setdefault(run.group(1), []).append(path)
            elif _SHARED_LOG.fullmatch(path.name):
                runs.setdefault("", []).append(path)
    by_age = sorted(runs.values(), key=_last_written, reverse=True)
    for old in by_age[keep:]:
        for path in old:
            with contextlib.suppress(OSError):  # another copy still writing it (Windows)
                path.unlink()


def _last_written(paths: list[Path]) -> float:
    times = []
    for path in paths:
        with contextlib.suppress(OSError):
            times.append(path.stat().st_mtime)
    return max(times, default=0.0)
