"""A progress report on the recommendation tracker as a PDF, for a Police and Crime Panel paper:
the findings at each status, then each inspection with each finding's status, owner, target
date, the inspectorate's status, its wording and its dated progress updates.

It is laid out with the response document's styles and pages (:mod:`app.documents.pdf`): DejaVu
embedded, "Page n of m", metadata in en-GB, and a bookmark for the report, each inspection and
each finding.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.documents.content import SECTION_LEVEL, TITLE_LEVEL, DocumentInfo, HeaderField
from app.documents.markdown import parse_markdown
from app.documents.pdf import build_pdf
from app.documents.pdf_flowables import FlowableBuilder
from app.documents.pdf_styles import FRAME_WIDTH, STEP_TABLE, STYLES, register_fonts
from app.documents.pdf_text import PdfText
from app.domain.english_dates import long_date, short_date
from app.domain.enums import ProgressStatus
from app.domain.tracking import TrackedFinding, days_overdue

UPDATE_COLUMNS = ("Date", "Status", "Note", "By")
UPDATE_WIDTHS = (0.17, 0.24, 0.41, 0.18)
SUMMARY_COLUMNS = ("Status", "Findings", "Of which overdue")
SUMMARY_WIDTHS = (0.5, 0.25, 0.25)


@dataclass(frozen=True, slots=True)
class ProgressReport:
    """What the report says about itself: its title, the office and the day it reports on."""

    title: str
    organisation: str
    today: dt.date
    marking_text: str = ""

    @property
    def info(self) -> DocumentInfo:
        return DocumentInfo(self.title, self.organisation, "Recommendation progress", "HMICFRS")

    @property
    def running_title(self) -> str:
        return self.title


def progress_report_pdf(report: ProgressReport, rows: Sequence[TrackedFinding]) -> bytes:
    """The report's bytes: ``rows`` in their order, grouped by inspection."""
    text = PdfText(register_fonts())
    writer = _Writer(FlowableBuilder(text), text, report.today)
    story = writer.builder.heading(TITLE_LEVEL, report.title, "report", 0)
    overdue = sum(1 for row in rows if row.overdue)
    story += writer.paragraphs(
        f"{report.organisation}. Progress as at {long_date(report.today)}: "
        f"{_count(len(rows), 'finding')}, {overdue} of them overdue."
    )
    story.append(writer.summary(rows))
    groups = itertools.groupby(rows, key=lambda row: (row.inspection_id, row.inspection_title))
    for (inspection_id, title), findings in groups:
        story += writer.builder.heading(SECTION_LEVEL, title, f"inspection-{inspection_id}", 0)
        for row in findings:
            story += writer.finding(row)
    return build_pdf(report, story, text)


class _Writer:
    def __init__(self, builder: FlowableBuilder, text: PdfText, today: dt.date) -> None:
        self.builder, self.text, self.today = builder, text, today

    def paragraphs(self, words: str) -> list[Flowable]:
        return [Paragraph(self.text.plain(words), STYLES["body"])]

    def summary(self, rows: Sequence[TrackedFinding]) -> Table:
        counts = [
            (status.label, [row for row in rows if row.status is status])
            for status in ProgressStatus
        ]
        body = [
            (label, str(len(at)), str(sum(1 for row in at if row.overdue)))
            for label, at in counts
        ]
        return self.table(SUMMARY_COLUMNS, SUMMARY_WIDTHS, body)

    def finding(self, row: TrackedFinding) -> list[Flowable]:
        story = self.builder.heading(SECTION_LEVEL + 1, row.reference, f"finding-{row.id}", 1)
        story.append(self.builder.field_table(self.fields(row)))
        story.append(Spacer(1, 4))
        story += self.builder.blocks(parse_markdown(row.text, SECTION_LEVEL + 2))
        if row.updates:
            body = [
                (short_date(u.on) if u.on else "", _status_words(u.status), u.note, u.by)
                for u in row.updates
            ]
            story.append(self.table(UPDATE_COLUMNS, UPDATE_WIDTHS, body))
        else:
            story += self.paragraphs("No progress has been recorded yet.")
        return story

    def fields(self, row: TrackedFinding) -> tuple[HeaderField, ...]:
        target = short_date(row.target_on) if row.target_on else "None set"
        late = days_overdue(row.status, row.target_on, self.today)
        if late:
            target += f" (overdue by {_count(late, 'day')})"
        hmicfrs = row.hmicfrs_status.label if row.hmicfrs_status else "Not known"
        return (
            HeaderField("Status", row.status.label),
            HeaderField("Owner", row.owner or "Not yet named"),
            HeaderField("Target date", target),
            HeaderField("HMICFRS status", hmicfrs),
        )

    def table(
        self, head: Sequence[str], shares: Sequence[float], body: Sequence[Sequence[str]]
    ) -> Table:
        rows = [[Paragraph(self.text.plain(name), STYLES["table_head"]) for name in head]]
        rows += [
            [Paragraph(self.text.plain(value), STYLES["table_cell"]) for value in line]
            for line in body
        ]
        widths = [FRAME_WIDTH * share for share in shares]
        return Table(
            rows, colWidths=widths, style=STEP_TABLE, repeatRows=1, splitInRow=1, hAlign="LEFT",
            spaceBefore=4, spaceAfter=8,
        )  # fmt: skip


def _status_words(value: str) -> str:
    """A stored status as words: the tracker's label, or an archive's own words as they came."""
    status = ProgressStatus.parse(value)
    return status.label if status is not None else value


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
