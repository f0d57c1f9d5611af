"""The reading use cases: the register, one inspection, all of them, the organisation settings.

Each reads one consistent snapshot (``Database.reading()``) through ``app.db.records``, the
same SQLAlchemy Core reads on every engine.
"""

from __future__ import annotations

from app.db import records
from app.db.database import Database
from app.domain.model import Inspection, InspectionSummary
from app.domain.organisation import OrganisationSettings


def list_inspections(db: Database, *, include_archived: bool = False) -> list[InspectionSummary]:
    """The register: every inspection (archived ones only when asked), newest first."""
    with db.reading() as connection:
        return records.read_summaries(connection, include_archived=include_archived)


def get_inspection(db: Database, inspection_id: int) -> Inspection:
    with db.reading() as connection:
        return records.read_inspection(connection, inspection_id)


def all_inspections(db: Database, ids: list[int] | None = None) -> list[Inspection]:
    """Whole inspections for an archive: every one (archived included) when ``ids`` is empty."""
    with db.reading() as connection:
        wanted = ids or records.read_inspection_ids(connection)
        return [records.read_inspection(connection, i) for i in wanted]


def load_settings(db: Database) -> OrganisationSettings:
    with db.reading() as connection:
        return records.read_settings(connection)
