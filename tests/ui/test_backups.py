"""File → Back up now…, File → Restore from backup…, the automatic backup at start-up, and a
damaged database met at start-up."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from pytestqt.qtbot import QtBot

from app.db.backup import list_backups
from app.db.database import Database
from app.domain.model import Inspection
from app.services import backups, inspections, reading
from app.services.backups import BackupPolicy
from app.ui import application, backup_commands
from app.ui.actions import ActionId
from app.ui.main_window import MainWindow
from app.ui.settings_dialog import SettingsDialog
from tests.db.damage import damage
from tests.ui.conftest import MessageLog, wait_for_tab, wait_until_ready


def _create(db: Database, title: str) -> None:
    inspections.create_inspection(db, Inspection(title=title))


def _titles(window: MainWindow) -> list[str]:
    return sorted(row.title for row in reading.list_inspections(window.context.db))


def _answer_file_dialog(monkeypatch: pytest.MonkeyPatch, name: str, path: Path) -> list[str]:
    asked: list[str] = []

    def answer(_parent: object, title: str, *_args: object, **_kwargs: object) -> str:
        asked.append(title)
        return str(path)

    monkeypatch.setattr(backup_commands, name, answer)
    return asked


def test_back_up_now_copies_the_database_to_the_chosen_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "share" / "responses-backup"
    asked = _answer_file_dialog(monkeypatch, "choose_save_path", target)
    window.commands[ActionId.BACK_UP].trigger()
    made = target.with_suffix(".sqlite3")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Backed up"))
    assert asked == ["Back up the database"]
    assert backups.check_file(made).counts["inspection"] == 2


def test_restore_from_backup_replaces_the_database_and_reloads_the_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    message_log: MessageLog,
) -> None:  # fmt: skip
    copy = backups.back_up(window.context.db.path, tmp_path / "copy.sqlite3")
    _create(window.context.db, "Typed after the backup")
    window.refresh()
    wait_for_tab(window)  # the register is read on the database worker
    assert window.register.model.rowCount() == 3
    _answer_file_dialog(monkeypatch, "choose_file", copy)
    window.commands[ActionId.RESTORE_BACKUP].trigger()
    wait_for_tab(window)
    question = message_log.questions[0]
    assert "Replace everything in responses.sqlite3 with the backup copy.sqlite3" in question
    assert "(2 inspection(s))" in question
    assert window.register.model.rowCount() == 2
    assert "Typed after the backup" not in _titles(window)
    assert window.statusBar().currentMessage().startswith("Restored 2 inspection(s)")
    kept = list_backups(window.context.db.path.parent / "backups", "responses")
    assert [b.label for b in kept] == ["before-restore"]
    _create(window.context.db, "Typed after the restore")  # still writes
    assert "Typed after the restore" in _titles(window)


def test_a_damaged_backup_is_refused_and_nothing_changes(
    window: MainWindow, tmp_path: Path, message_log: MessageLog
) -> None:
    copy = backups.back_up(window.context.db.path, tmp_path / "copy.sqlite3")
    damage(copy)
    before = _titles(window)
    assert not window.backups.restore(copy)
    assert message_log.errors and "is damaged, so it cannot be restored" in message_log.errors[0]
    assert _titles(window) == before and window.register.model.rowCount() == 2


def test_declining_the_restore_changes_nothing(
    window: MainWindow, tmp_path: Path, message_log: MessageLog
) -> None:
    copy = backups.back_up(window.context.db.path, tmp_path / "copy.sqlite3")
    _create(window.context.db, "Kept")
    message_log.answer = False
    assert not window.backups.restore(copy)
    assert "Kept" in _titles(window)


def test_the_automatic_backup_is_made_at_start_up_and_kept_as_set(
    window: MainWindow, qtbot: QtBot, ui_settings: QSettings
) -> None:
    folder = window.context.db.path.parent / "backups"
    window.backups.start_automatic()
    qtbot.waitUntil(lambda: len(list_backups(folder, "responses")) == 1)
    assert list_backups(folder, "responses")[0].label == "auto"
    backup_commands.save_backup_policy(ui_settings, BackupPolicy(daily=3, weekly=2))
    assert backup_commands.backup_policy(ui_settings) == BackupPolicy(3, 2)


def test_the_settings_dialog_sets_how_many_backups_are_kept(
    window: MainWindow, ui_settings: QSettings, qtbot: QtBot
) -> None:
    dialog = SettingsDialog(window.context, window, ui_settings)
    qtbot.addWidget(dialog)
    assert (dialog.backups_daily.value(), dialog.backups_weekly.value()) == (14, 8)
    dialog.backups_daily.setValue(30)
    dialog.backups_weekly.setValue(12)
    dialog.accept()
    assert backup_commands.backup_policy(ui_settings) == BackupPolicy(30, 12)


@pytest.fixture
def damaged_with_backup(sample_db: Database, db_path: Path) -> bytes:
    made = backups.automatic_backup(db_path, BackupPolicy(), dt.datetime(2026, 3, 2, 9, 0))
    assert made is not None
    _create(sample_db, "Recorded after the backup")
    sample_db.close()
    return damage(db_path)


def test_a_damaged_database_at_start_up_offers_the_newest_good_backup(
    damaged_with_backup: bytes, db_path: Path, ui_settings: QSettings, qtbot: QtBot,
    message_log: MessageLog,
) -> None:  # fmt: skip
    window = application.open_window(db_path, ui_settings)
    assert window is not None
    qtbot.addWidget(window)
    assert "is damaged, so the application has not written anything to it" in (
        message_log.questions[0]
    )
    assert "made on 02/03/2026 at 09:00" in message_log.questions[0]
    wait_until_ready(qtbot, window)
    assert window.register.model.rowCount() == 2
    kept = list_backups(db_path.parent / "backups", db_path.stem)
    assert [b.path.read_bytes() for b in kept if b.label == "damaged"] == [damaged_with_backup]


def test_the_program_shows_its_window_then_offers_the_backup_and_opens_on_it(
    damaged_with_backup: bytes, db_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object,
    message_log: MessageLog,
) -> None:  # fmt: skip
    """The whole program (``run_gui``): the window is on screen before the file is found
    damaged; the offer of the backup comes over it, and once accepted the same window opens on
    the restored file (its register filled), and the program ends normally when it closes."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(application, "_configure_logging", lambda: None)
    made = application.create_window
    seen: dict[str, object] = {}

    def create_window(path: Path | str, settings: QSettings | None = None) -> MainWindow:
        window = made(path, settings)

        def offered(*_args: object) -> None:
            seen["shown when offered"] = window.isVisible()

        window.openFailed.connect(offered)

        def ready() -> None:
            seen["rows"] = window.register.model.rowCount()
            QTimer.singleShot(0, window.close)

        window.ready.connect(ready)
        return window

    monkeypatch.setattr(application, "create_window", create_window)
    assert application.run_gui(db_path) == 0
    assert seen == {"shown when offered": True, "rows": 2}
    assert len(message_log.questions) == 1 and "is damaged" in message_log.questions[0]
    kept = list_backups(db_path.parent / "backups", db_path.stem)
    assert [b.path.read_bytes() for b in kept if b.label == "damaged"] == [damaged_with_backup]


def test_a_damaged_database_is_left_as_it_is_when_the_restore_is_declined(
    damaged_with_backup: bytes, db_path: Path, ui_settings: QSettings, message_log: MessageLog
) -> None:
    message_log.answer = False
    assert application.open_window(db_path, ui_settings) is None
    assert db_path.read_bytes() == damaged_with_backup


def test_a_damaged_database_without_a_backup_is_explained(
    sample_db: Database, db_path: Path, ui_settings: QSettings, message_log: MessageLog
) -> None:
    sample_db.close()
    damaged = damage(db_path)
    assert application.open_window(db_path, ui_settings) is None
    assert len(message_log.errors) == 1 and "There is no good backup" in message_log.errors[0]
    assert "\n" not in message_log.errors[0]
    assert db_path.read_bytes() == damaged


def test_restore_is_offered_in_the_file_menu(window: MainWindow) -> None:
    names = [a.text().replace("&", "") for a in window.menus["File"].actions()]
    assert "Back up now…" in names and "Restore from backup…" in names



