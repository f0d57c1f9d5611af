"""The Chief Constable's comments from Word: matched, corrected in a preview, then filled."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMainWindow
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import AuthorRole
from app.services import reading, responses
from app.services.responses import ResponseKey
from app.ui.importing import CommentsImportDialog, ImportController, questions
from app.ui.importing.questions import OverwriteChoice
from tests.ui.importing.conftest import comments_docx, inspection_id
from tests.ui.importing.test_preview import unnamed_controls

CC = AuthorRole.CHIEF_CONSTABLE
WAIT_MS = 10_000


@pytest.fixture
def peel_id(sample_db: Database) -> int:
    return inspection_id(sample_db, "Norfolk PEEL")


@pytest.fixture
def comments(tmp_path: Path) -> Path:
    return comments_docx(
        tmp_path / "Chief Constable's comments.docx",
        [
            ("AFI 1", "Investigators are being trained."),
            ("Area for improvement 3", "Supervision is now recorded."),
            ("AFI 7", "A finding the report does not have."),
        ],
        opening="The force accepts the report.",
    )


def open_dialog(qtbot: QtBot, db: Database, inspection: int, path: Path) -> CommentsImportDialog:
    dialog = CommentsImportDialog(db, inspection)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.proposalShown, timeout=WAIT_MS):
        dialog.load_file(path)
    return dialog


def cc_texts(db: Database, inspection: int) -> dict[str, str]:
    """The Chief Constable's stored responses by finding reference ("overall" for the opening)."""
    sheet = responses.load_sheet(db, inspection)
    texts = {"overall": sheet.state(ResponseKey.overall(CC)).text}
    for finding in sheet.findings:
        assert finding.id is not None
        texts[finding.reference] = sheet.state(ResponseKey.finding(finding.id, CC)).text
    return texts


def test_the_matching_is_shown(
    qtbot: QtBot, sample_db: Database, peel_id: int, comments: Path
) -> None:
    dialog = open_dialog(qtbot, sample_db, peel_id, comments)
    model = dialog.model
    rows = [(model.part(r).written, model.reference(model.part(r).target)) for r in range(2)]
    assert rows == [
        ("AFI 1", "Area for improvement 1"),
        ("Area for improvement 3", "Area for improvement 3"),
    ]
    assert dialog.overall.toPlainText() == "The force accepts the report."
    assert dialog.use_overall.isChecked()
    assert "AFI 7" in dialog.unmatched.toPlainText()
    assert "No comments were found for Area for improvement 2." in dialog.warnings.text()
    assert "Not filled from these comments: Area for improvement 2." in dialog.note.text()
    assert comments.name in dialog.file_label.text()
    assert unnamed_controls(dialog) == []


def test_confirm_fills_the_corrected_matching_with_revisions(
    qtbot: QtBot, sample_db: Database, peel_id: int, comments: Path
) -> None:
    dialog = open_dialog(qtbot, sample_db, peel_id, comments)
    findings = reading.get_inspection(sample_db, peel_id).findings
    dialog.set_target(0, findings[1].id)  # "AFI 1" really answers the second one
    assert dialog.model.reference(dialog.model.part(0).target) == "Area for improvement 2"
    assert dialog.note.text() == "Not filled from these comments: Area for improvement 1."
    dialog.part_text.setPlainText("Investigators are being trained (from June).")

    dialog.accept()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.outcome is not None
    assert dialog.outcome.filled == [
        "overall response",
        "Area for improvement 2",
        "Area for improvement 3",
    ]
    assert cc_texts(sample_db, peel_id) == {
        "overall": "The force accepts the report.",
        "Area for improvement 1": "",
        "Area for improvement 2": "Investigators are being trained (from June).",
        "Area for improvement 3": "Supervision is now recorded.",
    }
    key = ResponseKey.finding(findings[2].id or 0, CC)
    revisions = responses.list_revisions(sample_db, peel_id, key)
    assert [r.text for r in revisions] == ["Supervision is now recorded."]
    commissioner = responses.load_sheet(sample_db, peel_id).state(
        ResponseKey.overall(AuthorRole.COMMISSIONER)
    )
    assert commissioner.text == ""  # only the Chief Constable's responses are filled


