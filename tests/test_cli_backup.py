"""check, backup and restore on the command line (docs/interfaces.md, "Command line")."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.cli import main
from app.db.identity import KNOWN_REVISIONS
from tests.db.damage import damage, foreign, unreadable_text


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def loaded(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(capsys, "--db", str(db_path), "samples")[0] == 0
    return db_path


def _archive(db_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert run(capsys, "--db", str(db_path), "export-json", str(out))[0] == 0
    archive = json.loads(out.read_text("utf-8"))
    archive.pop("exported_at")
    return dict(archive)


def _one_sentence(err: str) -> None:
    assert err.count("\n") == 1 and err.strip().endswith(".") and "Traceback" not in err


def test_check_reports_integrity_schema_and_counts(
    loaded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(loaded), "check")
    assert code == 0 and err == ""
    assert "Integrity: ok" in out
    assert f"Schema version: {KNOWN_REVISIONS[-1]} (this version's)" in out
    assert "Inspections: 2 (0 archived)" in out and "Findings: 6" in out
    code, out, _ = run(capsys, "--db", str(loaded), "check", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["problems"] == []
    assert report["counts"]["inspection"] == 2 and report["schema"] == "current"


def test_check_of_a_damaged_file_exits_1_and_leaves_it_byte_identical(
    loaded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = damage(loaded)
    code, out, err = run(capsys, "--db", str(loaded), "check")
    assert code == 1
    _one_sentence(err)
    assert "is damaged" in err and "restore" in err
    assert "Integrity: 1 problem(s)" in out or "problem(s)" in out
    assert loaded.read_bytes() == damaged


def test_a_damaged_database_is_never_written_to(
    loaded: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    damaged = damage(loaded)
    archive = tmp_path / "a.json"
    archive.write_text(json.dumps({"format": "opcc-responses/1", "inspections": [
        {"title": "Something new"}]}), "utf-8")  # fmt: skip
    for command in (["samples"], ["import", str(archive)]):
        code, _, err = run(capsys, "--db", str(loaded), *command)
        assert code == 1 and "is damaged, so nothing will be written to it" in err
        _one_sentence(err)
        assert loaded.read_bytes() == damaged


def test_text_that_cannot_be_read_is_one_sentence_naming_the_record(
    loaded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unreadable_text(loaded, "inspection", "key_findings", 1)
    code, _, err = run(capsys, "--db", str(loaded), "show", "1")
    assert code == 1
    _one_sentence(err)
    assert "key_findings of inspection 1" in err and "Line two" not in err
    code, out, err = run(capsys, "--db", str(loaded), "check")
    assert code == 1 and "The key_findings of inspection 1 is not readable text." in out


def test_backup_then_restore_gives_an_identical_archive(
    loaded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _archive(loaded, tmp_path / "before.json", capsys)
    copy = tmp_path / "share" / "copy.sqlite3"
    code, out, _ = run(capsys, "--db", str(loaded), "backup", str(copy))
    assert code == 0 and out.startswith("Backed up")
    assert not Path(f"{copy}-wal").exists()  # one self-contained file
    run(capsys, "--db", str(loaded), "import", str(_new_archive(tmp_path)))
    assert _archive(loaded, tmp_path / "changed.json", capsys) != before
    code, out, err = run(capsys, "--db", str(loaded), "restore", str(copy))
    assert code == 0 and "Restored 2 inspection(s)" in out, err
    assert _archive(loaded, tmp_path / "after.json", capsys) == before
    kept = list((loaded.parent / "backups").glob("*before-restore*"))
    assert len(kept) == 1  # the file replaced was kept first, with the import in it
    assert run(capsys, "--db", str(kept[0]), "list", "--json")[1].count('"id"') == 3


def _new_archive(tmp_path: Path) -> Path:
    path = tmp_path / "new.json"
    path.write_text(json.dumps({"format": "opcc-responses/1", "inspections": [
        {"title": "A third inspection", "published_on": "2026-01-05"}]}), "utf-8")  # fmt: skip
    return path


@pytest.mark.parametrize("kind", ["foreign", "damaged", "not sqlite", "missing", "itself"])
def test_a_restore_of_a_file_that_is_not_a_good_backup_is_refused_untouched(
    loaded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    candidate = tmp_path / "candidate.sqlite3"
    if kind == "foreign":
        foreign(candidate)
    elif kind == "damaged":
        run(capsys, "--db", str(loaded), "backup", str(candidate))
        damage(candidate)
    elif kind == "not sqlite":
        candidate.write_bytes(b"Dear Commissioner,\n" * 200)
    elif kind == "itself":
        candidate = loaded
    with closing(sqlite3.connect(loaded)):
        pass  # the log checkpointed: the file alone holds everything
    before = loaded.read_bytes()
    code, _, err = run(capsys, "--db", str(loaded), "restore", str(candidate))
    assert code == 1
    _one_sentence(err)
    assert loaded.read_bytes() == before
    assert not (loaded.parent / "backups").exists()


def test_a_damaged_database_is_restored_and_kept_aside(
    loaded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _archive(loaded, tmp_path / "before.json", capsys)
    copy = tmp_path / "copy.sqlite3"
    run(capsys, "--db", str(loaded), "backup", str(copy))
    damaged = damage(loaded)
    code, _, err = run(capsys, "--db", str(loaded), "restore", str(copy))
    assert code == 0, err
    assert _archive(loaded, tmp_path / "after.json", capsys) == before
    kept = list((loaded.parent / "backups").glob("*-damaged-*.sqlite3"))
    assert [path.read_bytes() for path in kept] == [damaged]


def test_an_older_backup_is_upgraded_once_restored(
    loaded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.db.test_migrations import _database_at

    old = tmp_path / "old.sqlite3"
    _database_at(old, KNOWN_REVISIONS[0])
    code, _, err = run(capsys, "--db", str(loaded), "restore", str(old))
    assert code == 0, err
    code, out, _ = run(capsys, "--db", str(loaded), "check", "--json")
    assert code == 0 and json.loads(out)["schema"] == "current"


def test_a_backup_never_replaces_the_database(
    loaded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for target in (loaded, Path(f"{loaded}-wal")):
        code, _, err = run(capsys, "--db", str(loaded), "backup", str(target))
        assert code == 1
        _one_sentence(err)
    assert run(capsys, "--db", str(loaded), "check")[0] == 0
