"""Finding sections in a run of blocks: "Areas for improvement", "Causes of concern",
"Recommendations", "Recommendation N" headings and lists introduced by "made three
recommendations:". The same reader serves reports (inside and outside graded questions) and the
findings part of a published response.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.domain.enums import FindingKind
from app.importers.blocks import Block, BlockKind, ends_sentence, is_heading_like, paragraph
from app.importers.findings import FindingCollector, group_items, item_reference
from app.importers.references import Reference, reference_heading, section_kind

_DIRECTIVE = re.compile(r"\b(?:should|must|needs? to|ought to|is to|are to)\b", re.IGNORECASE)
_LIST_INTRO = re.compile(
    r"(?P<rec>recommendations?|recommend)|(?P<afi>areas? for improvement)"
    r"|(?P<coc>causes? of concern)",
    re.IGNORECASE,
)


_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen", "twenty"),
        1,
    )
}  # fmt: skip
_STATED_COUNT = re.compile(
    rf"\b(?P<count>{'|'.join(_NUMBER_WORDS)}|\d{{1,2}})\s+(?:\w+\s+)?"
    r"(?P<kind>recommendations|areas\s+for\s+improvement|causes\s+of\s+concern)\b",
    re.IGNORECASE,
)
"""A number of findings stated before they are listed ("makes nine recommendations")."""


def is_directive(block: Block) -> bool:
    return bool(_DIRECTIVE.search(block.plain))


def list_intro_kind(block: Block) -> FindingKind | None:
    """The kind of findings a sentence such as "HMI made three recommendations:" introduces."""
    text = block.plain.rstrip()
    if block.kind is not BlockKind.PARAGRAPH or not text.endswith(":") or len(text) > 400:
        return None
    match = _LIST_INTRO.search(text)
    if not match:
        return None
    if match.group("rec"):
        return FindingKind.RECOMMENDATION
    return FindingKind.AREA_FOR_IMPROVEMENT if match.group("afi") else FindingKind.CAUSE_OF_CONCERN


@dataclass(slots=True)
class Extracted:
    rest: list[Block]
    """Blocks that are not findings (a question's findings text, a report's prose)."""
    notes: dict[FindingKind, list[Block]] = field(default_factory=dict)
    """Text introducing each kind's list ("There are no areas for improvement made.")."""


