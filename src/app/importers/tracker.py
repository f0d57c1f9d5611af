"""Recommendations laid out as rows rather than headings: trackers and register entries.

A tracker made by a third party, or a table saved as text one cell to a line, gives each
recommendation as a row: its number alone, perhaps a status ("Completed", "Superseded") or
other short label, the text, perhaps the force it is for. The rows are recognised by that
shape (a bare number, short labels, a sentence that directs someone to act), never by the
words of the statuses.

An entry of the inspectorate's recommendations register gives one recommendation and then its
dated statuses ("[on]9th February 2017 [status]awaiting-review[/status]…"); the text before
the first status is the recommendation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.domain.enums import FindingKind
from app.importers.blocks import Block, BlockKind, is_heading_like, paragraph
from app.importers.findings import FindingCollector
from app.importers.forces import forces_named_in
from app.importers.references import Reference
from app.importers.sections import is_directive

_NUMBER = re.compile(r"^\d{1,3}$")
_RECOMMENDS = re.compile(r"\brecommends?\b", re.IGNORECASE)
_LABEL_WORDS = 4
_LABELS_AT_MOST = 2
_MIN_TEXT = 30
_MIN_ROWS = 2
_REGISTER_STATUS = re.compile(r"\[(?:/?status|/?on|/?comment)\]", re.IGNORECASE)


@dataclass(slots=True)
class _Row:
    number: int
    text: Block
    labels: list[str] = field(default_factory=list)
    forces: list[str] = field(default_factory=list)
    end: int = 0


def _row_at(blocks: list[Block], index: int) -> _Row | None:
    block = blocks[index]
    if block.kind is not BlockKind.PARAGRAPH or not _NUMBER.match(block.plain):
        return None
    labels: list[str] = []
    position = index + 1
    while position < len(blocks) and len(labels) <= _LABELS_AT_MOST:
        candidate = blocks[position]
        text = candidate.plain
        if candidate.kind is not BlockKind.PARAGRAPH or _NUMBER.match(text):
            return None
        if len(text) >= _MIN_TEXT and not text.endswith("?"):
            if not (is_directive(candidate) or _RECOMMENDS.search(text)):
                return None
            row = _Row(int(block.plain), candidate, labels, end=position + 1)
            _split_force(row)
            if row.end < len(blocks):
                after = blocks[row.end].plain
                named = forces_named_in(after)
                if named and len(after.split()) <= 2 * _LABEL_WORDS:
                    row.forces, row.end = named, row.end + 1
            return row
        if len(text.split()) > _LABEL_WORDS:
            return None
        labels.append(text)
        position += 1
    return None


_ENDS_CLAUSE = (";", "; and", ".", ":", " and", ",")


def _split_force(row: _Row) -> None:
    """The force's cell joined to the text when a line ended "…; and" (the text runs on)."""
    text = row.text.text.rstrip()
    for name in forces_named_in(text):
        head = text[: -len(name)].rstrip() if text.endswith(name) else ""
        if head.endswith(_ENDS_CLAUSE):
            row.text, row.forces = paragraph(head), [name]
            return


def read_rows(blocks: list[Block], collector: FindingCollector) -> tuple[list[Block], list[str]]:
    """Take numbered recommendation rows out of ``blocks``; the rest, and any warnings."""
    rows: list[_Row] = []
    taken: set[int] = set()
    index = 0
    while index < len(blocks):
        row = _row_at(blocks, index)
        if row is None or (rows and row.number <= rows[-1].number):
            index += 1
            continue
        rows.append(row)
        taken.update(range(index, row.end))
        index = row.end
    if len(rows) < _MIN_ROWS:
        return blocks, []
    for row in rows:
        reference = Reference(
            FindingKind.RECOMMENDATION, row.number, f"Recommendation {row.number}", "", True
        )
        collector.add(FindingKind.RECOMMENDATION, [row.text], reference=reference)
    parts = ["number"]
    labels = sorted({label for row in rows for label in row.labels})
    parts += ["status"] if labels else []
    parts += ["text"] + (["force"] if any(row.forces for row in rows) else [])
    warning = f"{len(rows)} recommendations were read from a tracker's rows ({', '.join(parts)})."
    if labels:
        warning += (
            f" Their statuses ({', '.join(labels)}) are not imported; record progress by hand."
        )
    rest = [block for position, block in enumerate(blocks) if position not in taken]
    return rest, [warning]


def register_entry(blocks: list[Block], collector: FindingCollector) -> list[str]:
    """One recommendation from a register entry: the directing text before its statuses."""
    first_status = next(
        (i for i, block in enumerate(blocks) if _REGISTER_STATUS.search(block.text)), None
    )
    if first_status is None:
        return []
    start = next(
        (
            i
            for i, block in enumerate(blocks[:first_status])
            if block.kind is BlockKind.PARAGRAPH
            and (not is_heading_like(block) or block.plain.endswith(":"))
            and is_directive(block)
        ),
        None,
    )
    if start is None:
        return []
    end = start + 1
    if blocks[start].plain.endswith(":"):
        while end < first_status and blocks[end].kind is BlockKind.LIST_ITEM:
            end += 1
    text = [paragraph(blocks[start].text), *blocks[start + 1 : end]]
    collector.add(FindingKind.RECOMMENDATION, text)
    return [
        "This reads as an entry of the inspectorate's recommendations register: the text before "
        "its dated statuses is taken as the recommendation, and the statuses are not imported."
    ]
