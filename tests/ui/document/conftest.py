"""Fixtures for the Document tab: a tab over the samples, and a save dialog the test answers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import reading
from app.ui import file_dialogs
from app.ui.context import AppContext
from app.ui.document import DocumentTab

RENDER_TIMEOUT_MS = 20_000


def inspection_id(db: Database, words: str) -> int:
    (row,) = [r for r in reading.list_inspections(db) if words in r.title]
    return row.id


@pytest.fixture
def spotlight(sample_db: Database) -> int:
    return inspection_id(sample_db, "Getting a grip")


@pytest.fixture
def norfolk(sample_db: Database) -> int:
    return inspection_id(sample_db, "Norfolk PEEL 2018")


def wait_rendered(qtbot: QtBot, tab: DocumentTab) -> None:
    """Until the preview shows what was last asked for (no rendering running or owed)."""
    qtbot.waitUntil(
        lambda: not tab.is_rendering and tab.shown_generation == tab.generation,
        timeout=RENDER_TIMEOUT_MS,
    )
    qtbot.wait(20)  # the preview returns to its page on the next turn of the event loop


@pytest.fixture
def make_tab(qtbot: QtBot) -> Callable[[Database, int | None], DocumentTab]:
    def make(db: Database, shown: int | None) -> DocumentTab:
        tab = DocumentTab(AppContext(db))
        qtbot.addWidget(tab)
        tab.resize(700, 900)
        tab.show()
        tab.show_inspection(shown)
        wait_rendered(qtbot, tab)
        return tab

    return make


@pytest.fixture
def tab(
    qtbot: QtBot,
    sample_db: Database,
    spotlight: int,
    make_tab: Callable[[Database, int | None], DocumentTab],
) -> DocumentTab:
    """The tab, shown, with the spotlight sample's publication copy rendered."""
    return make_tab(sample_db, spotlight)


class SaveDialog:
    """Stands in for the save dialog (``file_dialogs.choose_save_path``): answers ``answer``,
    records what was asked (caption, the file it offered, the filters)."""

    def __init__(self) -> None:
        self.answer: Path | None = None
        self.asked: list[tuple[str, str, str]] = []

    def __call__(
        self, _parent: object, caption: str, filters: str, file_name: str,
        settings: QSettings | None = None,
    ) -> str:  # fmt: skip
        start = Path(file_dialogs.start_folder(settings)) / file_name
        self.asked.append((caption, str(start), filters))
        return str(self.answer) if self.answer is not None else ""


@pytest.fixture
def save_dialog(monkeypatch: pytest.MonkeyPatch) -> SaveDialog:
    dialog = SaveDialog()
    monkeypatch.setattr(file_dialogs, "choose_save_path", dialog)
    return dialog
