"""Copies opened in the PDF viewer do not stay in the temporary folder (they may be sensitive)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.ui.document import files
from app.ui.main_window import MainWindow

from .conftest import inspection_id, wait_rendered
from .test_in_the_window import document_tab


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the system was asked to open in their default program."""
    paths: list[Path] = []

    def open_externally(path: Path) -> bool:
        paths.append(path)
        return True

    monkeypatch.setattr(files, "open_externally", open_externally)
    return paths


def _open_in_viewer(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    assert window.register.select_inspection(inspection_id(window.context.db, "Getting a grip"))
    tab = document_tab(window)
    window.page.setCurrentWidget(tab)
    wait_rendered(qtbot, tab)
    tab.open_action.trigger()


def test_copies_opened_in_the_viewer_are_removed_when_the_window_closes(
    qtbot: QtBot, window: MainWindow, system_temp: Path, opened: list[Path]
) -> None:
    _open_in_viewer(qtbot, window)
    _open_in_viewer(qtbot, window)  # again: the viewer may still hold the first copy
    first, second = opened
    assert first != second and first.read_bytes() == second.read_bytes()
    assert first.name == "Response to PEEL Spotlight – Police performance Getting a grip.pdf"
    assert system_temp in first.parents and system_temp in second.parents
    assert window.close()
    assert not first.exists() and not second.exists()
    assert list(system_temp.iterdir()) == []


def _pid_of_ended() -> int:
    """The number of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def running_pid() -> Iterator[int]:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    yield child.pid
    child.kill()
    child.wait()


def _left_copy(temp: Path, folder_name: str) -> Path:
    copy = temp / folder_name / "tmpab12cd34" / "Response (internal copy).pdf"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"%PDF-1.7 OFFICIAL-SENSITIVE")
    return temp / folder_name


def test_copies_left_by_a_run_that_ended_are_removed_at_the_next_start(
    make_window: Callable[[Path], MainWindow],
    sample_db: Database,
    db_path: Path,
    system_temp: Path,
    running_pid: int,
) -> None:
    ended = _left_copy(system_temp, f"opcc-responses-viewer-{_pid_of_ended()}-k2j4h5g6")
    same_number = _left_copy(system_temp, f"opcc-responses-viewer-{os.getpid()}-old12345")
    earlier_version = _left_copy(system_temp, "opcc-response-a1b2c3d4")
    running = _left_copy(system_temp, f"opcc-responses-viewer-{running_pid}-r7t8y9u0")
    others = [system_temp / "opcc-responses-viewer-notes", system_temp / "someone-else-abc"]
    for folder in others:
        folder.mkdir()

    make_window(db_path)

    assert not ended.exists() and not same_number.exists() and not earlier_version.exists()
    assert running.exists() and all(folder.exists() for folder in others)


def test_a_copy_the_viewer_still_holds_at_close_is_removed_at_the_next_start(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    make_window: Callable[[Path], MainWindow],
    window: MainWindow,
    db_path: Path,
    system_temp: Path,
    opened: list[Path],
) -> None:
    import shutil

    real_rmtree = shutil.rmtree

    def held(_path: Path, ignore_errors: bool = False) -> None:
        """Windows refuses to delete a file a viewer has open: nothing is removed."""
        assert ignore_errors  # and closing the window carries on regardless

    _open_in_viewer(qtbot, window)
    monkeypatch.setattr(shutil, "rmtree", held)
    assert window.close()
    (copy,) = opened
    assert copy.exists()

    monkeypatch.setattr(shutil, "rmtree", real_rmtree)
    make_window(db_path)  # the next start (this process's number, now another run's folder)
    assert not copy.exists() and list(system_temp.iterdir()) == []
