"""New, edit and archive an inspection through the window, with validation and conflicts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import InspectionStatus
from app.domain.model import Inspection
from app.services import inspections, reading
from app.services.reading import load_settings
from app.services.settings import save_settings
from app.ui.actions import ActionId
from app.ui.context import AppContext
from app.ui.inspection_dialog import InspectionDialog
from app.ui.main_window import MainWindow
from app.ui.overview import OverviewTab
from app.ui.register_model import Column
from tests.ui.conftest import wait_for_tab
from tests.ui.helpers import answer_dialog


def _fill_new(dialog: InspectionDialog) -> None:
    dialog.title_edit.setText("Vetting, misconduct and misogyny")
    dialog.published.set_date(dt.date(2022, 11, 2))
    dialog.types_edit.setText("Thematic, National")
    dialog.forces_edit.setText("All local forces in England and Wales")
    dialog.key_findings.setPlainText("- first finding\n- second finding")
    dialog.notes["recommendations_note"].setPlainText("There were 43 recommendations.")


def test_create_inspection_from_the_welcome_panel(
    make_window: Callable[[Path], MainWindow], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(db_path)
    assert window.stack.currentWidget() is window.welcome
    shown = answer_dialog(monkeypatch, InspectionDialog, _fill_new)
    new_button = next(b for b in window.welcome.buttons if "New inspection" in b.text())
    new_button.click()
    wait_for_tab(window)  # the register is read again on the database worker

    assert len(shown) == 1 and shown[0].result() == InspectionDialog.DialogCode.Accepted
    assert window.stack.currentWidget() is window.splitter
    assert window.register.proxy.rowCount() == 1
    assert window.page.inspection_id == shown[0].saved_id
    stored = reading.get_inspection(window.context.db, shown[0].saved_id or 0)
    assert stored.title == "Vetting, misconduct and misogyny"
    assert stored.published_on == dt.date(2022, 11, 2)
    assert stored.publication_types == ["Thematic", "National"]
    assert stored.key_findings == "- first finding\n- second finding"
    assert stored.recommendations_note == "There were 43 recommendations."
    # Defaults from the organisation settings: comments date and office steps.
    assert stored.cc_comments_requested_by == dt.date(2022, 11, 30)
    assert len(stored.office_steps) == len(load_settings(window.context.db).office_step_names)
    overview = window.page.widget(0)
    assert isinstance(overview, OverviewTab)
    wait_for_tab(overview)
    assert overview.header_text("Published") == "2 November 2022"


def test_comments_date_follows_the_setting_until_chosen(db: Database) -> None:
    settings = load_settings(db)
    save_settings(db, dataclasses.replace(settings, cc_comments_days=14))
    dialog = InspectionDialog(AppContext(db))
    dialog.published.set_date(dt.date(2024, 3, 1))
    assert dialog.cc_date.date() == dt.date(2024, 3, 15)
    dialog.cc_date.edit.set_date(dt.date(2024, 3, 20))  # the person's choice wins from now on
    dialog.published.set_date(dt.date(2024, 3, 2))
    assert dialog.cc_date.date() == dt.date(2024, 3, 20)
    assert "Section 55 deadline: 26/04/2024" in dialog.deadline_note.text()


def test_title_required_and_dates_checked(db: Database) -> None:
    dialog = InspectionDialog(AppContext(db))
    dialog.types_edit.setText("PEEL")
    dialog.accept()
    assert dialog.result() != InspectionDialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    assert "needs a title" in dialog.error.text()
    assert dialog.types_edit.text() == "PEEL"  # the input is kept

    dialog.title_edit.setText("Custody")
    dialog.published.set_date(dt.date(2024, 5, 10))
    dialog.stated.set_date(dt.date(2024, 5, 1))
    dialog.accept()
    assert "stated deadline (01/05/2024) is before the publication date" in dialog.error.text()
    assert reading.list_inspections(db) == []

    dialog.stated.set_date(None)
    dialog.accept()
    assert dialog.result() == InspectionDialog.DialogCode.Accepted
    assert [s.title for s in reading.list_inspections(db)] == ["Custody"]


def test_edit_inspection(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    spotlight = next(s for s in reading.list_inspections(window.context.db)
                     if s.title.startswith("PEEL Spotlight"))  # fmt: skip
    window.register.select_inspection(spotlight.id)

    def fill(dialog: InspectionDialog) -> None:
        assert dialog.title_edit.text() == spotlight.title
        assert dialog.stated.date() == dt.date(2023, 9, 1)
        dialog.title_edit.setText("Getting a grip (edited)")
        dialog.stated.set_date(None)

    answer_dialog(monkeypatch, InspectionDialog, fill)
    window.commands[ActionId.EDIT_INSPECTION].trigger()
    wait_for_tab(window)  # the register is read again on the database worker

    stored = reading.get_inspection(window.context.db, spotlight.id)
    assert stored.title == "Getting a grip (edited)"
    assert stored.stated_deadline is None
    assert stored.status is InspectionStatus.PUBLISHED  # the workflow owns the status
    assert len(stored.findings) == 3 and stored.overall.chief_constable  # untouched
    titles = [window.register.proxy.index(r, Column.TITLE).data() for r in range(2)]
    assert "Getting a grip (edited)" in titles
    overview = window.page.widget(0)
    assert isinstance(overview, OverviewTab)
    wait_for_tab(overview)
    assert overview.title.text() == "Getting a grip (edited)"


def test_conflict_keeps_the_dialog_open_with_the_input(db: Database) -> None:
    inspection_id = inspections.create_inspection(db, Inspection(title="Custody"))
    dialog = InspectionDialog(AppContext(db), inspection_id)
    dialog.title_edit.setText("Custody (mine)")
    someone_else = reading.get_inspection(db, inspection_id)
    someone_else.title = "Custody (theirs)"
    version = inspections.inspection_version(db, inspection_id)
    inspections.update_header(db, inspection_id, someone_else, version)

    dialog.accept()
    assert dialog.result() != InspectionDialog.DialogCode.Accepted
    assert "Someone else changed this inspection" in dialog.error.text()
    assert dialog.title_edit.text() == "Custody (mine)"
    assert reading.get_inspection(db, inspection_id).title == "Custody (theirs)"


def test_archive_hides_and_unarchive_returns(window: MainWindow) -> None:
    db = window.context.db
    peel = next(s for s in reading.list_inspections(db) if s.title.startswith("Norfolk"))
    window.register.select_inspection(peel.id)
    archive = window.commands[ActionId.ARCHIVE_INSPECTION]
    assert archive.text() == "&Archive inspection"
    archive.trigger()
    wait_for_tab(window)  # written, then the register read again, on the database worker

    assert window.register.proxy.rowCount() == 1
    assert not window.register.has_inspection(peel.id)
    assert window.page.inspection_id is None
    assert not archive.isEnabled()

    window.commands[ActionId.SHOW_ARCHIVED].setChecked(True)
    wait_for_tab(window)
    assert window.register.proxy.rowCount() == 2
    window.register.select_inspection(peel.id)
    row = window.register.model.row_of(peel.id)
    assert row is not None
    assert window.register.model.row_data(row).texts[Column.STATUS] == "Not started (archived)"
    assert archive.text() == "Un&archive inspection"
    archive.trigger()
    window.commands[ActionId.SHOW_ARCHIVED].setChecked(False)
    wait_for_tab(window)
    assert window.register.has_inspection(peel.id)
    assert not reading.get_inspection(db, peel.id).archived


@pytest.mark.parametrize("typed", ["20/11/2026", "20/11/26", "20.11.2026", "20 Nov 2026",
                                   "2026-11-20"])  # fmt: skip
def test_a_date_typed_over_the_selected_one_is_the_date_as_in_excel(
    db: Database, qtbot: QtBot, typed: str
) -> None:
    dialog = InspectionDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.published.set_date(dt.date(2023, 7, 7))
    box = dialog.published.edit
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.wait(10)  # the whole date is selected on entering the box
    qtbot.keyClicks(box, typed)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert dialog.published.date() == dt.date(2026, 11, 20)
    assert box.text() == "20/11/2026"
    assert "Section 55 deadline: 14/01/2027" in dialog.deadline_note.text()


def test_text_that_is_not_a_date_is_refused_on_save_never_saved_as_the_old_date(
    db: Database, qtbot: QtBot
) -> None:
    dialog = InspectionDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("A report")
    dialog.published.set_date(dt.date(2023, 7, 7))
    box = dialog.published.edit
    box.setFocus()
    qtbot.wait(10)
    qtbot.keyClicks(box, "31/02/2026")
    dialog.accept()
    assert dialog.isVisible() and dialog.saved_id is None
    assert "“31/02/2026” is not a date" in dialog.error.text()
    assert box.hasFocus()
    assert reading.list_inspections(db) == []
