"""An existing recommendation tracker, from a spreadsheet (XLSX) or a CSV file, as rows.

Offices kept their trackers in Excel long before this program. Each keeps its own columns, so
they are found by their headings' words, never by position: the heading row is the first of
the sheet's first rows where at least two headings are recognised (a title or a note may stand
above it). A column's heading is recognised by the words it contains:

===============  ====================================================================
field            headings (any case, other words around them allowed)
===============  ====================================================================
reference        reference, ref, rec no, number, no., recommendation/AFI number, ID
text             recommendation, area for improvement, finding, text, description,
                 detail, wording (when another column already holds the reference)
status           status, progress, position, RAG
owner            owner, lead, responsible, action owner, assigned to
target date      target, due, deadline, completion date, by when
notes            notes, update, comments, commentary, progress update, action taken
inspection       inspection, report, report title, source
===============  ====================================================================

A status is read from its words ("Complete", "closed" → Completed; "ongoing", "amber" → In
progress…); what cannot be read is kept in the notes and the status left alone. Dates are real
spreadsheet dates, dates typed day first, or phrases like "By January 2024". Nothing here knows
any database: matching the rows to findings is ``app.services.tracker_import``'s job.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from app.domain.deadlines import parse_due_text
from app.domain.enums import ProgressStatus
from app.domain.errors import ImportFailure
from app.domain.typed_dates import parse_typed_date
from app.importers.decode import decode_text
from app.importers.limits import read_limited

HEADING_ROWS = 15
MOST_ROWS = 20_000
FIELDS = ("reference", "text", "status", "owner", "target", "note", "inspection")

_HEADINGS: dict[str, tuple[str, ...]] = {
    "reference": (r"\bref(erence)?\b", r"\brec(ommendation)?\.? ?(no|number|num|#)\b",
                  r"\b(afi|aoi)\.? ?(no|number|#)?\b", r"^(no|number|id|#)\.?$"),
    "status": (r"\bstatus\b", r"\bprogress$", r"^position$", r"\brag\b"),
    "owner": (r"\bowner\b", r"\blead\b", r"\bresponsib", r"\bassigned\b"),
    "target": (r"\btarget\b", r"\bdue\b", r"\bdeadline\b", r"\bcompletion date\b",
               r"\bby when\b"),
    "note": (r"\bnotes?\b", r"\bupdates?\b", r"\bcomments?\b", r"\bcommentary\b",
             r"\baction(s)? taken\b"),
    "inspection": (r"\binspection\b", r"\breport\b", r"^source$"),
    "text": (r"\brecommendation\b", r"\barea for improvement\b", r"\bfinding\b", r"\btext\b",
             r"\bdescription\b", r"\bdetail\b", r"\bwording\b"),
}  # fmt: skip
"""The order matters: a heading is the first field it names ("Recommendation status" is a
status, "Recommendation" alone the text)."""

_STATUS_WORDS: tuple[tuple[str, ProgressStatus], ...] = (
    (r"not accepted|rejected|declined|not agreed", ProgressStatus.NOT_ACCEPTED),
    (r"supersed|replaced|overtaken", ProgressStatus.SUPERSEDED),
    (r"not (yet )?started|not begun", ProgressStatus.OPEN),
    (r"evidence|implemented|ready (to|for) clos", ProgressStatus.AWAITING_EVIDENCE),
    (r"complete|closed|done|achieved|discharged|green", ProgressStatus.COMPLETED),
    (r"progress|ongoing|underway|under way|started|amber|on track", ProgressStatus.IN_PROGRESS),
    (r"open|not started|new|red|outstanding", ProgressStatus.OPEN),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One recommendation's line of the tracker, as its cells say."""

    line: int
    """Where it is: the row's number in the sheet, as the spreadsheet shows it."""
    reference: str = ""
    text: str = ""
    status: ProgressStatus | None = None
    status_text: str = ""
    """The status as written (kept in the notes when it cannot be read)."""
    owner: str = ""
    target: dt.date | None = None
    note: str = ""
    inspection: str = ""


@dataclass(frozen=True, slots=True)
class TrackerSheet:
    name: str
    columns: dict[str, str]
    """Which heading each field was read from."""
    rows: tuple[SheetRow, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)


