"""Importing reports (issue 5's performance goals): the seed report's text, a 100-page PDF.

Each figure is warm (one untimed run first) and the median of several runs, in-process. The
PDF is the PEEL seed laid out by the same converter the import tests use, repeated to 100
pages, with a running header and page numbers on every page.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from pypdf import PdfReader

from app.importers import import_document, import_text
from tests.benchmarks.timing import median_seconds
from tests.importers.seed_formats import pdf_story, story_to_pdf

ROOT = Path(__file__).resolve().parents[2]
PEEL_SEED = ROOT / "tests" / "fixtures" / "seeds" / "003_13cad28066f6ee0a.txt"
TEXT_BUDGET = 0.050
PDF_BUDGET = 5.0
PDF_PAGES = 100


def hundred_page_pdf() -> bytes:
    """The PEEL seed's layout repeated until the PDF has at least 100 pages."""
    text = PEEL_SEED.read_text(encoding="utf-8")
    pages_per_copy = len(PdfReader(io.BytesIO(story_to_pdf(pdf_story(text)))).pages)
    copies = -(-PDF_PAGES // pages_per_copy)
    return story_to_pdf([item for _ in range(copies) for item in pdf_story(text)])


def run() -> list[tuple[str, float, str]]:
    """(what was measured, seconds, the target it is compared with)."""
    text = PEEL_SEED.read_text(encoding="utf-8")
    seed_text = median_seconds(lambda: import_text(text), repeats=21)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report-100-pages.pdf"
        path.write_bytes(hundred_page_pdf())
        pages = len(PdfReader(path).pages)
        pdf = median_seconds(lambda: import_document(path), repeats=3)
    return [
        ("import: PEEL seed report text (in-process)", seed_text, f"< {TEXT_BUDGET * 1000:.0f} ms"),
        (f"import: {pages}-page report PDF (in-process)", pdf, f"< {PDF_BUDGET:.0f} s"),
    ]
