"""Rendering the spotlight sample's response in-process (issue 4's performance goal).

Each figure is warm (one untimed run first) and the median of several runs; the PDF figure
also shows its fastest and slowest run, since a busy machine moves a fixed budget's verdict.
The command-line export and the LibreOffice comparison are measured separately.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from app.documents import (
    ResponseDocument,
    build_response_document,
    render_docx,
    render_html,
    render_pdf,
)
from app.documents.markdown import parse_markdown
from app.domain.organisation import OrganisationSettings
from app.services.archive import read_archive
from tests.benchmarks.timing import median_seconds, timed_runs

ROOT = Path(__file__).resolve().parents[2]
SPOTLIGHT = ROOT / "resources" / "samples" / "spotlight-getting-a-grip.json"
REPEATS = 15
PDF_BUDGET = 0.060


def run() -> list[tuple[str, float, str]]:
    """(what was measured, seconds, the target or reference it is compared with)."""
    (inspection,) = read_archive(SPOTLIGHT)
    settings = OrganisationSettings(
        opcc_name="Office of the Police and Crime Commissioner for Norfolk",
        force_name="Norfolk Constabulary",
    )

    def document() -> ResponseDocument:
        return build_response_document(inspection, settings, internal=False)

    def cold_document() -> ResponseDocument:
        parse_markdown.cache_clear()
        return document()

    built = document()
    runs = timed_runs(lambda: render_pdf(document()), repeats=REPEATS)
    pdf = statistics.median(runs)
    pdf_cold = median_seconds(lambda: render_pdf(cold_document()), repeats=REPEATS)
    verdict = "met" if pdf <= PDF_BUDGET else "NOT met"
    return [
        ("documents: spotlight PDF in-process (model + render)", pdf,
         f"≤ {PDF_BUDGET * 1000:.0f} ms ({verdict}); runs {min(runs) * 1000:.0f}–"
         f"{max(runs) * 1000:.0f} ms"),
        ("documents: same, Markdown parsed afresh each run", pdf_cold,
         "the first render of a changed text"),
        ("documents: spotlight document model only", median_seconds(document, repeats=REPEATS),
         "part of the PDF figure"),
        ("documents: spotlight HTML in-process", median_seconds(lambda: render_html(built)),
         "no budget"),
        ("documents: spotlight DOCX in-process", median_seconds(lambda: render_docx(built)),
         "no budget"),
    ]  # fmt: skip
