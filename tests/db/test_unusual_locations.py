"""The database on a read-only disk, a full disk or a network share, and a database that
could not be made (issue 12, "Read-only and unusual locations")."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from app.db import connection, migrate
from app.db.connection import NETWORK_FILE_SYSTEMS, describe_sqlite_error, mount_type
from app.db.database import Database
from app.domain.errors import DatabaseError
from tests.sandbox import FILL, needs_sandbox, run_on_small_disk

SAMPLES = ["-m", "app", "--db", "{db}", "samples"]
WINDOW_PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel, QTextEdit
app = QApplication([])
from app.ui import create_window
from app.ui.actions import ActionId
window = create_window(Path(sys.argv[1]), QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
from PySide6.QtTest import QTest
for _ in range(3000):  # until its tabs are built and its register filled (≤ 30 s)
    if window.is_ready: break
    QTest.qWait(10)
window.refresh(select=1)
window.page.setCurrentIndex(2)
QTest.qWait(1)
for _ in range(3000):  # until the register and the inspection are read (≤ 30 s)
    if not window.loading and not window.page.currentWidget().loading: break
    QTest.qWait(10)
banners = [w for w in window.findChildren(QLabel) if w.accessibleName() == "Read-only"]
editors = [w for w in window.findChildren(QTextEdit) if " response" in w.accessibleName()]
print(json.dumps({
    "banner": bool(banners) and banners[0].isVisible(),
    "new_inspection": window.commands[ActionId.NEW_INSPECTION].isEnabled(),
    "back_up": window.commands[ActionId.BACK_UP].isEnabled(),
    "editors": len(editors),
    "editable": [e.accessibleName() for e in editors if not e.isReadOnly()],
}))
window.close()
"""


def _steps(db: Path, *steps: list[str]) -> list[list[str]]:
    return [[part.replace("{db}", str(db)) for part in step] for step in steps]


@needs_sandbox()
def test_a_read_only_disk_opens_read_only_with_a_banner_and_no_editing(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    db = disk / "responses.sqlite3"
    done = run_on_small_disk(disk, _steps(
        db, SAMPLES,
        ["-m", "app", "--db", "{db}", "list"],
        ["-m", "app", "--db", "{db}", "export-json", str(tmp_path / "out.json")],
        ["-m", "app", "--db", "{db}", "check"],
        ["-m", "app", "--db", "{db}", "import", str(tmp_path / "out.json"), "--yes"],
        ["-c", WINDOW_PROBE, str(db), str(tmp_path / "window.ini")],
    ), read_only_after=0)  # fmt: skip
    assert [step.returncode for step in done] == [0, 0, 0, 0, 1, 0], [s.stderr for s in done]
    assert "Getting a grip" in done[1].stdout and (tmp_path / "out.json").is_file()
    assert "is read-only" in done[4].stderr and done[4].stderr.count("\n") == 1
    window = json.loads(done[5].stdout)
    assert window["banner"] and not window["new_inspection"] and window["back_up"]
    assert window["editors"] > 0 and window["editable"] == []


@needs_sandbox()
def test_a_full_disk_still_reads_and_exports_and_says_the_disk_is_full(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    db = disk / "responses.sqlite3"
    done = run_on_small_disk(disk, _steps(
        db, SAMPLES, ["-c", FILL, str(disk / "filler")],
        ["-m", "app", "--db", "{db}", "list"],
        ["-m", "app", "--db", "{db}", "export-json", str(tmp_path / "out.json")],
        ["-m", "app", "--db", "{db}", "check"],
        ["-m", "app", "--db", "{db}", "import", str(tmp_path / "out.json"), "--yes"],
        ["-m", "app", "--db", str(disk / "new" / "new.sqlite3"), "samples"],
        ["-c", "import os, sys; print(sorted(os.listdir(sys.argv[1])))", str(disk / "new")],
    ), size_kb=1024)  # fmt: skip
    assert [step.returncode for step in done] == [0, 0, 0, 0, 0, 1, 1, 0], [s.stderr for s in done]
    assert "Getting a grip" in done[2].stdout and (tmp_path / "out.json").is_file()
    assert "Integrity: ok" in done[4].stdout
    for refused in done[5:7]:
        assert "is full" in refused.stderr and "I/O" not in refused.stderr
        assert refused.stderr.count("\n") == 1
    assert done[7].stdout.strip() == "[]"  # no 0-byte database left behind


def test_a_disk_io_error_on_a_full_disk_is_called_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "disk_is_full", lambda _path: True)
    words = describe_sqlite_error(sqlite3.OperationalError("disk I/O error"), tmp_path / "r.db")
    assert "is full" in words and "I/O" not in words


def test_a_database_that_could_not_be_made_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(migrate, "upgrade_to_head", fail)
    path = tmp_path / "responses.sqlite3"
    with pytest.raises(DatabaseError, match="is full"):
        Database.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
//server/opcc /mnt/share cifs rw,relatime 0 0
server:/export /home/kim/nfs\\040drive nfs4 rw 0 0
tmpfs /mnt/share/local tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/kim/responses.sqlite3", "ext4"),
        ("/mnt/share/opcc/responses.sqlite3", "cifs"),
        ("/home/kim/nfs drive/responses.sqlite3", "nfs4"),
        ("/mnt/share/local/responses.sqlite3", "tmpfs"),
    ],
)
def test_the_mount_holding_a_path_is_found(path: str, kind: str) -> None:
    assert mount_type(Path(path), MOUNTS) == kind
    assert ("cifs" in NETWORK_FILE_SYSTEMS) and ("ext4" not in NETWORK_FILE_SYSTEMS)


@pytest.mark.parametrize("path", ["//server/share/responses.sqlite3", "\\\\server\\share\\r.db"])
def test_a_database_on_a_network_share_is_refused_with_the_reason_and_advice(path: str) -> None:
    with pytest.raises(DatabaseError) as refused:
        Database.open(Path(path))
    words = refused.value.message
    assert "network drive" in words and "not reliable" in words
    assert "backups" in words and "shared database server" in words
