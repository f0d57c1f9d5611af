"""Publishing a response: build the document for an inspection and write its files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app import documents
from app.db.database import Database
from app.documents import (
    ResponseDocument,
    build_response_document,
)
from app.domain.enums import ProtectiveMarking
from app.domain.errors import ValidationError
from app.services.reading import get_inspection, load_settings


@dataclass(slots=True)
class ExportResult:
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse_marking(value: str | None) -> ProtectiveMarking | None:
    """``None`` means "the organisation's setting"; otherwise a marking or a plain error."""
    if value is None:
        return None
    try:
        return ProtectiveMarking(value)
    except ValueError:
        choices = ", ".join(m.value for m in ProtectiveMarking)
        raise ValidationError(
            f"Unknown protective marking {value!r}; use one of {choices}."
        ) from None


def response_document(
    db: Database, inspection_id: int, *, internal: bool, marking: ProtectiveMarking | None = None
) -> ResponseDocument:
    inspection = get_inspection(db, inspection_id)
    return build_response_document(
        inspection, load_settings(db), internal=internal, marking=marking
    )


def publication_gaps(db: Database, inspection_id: int) -> list[str]:
    """What the publication copy leaves out because it is empty, by name, in document order
    ("Link to Report", "Chief Constable response to Recommendation 2"): the check before
    publishing."""
    return list(response_document(db, inspection_id, internal=False).left_out)


def export_response(
    db: Database,
    inspection_id: int,
    *,
    pdf: str | Path | None = None,
    html: str | Path | None = None,
    docx: str | Path | None = None,
    internal: bool = False,
    marking: str | None = None,
) -> ExportResult:
    """Write any combination of PDF, HTML and DOCX from one document, so they never disagree."""
    document = response_document(
        db, inspection_id, internal=internal, marking=parse_marking(marking)
    )
    result = ExportResult(warnings=list(document.warnings))
    for target, writer_name in ((pdf, "write_pdf"), (html, "write_html"), (docx, "write_docx")):
        if target is None:
            continue
        # app.documents loads each writer (and its library) only when it is first used.
        writer = getattr(documents, writer_name)
        for warning in writer(document, Path(target)):
            if warning not in result.warnings:
                result.warnings.append(warning)
        result.written.append(Path(target))
    return result
