"""Where the file dialogs start, and what they may touch (issue 9, items 5 and 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.ui import file_dialogs
from app.ui.file_dialogs import LAST_FOLDER, NamesOnly, start_folder


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "files.ini"), QSettings.Format.IniFormat)


def test_the_first_dialog_starts_in_documents_never_the_programs_folder(
    settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(documents))
    monkeypatch.chdir(tmp_path)  # the program's folder, where Qt's dialog would start
    assert start_folder(settings) == str(documents)


def test_a_missing_documents_folder_is_not_offered_as_a_file_name(
    settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QStandardPaths, "writableLocation",
                        lambda _where: str(tmp_path / "Downloads"))  # fmt: skip
    assert start_folder(settings) == str(Path.home())


def test_then_the_last_folder_used_while_it_exists(settings: QSettings, tmp_path: Path) -> None:
    chosen = tmp_path / "reports" / "PEEL 2023.pdf"
    chosen.parent.mkdir()
    file_dialogs.remember_folder(settings, str(chosen))
    assert start_folder(settings) == str(chosen.parent)
    chosen.parent.rmdir()
    assert start_folder(settings) != str(chosen.parent)
    assert settings.value(LAST_FOLDER)


def test_the_dialogs_name_types_from_file_names_only(qtbot: QtBot, tmp_path: Path) -> None:
    """Qt's own icon provider opens a file to guess its type; this one never reads a byte."""
    unreadable = tmp_path / "responses.sqlite3-shm"
    unreadable.write_bytes(b"\0" * 64)
    unreadable.chmod(0)
    provider = NamesOnly()
    info = QFileInfo(str(unreadable))
    assert provider.type(info) == "SQLITE3-SHM file"  # from the name: nothing was read
    assert not provider.icon(info).isNull()
    assert provider.type(QFileInfo(str(tmp_path / "report.pdf"))) == "PDF file"
    dialog = file_dialogs.make_open_dialog(None, "Import", "All files (*)", str(tmp_path))
    qtbot.addWidget(dialog)
    assert isinstance(dialog.iconProvider(), NamesOnly)
    assert dialog.testOption(QFileDialog.Option.DontUseCustomDirectoryIcons)
