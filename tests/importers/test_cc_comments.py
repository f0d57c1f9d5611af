"""The Chief Constable's comments from Word or text, matched to an inspection's findings."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from app.domain.enums import FindingKind
from app.domain.model import Finding, Inspection
from app.importers import ImportFailure
from app.importers.cc_comments import match_comments, match_comments_text
from app.services.archive import read_archive

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture
def spotlight() -> Inspection:
    [inspection] = read_archive(SAMPLES / "spotlight-getting-a-grip.json")
    return inspection


@pytest.fixture
def peel() -> Inspection:
    [inspection] = read_archive(SAMPLES / "norfolk-peel-2018-effectiveness.json")
    return inspection


def test_word_comments_matched_by_reference(spotlight: Inspection, tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Chief Constable's comments", level=1)
    document.add_paragraph("Norfolk Constabulary accepts all three recommendations.")
    document.add_heading("Recommendation 2", level=2)
    # The recommendation quoted in bold first, as staff often do: not part of the response.
    quoted = document.add_paragraph()
    quoted.add_run(spotlight.findings[0].text.split("\n\n")[0]).bold = True
    document.add_paragraph("We have introduced retention interviews.")
    document.add_heading("Rec 6", level=2)
    document.add_paragraph("Our framework is reviewed every quarter.")
    document.add_paragraph("Recommendation 9: A recommendation this inspection does not have.")
    path = tmp_path / "comments.docx"
    document.save(str(path))

    proposal = match_comments(spotlight, path)
    assert proposal.overall == "Norfolk Constabulary accepts all three recommendations."
    assert proposal.as_mapping() == {
        "Recommendation 2": "We have introduced retention interviews.",
        "Recommendation 6": "Our framework is reviewed every quarter.",
    }
    assert [match.written for match in proposal.matches] == ["Recommendation 2", "Rec 6"]
    assert proposal.unmatched == (
        "Recommendation 9\n\nA recommendation this inspection does not have."
    )
    assert any("Recommendation 3" in warning for warning in proposal.warnings)


def test_afi_abbreviation_matches_area_for_improvement(peel: Inspection) -> None:
    text = (
        "AFI 1 – Training is being reviewed.\n\nArea for improvement 3\n\nSupervision is recorded."
    )
    proposal = match_comments_text(peel, text)
    assert proposal.as_mapping() == {
        "Area for improvement 1": "Training is being reviewed.",
        "Area for improvement 3": "Supervision is recorded.",
    }
    assert "No comments were found for Area for improvement 2." in proposal.warnings


def test_reference_written_differently_in_the_inspection(peel: Inspection) -> None:
    peel.findings.append(Finding(FindingKind.RECOMMENDATION, "R1", "Do it."))
    proposal = match_comments_text(peel, "Recommendation 1: Done.")
    assert proposal.as_mapping() == {"R1": "Done."}


def test_comments_in_a_table(spotlight: Inspection, tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    rows = [
        ("Recommendation", "Force response"),
        ("Recommendation 3", "Wellbeing support is in place."),
        ("Recommendation 2", "Retention interviews have started."),
    ]
    for row, (left, right) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = left, right
    path = tmp_path / "table.docx"
    document.save(str(path))
    proposal = match_comments(spotlight, path)
    assert [(m.reference, m.text) for m in proposal.matches] == [
        ("Recommendation 2", "Retention interviews have started."),
        ("Recommendation 3", "Wellbeing support is in place."),
    ]


def test_unreadable_comments(spotlight: Inspection, tmp_path: Path) -> None:
    with pytest.raises(ImportFailure, match="empty"):
        match_comments_text(spotlight, "  ")
    with pytest.raises(ImportFailure, match="does not exist"):
        match_comments(spotlight, tmp_path / "missing.docx")
    odd = tmp_path / "comments.rtf"
    odd.write_text("{\\rtf1}", encoding="ascii")
    with pytest.raises(ImportFailure, match="not a supported type"):
        match_comments(spotlight, odd)
