"""What the database holds, seen the way a person reads it: by inspection, finding and author.

The journeys compare the window with the file through a second, independent connection, and
by *reference* ("Recommendation 6"), never by row id: a text saved under the wrong finding
must show up as a difference.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QTextDocument

from app.db.database import Database
from app.domain.enums import AuthorRole
from app.services import archive, reading

TITLES = {
    AuthorRole.CHIEF_CONSTABLE: "Chief Constable",
    AuthorRole.COMMISSIONER: "Police and Crime Commissioner",
}
Key = tuple[str, str, AuthorRole]
"""(inspection title, "overall" / "closing" / a finding's reference, author)."""


def plain(markdown: str) -> str:
    """Stored Markdown as the words a person reads, spaces collapsed."""
    document = QTextDocument()
    document.setMarkdown(markdown, QTextDocument.MarkdownFeature.MarkdownNoHTML)
    return " ".join(document.toPlainText().split())


def words(text: str) -> str:
    return " ".join(text.split())


def key_of(title: str, editor_name: str) -> Key:
    """The key an editor's accessible name stands for."""
    for role, role_title in TITLES.items():
        if editor_name.startswith(role_title + " "):
            rest = editor_name[len(role_title) + 1 :]
            if rest == "overall response":
                return (title, "overall", role)
            if rest == "closing response":
                return (title, "closing", role)
            prefix = "response to "
            assert rest.startswith(prefix), editor_name
            return (title, rest[len(prefix) :], role)
    raise ValueError(editor_name)


def stored_texts(db_path: Path) -> dict[Key, str]:
    """Every response in the file, as plain words, keyed by what a person would call it."""
    db = Database.open(db_path)
    try:
        texts: dict[Key, str] = {}
        for summary in reading.list_inspections(db, include_archived=True):
            inspection = reading.get_inspection(db, summary.id)
            for role in AuthorRole:
                texts[(inspection.title, "overall", role)] = plain(inspection.overall.get(role))
                texts[(inspection.title, "closing", role)] = plain(inspection.closing.get(role))
                for finding in inspection.findings:
                    texts[(inspection.title, finding.reference, role)] = plain(
                        finding.responses.get(role)
                    )
        return texts
    finally:
        db.close()


def export_inspection(db_path: Path, inspection_id: int) -> dict[str, object]:
    db = Database.open(db_path)
    try:
        return archive.inspection_to_dict(reading.get_inspection(db, inspection_id))
    finally:
        db.close()


def run_cli(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Another copy of the program: the command line, in its own process."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), *args],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )  # fmt: skip


def write_archive(path: Path, inspections: list[dict[str, object]]) -> Path:
    path.write_text(
        json.dumps({"format": "opcc-responses/1", "exported_at": "2026-11-30T10:00:00",
                    "inspections": inspections}, ensure_ascii=False),
        encoding="utf-8",
    )  # fmt: skip
    return path
