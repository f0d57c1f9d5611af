"""Writing the organisation settings: the single ``organisation`` row (id 1).

``records.read_settings`` reads them.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.db import records
from app.db.models import OrganisationRow
from app.domain.organisation import OrganisationSettings


def write_settings(session: Session, settings: OrganisationSettings, *, new_version: bool) -> None:
    """Store ``settings`` (made whole first if nobody has saved any), as a new version when
    ``new_version``."""
    row = _row(session)
    _apply(row, settings)
    if new_version:
        row.version += 1


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
