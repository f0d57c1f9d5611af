"""Reuse from the Responses tab: open "Similar findings elsewhere", start from a past response,
and the version it begins says where it came from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.domain.enums import AuthorRole, FindingKind, ResponsePart
from app.domain.model import Finding, Inspection, RoleTexts
from app.services import inspections, reading, responses
from app.services.responses import ResponseKey
from app.ui.main_window import MainWindow
from app.ui.responses.editor import ResponseEditor
from tests.ui.journeys.person import Person, find, find_all

WAIT_MS = 10_000
OLD = "Forces should review their vetting processes so that officers are re-vetted promptly."
NEW = "By 2026 forces should review vetting processes so that officers are re-vetted promptly."


def _inspection(db: Database, title: str, year: int, text: str, cc: str) -> int:
    return inspections.create_inspection(db, Inspection(
        title=title, published_on=dt.date(year, 5, 1),
        findings=[Finding(FindingKind.RECOMMENDATION, "Recommendation 1", text=text,
                          responses=RoleTexts(chief_constable=cc))],
    ))  # fmt: skip


def test_starting_from_a_past_response_fills_the_editor_and_records_its_source(
    make_window: Callable[[Path], MainWindow], db: Database, db_path: Path, qtbot: QtBot
) -> None:
    _inspection(db, "Vetting 2023", 2023, OLD, "We **re-vet** every officer every two years.")
    new = _inspection(db, "Vetting 2026", 2026, NEW, "")
    window = make_window(db_path)
    window.show()
    qtbot.waitExposed(window)
    person = Person(qtbot, window)
    person.choose_inspection("Vetting 2026")
    person.show_tab("Responses")
    find(window, "Similar findings elsewhere for Recommendation 1", QToolButton).click()
    qtbot.waitUntil(lambda: bool(find_all(window, QPushButton, "Start Chief Constable")),
                    timeout=WAIT_MS)  # fmt: skip
    texts = [label.text() for label in find_all(window, QLabel)]
    assert any(t.startswith("Vetting 2023 (May 2023), Recommendation 1 · ") for t in texts)
    (start,) = find_all(window, QPushButton, "Start Chief Constable")
    start.click()
    editor = person.editor("Chief Constable response to Recommendation 1")
    assert isinstance(editor, ResponseEditor)
    assert editor.toPlainText() == "We re-vet every officer every two years."
    assert editor.markdown() == "We **re-vet** every officer every two years."
    window.page.save_pending()
    stored = reading.get_inspection(db, new)
    assert stored.findings[0].responses.chief_constable == editor.markdown()
    key = ResponseKey(stored.findings[0].id, AuthorRole.CHIEF_CONSTABLE, ResponsePart.RESPONSE)
    (latest, *_older) = sorted(responses.list_revisions(db, new, key), key=lambda r: -r.id)
    assert "(starting point: Vetting 2023 (May 2023), Recommendation 1)" in latest.saved_by
