"""Fixtures for the import UI: a window to import into, and documents to import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import reading
from app.ui.importing import ImportController


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[QMainWindow]:
    """A plain main window: the controller needs a widget to own its dialogs, nothing more."""
    window = QMainWindow()
    qtbot.addWidget(window)
    yield window


@pytest.fixture
def controller(host: QMainWindow, db: Database) -> ImportController:
    return ImportController(host, db)


def inspection_id(db: Database, title_start: str) -> int:
    for summary in reading.list_inspections(db, include_archived=True):
        if summary.title.startswith(title_start):
            return summary.id
    raise LookupError(title_start)


def comments_docx(path: Path, parts: list[tuple[str, str]], opening: str = "") -> Path:
    """A Word file of comments: an optional opening paragraph, then a heading per part."""
    document = docx.Document()
    document.add_heading("Chief Constable's comments", level=1)
    if opening:
        document.add_paragraph(opening)
    for heading, text in parts:
        document.add_heading(heading, level=2)
        document.add_paragraph(text)
    document.save(str(path))
    return path
