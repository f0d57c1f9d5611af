"""The two sample inspections shipped in resources/samples."""

from __future__ import annotations

from pathlib import Path

from app.db.database import Database
from app.domain.organisation import OrganisationSettings
from app.paths import samples_dir
from app.services.archive import read_archive
from app.services.inspections import ImportOutcome, import_inspections
from app.services.settings import fill_blank_settings

SAMPLE_ORGANISATION = OrganisationSettings(
    opcc_name="Office of the Police and Crime Commissioner for Norfolk",
    force_name="Norfolk Constabulary",
    website="https://www.norfolk-pcc.gov.uk",
)


SAMPLES_SOURCE = "the samples"


def sample_files() -> list[Path]:
    return sorted(samples_dir().glob("*.json"))


def load_samples(db: Database) -> ImportOutcome:
    """Load the samples; ones already present are skipped. Settings are filled only when blank."""
    inspections = [inspection for path in sample_files() for inspection in read_archive(path)]
    outcome = import_inspections(db, inspections, update_existing=False, source=SAMPLES_SOURCE)
    fill_blank_settings(db, SAMPLE_ORGANISATION)
    return outcome
