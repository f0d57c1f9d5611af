"""The tracker's files: a spreadsheet, a CSV file or a PDF progress report for Police and Crime
Panel papers, and the deadlines as a calendar for Outlook. Each is written whole or not at all
(``write_atomically``); the writers (openpyxl, icalendar, reportlab) are loaded only when their
file is asked for.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.db import tracker_records
from app.db.database import Database
from app.documents.output import write_atomically
from app.documents.tracker_calendar import Deadline
from app.domain import clock
from app.domain.deadlines import statutory_deadline
from app.domain.errors import ValidationError
from app.domain.tracking import OpenInspection, TrackedFinding
from app.services.tracker import TrackerFilter, tracker_rows

TRACKER_SUFFIXES = (".xlsx", ".csv", ".pdf")


def export_tracker(
    db: Database, out: Path, where: TrackerFilter | None = None, *, today: dt.date | None = None
) -> int:
    """Write the tracker's rows to ``out``, as its name's ending says; returns how many."""
    suffix = out.suffix.lower()
    if suffix not in TRACKER_SUFFIXES:
        raise ValidationError(
            f"{out.name} does not end in .xlsx, .csv or .pdf, so the kind of file to write is "
            "not known."
        )
    today = today or dt.date.today()
    rows = tracker_rows(db, where, today=today)
    data = _report(db, rows, today, where) if suffix == ".pdf" else _table(suffix, rows)
    write_atomically(out, data)
    return len(rows)


def _report(
    db: Database, rows: list[TrackedFinding], today: dt.date, where: TrackerFilter | None
) -> bytes:
    from app.documents.tracker_pdf import ProgressReport, progress_report_pdf
    from app.services.reading import load_settings

    settings = load_settings(db)
    one = where is not None and where.inspection_id is not None and rows
    title = f"Progress report: {rows[0].inspection_title}" if one else "Recommendation progress"
    organisation = settings.opcc_name or "Office of the Police and Crime Commissioner"
    return progress_report_pdf(ProgressReport(title, organisation, today), rows)


def _table(suffix: str, rows: list[TrackedFinding]) -> bytes:
    if suffix == ".csv":
        from app.documents.tracker_csv import tracker_csv

        return tracker_csv(rows)
    from app.documents.tracker_xlsx import tracker_xlsx

    return tracker_xlsx(rows)


def calendar_deadlines(db: Database, *, today: dt.date | None = None) -> list[Deadline]:
    """Each open inspection's section 55 deadline and Chief Constable's comments date, and the
    target date of each finding still open (closed findings need no reminder)."""
    with db.reading() as connection:
        inspections = tracker_records.read_open_inspections(connection)
    found = [deadline for inspection in inspections for deadline in _inspection_dates(inspection)]
    for row in tracker_rows(db, today=today):
        if row.target_on is not None and not row.status.is_closed:
            found.append(_target(row, row.target_on))
    return found


def _inspection_dates(inspection: OpenInspection) -> list[Deadline]:
    dates: list[Deadline] = []
    deadline = statutory_deadline(inspection.published_on)
    if deadline is not None:
        dates.append(
            Deadline(
                f"inspection-{inspection.id}-s55",
                deadline,
                f"Section 55 response due: {inspection.title}",
                "The last day to publish the Commissioner's comments on the report, with the "
                "Chief Constable's (section 55(5A) of the Police Act 1996).",
            )
        )
    if inspection.cc_comments_requested_by is not None:
        dates.append(
            Deadline(
                f"inspection-{inspection.id}-cc-comments",
                inspection.cc_comments_requested_by,
                f"Chief Constable's comments due: {inspection.title}",
                "The date by which the Chief Constable's comments on the report were asked for "
                "(section 55(4) of the Police Act 1996).",
            )
        )
    return dates


def _target(row: TrackedFinding, on: dt.date) -> Deadline:
    owner = f"Owner: {row.owner}. " if row.owner else ""
    return Deadline(
        f"finding-{row.id}",
        on,
        f"{row.reference} target: {row.inspection_title}",
        f"{owner}Status: {row.status.label}.\n\n{row.text}",
    )


def export_calendar(db: Database, out: Path, *, today: dt.date | None = None) -> int:
    """Write the deadlines to ``out`` as an iCalendar file; returns how many events."""
    from app.documents.tracker_calendar import deadlines_ics

    deadlines = calendar_deadlines(db, today=today)
    write_atomically(out, deadlines_ics(deadlines, stamped=clock.now_utc()))
    return len(deadlines)
