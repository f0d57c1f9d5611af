"""The Chief Constable's comments (a Word or text file) matched to an inspection's findings.

The comments are cut at each finding reference they give ("Recommendation 2", "AFI 1", "Area
for improvement 1: …", or a table row that starts with one), and each part is proposed for the
finding with the same kind and number. Nothing is written: the person checks and corrects the
proposal in a preview before the responses are filled.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.errors import ImportFailure
from app.domain.model import Finding, Inspection
from app.importers.api import READERS
from app.importers.blocks import (
    Block,
    BlockKind,
    SourceDocument,
    comparable,
    is_heading_like,
    paragraph,
)
from app.importers.limits import read_limited
from app.importers.read_text import read_text
from app.importers.references import Reference, parse_reference, reference_heading
from app.importers.render import blocks_to_markdown
from app.importers.response_roles import without_requote
from app.importers.tidy import tidy


@dataclass(slots=True)
class ProposedMatch:
    reference: str
    """The finding's reference in the inspection."""
    text: str
    """The proposed response (Markdown), without any re-quote of the finding."""
    written: str
    """The reference as the comments write it ("AFI 1" for "Area for improvement 1")."""


@dataclass(slots=True)
class CommentsProposal:
    matches: list[ProposedMatch] = field(default_factory=list)
    overall: str = ""
    """Text before the first reference: proposed as the Chief Constable's overall response."""
    unmatched: str = ""
    """Parts under references the inspection does not have, each kept under its reference."""
    warnings: list[str] = field(default_factory=list)

    def as_mapping(self) -> dict[str, str]:
        return {match.reference: match.text for match in self.matches}


@dataclass(slots=True)
class _Part:
    reference: Reference
    blocks: list[Block] = field(default_factory=list)


def match_comments(inspection: Inspection, path: str | os.PathLike[str]) -> CommentsProposal:
    """Propose which part of a comments file answers which finding of ``inspection``."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportFailure(f"{path.name} is not a supported type; use a .docx or .txt file.")
    data = read_limited(path, path.name)
    return _propose(inspection, reader(data, path.name))


def match_comments_text(inspection: Inspection, text: str) -> CommentsProposal:
    if not text.strip():
        raise ImportFailure("The pasted comments are empty.")
    return _propose(inspection, read_text(text))


def _propose(inspection: Inspection, document: SourceDocument) -> CommentsProposal:
    opening, parts = _parts(tidy(document.blocks))
    while opening and is_heading_like(opening[0]):
        opening = opening[1:]  # the document's own title ("Chief Constable's comments on …")
    proposal = CommentsProposal(
        overall=blocks_to_markdown(opening), warnings=list(document.warnings)
    )
    answered: dict[str, ProposedMatch] = {}
    unmatched: list[str] = []
    for part in parts:
        finding = _finding_for(inspection, part.reference)
        if finding is None:
            text = blocks_to_markdown(part.blocks)
            unmatched.append(
                f"{part.reference.written}\n\n{text}" if text else part.reference.written
            )
            continue
        text = blocks_to_markdown(without_requote(part.blocks, finding.text))
        if finding.reference in answered:
            answered[finding.reference].text += f"\n\n{text}"
        else:
            answered[finding.reference] = ProposedMatch(
                finding.reference, text, part.reference.written
            )
    order = [finding.reference for finding in inspection.findings]
    proposal.matches = sorted(answered.values(), key=lambda match: order.index(match.reference))
    proposal.unmatched = "\n\n".join(unmatched)
    if unmatched:
        count = len(unmatched)
        proposal.warnings.append(
            f"{count} part{'s' if count > 1 else ''} of the comments "
            f"{'name findings' if count > 1 else 'names a finding'} this inspection does not have; "
            "kept apart to place by hand."
        )
    missing = [
        finding.reference
        for finding in inspection.applicable_findings()
        if finding.reference not in answered
    ]
    if missing:
        proposal.warnings.append(f"No comments were found for {', '.join(missing)}.")
    return proposal


def _parts(blocks: list[Block]) -> tuple[list[Block], list[_Part]]:
    opening: list[Block] = []
    parts: list[_Part] = []
    for block in blocks:
        if block.kind is BlockKind.TABLE and _table_parts(block, parts):
            continue
        reference = reference_heading(block)
        if reference is not None and (is_heading_like(block) or reference.separated):
            parts.append(_Part(reference, [paragraph(reference.rest)] if reference.rest else []))
        elif parts:
            parts[-1].blocks.append(block)
        else:
            opening.append(block)
    return opening, parts


def _table_parts(block: Block, parts: list[_Part]) -> bool:
    """Rows such as "Recommendation 2 | The force accepts …" become parts; True if any did."""
    found = False
    for row in block.rows:
        cells = [cell for cell in row if cell]
        reference = parse_reference(cells[0]) if cells else None
        if reference is None:
            continue
        found = True
        body = [paragraph(cell) for cell in cells[1:]]
        if reference.rest:
            body.insert(0, paragraph(reference.rest))
        parts.append(_Part(reference, body))
    return found


def _finding_for(inspection: Inspection, reference: Reference) -> Finding | None:
    wanted = comparable(reference.written)
    for finding in inspection.findings:
        known = parse_reference(finding.reference)
        if known is not None and known.key == reference.key:
            return finding
        if comparable(finding.reference) == wanted:
            return finding
    return None
