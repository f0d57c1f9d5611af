"""Importing a whole register from an archive (issue 10): 2,000 inspections of 15 findings each
(``tests.generated``), into a new database, as the command line does it
(``python -m app --db NEW import ARCHIVE``, a whole process started cold). The budget is 10 s
on SQLite. The same import into a database on a throw-away PostgreSQL server
(``tests.postgres``) is printed beside it where the server programs are installed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.generated import write_archive
from tests.postgres import start_cluster

BUDGET = 10.0
INSPECTIONS = 2000
FINDINGS = 15


def _import(db: str, archive: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app", "--db", db, "import", str(archive)],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - start


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        archive = write_archive(folder / "register.json", INSPECTIONS, FINDINGS)
        size = archive.stat().st_size / 2**20
        what = f"{INSPECTIONS:,} inspections, {INSPECTIONS * FINDINGS:,} findings, {size:.0f} MB"
        on_file = _import(str(folder / "new.sqlite3"), archive)
        verdict = "met" if on_file <= BUDGET else "NOT met"
        rows = [(f"import: archive of {what}, CLI into a new SQLite file", on_file,
                 f"≤ {BUDGET:.0f} s ({verdict}; {on_file / BUDGET:.2f} of the budget)")]
        cluster = start_cluster()
        if cluster is None:
            rows.append(("import: the same into PostgreSQL", 0.0,
                         "no PostgreSQL server programs here: not measured"))  # fmt: skip
            return rows
        try:
            on_server = _import(cluster.new_database(), archive)
        finally:
            cluster.stop()
        rows.append(("import: the same archive, CLI into a new PostgreSQL database", on_server,
                     f"{on_server / on_file:.1f} × SQLite (loopback server)"))  # fmt: skip
    return rows
