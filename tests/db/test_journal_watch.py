"""A write-ahead log deleted under a running copy is noticed, never written into silently
(issue 9, defect 5)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.db.database import Database
from app.domain.enums import AuthorRole
from app.domain.errors import DatabaseError
from app.services import reading
from app.services.responses import ResponseKey, response_states, save_response

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="only Linux shows where descriptors point"
)
KEY = ResponseKey.overall(AuthorRole.COMMISSIONER)


def _stored_elsewhere(path: Path, inspection_id: int) -> str:
    """What another process reading the file now would find (SQLite shares its view of a file
    between the connections of one process, so the reader must be another process)."""
    script = (
        "import sqlite3, sys\n"
        "raw = sqlite3.connect(sys.argv[1])\n"
        "row = raw.execute(\"SELECT text FROM response WHERE inspection_id = ? AND role = "
        "'commissioner' AND part = 'overall'\", (int(sys.argv[2]),)).fetchone()\n"
        "sys.stdout.write(row[0] if row else '')\n"
        "raw.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path), str(inspection_id)],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    return done.stdout


def _take_the_log(db_path: Path) -> None:
    """Another copy, believing itself alone (our locks were released), checkpoints the log and
    deletes it, as SQLite does when the last connection closes."""
    script = (
        "import sqlite3, sys, os\n"
        "raw = sqlite3.connect(sys.argv[1], timeout=0)\n"
        "try:\n"
        "    raw.execute('PRAGMA wal_checkpoint(PASSIVE)')\n"
        "finally:\n"
        "    raw.close()\n"
        "for end in ('-wal', '-shm'):\n"
        "    if os.path.exists(sys.argv[1] + end):\n"
        "        os.unlink(sys.argv[1] + end)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(db_path)], check=True, timeout=60)


@pytest.fixture
def peel(sample_db: Database) -> int:
    return next(s.id for s in reading.list_inspections(sample_db) if "PEEL 2018" in s.title)


def test_after_the_log_was_taken_the_next_save_still_reaches_the_file(
    sample_db: Database, db_path: Path, peel: int
) -> None:
    first = save_response(sample_db, peel, KEY, "Written first.", 0)
    _take_the_log(db_path)
    save_response(sample_db, peel, KEY, "Written after the log was taken.", first.version)
    assert _stored_elsewhere(db_path, peel) == "Written after the log was taken."


def test_a_log_taken_during_a_save_is_said_and_the_change_saved_again(
    sample_db: Database, db_path: Path, peel: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = save_response(sample_db, peel, KEY, "Written first.", 0)
    from app.services import responses

    write = responses._write

    def taken_meanwhile(*args: object, **kwargs: object) -> object:
        result = write(*args, **kwargs)  # type: ignore[arg-type]
        _take_the_log(db_path)  # after this save wrote, before it commits
        return result

    monkeypatch.setattr(responses, "_write", taken_meanwhile)
    with pytest.raises(DatabaseError, match="removed the database's journal"):
        save_response(sample_db, peel, KEY, "Written while the log went.", first.version)
    monkeypatch.setattr(responses, "_write", write)
    if sys.version_info >= (3, 12):  # where SQLite can be told not to checkpoint on close
        assert _stored_elsewhere(db_path, peel) == "Written first."

    # Saving again (as the autosave does) reaches the file, from the version it had.
    again = save_response(sample_db, peel, KEY, "Written while the log went.", first.version)
    assert _stored_elsewhere(db_path, peel) == "Written while the log went."
    assert response_states(sample_db, peel)[KEY].version == again.version
