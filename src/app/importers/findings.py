"""Collecting findings in report order: references, numbering, addressee and due date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.domain.deadlines import extract_due_text, parse_due_text
from app.domain.enums import FindingKind
from app.domain.model import Finding
from app.importers.addressee import find_addressee
from app.importers.blocks import Block, BlockKind, comparable, list_item, plain_text
from app.importers.references import Reference, canonical_reference, parse_reference
from app.importers.render import blocks_to_markdown


@dataclass(slots=True)
class _Pending:
    finding: Finding
    context: str
    """Text that introduced the finding ("By March 2024, the force should:"), for its
    addressee and due date when the finding itself is a fragment."""


@dataclass(slots=True)
class FindingCollector:
    """Findings in the order met, each kind numbered on its own where the source numbers none."""

    warnings: list[str] = field(default_factory=list)
    _pending: list[_Pending] = field(default_factory=list)
    _keys: dict[tuple[FindingKind, int], Finding] = field(default_factory=dict)

    def add(
        self,
        kind: FindingKind,
        blocks: list[Block],
        *,
        reference: Reference | None = None,
        question: int | None = None,
        parent: str | None = None,
        context: str = "",
    ) -> Finding | None:
        text = blocks_to_markdown(blocks)
        if not text.strip():
            return None
        number = reference.number if reference else self._next_number(kind)
        existing = self._keys.get((kind, number))
        if existing is not None:
            # A summary list and the body often give the same recommendation twice.
            if comparable(existing.text) != comparable(text) and reference is not None:
                self.warnings.append(
                    f"{existing.reference} appears twice with different text; the first is kept."
                )
            return None
        written = reference.written if reference else canonical_reference(kind, number)
        finding = Finding(kind=kind, reference=written, text=text, question=question, parent=parent)
        self._keys[(kind, number)] = finding
        self._pending.append(_Pending(finding, context))
        return finding

    def known(self, key: tuple[FindingKind, int]) -> Finding | None:
        return self._keys.get(key)

    def count(self, kind: FindingKind) -> int:
        return sum(1 for item in self._pending if item.finding.kind is kind)

    def _next_number(self, kind: FindingKind) -> int:
        used = [number for (known_kind, number) in self._keys if known_kind is kind]
        return max(used, default=0) + 1

    def finish(self, published_on: dt.date | None) -> list[Finding]:
        """The findings, with addressee, applicability and due dates filled in."""
        findings: list[Finding] = []
        for item in self._pending:
            finding = item.finding
            plain = plain_text(finding.text)
            if finding.kind is FindingKind.RECOMMENDATION:
                found = find_addressee(plain) or (
                    find_addressee(item.context) if item.context else None
                )
                if found is None:
                    self.warnings.append(
                        f"{finding.reference}: no addressee was found, so it is taken to apply "
                        "to the force."
                    )
                else:
                    finding.addressee, finding.applies = found
            finding.due_text = extract_due_text(plain) or extract_due_text(item.context)
            finding.due_on = (
                parse_due_text(finding.due_text, published_on) if finding.due_text else None
            )
            findings.append(finding)
        return findings


def group_items(blocks: list[Block]) -> list[list[Block]]:
    """List items grouped as findings: each top-level item with the items nested under it."""
    groups: list[list[Block]] = []
    top = min((block.level for block in blocks if block.kind is BlockKind.LIST_ITEM), default=1)
    for block in blocks:
        if (block.kind is BlockKind.LIST_ITEM and block.level <= top) or not groups:
            groups.append([_as_paragraph(block)])
        else:
            groups[-1].append(_shifted(block, top))
    return groups


def _as_paragraph(block: Block) -> Block:
    return Block(BlockKind.PARAGRAPH, _without_reference(block.text))


def _shifted(block: Block, top: int) -> Block:
    if block.kind is not BlockKind.LIST_ITEM:
        return block
    return list_item(block.text, block.level - top, ordered=block.ordered, number=block.number)


def _without_reference(text: str) -> str:
    """An item written "Recommendation 3: By …" keeps its text; the reference is kept apart."""
    reference = parse_reference(text)
    return reference.rest if reference and reference.separated and reference.rest else text


def item_reference(block: Block) -> Reference | None:
    reference = parse_reference(block.text)
    return reference if reference and reference.separated and reference.rest else None
