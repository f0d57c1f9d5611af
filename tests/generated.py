"""Generated data of a realistic size: archives and databases of many inspections, for the
benchmarks and for the tests that need bulk (the kill test's 2,000-finding import)."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

_PROSE = (
    "the force should improve how it records crime data and supervises investigations so that "
    "victims receive a consistent service across every local policing area by the end of the year"
)
WORDS = tuple(_PROSE.split())
_TOPIC_WORDS = (
    "vetting custody stalking harassment fraud burglary drones firearms licensing cybercrime "
    "wellbeing recruitment retention misconduct complaints neighbourhoods safeguarding "
    "exploitation trafficking missing mental health domestic abuse rape prosecutions "
    "disclosure forensics intelligence roads speeding drink driving knife gangs county lines "
    "antisocial behaviour hate modern slavery terrorism protest public order call handling "
    "times victims witnesses youth justice probation prisons courts digital body worn video "
    "stop search use taser suites detention interpreters learning culture leadership "
    "supervision workload overtime sickness estates fleet procurement budgets"
)
TOPICS = tuple(_TOPIC_WORDS.split())
"""Rarer words, one in each finding's text (about 1 % of findings each), for searching."""


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def inspection_record(number: int, findings: int, rng: random.Random) -> dict[str, Any]:
    """One inspection in the archive's shape, with ``findings`` recommendations, both
    authors' responses to each, and one revision of each response."""
    published = dt.date(2015, 1, 1) + dt.timedelta(days=number % 3500)
    saved = f"{published.isoformat()}T10:00:00+00:00"
    records: list[dict[str, Any]] = []
    revisions: list[dict[str, Any]] = []
    for index in range(1, findings + 1):
        reference = f"Recommendation {index}"
        texts = {role: _sentence(rng, 60) for role in ("chief_constable", "commissioner")}
        records.append({
            "kind": "recommendation", "reference": reference,
            "text": f"{_sentence(rng, 30)} Topic: {TOPICS[(number * 7 + index) % len(TOPICS)]}.",
            "addressee": "chief constables", "responses": texts,
        })  # fmt: skip
        revisions += [
            {"finding": reference, "role": role, "part": "response", "text": text,
             "saved_at": saved, "saved_by": "generated"}
            for role, text in texts.items()
        ]  # fmt: skip
    return {
        "title": f"Generated inspection {number:05d}: {_sentence(rng, 5)}",
        "published_on": published.isoformat(),
        "publication_types": ["PEEL"],
        "forces": ["Norfolk Constabulary"],
        "status": "drafting",
        "key_findings": _sentence(rng, 200),
        "findings": records,
        "overall": {"chief_constable": _sentence(rng, 80), "commissioner": _sentence(rng, 80)},
        "revisions": revisions,
    }


def write_archive(path: Path, inspections: int, findings: int, *, seed: int = 12) -> Path:
    rng = random.Random(seed)
    archive = {
        "format": "opcc-responses/1",
        "inspections": [inspection_record(n, findings, rng) for n in range(1, inspections + 1)],
    }
    path.write_text(json.dumps(archive), "utf-8")
    return path


def build_database(path: Path, inspections: int = 2000, findings: int = 15) -> Path:
    """A database of ``inspections`` × ``findings`` (2,000 × 15: 30,000 findings and 60,000
    responses to them), imported as an archive in batches."""
    from app.db.database import Database
    from app.services.archive import read_archive
    from app.services.importing import import_archive

    database = Database.open(path)
    try:
        batch = 200
        for start in range(0, inspections, batch):
            archive = path.with_name(f".batch-{start}.json")
            rng = random.Random(start)
            records = [inspection_record(n, findings, rng)
                       for n in range(start + 1, min(inspections, start + batch) + 1)]  # fmt: skip
            archive.write_text(json.dumps({"format": "opcc-responses/1", "inspections": records}))
            try:
                import_archive(database, read_archive(archive), update_existing=False,
                               source=archive.name)  # fmt: skip
            finally:
                archive.unlink()
    finally:
        database.close()
    return path