class SectionReader:
    """Takes findings out of blocks into a collector; ``loose`` reads a response's findings part,
    where a finding runs to the next heading, rather than a report's, where prose follows."""

    def __init__(
        self, collector: FindingCollector, *, loose: bool = False, question: int | None = None
    ) -> None:
        self.collector = collector
        self.loose = loose
        self.question = question
        self.blocks: list[Block] = []
        self.notes: dict[FindingKind, list[Block]] = {}

    def read(self, blocks: list[Block]) -> Extracted:
        self.blocks = blocks
        rest: list[Block] = []
        index = 0
        while index < len(blocks):
            block = blocks[index]
            heading_like = is_heading_like(block)
            kind = section_kind(block) if heading_like else None
            reference = reference_heading(block)
            if kind is not None:
                index = self._section(index + 1, kind)
            elif reference is not None and (heading_like or reference.rest):
                index = self._referenced(index, reference)
            elif (intro := list_intro_kind(block)) is not None and self._is_item(index + 1):
                rest.append(block)
                if self._counted_otherwise(block, index + 1):
                    index += 1  # a summary of themes, not the findings: kept as text
                    continue
                index = self._items(index + 1, intro, context=block.plain)
            else:
                rest.append(block)
                index += 1
        return Extracted(rest, self.notes)

    def _heading(self, index: int) -> bool:
        """A heading, but not a sentence that introduces a list ("… should make sure that:")."""
        block = self.blocks[index]
        if not is_heading_like(block):
            return False
        return not (block.plain.endswith(":") and self._is_item(index + 1))

    def _is_item(self, index: int) -> bool:
        return index < len(self.blocks) and self.blocks[index].kind is BlockKind.LIST_ITEM

    def _section(self, index: int, kind: FindingKind) -> int:
        if kind is FindingKind.CAUSE_OF_CONCERN:
            before = self.collector.count(FindingKind.CAUSE_OF_CONCERN)
            end = self._causes(index)
            if self.collector.count(FindingKind.CAUSE_OF_CONCERN) == before:
                self.collector.warnings.append(
                    "A “Causes of concern” section was found, but no cause of concern could be "
                    "read from it; add them by hand."
                )
            return end
        taken = False
        context = ""
        while index < len(self.blocks):
            block = self.blocks[index]
            reference = reference_heading(block)
            if block.kind is BlockKind.LIST_ITEM:
                index = self._items(index, kind, context=context)
                taken = True
            elif reference is not None and (is_heading_like(block) or reference.separated):
                index = self._referenced(index, reference)
                taken = True
            elif self._heading(index) or block.kind is BlockKind.TABLE:
                break
            elif is_directive(block) and not block.plain.endswith(":"):
                self.collector.add(kind, [block], question=self.question)
                index += 1
                taken = True
            elif not taken:
                self.notes.setdefault(kind, []).append(block)
                context = block.plain
                index += 1
            else:
                break
        return index

    def _counted_otherwise(self, intro: Block, index: int) -> bool:
        """ "The report makes nine recommendations for UK policing to:" over four items: the
        items sum the recommendations up, they are not them. Said in a warning."""
        match = _STATED_COUNT.search(intro.plain)
        if match is None:
            return False
        stated = _NUMBER_WORDS.get(match.group("count").casefold()) or int(
            match.group("count") if match.group("count").isdigit() else 0
        )
        end = index
        while end < len(self.blocks) and self.blocks[end].kind is BlockKind.LIST_ITEM:
            end += 1
        listed = len(group_items(self.blocks[index:end]))
        if not stated or stated == listed:
            return False
        self.collector.warnings.append(
            f"“{intro.plain[:80]}” counts {match.group('count')} {match.group('kind')} but lists "
            f"{listed} points, so the points are kept as text, not taken as the "
            f"{match.group('kind')}; add the {match.group('kind')} by hand."
        )
        return True

    def _items(
        self, index: int, kind: FindingKind, *, context: str, parent: str | None = None
    ) -> int:
        end = index
        while end < len(self.blocks) and self.blocks[end].kind is BlockKind.LIST_ITEM:
            end += 1
        items = self.blocks[index:end]
        for group, first in zip(group_items(items), _firsts(items), strict=True):
            reference = item_reference(first)
            if reference is None and first.ordered and first.number:
                reference = Reference(kind, first.number, f"{kind.label} {first.number}", "", True)
            if reference is not None and reference.kind is not kind:
                reference = None
            self.collector.add(
                kind,
                group,
                reference=reference,
                question=self.question,
                parent=parent,
                context=context,
            )
        return end

    def _body(self, index: int, first: str) -> tuple[list[Block], int]:
        """The blocks of one referenced finding, starting at ``index``."""
        body = [paragraph(first)] if first else []
        while index < len(self.blocks):
            block = self.blocks[index]
            if block.kind is BlockKind.TABLE or self._heading(index) or reference_heading(block):
                break
            if body and not self.loose and block.kind is BlockKind.PARAGRAPH:
                previous = body[-1]
                opens = previous.kind is BlockKind.PARAGRAPH and previous.plain.endswith(":")
                follows_list = previous.kind is BlockKind.LIST_ITEM and is_directive(block)
                if not (opens or follows_list):
                    break
            body.append(block)
            index += 1
        return body, index

    def _referenced(self, index: int, reference: Reference, parent: str | None = None) -> int:
        if reference.kind is FindingKind.CAUSE_OF_CONCERN:
            return self._cause(index + 1, reference)
        body, index = self._body(index + 1, reference.rest)
        self.collector.add(
            reference.kind, body, reference=reference, question=self.question, parent=parent
        )
        return index

    def _causes(self, index: int) -> int:
        while index < len(self.blocks):
            block = self.blocks[index]
            reference = reference_heading(block)
            if reference is not None and reference.kind is FindingKind.CAUSE_OF_CONCERN:
                index = self._cause(index + 1, reference)
            elif section_kind(block) is FindingKind.CAUSE_OF_CONCERN and is_heading_like(block):
                index = self._cause(index + 1, None)
            elif self._titled_cause(index):
                # "The force needs to improve how it responds to the public" as a heading, its
                # explanation below: the heading is the cause's first line.
                index = self._cause(index + 1, None, title=paragraph(block.plain))
            elif self._heading(index) or block.kind is BlockKind.TABLE:
                break
            elif block.kind is BlockKind.PARAGRAPH and ends_sentence(block.text):
                index = self._cause(index, None)
            else:
                break
        return index

    def _titled_cause(self, index: int) -> bool:
        """A heading that states a cause of concern, followed by its explanation."""
        block = self.blocks[index]
        following = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        return (
            self._heading(index)
            and section_kind(block) is None
            and reference_heading(block) is None
            and is_directive(block)
            and following is not None
            and following.kind is BlockKind.PARAGRAPH
            and not is_heading_like(following)
        )

    def _cause(self, index: int, reference: Reference | None, title: Block | None = None) -> int:
        """One cause of concern: its text, then the recommendations that answer it."""
        text: list[Block] = [paragraph(reference.rest)] if reference and reference.rest else []
        text += [title] if title else []
        context = ""
        listed = False  # under a "Recommendations" heading""
        while index < len(self.blocks):
            block = self.blocks[index]
            if block.kind is not BlockKind.PARAGRAPH or self._heading(index):
                break
            if block.plain.endswith(":") and self._is_item(index + 1):
                context = block.plain
                index += 1
                break
            text.append(block)
            index += 1
        cause = self.collector.add(
            FindingKind.CAUSE_OF_CONCERN, text, reference=reference, question=self.question
        )
        parent = cause.reference if cause else None
        while index < len(self.blocks):
            block = self.blocks[index]
            kind = section_kind(block) if is_heading_like(block) else None
            sub_reference = reference_heading(block)
            if block.kind is BlockKind.LIST_ITEM:
                index = self._items(
                    index, FindingKind.RECOMMENDATION, context=context, parent=parent
                )
            elif kind is FindingKind.RECOMMENDATION:
                index += 1
                listed = True
            elif sub_reference is not None and sub_reference.kind is FindingKind.RECOMMENDATION:
                body, index = self._body(index + 1, sub_reference.rest)
                self.collector.add(
                    FindingKind.RECOMMENDATION, body, reference=sub_reference,
                    question=self.question, parent=parent,
                )  # fmt: skip
            elif (
                block.kind is BlockKind.PARAGRAPH
                and block.plain.endswith(":")
                and self._is_item(index + 1)
            ):
                context = block.plain
                index += 1
            elif listed and is_directive(block) and not self._heading(index):
                # A recommendation written as a sentence ("By 31 July 2024, the force should …").
                self.collector.add(
                    FindingKind.RECOMMENDATION, [block], question=self.question, parent=parent
                )
                index += 1
            else:
                break
        return index


def _firsts(items: list[Block]) -> list[Block]:
    top = min((block.level for block in items), default=1)
    return [block for block in items if block.level <= top]
