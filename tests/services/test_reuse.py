"""Reuse: the findings most like this one elsewhere, with what both authors said then."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db.database import Database
from app.domain.enums import AuthorRole, FindingKind
from app.domain.model import Finding, Inspection, RoleTexts
from app.services import inspections, reading
from app.services.reuse import suggestions

VETTING = ("Forces should review their vetting processes so that officers and staff are "
           "re-vetted when their circumstances change, and act on what vetting finds.")  # fmt: skip
VETTING_AGAIN = ("By March 2025, forces should review their vetting processes so that staff "
                 "and officers are re-vetted when circumstances change.")  # fmt: skip
CUSTODY = "The force should make sure detainees in custody get a timely review of detention."


def _inspection(db: Database, title: str, year: int, *findings: tuple[str, str, str]) -> int:
    return inspections.create_inspection(db, Inspection(
        title=title, published_on=dt.date(year, 5, 1),
        findings=[
            Finding(FindingKind.RECOMMENDATION, f"Recommendation {n}", text=text,
                    responses=RoleTexts(chief_constable=cc, commissioner=pcc))
            for n, (text, cc, pcc) in enumerate(findings, start=1)
        ],
    ))  # fmt: skip


def _finding_id(db: Database, inspection_id: int, index: int = 0) -> int:
    found = reading.get_inspection(db, inspection_id).findings[index].id
    assert found is not None
    return found


def test_a_like_finding_elsewhere_comes_with_both_responses(db: Database) -> None:
    old = _inspection(db, "Vetting 2023", 2023,
                      (VETTING, "We re-vet every two years.", "I will scrutinise this."),
                      (CUSTODY, "Reviews are on time.", "Noted."))  # fmt: skip
    new = _inspection(db, "Vetting 2025", 2025, (VETTING_AGAIN, "", ""))
    (best,) = suggestions(db, _finding_id(db, new))
    assert (best.finding.inspection_id, best.finding.reference) == (old, "Recommendation 1")
    assert best.finding.responses == {
        AuthorRole.CHIEF_CONSTABLE: "We re-vet every two years.",
        AuthorRole.COMMISSIONER: "I will scrutinise this.",
    }
    assert best.similarity >= 55
    assert best.source() == "Vetting 2023 (May 2023), Recommendation 1"


def test_the_same_inspection_unanswered_and_removed_findings_are_not_suggested(
    db: Database,
) -> None:
    unanswered = _inspection(db, "Vetting 2022", 2022, (VETTING, "", ""))
    removed = _inspection(db, "Vetting 2021", 2021, (VETTING, "Old words.", ""))
    inspections.remove_finding(db, _finding_id(db, removed))
    new = _inspection(db, "Vetting 2025", 2025, (VETTING_AGAIN, "", ""),
                      (VETTING, "Same inspection.", ""))  # fmt: skip
    assert suggestions(db, _finding_id(db, new)) == []
    assert unanswered  # it is there, and not suggested


def test_suggestions_are_best_first_and_at_most_five(db: Database) -> None:
    for year in range(2015, 2023):
        _inspection(db, f"Vetting {year}", year, (VETTING, f"Answer of {year}.", ""))
    _inspection(db, "Custody 2020", 2020, (CUSTODY, "Reviews are on time.", ""))
    new = _inspection(db, "Vetting 2025", 2025, (VETTING_AGAIN, "", ""))
    found = suggestions(db, _finding_id(db, new))
    assert len(found) == 5
    assert [s.similarity for s in found] == sorted((s.similarity for s in found), reverse=True)
    assert all("Custody" not in s.finding.inspection_title for s in found)


@pytest.mark.sqlite_only
def test_without_the_index_every_answered_finding_is_compared(db: Database) -> None:
    old = _inspection(db, "Vetting 2023", 2023, (VETTING, "We re-vet.", ""))
    new = _inspection(db, "Vetting 2025", 2025, (VETTING_AGAIN, "", ""))
    with db.transaction() as session:
        session.connection().exec_driver_sql("DROP TABLE search_finding")
    (best,) = suggestions(db, _finding_id(db, new))
    assert best.finding.inspection_id == old


def test_a_missing_or_empty_finding_has_no_suggestions(db: Database) -> None:
    new = _inspection(db, "Empty", 2025, ("", "", ""))
    assert suggestions(db, _finding_id(db, new)) == []
    assert suggestions(db, 999_999) == []
