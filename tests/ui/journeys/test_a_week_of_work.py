"""Whole journeys a policy officer makes in a week, each in one window session (issue 9, 23).

Everything is done as a person does it: by accessible names, keys and clicks; the file is then
read by another connection, as another copy would, and the published document is read back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import AuthorRole, InspectionStatus
from app.services import reading
from app.ui import file_dialogs
from app.ui.document import DocumentTab
from app.ui.importing import questions as import_prompts
from app.ui.main_window import MainWindow
from app.ui.responses import ResponsesView
from tests.conftest import PEEL_SEED
from tests.ui.conftest import MessageLog
from tests.ui.journeys import world
from tests.ui.journeys.person import Person, find
from tests.ui.responses.conftest import Person as Answers

PCC = "Police and Crime Commissioner"
CC = "Chief Constable"
WAIT_MS = 30_000
MakeWindow = Callable[[Path], MainWindow]


def _responses(window: MainWindow) -> ResponsesView:
    return next(t for t in window.page.tabs() if isinstance(t, ResponsesView))


def _wait_saved(qtbot: QtBot, window: MainWindow) -> None:
    view = _responses(window)
    qtbot.waitUntil(lambda: view.indicator.text().startswith("Saved"), timeout=5_000)


def _stored(db_path: Path, words: str) -> dict[tuple[str, AuthorRole], str]:
    """Responses by (reference or "overall"/"closing", role), read by another connection."""
    texts = world.stored_texts(db_path)
    return {(key[1], key[2]): text for key, text in texts.items() if words in key[0]}


def _comments_file(folder: Path) -> Path:
    document = docx.Document()
    document.add_heading("Chief Constable's comments", level=1)
    document.add_paragraph("The Constabulary welcomes the inspection.")
    for heading, text in (("AFI 1", "Crime scene guidance has been reissued."),
                          ("AFI 2", "Vulnerability training is under way."),
                          ("AFI 3", "Supervisors now review every referral.")):  # fmt: skip
        document.add_heading(heading, level=2)
        document.add_paragraph(text)
    path = folder / "Chief Constable's comments.docx"
    document.save(str(path))
    return path


def _tick_office_steps(qtbot: QtBot, window: MainWindow) -> None:
    person = Person(qtbot, window)
    if not find(window, "Details").isVisible() or not _responses(window).side.isVisible():
        person.press_toolbar("Details")
    tabs = find(window, "Response details tabs", QTabBar)
    tabs.setCurrentIndex([tabs.tabText(i) for i in range(tabs.count())].index("Office steps"))
    panel = find(window, "Office steps", QWidget)
    for box in [b for b in panel.findChildren(QCheckBox) if b.isVisible()]:
        if not box.isChecked():
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton)


def test_a_new_report_from_import_to_publication(
    make_window: MakeWindow, db: Database, db_path: Path, qtbot: QtBot, tmp_path: Path,
    person: Answers, message_log: MessageLog, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Monday: the report is out. Import it, get the force's comments from their Word file,
    write the Commissioner's responses, sign off, publish, and tick off the office steps."""
    window = make_window(db_path)
    window.show()
    qtbot.waitExposed(window)
    you = Person(qtbot, window)

    # The report, from the file saved from the inspectorate's site, checked in the preview.
    window.importer.import_file(PEEL_SEED)
    qtbot.waitUntil(lambda: window.importer.preview is not None, timeout=WAIT_MS)
    with qtbot.waitSignal(window.importer.imported, timeout=WAIT_MS):
        window.importer.preview.accept()  # type: ignore[union-attr]
    you.see_the_answer()  # the register is read again, then the inspection opened
    title = "Norfolk PEEL 2018: Effectiveness"
    assert window.windowTitle().startswith(title)

    # The Chief Constable's comments, from their Word file.
    comments = _comments_file(tmp_path)
    monkeypatch.setattr(import_prompts, "choose_file", lambda *_a: str(comments))
    dialog = window.importer.import_comments(window.page.inspection_id)  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=WAIT_MS)
    with qtbot.waitSignal(window.importer.responsesFilled, timeout=WAIT_MS):
        dialog.accept()

    # The Commissioner's responses, typed.
    you.show_tab("Responses")
    you.type(you.editor(f"{PCC} overall response"), "I welcome this report.")
    for number in (1, 2, 3):
        editor = you.editor(f"{PCC} response to Area for improvement {number}")
        you.type(editor, f"I will ask the force for progress on area {number} each quarter.")
    _wait_saved(qtbot, window)

    # Sign off and publish; then the office's steps.
    you.click("Sign off…")
    assert person.warnings, "signing off warned about what is still empty"
    you.click("Mark as published")
    _tick_office_steps(qtbot, window)

    # The document, saved for the website.
    saved = tmp_path / "response.pdf"
    monkeypatch.setattr(file_dialogs, "choose_save_path", lambda *_a, **_k: str(saved))
    you.show_tab("Document")
    document_tab = window.page.currentWidget()
    assert isinstance(document_tab, DocumentTab)
    qtbot.waitUntil(lambda: document_tab.rendered is not None, timeout=WAIT_MS)
    document_tab.save_actions[next(iter(document_tab.save_actions))].trigger()
    qtbot.waitUntil(saved.exists, timeout=WAIT_MS)
    window.close()

    stored = _stored(db_path, "PEEL 2018")
    assert stored[("Area for improvement 2", AuthorRole.CHIEF_CONSTABLE)] == (
        "Vulnerability training is under way."
    )
    assert stored[("overall", AuthorRole.COMMISSIONER)] == "I welcome this report."
    inspection = reading.get_inspection(db, reading.list_inspections(db)[0].id)
    assert inspection.status is InspectionStatus.PUBLISHED
    assert all(step.done_on is not None for step in inspection.office_steps)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(saved).pages)
    assert "Supervisors now review every referral." in text
    assert "I will ask the force for progress on area 3 each quarter." in text
    assert not message_log.errors


