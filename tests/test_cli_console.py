"""The command line on the consoles it meets on Windows: a legacy code page, and none at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

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
