"""What an importer returns: the inspection it recognised and what it could not place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from app.domain.model import Inspection

ImportKind = Literal["report", "response"]


@dataclass(slots=True)
class ImportedInspection:
    inspection: Inspection
    warnings: list[str] = field(default_factory=list)
    kind: ImportKind = "report"
    """``"report"`` for an HMICFRS report, ``"response"`` for a published s55 response."""
