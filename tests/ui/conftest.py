"""Qt fixtures: a main window over a temporary database, settings in a temporary INI file,
and message boxes answered by the test instead of a person."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from app.ui import messages
from app.ui.db_worker import database_worker
from app.ui.document import viewer_copies
from app.ui.main_window import MainWindow
from app.ui.tasks import running_tasks


@pytest.fixture(autouse=True)
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder as the PDF viewer's copies see it: the test's own."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(viewer_copies, "temp_root", lambda: folder)
    monkeypatch.setattr(viewer_copies, "_own", None)
    return folder


@pytest.fixture(autouse=True)
def _qt_settings_in_tmp(tmp_path: Path) -> None:
    """Any QSettings the code makes on its own lands in the test's folder too."""
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "qt-settings"))


@dataclass
class MessageLog:
    """What the code would have shown in message boxes; ``answer`` is the reply to confirm()."""

    errors: list[str] = field(default_factory=list)
    information: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    answer: bool = True


@pytest.fixture(autouse=True)
def message_log(monkeypatch: pytest.MonkeyPatch) -> MessageLog:
    log = MessageLog()

    def confirm(_parent: object, _title: str, question: str, _action: str) -> bool:
        log.questions.append(question)
        return log.answer

    monkeypatch.setattr(messages, "show_error", lambda _p, text, *_a: log.errors.append(text))
    monkeypatch.setattr(
        messages, "show_information", lambda _p, _t, text: log.information.append(text)
    )
    monkeypatch.setattr(messages, "confirm", confirm)
    return log


@pytest.fixture(autouse=True)
def _no_unanswered_file_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file dialog no test answers would wait for a person for ever: fail at once instead."""

    def refuse(self: QFileDialog) -> int:
        raise AssertionError(f"a file dialog ({self.windowTitle()}) opened with no one to answer")

    monkeypatch.setattr(QFileDialog, "exec", refuse)


@pytest.fixture(autouse=True)
def _no_leaks(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves background work running or a top-level window open."""
    before = {id(w) for w in qapp.topLevelWidgets() if w.isVisible()}
    yield
    QThreadPool.globalInstance().waitForDone(5000)
    worker_idle = database_worker().flush(10)
    QTest.qWait(1)
    assert running_tasks() == 0, "a background task never delivered its outcome"
    assert worker_idle, "a database call was still running on the database worker"
    left = [w for w in qapp.topLevelWidgets() if w.isVisible() and id(w) not in before]
    assert not left, f"windows left open: {left}"


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot: QtBot, ui_settings: QSettings) -> Callable[[Path], MainWindow]:
    from app.ui import create_window

    def make(db_path: Path) -> MainWindow:
        window = create_window(db_path, ui_settings)
        qtbot.addWidget(window)
        wait_until_ready(qtbot, window)
        return window

    return make


@pytest.fixture
def window(
    make_window: Callable[[Path], MainWindow], sample_db: object, db_path: Path
) -> MainWindow:
    """The main window over a database holding the two sample inspections."""
    return make_window(db_path)


READY_TIMEOUT_MS = 30_000  # a window is ready in well under a second; ≥ 10× for a busy machine


def wait_until_ready(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the window has built its tabs and filled its register (on the database
    worker, after the frame's first paint)."""
    qtbot.waitUntil(lambda: window.is_ready, timeout=READY_TIMEOUT_MS)


def wait_for_tab(tab: object, seconds: float = 10.0) -> None:
    """Wait until a tab that reads its inspection on the database worker (``loading``) has
    its answer: milliseconds; ``seconds`` bounds it for a busy machine."""
    deadline = time.monotonic() + seconds
    while getattr(tab, "loading", False):
        assert time.monotonic() < deadline, "the tab's read did not come back"
        QTest.qWait(10)
