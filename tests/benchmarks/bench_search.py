"""Full-text search and reuse suggestions on a generated database (issue 15).

The database: 2,000 generated inspections (30,000 findings, 60,000 responses, 60,000 earlier
versions) and the two samples. Each finding names one of about 80 topics ("vetting",
"custody"…), so a topic word is in about 1 % of the findings, as a real subject is; the
generated prose repeats 30 common words everywhere, the worst case for ranking, reported too.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.db.database import Database
from app.services import reading, reuse, search
from app.services.samples import load_samples
from tests.benchmarks.timing import median_seconds
from tests.generated import build_database

Row = tuple[str, float, str]
SEARCH_BUDGET = 0.030
REUSE_BUDGET = 0.100
GROWTH_BUDGET = 1.3


def _process_seconds(db: Path, query: str, repeats: int = 7) -> float:
    """The whole ``search QUERY --json`` command as a new process, median of ``repeats``."""
    command = [sys.executable, "-m", "app", "--db", str(db), "search", query, "--json"]
    samples = []
    for _ in range(repeats + 1):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples[1:])


def run() -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        small, large = folder / "two.sqlite3", folder / "many.sqlite3"
        database = Database.open(small)
        load_samples(database)
        database.close()
        build_database(large, inspections=2000, findings=15)
        database = Database.open(large)
        load_samples(database)
        try:
            one_word = median_seconds(lambda: search.search(database, "vetting"))
            rows.append(("search: one word (in 1 % of findings), 2,002 inspections, in-process",
                         one_word, _budget(one_word, SEARCH_BUDGET)))  # fmt: skip
            phrase = median_seconds(lambda: search.search(database, '"exit interviews"'))
            rows.append(("search: a phrase, in-process", phrase, _budget(phrase, SEARCH_BUDGET)))
            finding = _a_generated_finding(database)
            reuse.suggestions(database, finding)  # rapidfuzz loaded, as after the first panel
            similar = median_seconds(lambda: reuse.suggestions(database, finding))
            rows.append(("reuse: the 5 findings most like one, among 30,000, in-process", similar,
                         _budget(similar, REUSE_BUDGET)))  # fmt: skip
            common = median_seconds(lambda: search.search(database, "victims"))
            rows.append(("search: a word in every text (90,000 hits ranked), in-process", common,
                         "worst case, reported"))  # fmt: skip
        finally:
            database.close()
        few = _process_seconds(small, "vetting")
        many = _process_seconds(large, "vetting")
        rows.append(("search as a whole process: 2 inspections", few, "reference"))
        growth = many / few
        verdict = "met" if growth <= GROWTH_BUDGET else "NOT MET"
        rows.append(("search as a whole process: 2,002 inspections", many,
                     f"{growth:.2f} × the 2 (target ≤ {GROWTH_BUDGET} ×; {verdict})"))  # fmt: skip
    return rows


def _a_generated_finding(database: Database) -> int:
    summary = next(s for s in reading.list_inspections(database) if s.title.startswith("Gen"))
    finding = reading.get_inspection(database, summary.id).findings[3].id
    assert finding is not None
    return finding


def _budget(seconds: float, budget: float) -> str:
    verdict = "met" if seconds <= budget else "NOT MET"
    return f"< {budget * 1000:.0f} ms ({verdict}; {seconds / budget:.2f} of the budget)"
