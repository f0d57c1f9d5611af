"""A published response cut into sections by what its headings and hand-overs mean.

Sections: header fields, key findings, the findings, one section per author, next steps and
the office-use checklist. A numbered heading ("2. Next Steps") means what its words mean. A
sentence that hands over to the Chief Constable ("I have requested the Chief Constable's view
on the report, and he has stated:", "The Chief Constable has responded:", "Chief Constable X
commented: “…") opens a quotation that is the Chief Constable's: when it opens with quotation
marks, it runs while paragraphs keep opening with them; otherwise up to the next heading or a
signature ("Gavin Stephens, Chief Constable of Surrey Police"). The text then goes back to
the section the quotation interrupted. Each such reading is named in a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.domain.enums import AuthorRole
from app.importers.blocks import Block, BlockKind, is_heading_like, plain_text
from app.importers.references import section_kind
from app.importers.response_roles import (
    is_signature,
    named_roles,
    opens_with_quote,
    role_of_heading,
    speaker_of,
    split_handover,
    without_section_number,
)

_KEY_FINDINGS = re.compile(
    r"^(?:key|main|summary\s+of(?:\s+the)?)\s+findings$|^(?:report\s+)?summary$", re.I
)
OFFICE = re.compile(
    r"\bfor\s+office\s+use\b|\boffice\s+use\s+only\b|^(?:publication\s+)?checklist$", re.I
)
_NEXT_STEPS = re.compile(
    r"^(?:next\s+steps|conclusion|concluding\s+remarks|closing\s+remarks)$", re.I
)
_ROLE_NAMES = {
    AuthorRole.CHIEF_CONSTABLE: "Chief Constable",
    AuthorRole.COMMISSIONER: "Commissioner",
}


@dataclass(slots=True)
class Section:
    kind: str  # "header", "key_findings", "findings", "role", "next_steps", "office", "signature"
    blocks: list[Block] = field(default_factory=list)
    role: AuthorRole | None = None
    quoted: bool = False
    """A quotation handed over to by a sentence, not a section under its own heading."""


def _section_of(block: Block, seen_role: bool) -> Section | None:
    if not is_heading_like(block):
        return None
    text = without_section_number(block.plain.rstrip(":").strip())
    if (role := role_of_heading(block)) is not None:
        return Section("role", role=role)
    if OFFICE.search(text):
        return Section("office")
    if _NEXT_STEPS.match(text):
        return Section("next_steps")
    if seen_role:
        return None  # inside an author's section, other headings are its own sub-headings
    if _KEY_FINDINGS.match(text):
        return Section("key_findings")
    if section_kind(block) is not None:
        return Section("findings", [block])
    return None


@dataclass(slots=True)
class _Quotation:
    role: AuthorRole
    marked: bool
    """It opened with quotation marks, so it runs while paragraphs open with them."""
    resume: Section
    introduced_by: str


@dataclass(slots=True)
class Cutter:
    sections: list[Section] = field(default_factory=lambda: [Section("header")])
    warnings: list[str] = field(default_factory=list)
    seen_role: bool = False
    quotation: _Quotation | None = None
    names: dict[str, AuthorRole] = field(default_factory=dict)

    def cut(self, blocks: list[Block]) -> list[Section]:
        for index, block in enumerate(blocks):
            if self.quotation is not None and self._in_quotation(block):
                self.sections[-1].blocks.append(block)
                continue
            if self.quotation is not None and self._end_quotation(block):
                continue
            section = _section_of(block, self.seen_role) if index > 0 else None
            current = self.sections[-1]
            if current.kind == "office" and block.kind is not BlockKind.HEADING:
                section = None  # a checklist's lines ("Chief Constable's comments received")
            if section is None:
                self._add(block, blocks[index + 1] if index + 1 < len(blocks) else None)
                continue
            if section.kind == "findings" and current.kind == "findings":
                current.blocks.append(block)
                continue
            self.seen_role = self.seen_role or section.kind == "role"
            self.sections.append(section)
        return self.sections

    def _add(self, block: Block, following: Block | None) -> None:
        current = self.sections[-1]
        speaker = speaker_of(block, self.names) if current.kind in ("header", "role") else None
        if speaker is None or current.kind == "office":
            current.blocks.append(block)
            return
        role, starts_here = speaker
        if role is AuthorRole.COMMISSIONER and current.role in (None, AuthorRole.COMMISSIONER):
            current.blocks.append(block)  # the Commissioner's own words in their own section
            return
        if role is current.role:
            current.blocks.append(block)
            return
        if not starts_here:
            if following is None or is_heading_like(following):
                current.blocks.append(block)
                return
            current.blocks.append(block)  # the handing-over sentence stays with its author
        marked = starts_here or (following is not None and opens_with_quote(following))
        introduced_by = plain_text(block.text)
        opening: list[Block] = []
        if starts_here:
            parts = split_handover(block)
            if parts is None:
                opening = [block]
            else:  # the words that hand over stay with their author; the quotation is the other's
                current.blocks.append(parts[0])
                introduced_by, opening = parts[0].plain, [parts[1]]
        self.quotation = _Quotation(role, marked, current, introduced_by)
        self.sections.append(Section("role", opening, role=role, quoted=True))

    def _in_quotation(self, block: Block) -> bool:
        quotation = self.quotation
        assert quotation is not None
        if quotation.marked and block.kind is BlockKind.PARAGRAPH and opens_with_quote(block):
            return True  # a short line in quotation marks is more of the quotation, not a heading
        if is_heading_like(block) or is_signature(block):
            return False
        return not quotation.marked

    def _end_quotation(self, block: Block) -> bool:
        """Close the quotation; True when ``block`` (a signature) is used up by it."""
        quotation = self.quotation
        assert quotation is not None
        self.quotation = None
        name = _ROLE_NAMES[quotation.role]
        signed = is_signature(block)
        self.warnings.append(
            f"The text after “{_short(quotation.introduced_by)}” is quoted as the {name}’s "
            + (f"response, up to the signature “{block.plain}”." if signed else "response.")
        )
        resume = quotation.resume
        self.sections.append(Section(resume.kind, role=resume.role))
        if signed:
            self.sections.append(Section("signature", [block]))
            self.sections.append(Section(resume.kind, role=resume.role))
        return signed


def _short(text: str) -> str:
    return text if len(text) <= 70 else "…" + text[-69:]


def cut_sections(blocks: list[Block]) -> tuple[list[Section], list[str]]:
    cutter = Cutter(names=named_roles(blocks))
    sections = cutter.cut(blocks)
    if cutter.quotation is not None:
        name = _ROLE_NAMES[cutter.quotation.role]
        cutter.warnings.append(
            f"The text after “{_short(cutter.quotation.introduced_by)}” is quoted as the "
            f"{name}’s response, to the end of the document."
        )
    return sections, cutter.warnings
