"""Importing the response document this program wrote matches the inspection it came from.

Someone who saves the response as PDF or Word and later imports that file (on another computer,
or by mistake) must get "already present", not a second copy of the inspection.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.db.database import Database
from app.domain.enums import AuthorRole
from app.importers import import_document
from app.services import reading
from app.services.importing import find_existing, save_imported
from app.services.publishing import export_response

FORMATS = ("pdf", "docx", "html")
PEEL = "Norfolk PEEL 2018: Effectiveness"
SPOTLIGHT = "PEEL Spotlight – Police performance: Getting a grip"


def _sample_id(db: Database, title: str) -> int:
    return next(r.id for r in reading.list_inspections(db) if r.title == title)


def _export(db: Database, inspection_id: int, suffix: str, folder: Path, **options: bool) -> Path:
    path = folder / f"response-{inspection_id}.{suffix}"
    export_response(db, inspection_id, **{suffix: path}, **options)  # type: ignore[arg-type]
    return path


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("title", [PEEL, SPOTLIGHT])
def test_the_exported_document_reads_back_the_inspection_it_came_from(
    sample_db: Database, tmp_path: Path, suffix: str, title: str
) -> None:
    inspection_id = _sample_id(sample_db, title)
    stored = reading.get_inspection(sample_db, inspection_id)
    imported = import_document(_export(sample_db, inspection_id, suffix, tmp_path)).inspection
    assert (imported.title, imported.published_on, imported.url) == (
        stored.title,
        stored.published_on,
        stored.url,
    )
    assert [f.reference for f in imported.findings] == [f.reference for f in stored.findings]
    assert all(f.text.strip() for f in imported.findings)
    existing = find_existing(sample_db, imported)
    assert existing is not None and existing.id == inspection_id


@pytest.mark.parametrize("suffix", FORMATS)
def test_saving_the_reimported_document_skips_or_updates_never_duplicates(
    sample_db: Database, tmp_path: Path, suffix: str
) -> None:
    inspection_id = _sample_id(sample_db, PEEL)
    path = _export(sample_db, inspection_id, suffix, tmp_path)
    imported = import_document(path).inspection
    assert save_imported(sample_db, imported, update_existing=False).action == "skipped"
    saved = save_imported(sample_db, import_document(path).inspection, update_existing=True)
    assert (saved.action, saved.inspection_id) == ("updated", inspection_id)
    assert len(reading.list_inspections(sample_db)) == 2


@pytest.mark.parametrize("internal", [False, True], ids=["publication", "internal"])
@pytest.mark.parametrize("suffix", FORMATS)
def test_placeholders_of_an_exported_document_are_not_imported_as_text(
    sample_db: Database, tmp_path: Path, suffix: str, internal: bool
) -> None:
    """The internal copy shows empty responses as gaps; importing it leaves them empty."""
    inspection_id = _sample_id(sample_db, PEEL)  # no response written, no link
    path = _export(sample_db, inspection_id, suffix, tmp_path, internal=internal)
    imported = import_document(path).inspection
    assert imported.url == imported.url_label == ""
    for texts in [imported.overall, *(f.responses for f in imported.findings)]:
        assert texts.get(AuthorRole.CHIEF_CONSTABLE) == texts.get(AuthorRole.COMMISSIONER) == ""


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_the_command_line_import_of_its_own_export_matches_the_inspection(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    db = ["--db", str(db_path)]
    assert _cli(capsys, *db, "samples")[0] == 0
    listed = json.loads(_cli(capsys, *db, "list", "--json")[1])
    peel = next(row["id"] for row in listed if row["title"] == PEEL)
    out = tmp_path / f"peel.{suffix}"
    assert _cli(capsys, *db, "export", str(peel), f"--{suffix}", str(out))[0] == 0

    code, _, err = _cli(capsys, *db, "import", str(out))
    assert code == 0 and f"already present as inspection {peel}" in err
    code, printed, _ = _cli(capsys, *db, "import", str(out), "--yes", "--json")
    assert code == 0 and json.loads(printed)["id"] == peel
    after = json.loads(_cli(capsys, *db, "list", "--json")[1])
    assert sorted(row["id"] for row in after) == sorted(row["id"] for row in listed)
