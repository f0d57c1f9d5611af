"""Editing findings by hand: two people editing the same finding never overwrite each other."""

from __future__ import annotations

import dataclasses

import pytest

from app.db.database import Database
from app.domain.errors import ConflictError
from app.domain.model import Finding
from app.services import inspections, reading


def _spotlight_finding(db: Database, reference: str) -> tuple[int, Finding]:
    for summary in reading.list_inspections(db):
        if summary.title.startswith("PEEL Spotlight"):
            found = reading.get_inspection(db, summary.id).finding_by_reference(reference)
            assert found is not None and found.id is not None
            return summary.id, found
    raise AssertionError("the spotlight sample is missing")


def test_a_second_edit_from_an_older_copy_is_a_conflict(sample_db: Database) -> None:
    _, first_copy = _spotlight_finding(sample_db, "Recommendation 3")
    _, second_copy = _spotlight_finding(sample_db, "Recommendation 3")
    assert first_copy.id is not None
    inspections.update_finding(
        sample_db, first_copy.id, dataclasses.replace(first_copy, addressee="all forces")
    )
    with pytest.raises(ConflictError, match="Someone else changed Recommendation 3"):
        inspections.update_finding(
            sample_db, first_copy.id, dataclasses.replace(second_copy, addressee="the NPCC")
        )
    _, stored = _spotlight_finding(sample_db, "Recommendation 3")
    assert stored.addressee == "all forces"


def test_an_edit_from_the_latest_copy_saves(sample_db: Database) -> None:
    _, finding = _spotlight_finding(sample_db, "Recommendation 6")
    assert finding.id is not None
    inspections.update_finding(sample_db, finding.id, dataclasses.replace(finding, due_text="Now"))
    _, again = _spotlight_finding(sample_db, "Recommendation 6")
    inspections.update_finding(sample_db, finding.id, dataclasses.replace(again, addressee="x"))
    _, stored = _spotlight_finding(sample_db, "Recommendation 6")
    assert (stored.due_text, stored.addressee) == ("Now", "x")
