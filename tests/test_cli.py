"""The command line, as scripts and IT staff use it (docs/interfaces.md, "Command line")."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.db.database import Database


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def loaded(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(capsys, "--db", str(db_path), "samples")[0] == 0
    return db_path


def _ids(db_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    code, out, _ = run(capsys, "--db", str(db_path), "list", "--json")
    assert code == 0
    return {row["title"]: row["id"] for row in json.loads(out)}


def test_samples_then_list_shows_both(loaded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(loaded), "list", "--json")
    rows = json.loads(out)
    assert code == 0
    assert {(r["title"], r["published_on"], r["deadline"]) for r in rows} == {
        ("PEEL Spotlight – Police performance: Getting a grip", "2023-07-07", "2023-08-31"),
        ("Norfolk PEEL 2018: Effectiveness", "2019-05-02", "2019-06-26"),
    }
    assert all(set(r) == {"id", "title", "published_on", "deadline", "status"} for r in rows)


def test_loading_samples_twice_does_not_duplicate(
    loaded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(loaded), "samples")
    assert code == 0 and "skipped" in out
    assert len(_ids(loaded, capsys)) == 2


def test_show_spotlight(loaded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spotlight = _ids(loaded, capsys)["PEEL Spotlight – Police performance: Getting a grip"]
    code, out, _ = run(capsys, "--db", str(loaded), "show", str(spotlight), "--json")
    shown = json.loads(out)
    assert code == 0
    assert (shown["published_on"], shown["deadline"], shown["stated_deadline"]) == (
        "2023-07-07",
        "2023-08-31",
        "2023-09-01",
    )
    assert [f["reference"] for f in shown["findings"]] == [
        "Recommendation 2",
        "Recommendation 3",
        "Recommendation 6",
    ]
    for finding in shown["findings"]:
        assert finding["responses"]["chief_constable"].strip()
        assert finding["responses"]["commissioner"].strip()
    assert "- how they conduct exit interviews" in shown["findings"][0]["text"]
    assert shown["overall"]["commissioner"].startswith("I welcome HMICFRS reports")
    assert len(shown["office_steps"]) == 4


def test_show_peel(loaded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    peel = _ids(loaded, capsys)["Norfolk PEEL 2018: Effectiveness"]
    shown = json.loads(run(capsys, "--db", str(loaded), "show", str(peel), "--json")[1])
    assert [q["grade"] for q in shown["questions"]] == [
        "Good",
        "Requires improvement",
        "Good",
        "Good",
        "Ungraded",
    ]
    afis = [f for f in shown["findings"] if f["kind"] == "area_for_improvement"]
    assert [f["reference"] for f in afis] == [f"Area for improvement {n}" for n in (1, 2, 3)]
    assert {f["question"] for f in afis} == {2}


def test_export_json_and_import_into_an_empty_database(
    loaded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "archive.json"
    assert run(capsys, "--db", str(loaded), "export-json", str(out))[0] == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "opcc-responses/1" and len(data["inspections"]) == 2
    other = tmp_path / "other.sqlite3"
    code, printed, _ = run(capsys, "--db", str(other), "import", str(out), "--json")
    assert code == 0 and json.loads(printed)["format"] == "opcc-responses/1"
    # The same archive again: skipped with a message, then updated with --yes.
    code, _, err = run(capsys, "--db", str(other), "import", str(out))
    assert code == 0 and "already present" in err
    code, printed, _ = run(capsys, "--db", str(other), "import", str(out), "--yes")
    assert code == 0 and "2 updated" in printed
    assert len(_ids(other, capsys)) == 2


def test_export_json_of_chosen_ids(
    loaded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    peel = _ids(loaded, capsys)["Norfolk PEEL 2018: Effectiveness"]
    out = tmp_path / "one.json"
    assert run(capsys, "--db", str(loaded), "export-json", str(out), str(peel))[0] == 0
    titles = [i["title"] for i in json.loads(out.read_text(encoding="utf-8"))["inspections"]]
    assert titles == ["Norfolk PEEL 2018: Effectiveness"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "999", "--json"], "no inspection with id 999"),
        (["import", "/nonexistent/archive.json"], "Cannot read"),
    ],
)
def test_problems_exit_1_with_one_plain_sentence(
    db_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    Database.open(db_path).close()
    code, _, err = run(capsys, "--db", str(db_path), *args)
    assert code == 1
    assert message in err and "Traceback" not in err


def test_an_unusable_database_path_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"\x00garbage" * 512)
    code, _, err = run(capsys, "--db", str(damaged), "list")
    assert code == 1 and "damaged" in err


def test_wrong_usage_exits_2(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db_path), "frobnicate"])
    assert exit_info.value.code == 2


def test_environment_variable_chooses_the_database(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPCC_RESPONSES_DB", str(db_path))
    assert run(capsys, "samples")[0] == 0
    assert db_path.exists()


def test_python_dash_m_app_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(tmp_path / "x.sqlite3"), "list", "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_the_reading_commands_never_load_alembic(
    loaded: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The read-only commands read through the one data layer, but a database already at the
    newest schema never loads the migrations (Alembic is slow to import)."""
    spotlight = next(iter(_ids(loaded, capsys).values()))
    pdf, html, archive = (str(tmp_path / name) for name in ("out.pdf", "out.html", "all.json"))
    script = (
        "import sys\n"
        "from app.cli import main\n"
        f"assert main(['--db', {str(loaded)!r}, 'list']) == 0\n"
        f"assert main(['--db', {str(loaded)!r}, 'show', '{spotlight}']) == 0\n"
        f"assert main(['--db', {str(loaded)!r}, 'export', '{spotlight}',"
        f" '--pdf', {pdf!r}, '--html', {html!r}]) == 0\n"
        f"assert main(['--db', {str(loaded)!r}, 'export-json', {archive!r}]) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
    assert (tmp_path / "out.pdf").stat().st_size > 10_000
    assert len(json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["inspections"]) == 2


def test_import_a_report_document_then_update_keeps_typed_responses(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.domain.enums import AuthorRole, ResponsePart
    from app.services import responses
    from tests.conftest import PEEL_SEED

    code, out, err = run(capsys, "--db", str(db_path), "import", str(PEEL_SEED), "--json")
    shown = json.loads(out)
    assert code == 0 and "Last updated" in err
    assert shown["title"] == "Norfolk PEEL 2018: Effectiveness"
    assert [q["grade"] for q in shown["questions"]][1] == "Requires improvement"
    database = Database.open(db_path)
    try:
        finding_id = inspections_finding_id(database, shown["id"], "Area for improvement 1")
        key = responses.ResponseKey(finding_id, AuthorRole.COMMISSIONER, ResponsePart.RESPONSE)
        responses.save_response(database, shown["id"], key, "Typed by the office.", 0)
    finally:
        database.close()
    code, _, err = run(capsys, "--db", str(db_path), "import", str(PEEL_SEED))
    assert code == 0 and "already present" in err
    code, out, _ = run(capsys, "--db", str(db_path), "import", str(PEEL_SEED), "--yes", "--json")
    updated = json.loads(out)
    assert code == 0 and updated["id"] == shown["id"]
    first = next(f for f in updated["findings"] if f["reference"] == "Area for improvement 1")
    assert first["responses"]["commissioner"] == "Typed by the office."


def inspections_finding_id(database: Database, inspection_id: int, reference: str) -> int:
    from app.services.reading import get_inspection

    inspection = get_inspection(database, inspection_id)
    found = inspection.finding_by_reference(reference)
    assert found is not None and found.id is not None
    return found.id


def _archive(tmp_path: Path, name: str, *inspections: dict[str, object]) -> Path:
    path = tmp_path / name
    data = {"format": "opcc-responses/1", "inspections": list(inspections)}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # Integers SQLite cannot hold, and dates Python cannot move to local time.
        ("huge.json", {"title": "T", "questions": [{"number": 10**30}]}),
        ("negative.json", {"title": "T", "findings": [{"reference": "R1", "question": -(10**25)}]}),
        (
            "early.json",
            {"title": "T", "revisions": [{"saved_at": "0001-01-01T00:00:00+05:00", "text": "x"}]},
        ),
        (
            "late.json",
            {"title": "T", "revisions": [{"saved_at": "9999-12-31T23:59:59-05:00", "text": "x"}]},
        ),
    ],
)
def test_odd_archive_values_exit_1_without_a_traceback(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: dict[str, object],
) -> None:
    path = _archive(tmp_path, name, content)
    code, _, err = run(capsys, "--db", str(db_path), "import", str(path), "--json")
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_damaged_pdf_gives_one_sentence_and_nothing_else(tmp_path: Path) -> None:
    # A real run, not main(): pytest captures the PDF library's log records, a console does not.
    damaged = tmp_path / "report.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ngarbage")
    not_pdf = tmp_path / "other.pdf"
    not_pdf.write_bytes(b"hello, this is not a PDF")
    for path in (damaged, not_pdf):
        result = subprocess.run(
            [sys.executable, "-m", "app", "--db", str(tmp_path / "x.sqlite3"), "import", str(path)],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert result.returncode == 1
        assert result.stderr.strip().splitlines() == [
            f"{path.name} is damaged or is not a PDF, and cannot be read."
        ]


def test_import_json_of_an_archive_already_present_prints_the_stored_inspection(
    loaded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    peel = _ids(loaded, capsys)["Norfolk PEEL 2018: Effectiveness"]
    out = tmp_path / "one.json"
    assert run(capsys, "--db", str(loaded), "export-json", str(out), str(peel))[0] == 0
    code, printed, err = run(capsys, "--db", str(loaded), "import", str(out), "--json")
    assert code == 0 and "already present" in err
    shown = json.loads(printed)
    assert shown is not None and shown["id"] == peel


def test_import_json_of_several_lists_them_in_archive_order(
    loaded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _ids(loaded, capsys)
    spotlight = ids["PEEL Spotlight – Police performance: Getting a grip"]
    existing = json.loads(run(capsys, "--db", str(loaded), "show", str(spotlight), "--json")[1])
    path = _archive(tmp_path, "mixed.json", {"title": "A new one"}, existing, {"title": "Another"})
    code, printed, _ = run(capsys, "--db", str(loaded), "import", str(path), "--json", "--yes")
    assert code == 0
    titles = [i["title"] for i in json.loads(printed)["inspections"]]
    assert titles == ["A new one", existing["title"], "Another"]


@pytest.mark.parametrize(
    "args",
    [
        ["export-json", "{db}"],
        ["export", "1", "--pdf", "{db}"],
        ["export", "1", "--html", "{db}-wal"],
        ["export", "1", "--html", "{same}", "--docx", "{same}"],
    ],
)
def test_an_export_never_replaces_the_database_or_itself(
    loaded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    size = loaded.stat().st_size
    same = str(tmp_path / "response.out")
    filled = [a.format(db=loaded, same=same) for a in args]
    code, _, err = run(capsys, "--db", str(loaded), *filled)
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert loaded.stat().st_size == size and len(_ids(loaded, capsys)) == 2


READING_COMMANDS = [
    ("list",), ("list", "--json"), ("show", "1"), ("show", "1", "--json"),
    ("export-json", "{out}.json"), ("export", "1", "--pdf", "{out}.pdf"), ("check",),
    ("check", "--json"), ("backup", "{out}.sqlite3"), ("search", "vetting"),
    ("search", "exit interviews", "--json"), ("tracker",), ("tracker", "--json"),
    ("export-tracker", "{out}.xlsx"), ("export-calendar", "{out}.ics"),
]  # fmt: skip


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: " ".join(c))
@pytest.mark.parametrize("start", ["missing", "zero bytes", "foreign"])
def test_a_command_that_only_reads_never_creates_or_changes_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...], start: str
) -> None:
    path = tmp_path / "data" / "responses.sqlite3"
    if start != "missing":
        path.parent.mkdir()
        path.touch()
    if start == "foreign":
        import sqlite3
        from contextlib import closing

        with closing(sqlite3.connect(path)) as raw, raw:
            raw.execute("PRAGMA journal_mode=WAL")
            raw.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    content = path.read_bytes() if path.exists() else None
    args = [a.format(out=tmp_path / "out") for a in command]
    code, out, err = run(capsys, "--db", str(path), *args)
    if command[0] == "list" and start != "foreign":
        assert code == 0 and (out.strip() == "[]" or "No inspections yet" in out)
    else:
        assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert (path.read_bytes() if path.exists() else None) == content


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: " ".join(c))
def test_a_command_that_only_reads_leaves_a_damaged_file_byte_identical(
    loaded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    from tests.db.damage import damage

    content = damage(loaded)
    args = [a.format(out=tmp_path / "out") for a in command]
    code, _, err = run(capsys, "--db", str(loaded), *args)
    assert "Traceback" not in err
    if command[0] in ("check", "backup"):
        assert code == 1 and err.count("\n") == 1
    assert loaded.read_bytes() == content
    assert not (tmp_path / "out.sqlite3").exists()


def test_search_json_finds_the_spotlight_response(
    loaded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(loaded), "search", "exit interviews", "--json")
    assert code == 0 and err == ""
    hits = json.loads(out)
    spotlight = _ids(loaded, capsys)["PEEL Spotlight – Police performance: Getting a grip"]
    assert {"inspection_id", "title", "finding", "role", "snippet"} <= set(hits[0])
    assert {
        "inspection_id": spotlight, "finding": "Recommendation 2", "role": "chief_constable",
    }.items() <= next(hit for hit in hits if hit["role"]).items()  # fmt: skip


def test_search_for_people_marks_the_words_and_says_when_nothing_is_found(
    loaded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(loaded), "search", "exit interviews")
    assert code == 0 and "[exit] [interviews]" in out and "Chief Constable" in out
    code, out, _ = run(capsys, "--db", str(loaded), "search", "zyzzyva")
    assert code == 0 and out.strip() == "Nothing found for zyzzyva."
    code, _, err = run(capsys, "--db", str(loaded), "search", "--", "--")
    assert code == 1 and err.strip() == "Type at least one word to search for."
