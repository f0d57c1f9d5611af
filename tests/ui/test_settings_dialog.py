"""The organisation settings dialog saves every field, the logo and the office steps."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import ProtectiveMarking
from app.services.reading import load_settings
from app.services.spelling import add_own_word, read_own_words
from app.ui.actions import ActionId
from app.ui.context import AppContext
from app.ui.main_window import MainWindow
from app.ui.overview import OverviewTab
from app.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import wait_for_tab
from tests.ui.helpers import answer_dialog


def _png(path: Path) -> Path:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    assert image.save(str(path))
    return path


def test_settings_dialog_saves(db: Database, qtbot: QtBot, tmp_path: Path) -> None:
    context = AppContext(db)
    changed: list[bool] = []
    context.organisationChanged.connect(lambda: changed.append(True))
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    for attribute, value in {
        "opcc_name": "Office of the Police, Fire and Crime Commissioner for Essex",
        "commissioner_title": "Police, Fire and Crime Commissioner",
        "commissioner_name": "Roger Hirst",
        "force_name": "Essex Police",
        "chief_title": "Chief Constable",
        "chief_name": "B. J. Harrington",
        "website": "https://www.essex.pfcc.police.uk",
    }.items():
        edit = dialog.edits[attribute]
        assert edit.accessibleName()
        edit.setText(value)
    assert dialog.set_logo_file(_png(tmp_path / "logo.png"))
    assert dialog.logo_preview.pixmap() is not None and not dialog.logo_preview.pixmap().isNull()
    dialog.cc_days.setValue(21)
    dialog.marking.setCurrentIndex(dialog.marking.findData(ProtectiveMarking.OFFICIAL))
    dialog.steps.set_items(["Sent to the Chief Constable", "Published"])
    dialog.steps.list.setCurrentRow(1)
    dialog.steps.add_item()
    dialog.steps.list.currentItem().setText("Sent to the Panel")
    dialog.steps.move_item(-1)
    dialog.accept()

    saved = load_settings(db)
    assert saved.force_name == "Essex Police"
    assert saved.commissioner_title == "Police, Fire and Crime Commissioner"
    assert saved.chief_name == "B. J. Harrington"
    assert saved.logo_filename == "logo.png" and saved.logo.startswith(b"\x89PNG")
    assert saved.cc_comments_days == 21
    assert saved.protective_marking is ProtectiveMarking.OFFICIAL
    assert saved.office_step_names == [
        "Sent to the Chief Constable",
        "Sent to the Panel",
        "Published",
    ]
    assert changed == [True]
    assert context.organisation.force_name == "Essex Police"


def test_a_file_that_is_not_an_image_is_refused(db: Database, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(AppContext(db))
    qtbot.addWidget(dialog)
    text = tmp_path / "notes.png"
    text.write_text("not an image")
    assert not dialog.set_logo_file(text)
    assert "is not a PNG or JPEG image" in dialog.error.text()
    assert dialog.edited().logo == b""


def test_role_title_from_settings_reaches_the_overview(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: SettingsDialog) -> None:
        dialog.edits["chief_title"].setText("Commissioner of Police")

    answer_dialog(monkeypatch, SettingsDialog, fill)
    window.commands[ActionId.ORGANISATION_SETTINGS].trigger()
    window.register.select_inspection(window.register.model.row_data(0).summary.id)
    overview = window.page.widget(0)
    assert isinstance(overview, OverviewTab)
    wait_for_tab(overview)
    caption = overview.fields["Comments requested by"].caption.text()
    assert caption == "Commissioner of Police to comment by:"


def test_the_spelling_words_are_edited_in_the_settings(db: Database, qtbot: QtBot) -> None:
    add_own_word(db, "Blenkinsopp")
    dialog = SettingsDialog(AppContext(db))
    qtbot.addWidget(dialog)
    assert dialog.words.items() == ["Blenkinsopp"]
    assert dialog.words.list.accessibleName() == "Spelling words"
    dialog.words.add_item()
    dialog.words.list.currentItem().setText("HMICFRS")
    dialog.words.add_item()
    dialog.words.list.currentItem().setText("Dyfed-Powys")
    dialog.accept()
    assert read_own_words(db) == ["Blenkinsopp", "Dyfed-Powys", "HMICFRS"]

    dialog = SettingsDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.words.list.setCurrentRow(0)
    dialog.words.remove_item()
    dialog.accept()
    assert read_own_words(db) == ["Dyfed-Powys", "HMICFRS"]
