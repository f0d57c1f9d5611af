"""The recommendation tracker as a CSV file: UTF-8 with a byte-order mark, so that Excel on a
Windows PC reads the dashes and accented names as written, and dates day first."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from app.documents.tracker_table import HEADINGS, as_text, cells
from app.domain.tracking import TrackedFinding


def tracker_csv(rows: Iterable[TrackedFinding]) -> bytes:
    """The file's bytes: a heading row, then one row per finding."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADINGS)
    for row in rows:
        writer.writerow([as_text(value) for value in cells(row)])
    return text.getvalue().encode("utf-8-sig")
