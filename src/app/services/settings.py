"""Organisation settings: write the single settings row (``reading.load_settings`` reads it)."""

from __future__ import annotations

from app.db import records, settings_store
from app.db.database import Database
from app.domain.organisation import OrganisationSettings


def read_settings(reads: records.Reads) -> OrganisationSettings:
    """The settings as seen inside an open transaction (``reading.load_settings`` otherwise)."""
    return records.read_settings(reads)


def save_settings(db: Database, settings: OrganisationSettings) -> None:
    with db.transaction() as session:
        settings_store.write_settings(session, settings, new_version=True)


def fill_blank_settings(db: Database, settings: OrganisationSettings) -> bool:
    """Use ``settings`` only where nobody has set the organisation up yet (samples)."""
    with db.transaction() as session:
        if not read_settings(session).is_blank():
            return False
        settings_store.write_settings(session, settings, new_version=False)
        return True