def read_tracker_sheet(path: Path) -> TrackerSheet:
    """The tracker in ``path`` (``.xlsx``, ``.xlsm`` or ``.csv``); ImportFailure with a sentence
    when it cannot be read or has no recognisable columns."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _from_cells(path.name, _workbook_rows(path))
    if suffix in (".csv", ".txt"):
        text = decode_text(read_limited(path, path.name), path.name)
        return _from_cells(path.name, _csv_rows(text))
    raise ImportFailure(
        f"{path.name} is not a tracker this program reads: choose an Excel workbook (.xlsx) "
        "or a CSV file."
    )


def _workbook_rows(path: Path) -> list[list[object]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError) as error:
        raise ImportFailure(f"{path.name} could not be read as an Excel workbook.") from error
    try:
        best: list[list[object]] = []
        for sheet in book.worksheets:  # the sheet with the most recognised headings
            rows = [list(row) for row in islice(sheet.iter_rows(values_only=True), MOST_ROWS)]
            if _score(rows) > _score(best):
                best = rows
        return best
    finally:
        book.close()


def _csv_rows(text: str) -> list[list[object]]:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in islice(csv.reader(io.StringIO(text), dialect), MOST_ROWS)]


def _score(rows: Sequence[Sequence[object]]) -> int:
    return max((len(_columns(row)) for row in rows[:HEADING_ROWS]), default=0)


def _columns(row: Sequence[object]) -> dict[str, int]:
    """Field → column index for a candidate heading row (each field once, first wins)."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        heading = _clean(cell).casefold()
        if not heading or len(heading) > 60:
            continue
        for name, patterns in _HEADINGS.items():
            if name not in found and any(re.search(p, heading) for p in patterns):
                found[name] = index
                break
    return found


def _from_cells(name: str, rows: list[list[object]]) -> TrackerSheet:
    heading_at, columns = next(
        ((n, c) for n, row in enumerate(rows[:HEADING_ROWS]) if len(c := _columns(row)) >= 2),
        (None, {}),
    )
    if heading_at is None or not ({"reference", "text"} & columns.keys()):
        raise ImportFailure(
            f"No tracker columns were found in {name}: the first rows need headings such as "
            "“Recommendation”, “Status”, “Owner”, “Target date” and “Notes”."
        )
    headings = rows[heading_at]
    found = [
        row for n, cells in enumerate(rows[heading_at + 1 :], start=heading_at + 2)
        if (row := _row(n, cells, columns)) is not None
    ]  # fmt: skip
    warnings = [
        f"Row {row.line}: the status “{row.status_text}” was not recognised; it is kept in the "
        "notes." for row in found if row.status_text and row.status is None
    ]  # fmt: skip
    return TrackerSheet(
        name, {field_: _clean(headings[i]) for field_, i in columns.items()}, tuple(found),
        tuple(warnings),
    )  # fmt: skip


def _row(line: int, cells: Sequence[object], columns: dict[str, int]) -> SheetRow | None:
    def cell(name: str) -> object:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    reference, text = _clean(cell("reference")), _clean(cell("text"))
    if not reference and not text:
        return None  # a blank line, or a section's heading with nothing else
    status_text = _clean(cell("status"))
    status = read_status(status_text)
    note = _clean(cell("note"))
    if status_text and status is None:
        note = f"{note}\n\nStatus in the tracker: {status_text}".strip()
    return SheetRow(
        line=line, reference=reference, text=text, status=status, status_text=status_text,
        owner=" ".join(_clean(cell("owner")).split()), target=read_date(cell("target")),
        note=note, inspection=_clean(cell("inspection")),
    )  # fmt: skip


def read_status(text: str) -> ProgressStatus | None:
    """The tracker status a cell's words name, or None."""
    exact = ProgressStatus.parse(text)
    if exact is not None or not text.strip():
        return exact
    folded = text.casefold()
    return next((status for words, status in _STATUS_WORDS if re.search(words, folded)), None)


def read_date(value: object) -> dt.date | None:
    """A spreadsheet date, a date typed day first, or a phrase like "By January 2024"."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _clean(value)
    if not text:
        return None
    return (
        parse_typed_date(text) or parse_due_text(text, None) or parse_due_text(f"by {text}", None)
    )


def _clean(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a number typed as a reference: "3", not "3.0"
    return str(value).replace("\r\n", "\n").strip()


def fields_found(sheet: TrackerSheet) -> Iterable[str]:
    """The fields the sheet has, in a fixed order (for the preview's wording)."""
    return (name for name in FIELDS if name in sheet.columns)
