"""A response laid out as a table: one row per finding, a column for each author's response.

Some OPCCs publish "Recommendation | Force response | Commissioner's comment" tables instead of
the template's sections. A table is read this way only when its header names a finding column
and at least one author's column; any other table is left to the rest of the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.enums import AuthorRole, FindingKind
from app.importers.blocks import Block, BlockKind, paragraph, plain_text
from app.importers.references import parse_reference
from app.importers.response_roles import role_of_heading

_FINDING_COLUMN = re.compile(
    r"\b(?:recommendations?|areas?\s+for\s+improvement|afis?|causes?\s+of\s+concern|findings?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TableRow:
    kind: FindingKind
    first: str
    """The finding cell as written ("Recommendation 1: By March 2024, forces should …")."""
    responses: dict[AuthorRole, str]


def _columns(header: tuple[str, ...]) -> tuple[int, dict[AuthorRole, int]] | None:
    finding_column: int | None = None
    roles: dict[AuthorRole, int] = {}
    for index, cell in enumerate(header):
        role = role_of_heading(paragraph(cell)) if cell else None
        if role is not None and role not in roles:
            roles[role] = index
        elif finding_column is None and _FINDING_COLUMN.search(cell):
            finding_column = index
    if finding_column is None or not roles:
        return None
    return finding_column, roles


def read_response_table(block: Block) -> list[TableRow] | None:
    """The rows of a response table, or None when ``block`` is not one."""
    if block.kind is not BlockKind.TABLE or len(block.rows) < 2:
        return None
    columns = _columns(block.rows[0])
    if columns is None:
        return None
    finding_column, roles = columns
    rows: list[TableRow] = []
    for cells in block.rows[1:]:
        first = cells[finding_column] if finding_column < len(cells) else ""
        if not plain_text(first):
            continue
        reference = parse_reference(first)
        kind = reference.kind if reference else FindingKind.RECOMMENDATION
        responses = {
            role: cells[index] for role, index in roles.items() if index < len(cells)
        }  # fmt: skip
        rows.append(TableRow(kind, first, responses))
    return rows
