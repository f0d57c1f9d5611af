"""A database the program may not write to opens read-only: a banner, and nothing to edit.

The tests may run as root, whom file permissions do not stop, so the file is declared
unwritable here; tests/db/test_unusual_locations.py opens one on a really read-only disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTextEdit
from pytestqt.qtbot import QtBot

from app.db import sqlite_file
from app.db.database import Database
from app.ui.actions import ActionId
from app.ui.main_window import MainWindow
from tests.ui.conftest import wait_for_tab


@pytest.fixture
def read_only_window(
    make_window: Callable[[Path], MainWindow], sample_db: Database, db_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> MainWindow:  # fmt: skip
    sample_db.close()
    monkeypatch.setattr(sqlite_file, "can_write", lambda _path: False)
    window = make_window(db_path)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_window_says_the_database_is_read_only(read_only_window: MainWindow) -> None:
    labels = read_only_window.findChildren(QLabel)
    banners = [w for w in labels if w.accessibleName() == "Read-only"]
    assert len(banners) == 1 and banners[0].isVisible()
    assert "read-only" in banners[0].text()


def test_nothing_can_be_edited_but_everything_read_and_backed_up(
    read_only_window: MainWindow, qtbot: QtBot
) -> None:
    window = read_only_window
    window.refresh(select=1)
    wait_for_tab(window)  # the register is read on the database worker
    commands = window.commands
    for command in (ActionId.NEW_INSPECTION, ActionId.IMPORT_DOCUMENT, ActionId.LOAD_SAMPLES,
                    ActionId.EDIT_INSPECTION, ActionId.ARCHIVE_INSPECTION,
                    ActionId.RESTORE_BACKUP, ActionId.ORGANISATION_SETTINGS):  # fmt: skip
        assert not commands[command].isEnabled(), command
    assert commands[ActionId.BACK_UP].isEnabled()
    window.page.setCurrentIndex(1)
    assert not window.page.currentWidget().buttons["add"].isEnabled()  # type: ignore[attr-defined]
    window.page.setCurrentIndex(2)
    wait_for_tab(window.page.currentWidget())
    editors = [e for e in window.findChildren(QTextEdit) if " response" in e.accessibleName()]
    assert editors and all(editor.isReadOnly() for editor in editors)
    assert window.register.model.rowCount() == 2  # reading works
