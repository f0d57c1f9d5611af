"""Hostile and broken input: a result or ImportFailure, never another exception or a hang."""

from __future__ import annotations

import contextlib
import io
import struct
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importers import ImportedInspection, ImportFailure, import_document, import_text
from tests.importers.seed_formats import to_docx, to_html, to_pdf

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
PEEL_TEXT = (SEEDS / "003_13cad28066f6ee0a.txt").read_text(encoding="utf-8")
SPOTLIGHT_TEXT = (SEEDS / "000_45dd2ec332d1d151.txt").read_text(encoding="utf-8")
SUFFIXES = [".txt", ".html", ".htm", ".pdf", ".docx"]
STRUCTURE_LINES = [
    "Recommendation 1", "Recommendation 2:", "Areas for improvement", "  • The force should act.",
    "- a bullet", "1", "How effective is the force?", "Good", "Causes of concern",
    "Cause of concern 1", "Chief Constable response", "PCC response", "For Office Use Only:",
    "Published on: 7 July 2023", "Inspection Title:", "Dear Minister,", "Yours sincerely,",
    "Contents", "", "", "A paragraph that ends properly.", "A paragraph that stops mid",
    "Recommendations", "HMI made two recommendations:", "1. chief constables should act",
]  # fmt: skip
HOSTILE = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _outcome(path: Path) -> ImportedInspection | ImportFailure:
    try:
        return import_document(path)
    except ImportFailure as failure:
        assert failure.message.endswith("."), failure.message
        assert "\n" not in failure.message
        # A reader's own refusal, not the last-resort wrapper around a bug in the parsers.
        assert "could not be read (" not in failure.message, repr(failure.__cause__)
        return failure


@pytest.fixture(scope="module")
def seed_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("seed-files")
    files = {
        ".pdf": to_pdf(SPOTLIGHT_TEXT, folder / "s.pdf").read_bytes(),
        ".docx": to_docx(PEEL_TEXT, folder / "p.docx").read_bytes(),
        ".html": to_html(PEEL_TEXT).encode("utf-8"),
        ".txt": SPOTLIGHT_TEXT.encode("utf-8"),
    }
    return files


@HOSTILE
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(data: bytes, suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    _outcome(path)


@HOSTILE
@given(
    fraction=st.floats(min_value=0.0, max_value=1.0),
    suffix=st.sampled_from([".pdf", ".docx", ".html", ".txt"]),
)
def test_truncated_files(
    seed_files: dict[str, bytes], fraction: float, suffix: str, tmp_path: Path
) -> None:
    data = seed_files[suffix]
    path = tmp_path / f"truncated{suffix}"
    path.write_bytes(data[: int(len(data) * fraction)])
    _outcome(path)


@HOSTILE
@given(text=st.text(max_size=3000))
def test_random_text(text: str) -> None:
    try:
        result = import_text(text)
    except ImportFailure:
        return
    assert result.kind in ("report", "response")
    assert result.inspection.title


@HOSTILE
@given(
    lines=st.lists(
        st.sampled_from(STRUCTURE_LINES),
        max_size=60,
    )
)
def test_shuffled_structure(lines: list[str]) -> None:
    with contextlib.suppress(ImportFailure):
        import_text("\n".join(lines))


def test_enormous_line_is_read_quickly(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    path.write_text("Recommendation 1: " + "forces should act, " * 150_000, encoding="utf-8")
    started = time.perf_counter()
    _outcome(path)
    assert time.perf_counter() - started < 10


def test_enormous_html_line(tmp_path: Path) -> None:
    path = tmp_path / "wide.html"
    path.write_text("<p>" + "word " * 400_000 + "</p>", encoding="utf-8")
    _outcome(path)


@pytest.mark.parametrize("depth", [200, 5_000, 100_000])
def test_deeply_nested_html(depth: int, tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    path.write_text("<div>" * depth + "<p>Deep text.</p>" + "</div>" * depth, encoding="utf-8")
    started = time.perf_counter()
    outcome = _outcome(path)
    assert time.perf_counter() - started < 5
    if depth <= 200:
        assert isinstance(outcome, ImportedInspection)
        assert "Deep text." in outcome.inspection.report_text
    if depth >= 100_000:
        assert isinstance(outcome, ImportFailure)
        assert "nested too deeply" in outcome.message


def test_deeply_nested_lists_and_emphasis(tmp_path: Path) -> None:
    path = tmp_path / "lists.html"
    path.write_text("<ul><li>x" * 600 + "<b>" * 3000 + "text", encoding="utf-8")
    _outcome(path)


def test_zip_bomb_posing_as_docx_is_refused_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as stream:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(100):
                stream.write(chunk)
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(ImportFailure, match="implausible size"):
        import_document(path)


def test_zip_entry_larger_than_it_declares_is_damaged(
    seed_files: dict[str, bytes], tmp_path: Path
) -> None:
    """A zip that understates an entry's size: zipfile stops at the declared size (bad CRC)."""
    data = bytearray(seed_files[".docx"])
    position = 0
    while (position := data.find(b"PK\x01\x02", position)) != -1:  # central directory entries
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46 : position + 46 + name_length] == b"word/document.xml":
            struct.pack_into("<I", data, position + 24, 10)  # its uncompressed size
        position += 4
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFailure):
        import_document(path)


def test_many_entries_docx_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(10_001):
            archive.writestr(f"x/{number}.xml", "")
    path = tmp_path / "many.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ImportFailure, match="too many parts"):
        import_document(path)
