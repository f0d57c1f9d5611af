"""An update from another copy keeps every finding's and response's identity (issue 9, 1–2).

An editor open on "Recommendation 6" holds that finding's id and its response's version. An
update that reorders, adds or removes findings must leave that id meaning Recommendation 6 (or
nothing, once it is removed), and a response whose text the update changes must get a newer
version, so that the editor's next save is a conflict, never a silent overwrite.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from app.db.database import Database
from app.domain.enums import AuthorRole, FindingKind, InspectionStatus
from app.domain.errors import NotFoundError
from app.domain.model import Finding, Inspection
from app.services import reading, workflow
from app.services.importing import import_archive
from app.services.inspections import remove_finding
from app.services.responses import (
    ResponseConflict,
    ResponseKey,
    load_sheet,
    response_states,
    save_response,
)

CC = AuthorRole.CHIEF_CONSTABLE


@pytest.fixture
def spotlight(sample_db: Database) -> int:
    found = next(s.id for s in reading.list_inspections(sample_db) if "grip" in s.title)
    workflow.reopen(sample_db, found, expected_status=InspectionStatus.PUBLISHED)
    return found


def _other_copy(db_location: Path | str) -> Database:
    """Another running copy of the program on the same database."""
    return Database.open(db_location)


def _update_from_other_copy(db_location: Path | str, inspection_id: int, change: object) -> None:
    other = _other_copy(db_location)
    try:
        record: Inspection = copy.deepcopy(reading.get_inspection(other, inspection_id))
        change(record)  # type: ignore[operator]
        import_archive(other, [record], update_existing=True)
    finally:
        other.close()


def _texts(db: Database, inspection_id: int) -> dict[str, str]:
    inspection = reading.get_inspection(db, inspection_id)
    return {f.reference: f.responses.get(CC) for f in inspection.findings}


def _editor_key(db: Database, inspection_id: int, reference: str) -> tuple[ResponseKey, int]:
    """What an editor open on ``reference`` holds: the key and the version it loaded."""
    sheet = load_sheet(db, inspection_id)
    finding = next(f for f in sheet.findings if f.reference == reference)
    assert finding.id is not None
    key = ResponseKey.finding(finding.id, CC)
    return key, sheet.state(key).version


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda r: r.findings.reverse(), id="reordered"),
        pytest.param(
            lambda r: r.findings.insert(
                0, Finding(FindingKind.RECOMMENDATION, "Recommendation 1", "Forces should…")
            ),
            id="one-added",
        ),
    ],
)
def test_an_editor_keeps_writing_to_its_own_finding_after_another_copy_updates(
    sample_db: Database, spotlight: int, db_location: Path | str, change: object
) -> None:
    key, version = _editor_key(sample_db, spotlight, "Recommendation 6")
    before = _texts(sample_db, spotlight)
    _update_from_other_copy(db_location, spotlight, change)

    save_response(sample_db, spotlight, key, before["Recommendation 6"] + " Typed later.", version)

    after = _texts(sample_db, spotlight)
    assert after["Recommendation 6"].endswith("Typed later.")
    for reference in ("Recommendation 2", "Recommendation 3"):
        assert after[reference] == before[reference]


def test_a_finding_removed_by_another_copy_refuses_the_save_and_keeps_it(
    sample_db: Database, spotlight: int, db_location: Path | str
) -> None:
    key, version = _editor_key(sample_db, spotlight, "Recommendation 3")
    before = _texts(sample_db, spotlight)
    other = _other_copy(db_location)
    try:
        sheet = load_sheet(other, spotlight)
        (finding,) = [f for f in sheet.findings if f.reference == "Recommendation 3"]
        assert finding.id is not None
        remove_finding(other, finding.id)
    finally:
        other.close()

    with pytest.raises(NotFoundError, match="removed in another window"):
        save_response(sample_db, spotlight, key, "Typed into a removed finding.", version)

    after = _texts(sample_db, spotlight)
    assert "Recommendation 3" not in after
    assert after == {r: t for r, t in before.items() if r != "Recommendation 3"}


def test_an_update_that_no_longer_has_a_finding_marks_it_removed_and_its_id_stays_void(
    sample_db: Database, db_location: Path | str
) -> None:
    peel = next(s.id for s in reading.list_inspections(sample_db) if "PEEL 2018" in s.title)
    key, version = _editor_key(sample_db, peel, "Area for improvement 3")
    _update_from_other_copy(db_location, peel, lambda r: r.findings.pop())
    _update_from_other_copy(  # a new finding afterwards must not take the removed one's id
        db_location, peel, lambda r: r.findings.append(
            Finding(FindingKind.AREA_FOR_IMPROVEMENT, "Area for improvement 9", "New.")
        ),
    )  # fmt: skip
    with pytest.raises(NotFoundError):
        save_response(sample_db, peel, key, "Typed into the removed finding.", version)
    references = [f.reference for f in reading.get_inspection(sample_db, peel).findings]
    assert references == ["Area for improvement 1", "Area for improvement 2",
                          "Area for improvement 9"]  # fmt: skip


def test_a_response_the_update_changes_gets_a_newer_version_so_an_old_editor_conflicts(
    sample_db: Database, spotlight: int, db_location: Path | str
) -> None:
    key, version = _editor_key(sample_db, spotlight, "Recommendation 6")

    def replace_text(record: Inspection) -> None:
        record.findings[-1].responses.set(CC, "The force's updated comments.")
        record.findings.reverse()

    _update_from_other_copy(db_location, spotlight, replace_text)

    with pytest.raises(ResponseConflict) as conflict:
        save_response(sample_db, spotlight, key, "Typed over the old text.", version)
    assert conflict.value.theirs.text == "The force's updated comments."
    assert _texts(sample_db, spotlight)["Recommendation 6"] == "The force's updated comments."
    states = response_states(sample_db, spotlight)
    assert states[key].version > version  # versions only ever increase


def test_an_update_that_changes_nothing_keeps_every_version(
    sample_db: Database, spotlight: int, db_location: Path | str
) -> None:
    before = {k: s.version for k, s in response_states(sample_db, spotlight).items()}
    _update_from_other_copy(db_location, spotlight, lambda r: r.findings.reverse())
    after = {k: s.version for k, s in response_states(sample_db, spotlight).items()}
    assert after == before
