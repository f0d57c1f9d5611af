"""One author's section of a response: overall text, per-finding responses, closing text."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from app.domain.enums import AuthorRole
from app.importers.blocks import Block, BlockKind, comparable, is_heading_like, paragraph
from app.importers.references import Reference, reference_heading

_RESPONSE_WORDS = re.compile(r"\b(?:response|responses|comments?|reply|statement|views?)\b", re.I)
_CHIEF = re.compile(
    r"\bchief\s+(?:constable|officer)|\bcommissioner\s+of\s+police|\bconstabulary\b|\bforce(?:['’]s)?\b",
    re.IGNORECASE,
)
_COMMISSIONER = re.compile(
    r"\bp\.?f?\.?c\.?c\b|\bopcc\b|\bcommissioner\b|\bmayor\b|\blocal\s+policing\s+body\b", re.I
)
# A closing paragraph speaks of the findings together ("All three recommendations …", "These
# areas for improvement …") or opens as a summary does ("In conclusion", "Overall").
_COLLECTIVE = re.compile(
    r"\b(?:all|both|these|those|each\s+of\s+the|the\s+(?:two|three|four|five|six|seven|eight|nine|"
    r"ten|\d+))\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
    r"(?:recommendations|areas\s+for\s+improvement|causes\s+of\s+concern|findings)\b",
    re.IGNORECASE,
)
_SUMMING_UP = re.compile(
    r"^(?:in\s+(?:summary|conclusion|closing)|to\s+(?:conclude|summarise|summarize)|overall|"
    r"finally|taken\s+together|in\s+the\s+round)\b",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(r"\b(?:from|by)\s*:", re.IGNORECASE)
_DOCUMENT_TITLE = re.compile(
    r"\bresponses?\s+to\s+(?:the\s+)?(?:hmicfrs\s+)?inspections\s+of\b|\bpublished\s+by\b", re.I
)
"""The template's title ("… response to inspections of … published by HMICFRS") names the
whole document, not one author's section."""
_FIRST_SENTENCE = re.compile(r"^.*?(?:[.!?](?=\s|$)|$)", re.DOTALL)


def role_of_heading(block: Block) -> AuthorRole | None:
    """The author a section heading introduces ("Chief Constable response to report …")."""
    if not is_heading_like(block, max_length=120) or not _RESPONSE_WORDS.search(block.plain):
        return None
    if _ATTRIBUTION.search(block.plain):
        return None  # "Response from: Office of the …" names the author of the whole page
    if _DOCUMENT_TITLE.search(block.plain):
        return None
    text = block.plain
    chief, commissioner = _CHIEF.search(text), _COMMISSIONER.search(text)
    if chief and (not commissioner or chief.start() < commissioner.start()):
        return AuthorRole.CHIEF_CONSTABLE
    return AuthorRole.COMMISSIONER if commissioner else None


@dataclass(slots=True)
class PerFinding:
    reference: Reference
    blocks: list[Block]


@dataclass(slots=True)
class RoleSection:
    role: AuthorRole
    overall: list[Block] = field(default_factory=list)
    responses: list[PerFinding] = field(default_factory=list)
    closing: list[Block] = field(default_factory=list)


def split_role_section(role: AuthorRole, blocks: list[Block]) -> RoleSection:
    section = RoleSection(role)
    for block in blocks:
        reference = reference_heading(block)
        if reference is not None and (is_heading_like(block) or reference.separated):
            first = [paragraph(reference.rest)] if reference.rest else []
            section.responses.append(PerFinding(reference, first))
        elif section.responses:
            section.responses[-1].blocks.append(block)
        else:
            section.overall.append(block)
    if section.responses:
        last = section.responses[-1]
        last.blocks, section.closing = split_closing(last.blocks)
    return section


def split_closing(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """Separate closing remarks from the response to the last finding.

    Nothing marks where the last response ends, so the structure decides: the closing begins
    at the first paragraph (never the response's first) whose opening sentence speaks of the
    findings together or sums up; everything from there on is about all of them.
    """
    for index, block in enumerate(blocks):
        if index == 0 or block.kind is not BlockKind.PARAGRAPH:
            continue
        match = _FIRST_SENTENCE.match(block.plain)
        first_sentence = match.group(0) if match else block.plain
        if _COLLECTIVE.search(first_sentence) or _SUMMING_UP.match(first_sentence):
            return blocks[:index], blocks[index:]
    return blocks, []


def without_requote(blocks: list[Block], finding_text: str) -> list[Block]:
    """A response without the finding's text quoted at its start (often in bold)."""
    quoted = {
        comparable(line.lstrip("-*0123456789. "))
        for line in finding_text.split("\n")
        if line.strip()
    }
    quoted.discard("")
    index = 0
    while index < len(blocks) and _is_quote(blocks[index], quoted):
        index += 1
    return blocks[index:]


def _is_quote(block: Block, quoted: set[str]) -> bool:
    text = comparable(block.text)
    if not text:
        return True
    if text in quoted:
        return True
    if len(text) < 40:
        return False
    return any(
        abs(len(text) - len(line)) < 0.15 * len(line)
        and difflib.SequenceMatcher(None, text, line, autojunk=False).ratio() > 0.9
        for line in quoted
    )
