"""Tables on a PDF page, found from where the text stands rather than from any ruling.

A PDF keeps no tables, only text placed on the page. A table shows itself as lines cut into
cells by wide gaps (see ``layout``), whose cells stand in the same columns line after line. A
run of such lines is a table when at least two of them have two or more cells, or when its
first has three or more (a row of grades over the areas graded, as the "Our judgments" table
of a PEEL report has). Lines of one cell join the run while their text stays inside one column,
so a cell wrapped over several lines, or the other lines of a table whose cells are set at the
foot of their row, are part of it.

Inside the run, each column's lines are put together into entries (a line carries on the one
above it when it is close below it and starts in lower case, or the one above stops on a comma
or a joining word), and the entries into rows by the height they stand at: an entry joins the
row whose lines it shares, unless that row already has one in its column.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from app.importers.blocks import Block, table
from app.importers.layout import Cell, Line
from app.importers.lines import BULLET

_COLUMN_SLACK = 4.0
"""How far (in points) a cell may start to the left of its column."""
_ROW_GAP = 3.0
"""Lines further apart than this many line spacings do not belong to one table."""
_CARRY_GAP = 1.35
"""A line this close (in line spacings) below another in its column may carry it on."""
_JOINING = frozenset(("and", "or", "of", "the", "to", "a", "an", "in", "for", "with", "by", "on"))
_MIN_COLUMNS_ALONE = 3
_MIN_CUT_LINES = 2


@dataclass(slots=True)
class PageTable:
    start: int
    """Index of the table's first line on its page."""
    end: int
    """Index after its last line."""
    block: Block


def row_cells(line: Line, columns: list[float] | None = None) -> list[Cell]:
    """The line's cells, a bullet or list number counted as part of the cell after it; with
    the table's ``columns``, a cell is also cut where one of its pieces starts a column."""
    cells = list(line.cells) or [Cell(line.text, line.x, 0.0)]
    if columns:
        cells = [part for cell in cells for part in _cut_at_columns(cell, line, columns)]
    if len(cells) > 1 and BULLET.match(f"{cells[0].text} x") and len(cells[0].text) <= 5:
        first, second = cells[0], cells[1]
        width = second.x + second.width - first.x
        cells[:2] = [Cell(f"{first.text} {second.text}", first.x, width)]
    return cells


def _cut_at_columns(cell: Cell, line: Line, columns: list[float]) -> list[Cell]:
    inside = [p for p in line.pieces if cell.x - 0.5 <= p.x <= cell.x + cell.width + 0.5]
    starts = [
        index
        for index, piece in enumerate(inside)
        if index and any(abs(piece.x - column) <= _COLUMN_SLACK for column in columns)
    ]
    if not starts:
        return [cell]
    parts = []
    for begin, end in itertools.pairwise([0, *starts, len(inside)]):
        chosen = inside[begin:end]
        right = max(p.x + p.width for p in chosen)
        text = " ".join(" ".join(p.text for p in chosen).split())
        parts.append(Cell(text, chosen[0].x, right - chosen[0].x))
    return parts


def find_tables(lines: list[Line], body: int, leading: float) -> list[PageTable]:
    """The tables among one page's lines, in order."""
    tables: list[PageTable] = []
    index = 0
    while index < len(lines):
        found = _table_from(lines, index, body, leading)
        if found is None:
            index += 1
            continue
        tables.append(found)
        index = found.end
    return tables


def _table_from(lines: list[Line], index: int, body: int, leading: float) -> PageTable | None:
    first = row_cells(lines[index])
    if len(first) < 2 or round(lines[index].size) > body:
        return None
    columns = [cell.x for cell in first]
    start = index
    while start > 0 and _starts_above(lines[start - 1], lines[start], columns, body, leading):
        start -= 1
    end = index + 1
    while end < len(lines) and _fits(lines[end], lines[end - 1], columns, body, leading):
        end += 1
    cut = sum(1 for line in lines[start:end] if len(row_cells(line, columns)) > 1)
    if cut < _MIN_CUT_LINES and len(first) < _MIN_COLUMNS_ALONE:
        return None
    rows, links = _rows(lines[start:end], columns, leading)
    if len(rows) < 2:
        return None
    return PageTable(start, end, table(rows, links if any(any(row) for row in links) else None))


