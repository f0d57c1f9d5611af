"""The import preview: what was found is shown, corrected by the person, and only then saved."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import AuthorRole, FindingKind
from app.importers import ImportedInspection, import_document
from app.services import reading, responses
from app.services.importing import ExistingInspection
from app.services.responses import ResponseKey
from app.ui.importing import ImportPreviewDialog, questions
from app.ui.importing.preview_findings import Column
from app.ui.importing.questions import DuplicateChoice
from tests.conftest import PEEL_SEED, SPOTLIGHT_SEED
from tests.ui.conftest import wait_for_tab
from tests.ui.importing.conftest import inspection_id

AFI = [f"Area for improvement {n}" for n in (1, 2, 3)]


def preview(qtbot: QtBot, db: Database, imported: ImportedInspection) -> ImportPreviewDialog:
    dialog = ImportPreviewDialog(db, imported, source="report.txt")
    qtbot.addWidget(dialog)
    wait_for_tab(dialog)  # the register is looked at on the database worker
    return dialog


@pytest.fixture
def peel() -> ImportedInspection:
    return import_document(PEEL_SEED)


def test_peel_seed_is_shown_then_saved(
    qtbot: QtBot, db: Database, peel: ImportedInspection
) -> None:
    dialog = preview(qtbot, db, peel)
    assert dialog.title_edit.text() == "Norfolk PEEL 2018: Effectiveness"
    assert dialog.published.date() == dt.date(2019, 5, 2)
    assert dialog.types_edit.text() == "PEEL"
    assert dialog.forces_edit.text() == "Norfolk Constabulary"
    assert "26/06/2019" in dialog.deadline_note.text()  # publication + 55 days
    assert "Last updated" in dialog.warnings.text()  # warnings listed in words
    assert dialog.duplicate_note.isHidden()
    model = dialog.findings_model
    assert [model.finding(row).reference for row in range(model.rowCount())] == AFI
    questions = dialog.questions.toPlainText()
    assert "Requires improvement" in questions and "Ungraded" in questions
    assert "No responses were found" in dialog.responses.toPlainText()

    dialog.accept()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved is not None and dialog.saved.action == "added"
    stored = reading.get_inspection(db, dialog.saved.inspection_id)
    assert stored.title == "Norfolk PEEL 2018: Effectiveness"
    assert stored.published_on == dt.date(2019, 5, 2)
    assert [f.reference for f in stored.findings] == AFI
    assert all(f.kind is FindingKind.AREA_FOR_IMPROVEMENT and f.question == 2
               for f in stored.findings)  # fmt: skip
    assert [q.grade for q in stored.questions][1] == "Requires improvement"
    assert stored.report_text == peel.inspection.report_text
    assert stored.cc_comments_requested_by is not None  # the default from the settings
    assert stored.office_steps  # the organisation's checklist


def test_spotlight_response_shows_its_responses(qtbot: QtBot, db: Database) -> None:
    dialog = preview(qtbot, db, import_document(SPOTLIGHT_SEED))
    assert dialog.stated.date() == dt.date(2023, 9, 1)
    assert "differs" not in dialog.deadline_note.text()
    assert "states 01/09/2023" in dialog.deadline_note.text()
    shown = dialog.responses.toPlainText()
    assert "Chief Constable: response to Recommendation 6" in shown
    assert "Police and Crime Commissioner: closing response" in shown
    assert "For office use" in shown
    assert dialog.status_note.text() == "Published"


def test_the_corrected_title_and_findings_are_saved(
    qtbot: QtBot, db: Database, peel: ImportedInspection
) -> None:
    dialog = preview(qtbot, db, peel)
    dialog.title_edit.clear()
    # ASCII only: QTest cannot type other characters
    QTest.keyClicks(dialog.title_edit, "Norfolk PEEL 2018 - Effectiveness (corrected)")
    dialog.published.set_date(dt.date(2019, 5, 3))
    dialog.tabs.setCurrentWidget(dialog.findings)
    dialog.findings.select(1)
    dialog.findings.kind.setCurrentIndex(dialog.findings.kind.findData(FindingKind.RECOMMENDATION))
    dialog.findings.reference.selectAll()
    QTest.keyClicks(dialog.findings.reference, "Recommendation 1")

    dialog.accept()

    assert dialog.saved is not None
    stored = reading.get_inspection(db, dialog.saved.inspection_id)
    assert stored.title == "Norfolk PEEL 2018 - Effectiveness (corrected)"
    assert stored.published_on == dt.date(2019, 5, 3)
    assert [(f.kind, f.reference) for f in stored.findings] == [
        (FindingKind.AREA_FOR_IMPROVEMENT, AFI[0]),
        (FindingKind.RECOMMENDATION, "Recommendation 1"),
        (FindingKind.AREA_FOR_IMPROVEMENT, AFI[2]),
    ]


def test_unticked_findings_are_left_out(
    qtbot: QtBot, db: Database, peel: ImportedInspection
) -> None:
    dialog = preview(qtbot, db, peel)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.findings)
    table = dialog.findings.table
    table.setFocus()
    table.setCurrentIndex(dialog.findings_model.index(0, Column.IMPORT))
    QTest.keyClick(table, Qt.Key.Key_Space)  # the keyboard way
    assert not dialog.findings.include.isChecked()
    dialog.findings.select(2)
    dialog.findings.include.setChecked(False)  # the tick box beside the table

    dialog.accept()

    assert dialog.saved is not None
    stored = reading.get_inspection(db, dialog.saved.inspection_id)
    assert [f.reference for f in stored.findings] == [AFI[1]]


def test_problems_keep_the_dialog_open_with_the_corrections(
    qtbot: QtBot, db: Database, peel: ImportedInspection
) -> None:
    dialog = preview(qtbot, db, peel)
    dialog.findings.select(1)
    dialog.findings.reference.setText(AFI[0])
    dialog.findings.reference.textEdited.emit(AFI[0])
    dialog.accept()
    assert dialog.saved is None and dialog.result() != QDialog.DialogCode.Accepted
    assert "Two findings are called" in dialog.error.text()
    assert dialog.tabs.currentWidget() is dialog.findings

    dialog.title_edit.clear()
    dialog.findings.include.setChecked(False)  # the second one now: no clash left
    dialog.accept()
    assert dialog.saved is None
    assert "needs a title" in dialog.error.text()
    assert reading.list_inspections(db) == []


def test_a_duplicate_can_be_skipped(
    qtbot: QtBot, sample_db: Database, peel: ImportedInspection, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = inspection_id(sample_db, "Norfolk PEEL")
    asked: list[str] = []

    def ask(_parent: object, found: ExistingInspection) -> DuplicateChoice:
        asked.append(found.title)
        return DuplicateChoice.SKIP

    monkeypatch.setattr(questions, "ask_duplicate", ask)
    dialog = preview(qtbot, sample_db, peel)
    assert not dialog.duplicate_note.isHidden()
    assert "already in the register" in dialog.duplicate_note.text()

    dialog.accept()

    assert asked == ["Norfolk PEEL 2018: Effectiveness"]
    assert dialog.saved is not None
    assert (dialog.saved.action, dialog.saved.inspection_id) == ("skipped", existing)
    assert len(reading.list_inspections(sample_db)) == 2


def test_cancel_at_the_duplicate_question_returns_to_the_preview(
    qtbot: QtBot, sample_db: Database, peel: ImportedInspection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(questions, "ask_duplicate", lambda _p, _found: DuplicateChoice.CANCEL)
    dialog = preview(qtbot, sample_db, peel)
    dialog.title_edit.setText("Norfolk PEEL 2018: Effectiveness")
    dialog.accept()
    assert dialog.saved is None and dialog.result() != QDialog.DialogCode.Accepted
    assert len(reading.list_inspections(sample_db)) == 2


def test_a_duplicate_can_be_updated_keeping_the_responses_written(
    qtbot: QtBot, sample_db: Database, peel: ImportedInspection, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = inspection_id(sample_db, "Norfolk PEEL")
    before = reading.get_inspection(sample_db, existing)
    afi1 = before.findings[0]
    assert afi1.id is not None
    key = ResponseKey.finding(afi1.id, AuthorRole.CHIEF_CONSTABLE)
    responses.save_response(sample_db, existing, key, "Training starts in June.", 0)
    monkeypatch.setattr(questions, "ask_duplicate", lambda _p, _found: DuplicateChoice.UPDATE)
    dialog = preview(qtbot, sample_db, peel)
    dialog.url_edit.setText("https://example.org/norfolk-peel-2018")

    dialog.accept()

    assert dialog.saved is not None
    assert (dialog.saved.action, dialog.saved.inspection_id) == ("updated", existing)
    assert len(reading.list_inspections(sample_db)) == 2
    after = reading.get_inspection(sample_db, existing)
    assert after.url == "https://example.org/norfolk-peel-2018"
    assert after.findings[0].responses.chief_constable == "Training starts in June."
    assert [r.text for r in after.revisions] == ["Training starts in June."]
    assert after.office_steps == before.office_steps
    assert after.cc_comments_requested_by == before.cc_comments_requested_by


def test_a_duplicate_by_link_is_recognised(
    qtbot: QtBot, db: Database, peel: ImportedInspection, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = preview(qtbot, db, peel)
    first.url_edit.setText("https://example.org/norfolk-peel-2018")
    first.accept()
    monkeypatch.setattr(questions, "ask_duplicate", lambda _p, _found: DuplicateChoice.SKIP)
    second = preview(qtbot, db, import_document(PEEL_SEED))
    second.title_edit.setText("Another title")
    second.url_edit.setText("https://example.org/norfolk-peel-2018")
    second.accept()
    assert second.saved is not None and second.saved.action == "skipped"
    assert len(reading.list_inspections(db)) == 1


INTERACTIVE = (
    QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit, QAbstractItemView, QAbstractSpinBox,
    QTabWidget,
)  # fmt: skip


def _inside(widget: QWidget, kinds: tuple[type[QWidget], ...]) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(dialog: QDialog) -> list[str]:
    missing = []
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget, QHeaderView) or _inside(widget, (QAbstractSpinBox, QComboBox)):
            continue  # parts of a named control (a date box's text, a list's popup, headers)
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.replace("&", "").strip()):
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
    return missing


def test_every_control_is_named_and_every_mnemonic_has_a_buddy(
    qtbot: QtBot, db: Database, peel: ImportedInspection
) -> None:
    dialog = preview(qtbot, db, peel)
    assert unnamed_controls(dialog) == []
    for label in dialog.findChildren(QLabel):
        if "&" in label.text():
            assert label.buddy() is not None, label.text()