def test_unassigned_parts_and_overall_can_be_left_out(
    qtbot: QtBot, sample_db: Database, peel_id: int, comments: Path
) -> None:
    dialog = open_dialog(qtbot, sample_db, peel_id, comments)
    dialog.set_target(1, None)
    dialog.use_overall.setChecked(False)
    dialog.accept()
    texts = cc_texts(sample_db, peel_id)
    assert texts["overall"] == "" and texts["Area for improvement 3"] == ""
    assert texts["Area for improvement 1"] == "Investigators are being trained."


def test_written_responses_are_replaced_only_when_the_person_says_so(
    qtbot: QtBot,
    sample_db: Database,
    peel_id: int,
    comments: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    afi3 = reading.get_inspection(sample_db, peel_id).findings[2]
    key = ResponseKey.finding(afi3.id or 0, CC)
    responses.save_response(sample_db, peel_id, key, "Typed earlier by the force.", 0)
    asked: list[list[str]] = []
    answers = [OverwriteChoice.CANCEL, OverwriteChoice.FILL_EMPTY, OverwriteChoice.REPLACE]

    def ask(_parent: object, role_title: str, labels: list[str]) -> OverwriteChoice:
        assert role_title == "Chief Constable"
        asked.append(labels)
        return answers.pop(0)

    monkeypatch.setattr(questions, "ask_overwrite", ask)
    dialog = open_dialog(qtbot, sample_db, peel_id, comments)
    dialog.accept()  # Cancel: nothing written, the dialog stays open
    assert dialog.outcome is None and dialog.result() != QDialog.DialogCode.Accepted
    assert cc_texts(sample_db, peel_id)["Area for improvement 1"] == ""

    dialog.accept()  # Fill only the empty ones
    assert dialog.outcome is not None and dialog.outcome.kept == ["Area for improvement 3"]
    assert cc_texts(sample_db, peel_id)["Area for improvement 3"] == "Typed earlier by the force."
    assert (
        cc_texts(sample_db, peel_id)["Area for improvement 1"] == "Investigators are being trained."
    )

    again = open_dialog(qtbot, sample_db, peel_id, comments)
    again.accept()  # Replace
    assert asked == [["Area for improvement 3"]] * 3
    assert cc_texts(sample_db, peel_id)["Area for improvement 3"] == "Supervision is now recorded."
    history = [r.text for r in responses.list_revisions(sample_db, peel_id, key)]
    assert history == ["Supervision is now recorded.", "Typed earlier by the force."]


def test_a_signed_off_or_published_inspection_cannot_be_filled(
    qtbot: QtBot, sample_db: Database, comments: Path
) -> None:
    published = inspection_id(sample_db, "PEEL Spotlight")
    dialog = CommentsImportDialog(sample_db, published)
    qtbot.addWidget(dialog)
    assert not dialog.fill_button.isEnabled()
    assert "locked" in dialog.error.text()


def test_an_unreadable_comments_file_is_shown_in_words(
    qtbot: QtBot, sample_db: Database, peel_id: int, tmp_path: Path
) -> None:
    dialog = CommentsImportDialog(sample_db, peel_id)
    qtbot.addWidget(dialog)
    task = dialog.load_file(tmp_path / "comments.pages")
    qtbot.waitUntil(lambda: task.done, timeout=WAIT_MS)
    assert "not a supported type" in dialog.error.text()
    assert dialog.choose_button.isEnabled()
    dialog.accept()
    assert "nothing to fill" in dialog.error.text()


def test_the_controller_opens_the_dialog_and_reports_the_filling(
    qtbot: QtBot,
    sample_db: Database,
    peel_id: int,
    comments: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    controller = ImportController(window, sample_db)
    monkeypatch.setattr(questions, "choose_file", lambda *_a: str(comments))
    dialog = controller.import_comments(peel_id)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=WAIT_MS)
    with qtbot.waitSignal(controller.responsesFilled, timeout=WAIT_MS) as filled:
        dialog.accept()
    assert filled.args == [peel_id]
    assert controller.comments is None
    assert "3 responses filled." in window.statusBar().currentMessage()
