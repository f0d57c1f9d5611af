"""Organisation settings: read and write the single settings row."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import OrganisationRow
from app.domain.enums import ProtectiveMarking
from app.domain.organisation import DEFAULT_OFFICE_STEPS, OrganisationSettings

_TEXT_FIELDS = (
    "opcc_name", "commissioner_title", "commissioner_name", "force_name", "chief_title",
    "chief_name", "website", "logo_filename",
)  # fmt: skip


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
    for name in _TEXT_FIELDS:
        setattr(row, name, getattr(settings, name).strip())
    row.logo = settings.logo
    row.cc_comments_days = max(0, int(settings.cc_comments_days))
    row.protective_marking = settings.protective_marking.value
    row.office_step_names = [step.strip() for step in settings.office_step_names if step.strip()]


def read_settings(session: Session) -> OrganisationSettings:
    row = _row(session)
    return OrganisationSettings(
        **{name: getattr(row, name) for name in _TEXT_FIELDS},
        logo=bytes(row.logo or b""),
        cc_comments_days=row.cc_comments_days,
        protective_marking=ProtectiveMarking(row.protective_marking),
        office_step_names=list(row.office_step_names) or list(DEFAULT_OFFICE_STEPS),
    )


def load_settings(db: Database) -> OrganisationSettings:
    with db.transaction() as session:
        return read_settings(session)


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
