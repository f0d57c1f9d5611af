"""The Document tab: preview, print and save the response document (PDF, HTML, Word).

Modules: ``tab`` (the tab and its rendering off the GUI thread), ``preview`` (the QtPdf view
with zoom and pages), ``printing`` (print dialog and pages drawn at 300 dpi), ``files`` (file
formats, names and the default viewer), ``viewer_copies`` (the viewer's temporary copies, removed
when the window closes or at the next start).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.document.tab import DocumentTab


def __getattr__(name: str) -> object:
    """``DocumentTab`` is imported on first use: its rendering stack (reportlab, pypdf, QtPdf)
    takes a fifth of a second to load, which the window's first paint should not wait for."""
    if name == "DocumentTab":
        from app.ui.document.tab import DocumentTab

        return DocumentTab
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["DocumentTab"]
