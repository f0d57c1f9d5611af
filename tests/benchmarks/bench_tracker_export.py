"""The recommendation tracker's spreadsheet for a whole register: 2,000 inspections of 15
findings each (30,000 findings, ``tests.generated``), written as an Excel workbook. The budget
is 3 s for the export itself (reading the tracker and writing the file, warm); the whole
command, ``python -m app --db DB export-tracker OUT.xlsx`` started cold, is printed beside it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.timing import median_seconds
from tests.generated import build_database

BUDGET = 3.0
INSPECTIONS = 2000
FINDINGS = 15


def run() -> list[tuple[str, float, str]]:
    from app.db.database import Database
    from app.services.tracker_exports import export_tracker

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = build_database(folder / "register.sqlite3", INSPECTIONS, FINDINGS)
        out = folder / "tracker.xlsx"
        database = Database.open(path, writable=False)
        try:
            count = export_tracker(database, out)
            assert count == INSPECTIONS * FINDINGS, count
            warm = median_seconds(lambda: export_tracker(database, out), repeats=3)
        finally:
            database.close()
        size = out.stat().st_size / 2**20
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "app", "--db", str(path), "export-tracker",
                        str(out)], check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        cold = time.perf_counter() - start
    verdict = "met" if warm <= BUDGET else "NOT met"
    return [
        (f"export-tracker: {count:,} findings to XLSX ({size:.1f} MB), warm", warm,
         f"≤ {BUDGET:.0f} s ({verdict}; {warm / BUDGET:.2f} of the budget)"),
        ("export-tracker: the same, CLI process started cold", cold,
         f"{cold - warm:.2f} s of start-up and imports over the warm figure"),
    ]  # fmt: skip
