"""Organisation settings: write the single settings row (``reading.load_settings`` reads it)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.db import records
from app.db.database import Database
from app.db.models import OrganisationRow
from app.domain.organisation import OrganisationSettings


def _row(session: Session) -> OrganisationRow:
    row = session.get(OrganisationRow, 1)
    if row is None:
        defaults = OrganisationSettings()
        row = OrganisationRow(id=1, office_step_names=list(defaults.office_step_names), logo=b"")
        _apply(row, defaults)
        session.add(row)
        session.flush()
    return row


def _apply(row: OrganisationRow, settings: OrganisationSettings) -> None:
    for name in records.SETTINGS_TEXTS:
        setattr(row, name, getattr(settings, name).strip())
    row.logo = settings.logo
    row.cc_comments_days = max(0, int(settings.cc_comments_days))
    row.protective_marking = settings.protective_marking.value
    row.office_step_names = [step.strip() for step in settings.office_step_names if step.strip()]


def read_settings(session: Session) -> OrganisationSettings:
    """The settings as seen inside an open transaction (``reading.load_settings`` otherwise)."""
    return records.read_settings(session)


def save_settings(db: Database, settings: OrganisationSettings) -> None:
    with db.transaction() as session:
        row = _row(session)
        _apply(row, settings)
        row.version += 1


def fill_blank_settings(db: Database, settings: OrganisationSettings) -> bool:
    """Use ``settings`` only where nobody has set the organisation up yet (samples)."""
    with db.transaction() as session:
        if not read_settings(session).is_blank():
            return False
        row = _row(session)
        _apply(row, settings)
        return True
