"""Graded areas from an "Our judgments" table (PEEL force reports from 2021 onwards).

Those reports grade areas of policing ("Investigating crime") rather than numbered questions.
The table comes in two shapes, both recognised by their cells' meaning (a grade), never by the
areas' names: a grid whose first row names the grades, each area standing in the column of its
grade; or rows that pair an area with its grade, in either order. Each area's findings text is
the section under a heading that names it, without the findings the section lists and without
the grade line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.domain.enums import FindingKind, Grade
from app.domain.model import Finding, GradedQuestion
from app.importers.blocks import Block, BlockKind, is_heading_like
from app.importers.findings import FindingCollector
from app.importers.peel import grade_of
from app.importers.render import blocks_to_markdown
from app.importers.sections import SectionReader

_JUDGMENTS = re.compile(r"^our\s+judge?ments?\b", re.IGNORECASE)
_MIN_GRADE_COLUMNS = 3
_MIN_PAIRS = 2
_LONGEST_AREA = 150
_SEPARATORS = " \t:–—-"


@dataclass(slots=True)
class Judgments:
    areas: list[GradedQuestion] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    listed: dict[tuple[FindingKind, str], int] = field(default_factory=dict)
    """The findings each area's section lists (kind and text) → the area's number."""

    def link(self, findings: list[Finding]) -> None:
        """Mark each finding listed in an area's section as belonging to that area."""
        for finding in findings:
            number = self.listed.get((finding.kind, finding.text))
            if finding.question is None and number is not None:
                finding.question = number


def parse_judgments(blocks: list[Block]) -> Judgments:
    """The graded areas of the report's judgments tables, numbered in table order."""
    graded: dict[str, tuple[str, str]] = {}  # casefolded area → (area, grade)
    after_table = 0
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.TABLE:
            continue
        pairs = _grid(block.rows) or _pairs(block.rows)
        for area, found in pairs:
            graded.setdefault(area.casefold(), (area, found.value))
        if pairs:
            after_table = max(after_table, index + 1)
    result = Judgments()
    names = [area for area, _ in graded.values()]
    for number, (area, grade) in enumerate(graded.values(), 1):
        section = _section(blocks[after_table:], area, names)
        # The findings a section lists are the report's own, read with the rest of the report;
        # here they are only taken out of the area's text and remembered for linking.
        listed = FindingCollector()
        text = blocks_to_markdown(SectionReader(listed).read(section).rest)
        for finding in listed.finish(None):
            result.listed.setdefault((finding.kind, finding.text), number)
        result.areas.append(GradedQuestion("", number, area, grade, text))
    if not result.areas and any(_is_judgments_heading(block) for block in blocks):
        result.warnings.append(
            "The report's grades (“Our judgments”) could not be read from this file: their "
            "table did not survive the save. Add them by hand, or import the report's web page "
            "saved as HTML."
        )
    return result


def _grid(rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, Grade]]:
    """A first row of grades (Outstanding … Inadequate); the areas below, under their grade."""
    if len(rows) < 2:
        return []
    columns = {column: grade for column, cell in enumerate(rows[0]) if (grade := Grade.parse(cell))}
    if len(columns) < _MIN_GRADE_COLUMNS or any(
        cell and column not in columns for column, cell in enumerate(rows[0])
    ):
        return []
    found = []
    for row in rows[1:]:
        for column, cell in enumerate(row):
            if column in columns and _is_area(cell):
                found.append((cell, columns[column]))
    return found


def _pairs(rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, Grade]]:
    """Rows of an area and its grade, in either order, under at most one heading row ("Area",
    "Grade"). Every other row must be such a pair: a data table that happens to hold the word
    "Good" is not a table of judgments.
    """
    found = []
    for row in rows:
        cells = [cell for cell in row if cell]
        grades = [Grade.parse(cell) for cell in cells]
        if len(cells) != 2 or (grades[0] is None) == (grades[1] is None):
            continue
        area = cells[1] if grades[0] is not None else cells[0]
        grade = grades[0] or grades[1]
        if grade is not None and _is_area(area):
            found.append((area, grade))
    filled = sum(1 for row in rows if any(row))
    return found if len(found) >= _MIN_PAIRS and len(found) >= filled - 1 else []


def _is_area(cell: str) -> bool:
    return bool(cell) and Grade.parse(cell) is None and len(cell) <= _LONGEST_AREA


def _is_judgments_heading(block: Block) -> bool:
    return is_heading_like(block) and bool(_JUDGMENTS.match(block.plain))


def _section(blocks: list[Block], area: str, names: list[str]) -> list[Block]:
    """The blocks under the first heading naming ``area`` (alone, or followed by its grade),
    without the grade line. It ends at the next area's heading, or at a heading of the same or a
    higher level.
    """
    start = next((i for i, block in enumerate(blocks) if _names(block, area)), None)
    if start is None:
        return []
    level = blocks[start].level
    end = start + 1
    while end < len(blocks) and not (
        _ends_section(blocks[end], level) or any(_names(blocks[end], name) for name in names)
    ):
        end += 1
    section = blocks[start + 1 : end]
    while section and grade_of(section[0]) is not None:
        section = section[1:]
    return section


def _names(block: Block, area: str) -> bool:
    if not is_heading_like(block):
        return False
    text = block.plain.casefold()
    wanted = area.casefold()
    if text == wanted:
        return True
    rest = text.removeprefix(wanted)
    return rest != text and Grade.parse(rest.strip(_SEPARATORS)) is not None


def _ends_section(block: Block, level: int) -> bool:
    if block.kind is not BlockKind.HEADING:
        return False
    return not level or not block.level or block.level <= level
