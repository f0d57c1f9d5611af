"""The tracker's commands (docs/interfaces.md, "Command line"): tracker, progress,
export-tracker and export-calendar."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from tests.test_cli import loaded, run

__all__ = ["loaded"]  # the fixture


def _tracker(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    code, out, err = run(capsys, "--db", str(db), "tracker", "--json", *args)
    assert code == 0, err
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def _id_of(db: Path, capsys: pytest.CaptureFixture[str], reference: str) -> int:
    found = next(r["id"] for r in _tracker(db, capsys) if r["reference"] == reference)
    assert isinstance(found, int)
    return found


def test_tracker_lists_every_finding_with_its_status_owner_and_target(
    loaded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _tracker(loaded, capsys)
    assert [r["reference"] for r in rows][-3:] == [
        "Recommendation 2", "Recommendation 3", "Recommendation 6",
    ]  # fmt: skip
    assert {"id", "reference", "inspection_id", "status", "owner", "target_on", "updates"} <= set(
        rows[-1]
    )
    assert (rows[-1]["status"], rows[-1]["target_on"], rows[-1]["overdue"]) == (
        "open", "2024-01-31", True,
    )  # fmt: skip
    code, out, _ = run(capsys, "--db", str(loaded), "tracker", "--overdue")
    assert code == 0 and out.count("overdue") == 3 and "31/01/2024" in out


def test_progress_records_an_update_that_tracker_then_shows(
    loaded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    finding = _id_of(loaded, capsys, "Recommendation 3")
    code, out, err = run(
        capsys, "--db", str(loaded), "progress", str(finding),
        "--status", "Implemented – awaiting evidence", "--note", "Exit interviews in place.",
        "--target", "30/06/2099", "--by", "A. Analyst",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "is now “Implemented – awaiting evidence”" in out
    shown = next(r for r in _tracker(loaded, capsys, "--status", "awaiting_evidence"))
    assert (shown["id"], shown["target_on"], shown["overdue"]) == (finding, "2099-06-30", False)
    assert shown["updates"] == [
        {"on": dt.date.today().isoformat(), "status": "awaiting_evidence",
         "note": "Exit interviews in place.", "by": "A. Analyst"},
    ]  # fmt: skip
    assert [r["id"] for r in _tracker(loaded, capsys, "--status", "IN PROGRESS")] == []


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("--status", "finished"), 2, "unknown status 'finished'"),
        (("--status", "completed", "--target", "31/02/2025"), 1, "is not a date"),
        (("--note", "Done."), 2, "--status"),
    ],
)
def test_progress_refuses_wrong_input_with_one_sentence(
    loaded: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], code: int, says: str
) -> None:
    finding = _id_of(loaded, capsys, "Recommendation 2")
    result, _, err = run_catching(capsys, "--db", str(loaded), "progress", str(finding), *args)
    assert result == code and says in err and "Traceback" not in err
    if code == 1:
        assert err.count("\n") == 1
    assert _tracker(loaded, capsys)[-3]["updates"] == []


def run_catching(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """As ``run``, for usage errors too (argparse exits with 2)."""
    try:
        return run(capsys, *args)
    except SystemExit as stop:
        captured = capsys.readouterr()
        return int(stop.code or 0), captured.out, captured.err


def test_an_unknown_finding_exits_1(loaded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(loaded), "progress", "999", "--status", "completed")
    assert code == 1 and err == "There is no finding with id 999.\n"


def test_export_tracker_writes_a_workbook_and_a_csv_file(
    loaded: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    finding = _id_of(loaded, capsys, "Recommendation 6")
    run(capsys, "--db", str(loaded), "progress", str(finding), "--status", "completed")
    book_path, csv_path = tmp_path / "panel.xlsx", tmp_path / "panel.csv"
    code, out, _ = run(capsys, "--db", str(loaded), "export-tracker", str(book_path))
    assert (code, out) == (0, f"Wrote 6 finding(s) to {book_path}.\n")
    book = load_workbook(book_path)
    counts = {r[0]: r[1] for r in book["By status"].iter_rows(min_row=2, values_only=True)}
    assert (counts["Open"], counts["Completed"], counts["Total"]) == (5, 1, 6)
    code, out, _ = run(
        capsys, "--db", str(loaded), "export-tracker", str(csv_path), "--status", "completed"
    )
    rows = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"))))
    assert code == 0 and [r[4] for r in rows[1:]] == ["Recommendation 6"]
    code, _, err = run(capsys, "--db", str(loaded), "export-tracker", str(tmp_path / "x.txt"))
    assert code == 1 and "does not end in .xlsx, .csv or .pdf" in err


def test_export_calendar_writes_all_day_deadlines_with_reminders_and_stable_ids(
    loaded: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    finding = _id_of(loaded, capsys, "Recommendation 6")
    run(capsys, "--db", str(loaded), "progress", str(finding), "--status", "superseded")
    out = tmp_path / "deadlines.ics"
    assert run(capsys, "--db", str(loaded), "export-calendar", str(out))[0] == 0
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    by_uid = {str(e["UID"]): e for e in events}
    norfolk = next(u for u in by_uid if u.endswith("-s55@opcc-responses"))
    assert by_uid[norfolk].decoded("DTSTART") == dt.date(2019, 6, 26)  # 2 May 2019 + 55 days
    assert f"finding-{finding}@opcc-responses" not in by_uid  # superseded: no reminder needed
    targets = sorted(u for u in by_uid if u.startswith("finding-"))
    assert len(targets) == 2
    event = by_uid[targets[0]]
    assert event.decoded("DTSTART") == dt.date(2024, 1, 31)
    assert str(event["SUMMARY"]).startswith("Recommendation ")
    alarms = event.walk("VALARM")
    assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == dt.timedelta(days=-7)
    run(capsys, "--db", str(loaded), "export-calendar", str(out))
    again = {str(e["UID"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    assert again == set(by_uid)


def test_export_tracker_writes_one_inspections_progress_report_as_pdf(
    loaded: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from pypdf import PdfReader

    rows = _tracker(loaded, capsys)
    spotlight = rows[-1]["inspection_id"]
    out = tmp_path / "panel.pdf"
    code, said, _ = run(
        capsys, "--db", str(loaded), "export-tracker", str(out), "--inspection", str(spotlight)
    )
    assert (code, said) == (0, f"Wrote 3 finding(s) to {out}.\n")
    reader = PdfReader(out)
    assert reader.metadata is not None
    assert reader.metadata.title == (
        "Progress report: PEEL Spotlight – Police performance: Getting a grip"
    )
    assert "Recommendation 6" in reader.pages[-1].extract_text()


def test_the_trackers_reading_commands_never_load_alembic_or_the_window(
    loaded: Path, tmp_path: Path
) -> None:
    book, calendar = tmp_path / "t.xlsx", tmp_path / "d.ics"
    script = (
        "import sys\n"
        "from app.cli import main\n"
        f"assert main(['--db', {str(loaded)!r}, 'tracker', '--json']) == 0\n"
        f"assert main(['--db', {str(loaded)!r}, 'export-tracker', {str(book)!r}]) == 0\n"
        f"assert main(['--db', {str(loaded)!r}, 'export-calendar', {str(calendar)!r}]) == 0\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'PySide6'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
    assert book.stat().st_size > 5_000 and calendar.read_bytes().startswith(b"BEGIN:VCALENDAR")
