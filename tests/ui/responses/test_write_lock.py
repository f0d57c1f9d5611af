"""Saving, and switching inspection, while another process holds SQLite's write lock: the window
keeps running its event loop, says it is waiting, keeps the text, and saves it (in order) once
the lock is let go."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import office_steps, responses
from app.services.responses import ResponseSheet, list_revisions, response_states
from app.ui.main_window import MainWindow
from app.ui.responses import ResponsesView
from app.ui.responses.autosave import WAITING
from app.ui.responses.view import LOADING
from tests.ui.conftest import wait_for_tab
from tests.ui.responses.conftest import inspection_id

NAME = "Chief Constable closing response"
HOLD_MS = 1500
EXPECTED_GAP_MS = 50  # the bound for the GUI's longest stall
GENEROUS_GAP_MS = 10 * EXPECTED_GAP_MS  # a shared, loaded test machine is slower


@contextmanager
def write_lock_held(path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding ``BEGIN IMMEDIATE`` on the file until the block ends."""
    code = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "print('HELD', flush=True)\n"
        "sys.stdin.readline()\n"
        "c.execute('COMMIT')\n"
    )
    with subprocess.Popen([sys.executable, "-c", code, str(path)], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as child:  # fmt: skip
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "HELD"
            yield child
        finally:
            _release(child)
            child.wait(10)


def longest_gap_ms(milliseconds: int) -> int:
    """The longest time between two ticks of a 5 ms timer while the event loop runs."""
    clock, gaps, last = QElapsedTimer(), [0], [0]
    clock.start()

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    QTest.qWait(milliseconds)
    timer.stop()
    return max(gaps)


def test_a_save_waits_for_another_copys_lock_without_freezing_the_window(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot
) -> None:
    editor = view.editor(NAME)
    editor.setFocus()
    key = editor.key
    with write_lock_held(sample_db.path):
        qtbot.keyClicks(editor, "Typed while locked.")
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        gap = longest_gap_ms(HOLD_MS)
        qtbot.keyClicks(editor, " And more.")  # typing goes on meanwhile
        assert view.indicator.text() == WAITING
        assert editor.toPlainText() == "Typed while locked. And more."
        assert key not in response_states(sample_db, spotlight)
    assert gap < GENEROUS_GAP_MS, f"the window stalled for {gap} ms"
    qtbot.waitUntil(lambda: view.indicator.text().startswith("Saved "), timeout=10_000)
    assert response_states(sample_db, spotlight)[key].text == "Typed while locked. And more."
    assert editor.toPlainText() == "Typed while locked. And more."


def test_saves_queued_behind_a_lock_land_in_order(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot
) -> None:
    editor = view.editor(NAME)
    editor.setFocus()
    key = editor.key
    with write_lock_held(sample_db.path):
        for word in ("One.", " Two.", " Three."):
            qtbot.keyClicks(editor, word)
            qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
            QTest.qWait(200)
    qtbot.waitUntil(lambda: view.indicator.text().startswith("Saved "), timeout=15_000)
    state = response_states(sample_db, spotlight)[key]
    assert state.text == "One. Two. Three."
    assert editor.version == state.version
    texts = [revision.text for revision in list_revisions(sample_db, spotlight, key)]
    # Newest first; each version builds on the one before (none lost, none reordered).
    assert texts[0] == "One. Two. Three."
    assert texts == sorted(texts, key=len, reverse=True)


def test_switching_inspection_waits_for_the_lock_and_saves(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot
) -> None:
    editor = view.editor(NAME)
    editor.setFocus()
    key = editor.key
    with write_lock_held(sample_db.path) as holder:
        qtbot.keyClicks(editor, "Typed before switching.")
        # The window waits here, so another thread lets the lock go.
        letting_go = threading.Timer(0.3, lambda: _release(holder))
        letting_go.start()
        view.save_pending()  # waits, bounded, for the lock to go
        letting_go.join()
    assert response_states(sample_db, spotlight)[key].text == "Typed before switching."


def _release(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    if not holder.stdin.closed:
        holder.stdin.write("go\n")
        holder.stdin.close()


def test_closing_while_a_save_waits_for_the_lock_keeps_every_word(
    make_window: Callable[[Path], MainWindow], sample_db: Database, spotlight: int,
    db_path: Path, qtbot: QtBot,
) -> None:  # fmt: skip
    window = make_window(db_path)
    window.show()
    window.register.select_inspection(spotlight)
    view = next(tab for tab in window.page.tabs() if isinstance(tab, ResponsesView))
    window.page.setCurrentWidget(view)
    wait_for_tab(view)
    editor = view.editor(NAME)
    editor.setFocus()
    key = editor.key
    with write_lock_held(sample_db.path) as holder:
        qtbot.keyClicks(editor, "Typed, saved, closed.")
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: view.indicator.text() == WAITING, timeout=5000)
        letting_go = threading.Timer(0.5, lambda: _release(holder))
        letting_go.start()
        window.close()  # waits, bounded, for the save on its way: nothing is lost
        letting_go.join()
    assert response_states(sample_db, spotlight)[key].text == "Typed, saved, closed."


SWITCH_GAP_MS = 1000  # the event loop's longest pause while switching: ≥ 10× what it takes


def test_switching_inspection_behind_another_copys_lock_keeps_the_window_running(
    sample_db: Database, spotlight: int, view: ResponsesView, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The Responses tab reads the inspection on the database worker, after the writes queued
    before it: a write waiting for another copy's lock holds the read back, never the window."""
    peel = inspection_id(sample_db, "PEEL 2018")
    readers: list[str] = []
    real_load = responses.load_sheet

    def load_sheet(db: Database, inspection: int) -> ResponseSheet:
        readers.append(threading.current_thread().name)
        return real_load(db, inspection)

    monkeypatch.setattr(responses, "load_sheet", load_sheet)
    with write_lock_held(sample_db.path):
        view.office_steps.rows[0].check.click()  # written on the worker: waits for the lock
        QTest.qWait(50)
        view.show_inspection(peel)  # queued behind that write
        gap = longest_gap_ms(HOLD_MS)
        assert view.loading and view.placeholder.text() == LOADING
        assert view.inspection_id is None and view.editors() == []
    assert gap < SWITCH_GAP_MS, f"the window stalled for {gap} ms"
    wait_for_tab(view)
    assert view.inspection_id == peel and view.sheet is not None and view.sheet.title
    assert readers == ["database"]  # never the GUI thread
    assert any(step.done for step in office_steps.office_steps(sample_db, spotlight))