def test_reopening_after_a_panel_query_keeps_the_published_wording_in_the_history(
    make_window: MakeWindow, sample_db: Database, db_path: Path, qtbot: QtBot,
    person: Answers, message_log: MessageLog,
) -> None:  # fmt: skip
    """Wednesday: the Police and Crime Panel asks about Recommendation 6. Reopen, amend,
    sign off again and publish again; what was published first stays in the history."""
    window = make_window(db_path)
    window.show()
    qtbot.waitExposed(window)
    you = Person(qtbot, window)
    you.choose_inspection("Getting a grip")
    you.show_tab("Responses")
    name = f"{PCC} response to Recommendation 6"
    before = you.editor(name).toPlainText()
    assert you.editor(name).isReadOnly()

    person.note = "Panel query of 12 November"
    you.click("Reopen…")
    editor = you.editor(name)
    assert not editor.isReadOnly()
    you.type(editor, "Update: the force now reports monthly to the Panel.")
    _wait_saved(qtbot, window)
    you.click("Sign off…")
    you.click("Mark as published")
    assert you.editor(name).isReadOnly()
    window.close()

    inspection = reading.get_inspection(sample_db, reading.list_inspections(sample_db)[0].id)
    assert inspection.status is InspectionStatus.PUBLISHED
    notes = [change.note for change in inspection.status_history]
    assert "Panel query of 12 November" in notes
    pcc = AuthorRole.COMMISSIONER
    versions = [
        r.text for r in inspection.revisions if r.finding == "Recommendation 6" and r.role is pcc
    ]
    assert world.plain(versions[0]) == world.words(before)  # the first published wording
    assert versions[-1].endswith("Update: the force now reports monthly to the Panel.")
    assert not message_log.errors


def test_two_inspections_worked_on_turn_and_turn_about_keep_their_own_words(
    make_window: MakeWindow, sample_db: Database, spotlight: int, db_path: Path, qtbot: QtBot,
    message_log: MessageLog,
) -> None:  # fmt: skip
    """Thursday: two responses are due; a paragraph on one, then the other, back and forth,
    the window closed at lunch and opened again."""
    window = make_window(db_path)
    window.show()
    qtbot.waitExposed(window)
    you = Person(qtbot, window)
    plan = [
        ("Getting a grip", f"{PCC} response to Recommendation 3", " Grip one."),
        ("PEEL 2018", f"{PCC} response to Area for improvement 2", "Effectiveness one."),
        ("Getting a grip", f"{CC} closing response", "Closing words."),
        ("PEEL 2018", f"{CC} overall response", "The force agrees."),
        ("Getting a grip", f"{PCC} response to Recommendation 3", " Grip two."),
    ]
    for turn, (which, name, words) in enumerate(plan):
        if turn == 3:  # lunch
            window.close()
            window = make_window(db_path)
            window.show()
            qtbot.waitExposed(window)
            you = Person(qtbot, window)
        you.choose_inspection(which)
        you.show_tab("Responses")
        you.type(you.editor(name), words)
    window.close()

    grip, peel = _stored(db_path, "Getting a grip"), _stored(db_path, "PEEL 2018")
    assert grip[("Recommendation 3", AuthorRole.COMMISSIONER)].endswith("Grip one. Grip two.")
    assert grip[("closing", AuthorRole.CHIEF_CONSTABLE)] == "Closing words."
    assert peel[("Area for improvement 2", AuthorRole.COMMISSIONER)] == "Effectiveness one."
    assert peel[("overall", AuthorRole.CHIEF_CONSTABLE)] == "The force agrees."
    assert "Effectiveness one." not in " ".join(grip.values())
    assert "Grip" not in " ".join(peel.values())
    assert not message_log.errors
