"""Rules an inspection must meet before it is stored."""

from __future__ import annotations

import datetime as dt

from app.domain.english_dates import short_date
from app.domain.errors import ValidationError
from app.domain.model import Inspection

EARLIEST_REPORT = dt.date(1990, 1, 1)


def validate_inspection(inspection: Inspection) -> None:
    """Raise ValidationError naming the first problem, in words a person can act on."""
    if not inspection.title.strip():
        raise ValidationError("An inspection needs a title.")
    for label, value in (
        ("publication date", inspection.published_on),
        ("Chief Constable comments date", inspection.cc_comments_requested_by),
        ("stated deadline", inspection.stated_deadline),
    ):
        if value is not None and not (EARLIEST_REPORT <= value <= dt.date(2100, 12, 31)):
            raise ValidationError(f"The {label} {short_date(value)} is not a plausible date.")
    seen: set[str] = set()
    for finding in inspection.findings:
        reference = finding.reference.strip()
        if not reference:
            raise ValidationError("Every finding needs a reference, such as “Recommendation 1”.")
        if reference in seen:
            raise ValidationError(f"Two findings share the reference “{reference}”.")
        seen.add(reference)


def date_before_publication(inspection: Inspection) -> tuple[str, str] | None:
    """The first date that comes before the publication date, as (field name, message)."""
    published = inspection.published_on
    if published is None:
        return None
    for field_name, label in (
        ("cc_comments_requested_by", "comments date"),
        ("stated_deadline", "stated deadline"),
    ):
        value = getattr(inspection, field_name)
        if value is not None and value < published:
            return field_name, (
                f"The {label} ({short_date(value)}) is before the publication date "
                f"({short_date(published)})."
            )
    return None