def _column_of(cell: Cell, columns: list[float]) -> int | None:
    """The column a cell stands in: it starts inside the column and does not run into the
    next one."""
    for number, left in enumerate(columns):
        right = columns[number + 1] if number + 1 < len(columns) else None
        if cell.x < left - _COLUMN_SLACK:
            return None
        if right is None or cell.x < right - _COLUMN_SLACK:
            if right is not None and cell.x + cell.width > right + _COLUMN_SLACK:
                return None
            return number
    return None


def _fits(line: Line, neighbour: Line, columns: list[float], body: int, leading: float) -> bool:
    """Does ``line`` belong to the same table as ``neighbour`` (the line next to it)?"""
    if round(line.size) > body or abs(neighbour.y - line.y) > _ROW_GAP * leading:
        return False
    cells = row_cells(line, columns)
    if (
        len(columns) > 1
        and len(cells) == 1
        and cells[0].x < columns[1] - _COLUMN_SLACK
        and cells[0].width > columns[-1] - columns[0]
    ):
        return False  # a line of prose from the left margin, as wide as the table
    placed = [_column_of(cell, columns) for cell in cells]
    return None not in placed and len(set(placed)) == len(placed)


def _starts_above(
    line: Line, below: Line, columns: list[float], body: int, leading: float
) -> bool:
    """A line just above the first row that is the start of a cell set at the foot of its row
    ("Requires" over "Outstanding Good … improvement Inadequate"): close above, in a column
    other than the first (a short last line of the sentence before the table stands there)."""
    if line.y - below.y > _CARRY_GAP * leading or not _fits(line, below, columns, body, leading):
        return False
    return all(cell.x >= columns[1] - _COLUMN_SLACK for cell in row_cells(line, columns))


@dataclass(slots=True)
class _Entry:
    column: int
    top: float
    bottom: float
    lines: list[str] = field(default_factory=list)
    url: str = ""

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def _carries_on(entry: _Entry, text: str, y: float, leading: float) -> bool:
    """A line close below another in its column carries it on unless it starts a new item: a
    capital letter (or a bullet) after a line that did not stop on a comma or joining word."""
    if entry.bottom - y > _CARRY_GAP * leading:
        return False
    last_word = entry.lines[-1].rsplit(None, 1)[-1].casefold() if entry.lines else ""
    if entry.lines[-1][-1:] in ",–-:&/(" or last_word in _JOINING:
        return True
    return not (text[:1].isupper() or BULLET.match(text))


def _link_of(cell: Cell, line: Line) -> str:
    """The address of a link annotation over most of the cell, or ""."""
    for left, right, url in line.links:
        overlap = min(right, cell.x + cell.width) - max(left, cell.x)
        if cell.width and overlap >= 0.6 * cell.width:
            return url
    return ""


def _rows(
    lines: list[Line], columns: list[float], leading: float
) -> tuple[list[list[str]], list[list[str]]]:
    entries: list[_Entry] = []
    last_in: dict[int, _Entry] = {}
    for line in lines:
        for cell in row_cells(line, columns):
            column = _column_of(cell, columns)
            if column is None:
                continue
            url = _link_of(cell, line)
            above = last_in.get(column)
            if above is not None and _carries_on(above, cell.text, line.y, leading):
                above.lines.append(cell.text)
                above.bottom = line.y
                above.url = above.url or url
                continue
            entry = _Entry(column, line.y, line.y, [cell.text], url)
            entries.append(entry)
            last_in[column] = entry
    rows: list[dict[int, _Entry]] = []
    bottoms: list[float] = []
    for entry in sorted(entries, key=lambda each: -each.top):
        row = rows[-1] if rows else None
        if row is not None and entry.column not in row and entry.top >= bottoms[-1] - leading / 2:
            row[entry.column] = entry
            bottoms[-1] = min(bottoms[-1], entry.bottom)
        elif row is not None and entry.column in row and _under_first(row, entry, leading):
            # A further paragraph of a cell, beside the row's first cell (a finding's text).
            row[entry.column].lines += entry.lines
            row[entry.column].bottom = entry.bottom
        else:
            rows.append({entry.column: entry})
            bottoms.append(entry.bottom)
    return [
        [row[column].text if column in row else "" for column in range(len(columns))]
        for row in rows
    ], [
        [row[column].url if column in row else "" for column in range(len(columns))] for row in rows
    ]


def _under_first(row: dict[int, _Entry], entry: _Entry, leading: float) -> bool:
    """Does ``entry`` stand beside the row's first-column entry, which reaches down to it?"""
    first = row.get(0)
    return first is not None and entry.column != 0 and entry.top >= first.bottom - leading / 2
