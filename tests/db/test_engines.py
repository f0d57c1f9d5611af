"""The one data layer gives the same results on SQLite and on PostgreSQL: the same archive
round-trips identically, values come back as the domain's, and ``--db`` takes a server."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.cli import main
from app.db.database import Database
from app.domain.enums import FindingKind
from app.domain.model import Finding, Inspection, OfficeStep
from app.services import archive, inspections, reading
from app.services.importing import import_archive
from app.services.samples import load_samples, sample_files
from tests.postgres import Cluster


def _export(db: Database) -> str:
    return archive.dumps(archive.archive_to_dict(reading.all_inspections(db)))


def test_the_same_archive_round_trips_identically_on_either_engine(
    db: Database, tmp_path: Path
) -> None:
    records = [i for path in sample_files() for i in archive.read_archive(path)]
    import_archive(db, records, update_existing=False, source="samples")
    exported = _export(db)
    on_sqlite = Database.open(tmp_path / "reference.sqlite3")
    try:
        import_archive(on_sqlite, records, update_existing=False, source="samples")
        reference = _export(on_sqlite)
    finally:
        on_sqlite.close()
    # Stored ids and import moments differ between the two; everything else is the same.
    assert _without_moments(exported) == _without_moments(reference)
    again = archive.read_archive_text(exported)
    assert [i.title for i in again] == [i.title for i in archive.read_archive_text(reference)]


def _without_moments(text: str) -> list[object]:
    data = archive.archive_to_dict(archive.read_archive_text(text))
    found = []
    for item in data["inspections"]:
        item.pop("id", None)
        for change in item.get("status_history", []):
            change.pop("changed_at", None)
        for finding in item.get("findings", []):
            finding.pop("id", None)
        found.append(item)
    return found


def test_dates_lists_booleans_and_moments_come_back_as_domain_values(db: Database) -> None:
    made = Inspection(
        "Values", published_on=dt.date(2026, 3, 4), publication_types=["PEEL", "Thematic"],
        forces=["Norfolk"], stated_deadline=dt.date(2026, 5, 27),
        findings=[Finding(kind=FindingKind.RECOMMENDATION, reference="1", text="Do it.",
                          applies=False, not_applicable_reason="For the Home Office",
                          due_on=dt.date(2027, 1, 31))],
        office_steps=[OfficeStep("Published", dt.date(2026, 6, 1), "A. Clerk")],
    )  # fmt: skip
    inspection_id = inspections.create_inspection(db, made)
    inspections.set_archived(db, inspection_id, True)
    read = reading.get_inspection(db, inspection_id)
    assert read.published_on == dt.date(2026, 3, 4) and type(read.published_on) is dt.date
    assert read.publication_types == ["PEEL", "Thematic"] and read.forces == ["Norfolk"]
    assert read.archived is True
    finding = read.findings[0]
    assert finding.applies is False and finding.due_on == dt.date(2027, 1, 31)
    assert read.office_steps[0].done_on == dt.date(2026, 6, 1)
    assert all(c.changed_at.tzinfo == dt.UTC for c in read.status_history)
    summary = next(s for s in reading.list_inspections(db, include_archived=True)
                   if s.id == inspection_id)  # fmt: skip
    assert summary.archived is True and summary.finding_count == 1
    assert summary.next_step == ""  # the one step is done


def test_the_register_lists_undated_inspections_last_on_either_engine(db: Database) -> None:
    for title, published in (("Undated", None), ("Older", dt.date(2020, 1, 1)),
                             ("Newer", dt.date(2025, 1, 1))):  # fmt: skip
        inspections.create_inspection(db, Inspection(title, published_on=published))
    assert [s.title for s in reading.list_inspections(db)] == ["Newer", "Older", "Undated"]


def test_the_command_line_takes_a_server_address(
    postgres_cluster: Cluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_cluster.new_database()
    try:
        assert main(["--db", url, "list"]) == 0  # nothing there yet: an empty list
        assert "no inspections" in capsys.readouterr().out.lower()
        database = Database.open(url)
        load_samples(database)
        database.close()
        assert main(["--db", url, "list"]) == 0
        assert "PEEL" in capsys.readouterr().out
        out = tmp_path / "all.json"
        assert main(["--db", url, "export-json", str(out)]) == 0
        assert len(archive.read_archive(out)) == 2
        assert main(["--db", url, "backup", str(tmp_path / "copy.sqlite3")]) == 1
        assert "pg_dump" in capsys.readouterr().err
    finally:
        postgres_cluster.drop(url)


def test_an_archive_holding_one_inspection_twice_adds_it_once(db: Database) -> None:
    first, second = (Inspection("Twice", published_on=dt.date(2026, 1, 2)) for _ in range(2))
    other = Inspection("Once", url="https://example.org/reports/once")
    outcome = import_archive(db, [first, other, second], update_existing=False, source="a")
    assert len(outcome.added) == 2 and outcome.ids[0] == outcome.ids[2] != outcome.ids[1]
    assert outcome.skipped == [("Twice", outcome.ids[0])]
    again = import_archive(db, [Inspection("Renamed", url="https://example.org/reports/once")],
                           update_existing=False)  # fmt: skip
    assert again.skipped == [("Renamed", outcome.ids[1])]


def test_the_window_and_the_file_commands_say_a_server_is_not_a_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    address = "postgresql+psycopg://nobody@127.0.0.1:9/nothing"
    assert main(["--db", address]) == 2
    assert "database file" in capsys.readouterr().err
    assert main(["--db", address, "check"]) == 1
    assert "pg_dump" in capsys.readouterr().err


def test_an_unreachable_server_is_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "postgresql+psycopg://nobody:secret@127.0.0.1:9/nothing", "list"]) == 1
    err = capsys.readouterr().err
    assert "Cannot reach the database server" in err and "secret" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_copy_without_the_driver_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from app.domain.errors import DatabaseError

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as in a copy without the extra
    with pytest.raises(DatabaseError, match="psycopg, is not installed"):
        Database.open("postgresql+psycopg://nobody@127.0.0.1:9/nothing")
