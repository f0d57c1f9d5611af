"""The log IT reads: one file per running copy, so that two copies never share (or rotate) one."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.paths import data_dir
from app.ui import application, log_files


@pytest.fixture
def app_log() -> Iterator[logging.Logger]:
    """The application's logger, left with the handlers it had."""
    logger = logging.getLogger("app")
    before = list(logger.handlers)
    yield logger
    for handler in logger.handlers[len(before) :]:
        handler.close()
        logger.removeHandler(handler)


def _start_copy(monkeypatch: pytest.MonkeyPatch, pid: int) -> Path:
    """What one running copy of the application (process ``pid``) does at start."""
    monkeypatch.setattr(os, "getpid", lambda: pid)
    path = application._configure_logging()
    assert path is not None
    return path


def test_two_running_copies_never_write_to_the_same_file(
    monkeypatch: pytest.MonkeyPatch, app_log: logging.Logger
) -> None:
    monkeypatch.setattr(log_files, "LOG_BYTES", 2_000)
    first, second = _start_copy(monkeypatch, 4100), _start_copy(monkeypatch, 4200)
    assert first != second and first.parent == second.parent == data_dir() / "logs"
    first_handler, second_handler = app_log.handlers[-2:]
    second_handler.handle(app_log.makeRecord("app", logging.INFO, "", 0, "second copy", (), None))
    for number in range(300):  # the first copy fills its file many times over
        first_handler.handle(
            app_log.makeRecord("app", logging.INFO, "", 0, "first copy %d", (number,), None)
        )
    assert "second copy" in second.read_text(encoding="utf-8")
    assert "first copy" not in second.read_text(encoding="utf-8")
    # The first copy's first part (never renamed) and its last two; the parts between are gone.
    first_copy = {p.name for p in first.parent.iterdir()} - {second.name}
    last = max(int(name.rsplit("-", 1)[1].removesuffix(".log")) for name in first_copy if
               name != first.name)  # fmt: skip
    parts = [first.with_name(f"{first.stem}-{n}.log") for n in (last - 1, last)]
    assert first_copy == {first.name, *(p.name for p in parts)} and last > 3
    assert "first copy 0" in first.read_text(encoding="utf-8")
    assert "first copy 299" in parts[-1].read_text(encoding="utf-8")
    assert all((first.parent / name).stat().st_size < 2_100 for name in first_copy)


def test_old_logs_are_pruned_at_start_keeping_the_newest(
    monkeypatch: pytest.MonkeyPatch, app_log: logging.Logger
) -> None:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True)
    old = [folder / "opcc-responses.log", folder / "opcc-responses.log.1"]  # the shared one
    old += [folder / f"opcc-responses-20240101-0900{n:02}-{300 + n}.log" for n in range(12)]
    old.append(folder / "opcc-responses-20240101-090011-311-2.log")  # a second part of the last
    for age, path in enumerate(reversed(old)):
        path.write_text("old run\n", encoding="utf-8")
        os.utime(path, (1_700_000_000 - age * 60, 1_700_000_000 - age * 60))
    unrelated = folder / "notes.txt"
    unrelated.write_text("IT's notes", encoding="utf-8")

    current = _start_copy(monkeypatch, 9999)

    kept = sorted(p.name for p in folder.iterdir())
    newest_runs = [p.name for p in old[-10:]]  # nine runs, the last of them in two parts
    assert kept == sorted([*newest_runs, current.name, unrelated.name])
