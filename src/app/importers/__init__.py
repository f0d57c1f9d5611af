"""Importers: HMICFRS reports and published responses from text, HTML, PDF and Word files.

Qt-free and database-free: each importer returns an :class:`ImportedInspection` (the record plus
warnings about what it could not place) for the person to check before anything is saved.
"""

from app.domain.errors import ImportFailure
from app.importers.api import SUPPORTED_SUFFIXES, import_document, import_text
from app.importers.result import ImportedInspection

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ImportFailure",
    "ImportedInspection",
    "import_document",
    "import_text",
]
