"""The Document tab: preview, print and save the response document (PDF, HTML, Word).

Modules: ``tab`` (the tab and its rendering off the GUI thread), ``preview`` (the QtPdf view
with zoom and pages), ``printing`` (print dialog and pages drawn at 300 dpi), ``files`` (file
formats, names and the default viewer), ``viewer_copies`` (the viewer's temporary copies, removed
when the window closes or at the next start).
"""

from app.ui.document.tab import DocumentTab

__all__ = ["DocumentTab"]
