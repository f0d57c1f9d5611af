"""The response document: one content model, rendered as PDF, HTML and DOCX (Qt-free).

``build_response_document`` decides what the response says and in what order; the writers only
decide how it looks, so the three formats never disagree::

    document = build_response_document(inspection, settings, internal=False)
    result = render_pdf(document)        # RenderResult(data, warnings)
    write_html(document, "response.html")

The names below are imported on first use, so a command that writes only a PDF never loads
python-docx, and one that writes only HTML never loads reportlab.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.documents.compose import build_response_document
    from app.documents.content import ResponseDocument, SectionKind
    from app.documents.docx import render_docx, write_docx
    from app.documents.html import html_document, render_html, write_html
    from app.documents.output import RenderResult
    from app.documents.pdf import render_pdf, write_pdf

_HOMES = {
    "RenderResult": "output",
    "ResponseDocument": "content",
    "SectionKind": "content",
    "build_response_document": "compose",
    "html_document": "html",
    "render_docx": "docx",
    "render_html": "html",
    "render_pdf": "pdf",
    "write_docx": "docx",
    "write_html": "html",
    "write_pdf": "pdf",
}
__all__ = [
    "RenderResult",
    "ResponseDocument",
    "SectionKind",
    "build_response_document",
    "html_document",
    "render_docx",
    "render_html",
    "render_pdf",
    "write_docx",
    "write_html",
    "write_pdf",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)
