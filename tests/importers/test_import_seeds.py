"""Both seeds, field for field, against the hand-made sample archives, in every format.

The spotlight seed is a published response: everything is compared, including ``status``
(a document holding the Commissioner's own response is a published one) and ``report_text``
(a response does not carry the report, so it stays empty). What a response cannot know is
absent from both sides: the report's text, its pillars and graded questions, dates the office
recorded elsewhere (``cc_comments_requested_by``, office-step dates) and revisions. Only
``id`` (a database key) is ignored.

The HTML, PDF and Word versions are made here from the seed text (seed_formats.py); they must
give the same record as the text file. Their ``report_text`` is the document written out block
by block, so it is compared word for word rather than character for character.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from app.importers import ImportedInspection, import_document, import_text
from app.services.archive import inspection_to_dict, read_archive
from tests.importers.seed_formats import to_docx, to_html, to_pdf

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SAMPLES = ROOT / "resources" / "samples"
SPOTLIGHT = SEEDS / "000_45dd2ec332d1d151.txt"
PEEL = SEEDS / "003_13cad28066f6ee0a.txt"
CASES = {
    "spotlight": (SPOTLIGHT, SAMPLES / "spotlight-getting-a-grip.json", "response"),
    "peel": (PEEL, SAMPLES / "norfolk-peel-2018-effectiveness.json", "report"),
}


def _record(imported: ImportedInspection) -> dict[str, Any]:
    data = inspection_to_dict(imported.inspection)
    data.pop("id")
    return data


def _expected(sample: Path) -> dict[str, Any]:
    [inspection] = read_archive(sample)
    data = inspection_to_dict(inspection)
    data.pop("id")
    return data


def _words(text: str) -> list[str]:
    """Reading text compared by its words: bullets, heading marks and line breaks evened out."""
    return re.sub(r"(?m)^\s*(?:[-•]|#+)\s+", " ", text).split()


def _assert_same(got: dict[str, Any], expected: dict[str, Any]) -> None:
    for key in expected:
        assert got[key] == expected[key], f"field {key!r} differs"
    assert got == expected


@pytest.mark.parametrize("case", CASES)
def test_text_seed_reproduces_sample_field_for_field(case: str) -> None:
    seed, sample, kind = CASES[case]
    imported = import_document(seed)
    assert imported.kind == kind
    _assert_same(_record(imported), _expected(sample))


def test_peel_report_keeps_whole_text_and_says_the_date_is_last_updated() -> None:
    imported = import_document(PEEL)
    assert imported.inspection.report_text == PEEL.read_text(encoding="utf-8").strip()
    assert any("Last updated" in warning for warning in imported.warnings)


def test_response_warnings_name_the_unplaced_preamble() -> None:
    imported = import_document(SPOTLIGHT)
    assert any(
        "Text not placed" in warning and "Norfolk Police" in warning
        for warning in imported.warnings
    )
    assert any("published" in warning for warning in imported.warnings)


@pytest.mark.parametrize("case", CASES)
def test_pasted_text_gives_the_same_record(case: str) -> None:
    seed, sample, _ = CASES[case]
    imported = import_text(seed.read_text(encoding="utf-8"), "pasted")
    _assert_same(_record(imported), _expected(sample))


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "utf-16"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("case", CASES)
def test_encodings_and_line_ends(case: str, encoding: str, newline: str, tmp_path: Path) -> None:
    seed, sample, _ = CASES[case]
    text = seed.read_text(encoding="utf-8").replace("\n", newline)
    path = tmp_path / "seed.txt"
    path.write_bytes(text.encode(encoding))
    _assert_same(_record(import_document(path)), _expected(sample))


def _convert(fmt: str, seed: Path, folder: Path) -> Path:
    text = seed.read_text(encoding="utf-8")
    if fmt == "html":
        path = folder / f"{seed.stem}.html"
        path.write_text(to_html(text), encoding="utf-8")
        return path
    if fmt == "pdf":
        return to_pdf(text, folder / f"{seed.stem}.pdf")
    return to_docx(text, folder / f"{seed.stem}.docx")


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
@pytest.mark.parametrize("case", CASES)
def test_every_format_gives_the_same_record(case: str, fmt: str, tmp_path: Path) -> None:
    seed, sample, kind = CASES[case]
    imported = import_document(_convert(fmt, seed, tmp_path))
    assert imported.kind == kind
    got, expected = _record(imported), _expected(sample)
    assert _words(got.pop("report_text")) == _words(expected.pop("report_text"))
    _assert_same(got, expected)
    assert sorted(imported.warnings) == sorted(import_document(seed).warnings)


def test_htm_suffix_and_windows_1252_page(tmp_path: Path) -> None:
    page = to_html(PEEL.read_text(encoding="utf-8")).replace("utf-8", "windows-1252")
    path = tmp_path / "saved.HTM"
    path.write_bytes(page.encode("cp1252"))
    got, expected = _record(import_document(path)), _expected(CASES["peel"][1])
    got.pop("report_text"), expected.pop("report_text")
    _assert_same(got, expected)
