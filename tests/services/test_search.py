"""Full-text search: what a person finds, and an index that never falls out of step.

Every test taking ``db`` runs on SQLite (FTS5) and on PostgreSQL (tsvector).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.db.database import Database
from app.domain.enums import AuthorRole, FindingKind, ResponsePart
from app.domain.model import Finding, Inspection
from app.services import backups, inspections, reading, responses
from app.services.responses import ResponseKey
from app.services.search import NO_FULL_TEXT, Source, search


def _inspection(db: Database, title: str, finding_text: str, report_text: str = "") -> int:
    return inspections.create_inspection(db, Inspection(
        title=title, published_on=dt.date(2025, 3, 4), report_text=report_text,
        findings=[Finding(FindingKind.RECOMMENDATION, "Recommendation 1", text=finding_text)],
    ))  # fmt: skip


def _finding_id(db: Database, inspection_id: int) -> int:
    finding_id = reading.get_inspection(db, inspection_id).findings[0].id
    assert finding_id is not None
    return finding_id


def _respond(db: Database, inspection_id: int, text: str, version: int = 0) -> int:
    finding_id = _finding_id(db, inspection_id)
    key = ResponseKey(finding_id, AuthorRole.COMMISSIONER, ResponsePart.RESPONSE)
    return responses.save_response(db, inspection_id, key, text, version).version


def _found(db: Database, typed: str, *, revisions: bool = False) -> set[tuple[str, int]]:
    hits = search(db, typed, revisions=revisions).hits()
    return {(hit.source.value, hit.inspection_id) for hit in hits}


def test_exit_interviews_finds_the_spotlight_response(sample_db: Database) -> None:
    results = search(sample_db, "exit interviews")
    (group,) = results.groups
    assert group.title.startswith("PEEL Spotlight")
    answers = [hit for hit in group.hits if hit.source is Source.RESPONSE]
    assert answers and answers[0].role is AuthorRole.CHIEF_CONSTABLE
    assert answers[0].reference == "Recommendation 2"
    assert results.notice == ""


def test_snippets_mark_the_words_that_matched(sample_db: Database) -> None:
    hit = next(h for h in search(sample_db, "exit interviews").hits() if h.source is Source.FINDING)
    marked = {hit.snippet[start:end].casefold() for start, end in hit.highlights}
    assert marked == {"exit", "interviews"}


def test_british_word_forms_match(db: Database) -> None:
    first = _inspection(db, "Vetting", "Forces should review how organisations share intelligence.")
    second = _inspection(db, "Custody", "The force should improve its custody records.")
    assert ("finding", first) in _found(db, "organisation")
    assert ("finding", first) in _found(db, "Organisations")
    assert ("finding", second) not in _found(db, "organisation")


def test_a_phrase_must_match_in_order(db: Database) -> None:
    inspection_id = _inspection(db, "Leavers", "Review exit interviews. Interviews at exit.")
    other = _inspection(db, "Leavers 2", "Interviews at the exit door.")
    assert ("finding", inspection_id) in _found(db, '"exit interviews"')
    assert ("finding", other) not in _found(db, '"exit interviews"')


def test_every_edit_is_found_and_the_old_words_are_not(db: Database) -> None:
    inspection_id = _inspection(db, "Neighbourhoods", "Patrol more.")
    version = _respond(db, inspection_id, "We will recruit quokka wardens.")
    assert ("response", inspection_id) in _found(db, "quokka")
    _respond(db, inspection_id, "We will recruit community wardens.", version)
    assert ("response", inspection_id) not in _found(db, "quokka")
    assert ("response", inspection_id) in _found(db, "community wardens")


def test_earlier_versions_are_searched_only_when_asked(db: Database) -> None:
    inspection_id = _inspection(db, "Neighbourhoods", "Patrol more.")
    version = _respond(db, inspection_id, "A draft about wombats.")
    _respond(db, inspection_id, "The final text.", version)
    assert ("revision", inspection_id) not in _found(db, "wombats")
    (hit,) = search(db, "wombats", revisions=True).hits()
    assert hit.source is Source.REVISION and hit.saved_at is not None


def test_edited_findings_and_titles_are_found_removed_ones_are_not(db: Database) -> None:
    inspection_id = _inspection(db, "Stalking", "Use protection orders.")
    finding = reading.get_inspection(db, inspection_id).findings[0]
    assert finding.id is not None
    inspections.update_finding(db, finding.id, Finding(
        FindingKind.RECOMMENDATION, "Recommendation 1", text="Use harassment warnings.",
        version=finding.version,
    ))  # fmt: skip
    assert ("finding", inspection_id) in _found(db, "harassment")
    assert ("finding", inspection_id) not in _found(db, "protection")
    inspections.remove_finding(db, finding.id)
    assert ("finding", inspection_id) not in _found(db, "harassment")
    assert ("inspection", inspection_id) in _found(db, "stalking")


def test_a_deleted_inspection_is_gone_from_the_results(db: Database) -> None:
    inspection_id = _inspection(db, "Fraud", "Train staff on fraud.", "Fraud report text.")
    _respond(db, inspection_id, "Fraud training starts in May.")
    assert len(_found(db, "fraud")) == 3
    inspections.delete_inspection(db, inspection_id)
    assert _found(db, "fraud") == set()


def test_report_text_and_questions_are_searched(sample_db: Database) -> None:
    sources = {hit.source for hit in search(sample_db, "effective").hits()}
    assert {Source.INSPECTION, Source.QUESTION} <= sources


@pytest.mark.parametrize("typed", [
    '"unclosed', "NEAR(a b)", "* OR 1=1; --", "a:b -c ^d", "'; DROP TABLE finding; --",
    "über straße", "☃ 🚓", "x" * 5000,
])  # fmt: skip
def test_odd_input_never_fails(sample_db: Database, typed: str) -> None:
    search(sample_db, typed)
    assert reading.list_inspections(sample_db)  # nothing was harmed


def test_nothing_to_search_for_finds_nothing(sample_db: Database) -> None:
    assert search(sample_db, "  ;; ").groups == ()


@pytest.mark.sqlite_only
def test_without_full_text_every_word_must_appear_and_the_notice_says_so(db: Database) -> None:
    inspection_id = _inspection(db, "Vetting", "Forces should improve vetting checks.")
    with db.transaction() as session:
        session.connection().exec_driver_sql("DROP TABLE search_finding")
    results = search(db, "vetting checks")
    assert results.notice == NO_FULL_TEXT
    finding = next(hit for hit in results.hits() if hit.source is Source.FINDING)
    assert finding.inspection_id == inspection_id
    assert {finding.snippet[a:b].casefold() for a, b in finding.highlights} == {"vetting", "checks"}


@pytest.mark.sqlite_only
def test_a_restored_backup_brings_its_own_index(db: Database, tmp_path: Path) -> None:
    inspection_id = _inspection(db, "Custody", "Improve custody checks.")
    _respond(db, inspection_id, "Kept in the backup: kingfisher.")
    backup = backups.back_up(db.path, tmp_path / "backup.sqlite3")
    _respond(db, inspection_id, "After the backup: heron.", 1)
    db.close()
    backups.restore(db.path, backup)
    restored = Database.open(db.path)
    try:
        assert ("response", inspection_id) in _found(restored, "kingfisher")
        assert _found(restored, "heron") == set()
    finally:
        restored.close()


def test_an_import_and_an_update_by_import_are_found(db: Database) -> None:
    from app.services.importing import import_archive

    def archived(finding_text: str, report_text: str) -> Inspection:
        return Inspection(
            title="Stalking and harassment", published_on=dt.date(2024, 4, 2),
            report_text=report_text,
            findings=[Finding(FindingKind.RECOMMENDATION, "Recommendation 1", text=finding_text)],
        )  # fmt: skip

    import_archive(db, [archived("Use stalking protection orders.", "Pelican report.")],
                   update_existing=False)  # fmt: skip
    (inspection_id,) = {i for _source, i in _found(db, "pelican")}
    assert ("finding", inspection_id) in _found(db, "protection orders")
    import_archive(db, [archived("Use stalking risk screening.", "Cormorant report.")],
                   update_existing=True)  # fmt: skip
    assert _found(db, "pelican") == set()
    assert ("inspection", inspection_id) in _found(db, "cormorant")
    assert ("finding", inspection_id) in _found(db, "risk screening")
    assert ("finding", inspection_id) not in _found(db, "protection orders")
