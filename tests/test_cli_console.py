"""The command line on the consoles it meets on Windows: a legacy code page, and none at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.db.database import Database

# Welsh, Greek and an emoji: none of them is in Windows-1252 but the first letter's neighbours.
TITLE = "Heddlu Gogledd Cymru – adroddiad ŵ, λόγος καὶ ἔργον 🚓"


@pytest.fixture
def welsh_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database holding one inspection whose title a cp1252 console cannot show."""
    archive = _welsh_archive(tmp_path)
    db_path = tmp_path / "welsh.sqlite3"
    assert main(["--db", str(db_path), "import", str(archive)]) == 0
    capsys.readouterr()
    return db_path


def _welsh_archive(tmp_path: Path) -> Path:
    archive = tmp_path / "welsh ŵ.json"
    data = {"format": "opcc-responses/1", "inspections": [
        {"title": TITLE, "published_on": "2024-03-01", "findings": []}
    ]}  # fmt: skip
    archive.write_text(json.dumps(data), encoding="utf-8")
    return archive


def _run_cp1252(*args: str) -> subprocess.CompletedProcess[bytes]:
    """A real run (``python -m app``) whose console speaks Windows-1252, as on many PCs."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, env=env, check=False, timeout=60
    )


def test_list_json_on_a_cp1252_console_is_utf8_whatever_the_console(welsh_db: Path) -> None:
    result = _run_cp1252("--db", str(welsh_db), "list", "--json")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    assert [row["title"] for row in json.loads(result.stdout.decode("utf-8"))] == [TITLE]


def test_show_json_on_a_cp1252_console_is_utf8(welsh_db: Path) -> None:
    result = _run_cp1252("--db", str(welsh_db), "show", "1", "--json")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert json.loads(result.stdout.decode("utf-8"))["title"] == TITLE


def test_plain_text_on_a_cp1252_console_never_crashes(welsh_db: Path) -> None:
    for command in (["list"], ["show", "1"]):
        result = _run_cp1252("--db", str(welsh_db), *command)
        assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
        assert result.stderr == b""
        shown = result.stdout.decode("cp1252")
        assert "Heddlu Gogledd Cymru – adroddiad ?, ?????" in shown  # what the console can show


def test_messages_on_stderr_of_a_cp1252_console_never_crash(welsh_db: Path, tmp_path: Path) -> None:
    archive = _welsh_archive(tmp_path)
    result = _run_cp1252("--db", str(welsh_db), "import", str(archive))
    assert result.returncode == 0
    assert result.stderr.decode("cp1252").startswith("Skipped “Heddlu Gogledd Cymru – adroddiad ")
    assert b"Traceback" not in result.stderr
    assert "welsh ?.json" in result.stdout.decode("cp1252")

    missing = tmp_path / "ŵ missing.pdf"
    result = _run_cp1252("--db", str(welsh_db), "import", str(missing))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and b"Traceback" not in result.stderr


# --- the windowed program (opcc-responses.exe, built without a console) given a command ---------

_WINDOWED = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QMessageBox

record = Path(sys.argv[1])
shown = []

def exec_(box):  # the person reads the box and clicks OK
    shown.append({"text": box.text(), "details": box.detailedText(), "icon": box.icon().name})
    record.write_text(json.dumps({"shown": shown}), encoding="utf-8")
    return 0

QMessageBox.exec = exec_
import app.ui.application
app.ui.application.run_gui = lambda path, **_: record.write_text('{"window": true}') or 0
sys.stdout = sys.stderr = None  # what a program built with console=False has
sys.argv = ["opcc-responses", *sys.argv[2:]]
from app.cli import main
from app.db.database import Database
main()  # a real run: main() ends the process itself
"""


def _run_windowed(tmp_path: Path, *args: str) -> tuple[int, dict[str, Any]]:
    record = tmp_path / "shown.json"
    record.unlink(missing_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", _WINDOWED, str(record), *args],
        capture_output=True, env=env, check=False, timeout=60,
    )  # fmt: skip
    assert b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
    shown = json.loads(record.read_text(encoding="utf-8")) if record.exists() else {}
    return result.returncode, shown


def test_a_command_in_the_windowed_program_shows_its_result_in_a_box(
    welsh_db: Path, tmp_path: Path
) -> None:
    code, shown = _run_windowed(tmp_path, "--db", str(welsh_db), "list")
    assert code == 0
    [box] = shown["shown"]
    assert TITLE in box["text"] and box["icon"] == "Information"

    code, shown = _run_windowed(tmp_path, "--db", str(welsh_db), "show", "1", "--json")
    assert code == 0
    [box] = shown["shown"]  # a long output: its first lines, and all of it under the details
    assert box["text"].endswith("more lines (Show Details…).") and TITLE in box["text"]
    assert json.loads(box["details"])["title"] == TITLE


def test_an_error_in_the_windowed_program_shows_its_sentence_in_a_box(
    welsh_db: Path, tmp_path: Path
) -> None:
    code, shown = _run_windowed(tmp_path, "--db", str(welsh_db), "show", "99")
    assert code == 1
    [box] = shown["shown"]
    assert box["icon"] == "Warning"
    assert len(box["text"].splitlines()) == 1 and "99" in box["text"]


def test_wrong_usage_in_the_windowed_program_shows_argparse_message_and_exits_2(
    tmp_path: Path,
) -> None:
    code, shown = _run_windowed(tmp_path, "list", "--colour")
    assert code == 2
    assert "unrecognized arguments: --colour" in shown["shown"][0]["text"]
    code, shown = _run_windowed(tmp_path, "--version")
    assert code == 0
    assert shown["shown"][0]["text"].startswith("opcc-responses ")


def test_the_windowed_program_without_a_command_opens_the_window(tmp_path: Path) -> None:
    code, shown = _run_windowed(tmp_path, "--db", str(tmp_path / "x.sqlite3"))
    assert (code, shown) == (0, {"window": True})


def test_an_unexpected_error_in_the_windowed_program_still_reaches_the_box(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import reading
    from app.ui import messages

    shown: list[tuple[str, bool]] = []
    monkeypatch.setattr(messages, "show_command_result",
                        lambda text, *, failed: shown.append((text, failed)))  # fmt: skip
    monkeypatch.setattr(reading, "list_inspections", _broken)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    Database.open(tmp_path / "x.sqlite3").close()
    assert main(["--db", str(tmp_path / "x.sqlite3"), "list"]) == 1
    assert len(shown) == 1 and shown[0][1] is True and "disk on fire" in shown[0][0]


def _broken(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("disk on fire")


def test_the_windowed_program_started_from_a_console_writes_there_and_shows_no_box(
    welsh_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from app import cli
    from app.ui import messages

    console = io.StringIO()
    monkeypatch.setattr(cli, "_attach_parent_console", lambda: console)
    monkeypatch.setattr(messages, "show_command_result", _broken)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["--db", str(welsh_db), "show", "1"]) == 0
    assert console.getvalue().startswith(TITLE + "\n")


def test_a_fault_of_the_application_s_is_one_sentence_with_the_details_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import cli

    def broken(_db: object, _args: object) -> int:
        raise RuntimeError("a fault in the code")

    assert cli.main(["--db", str(tmp_path / "r.sqlite3"), "samples"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(cli, "cmd_list", broken)
    code = cli.main(["--db", str(tmp_path / "r.sqlite3"), "list"])
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("The command stopped on an error the application did not expect")
    report = Path(err.strip().rsplit("The details are in ", 1)[1].rstrip("."))
    assert "RuntimeError: a fault in the code" in report.read_text("utf-8")
