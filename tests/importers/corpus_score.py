"""The real-document corpus (`tests/fixtures/real/`) scored against its hand-written expectations.

Each document NAME.txt has NAME.expected.json, written by reading the document before it was
ever imported:

- ``kind``: "report" or "response";
- ``title``: the inspection's title a person would enter (null when the document does not
  name the report, and then not scored); ``not_title``: words the title must not contain
  (page chrome such as a cookie banner);
- ``published_on``: the report's publication date as the document states it, or null when it
  states none (then the importer must not invent one);
- ``findings``: each finding's kind, reference and first words;
- ``said``: for responses, phrases and the author whose text must hold them (and the other
  author's must not).

Every one of these is one check; the score is the share of checks the importers get right.
Run ``python -m tests.importers.corpus_score`` for the failures, document by document.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.enums import AuthorRole
from app.domain.model import Inspection
from app.importers import import_document
from app.importers.blocks import comparable

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "real"


@dataclass(slots=True)
class Score:
    passed: int = 0
    total: int = 0
    failures: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> None:
        self.total += 1
        self.passed += ok
        if not ok:
            self.failures.append(what)

    @property
    def share(self) -> float:
        return 100.0 * self.passed / self.total if self.total else 100.0


def documents() -> list[Path]:
    return sorted(path for path in CORPUS.glob("*.txt") if not path.name.endswith(".source.txt"))


def _title_key(text: str) -> str:
    return re.sub(r"^(?:an?|the) ", "", comparable(text))


def _role_text(inspection: Inspection, role: AuthorRole) -> str:
    parts = [inspection.overall.get(role), inspection.closing.get(role)]
    parts += [finding.responses.get(role) for finding in inspection.findings]
    return comparable("\n".join(part for part in parts if part))


def score_document(path: Path, score: Score) -> None:
    expected: dict[str, Any] = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    name = path.stem
    imported = import_document(path)
    inspection = imported.inspection
    score.check(imported.kind == expected["kind"], f"{name}: kind {imported.kind}")
    if expected["title"] is not None:
        score.check(
            _title_key(inspection.title) == _title_key(expected["title"]),
            f"{name}: title “{inspection.title}”",
        )
    for word in expected.get("not_title", []):
        score.check(
            comparable(word) not in comparable(inspection.title),
            f"{name}: title “{inspection.title}” holds “{word}”",
        )
    published = inspection.published_on.isoformat() if inspection.published_on else None
    score.check(published == expected["published_on"], f"{name}: published {published}")
    findings = inspection.findings
    score.check(len(findings) == len(expected["findings"]), f"{name}: {len(findings)} findings")
    for wanted in expected["findings"]:
        found = next(
            (
                finding
                for finding in findings
                if comparable(finding.reference) == comparable(wanted["reference"])
                and finding.kind.value == wanted["kind"]
            ),
            None,
        )
        score.check(found is not None, f"{name}: no {wanted['reference']}")
        score.check(
            found is not None and comparable(found.text).startswith(comparable(wanted["starts"])),
            f"{name}: {wanted['reference']} text “{found.text[:60] if found else ''}”",
        )
    for said in expected["said"]:
        role = AuthorRole(said["role"])
        other = next(r for r in AuthorRole if r is not role)
        phrase = comparable(said["text"])
        score.check(
            phrase in _role_text(inspection, role) and phrase not in _role_text(inspection, other),
            f"{name}: “{said['text']}” not {role.value}'s alone",
        )


def corpus_score() -> Score:
    score = Score()
    for path in documents():
        score_document(path, score)
    return score


if __name__ == "__main__":
    result = corpus_score()
    for failure in result.failures:
        print(failure)
    print(f"Corpus score: {result.passed}/{result.total} = {result.share:.1f} %")
