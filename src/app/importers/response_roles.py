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
# The inspectorate's own name ("Her Majesty's Inspectorate of Constabulary", "HM Inspector of
# Constabulary") names neither author, though it holds the word "Constabulary".
_INSPECTORATE_NAME = re.compile(
    r"\b(?:(?:her|his)\s+majesty(?:['’]s)?|hm)\s+(?:chief\s+)?inspector(?:ate|s)?\s+of\s+"
    r"constabulary(?:\s+and\s+fire\s+(?:&|and)\s+rescue\s+services?)?",
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
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+")
# Words that hand over to a speaker: "he has stated:", "The Chief Constable's response was:",
# "Chief Constable X commented: “…", "The Chief Constable has responded:".
_HANDOVER = re.compile(
    r"\b(?:stated|states|said|says|responded|responds|commented|comments|replied|added|"
    r"(?:response|reply|view|comments?)\s+(?:was|is|were|are)|as\s+follows)\s*:",
    re.IGNORECASE,
)
ANSWERING_BYLINE = re.compile(
    r"\s+[-–—]\s+(?:\S+\s+){1,5}(?:responds|comments|reacts|replies)$", re.IGNORECASE
)
"""A title's byline: "PEEL: Police Effectiveness 2016 - Lord Willy Bach responds"."""
_QUOTE_MARKS = "“\"‘'"
_SIGNATURE_WORDS = 15
_SIGNED_ROLE = re.compile(
    r"\bchief\s+constable\b|\bcommissioner\b|\bp\.?f?\.?c\.?c\b|\bmayor\b", re.IGNORECASE
)


def without_section_number(text: str) -> str:
    """ "2. Next Steps" → "Next Steps"."""
    return _SECTION_NUMBER.sub("", text, count=1)


# A person's name: up to three capitalised words (case matters here, unlike in the roles).
_NAME = (
    r"(?P<name>(?!(?:The|This|That|Has|Is|Was|Said|Of|For)\b)"
    r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
)
_CHIEF_TITLE = r"(?i:(?:(?:temporary|acting|deputy)\s+)?chief\s+constable)"
_COMMISSIONER_TITLE = (
    r"(?i:p\.?f?\.?c\.?c|police(?:,)?\s+(?:fire(?:\s+(?:&|and)\s+rescue)?\s+)?(?:and\s+)?"
    r"crime\s+commissioner|commissioner)"
)
_NAMED_AFTER = re.compile(rf"\b(?P<role>{_CHIEF_TITLE}|{_COMMISSIONER_TITLE})\s+{_NAME}")
_NAMED_BEFORE = re.compile(
    rf"{_NAME},\s+(?i:\w+['’]s\s+|the\s+)?(?P<role>{_CHIEF_TITLE}|{_COMMISSIONER_TITLE})\b"
)


def named_roles(blocks: list[Block]) -> dict[str, AuthorRole]:
    """The people a document names with their role ("Chief Constable Sarah Crew", "PCC Clare
    Moody", "Gavin Stephens, Chief Constable of …"): full name, first name and surname → role.
    A name given to both roles is left out."""
    found: dict[str, set[AuthorRole]] = {}
    for block in blocks:
        text = block.plain
        for pattern in (_NAMED_AFTER, _NAMED_BEFORE):
            for match in pattern.finditer(text):
                name = match.group("name")
                role = (
                    AuthorRole.CHIEF_CONSTABLE
                    if re.match(_CHIEF_TITLE, match.group("role"))
                    else AuthorRole.COMMISSIONER
                )
                parts = name.split()
                for key in {name, parts[0], parts[-1]} if len(parts) > 1 else set():
                    found.setdefault(key, set()).add(role)
    return {name: next(iter(roles)) for name, roles in found.items() if len(roles) == 1}


def speaker_of(
    block: Block, names: dict[str, AuthorRole] | None = None
) -> tuple[AuthorRole, bool] | None:
    """The author whose words a paragraph hands over to, and whether the quotation starts in
    the same paragraph ("… commented: “As the new Chief Constable …") rather than after it
    ("I have requested the Chief Constable's view on the report, and he has stated:").

    The speaker is the role named before the handing-over words; when both are named, the one
    nearer to them; when neither is, a person ``names`` gives a role to ("Sarah Crew said:").
    """
    if block.kind is not BlockKind.PARAGRAPH:
        return None
    text = block.plain
    match = _HANDOVER.search(text)
    if match is None:
        return None
    rest = text[match.end() :].strip()
    if rest and rest[0] not in _QUOTE_MARKS:
        return None
    before = _without_inspectorate(text[: match.start()])
    chiefs = [m.end() for m in _CHIEF.finditer(before) if "force" not in m.group(0).casefold()]
    commissioners = [m.end() for m in _COMMISSIONER.finditer(before)]
    if not chiefs and not commissioners:
        # "Sarah Crew said:" — a person the document names elsewhere with their role.
        named = [
            (match.end(), role)
            for name, role in (names or {}).items()
            for match in re.finditer(rf"\b{re.escape(name)}\b", before)
        ]
        if not named:
            return None
        return max(named)[1], bool(rest)
    chief_last = max(chiefs, default=-1)
    role = (
        AuthorRole.CHIEF_CONSTABLE
        if chief_last > max(commissioners, default=-1)
        else AuthorRole.COMMISSIONER
    )
    return role, bool(rest)


def _without_inspectorate(text: str) -> str:
    """``text`` with the inspectorate's name blanked out (same length, so offsets hold)."""
    return _INSPECTORATE_NAME.sub(lambda m: " " * len(m.group(0)), text)


def split_handover(block: Block) -> tuple[Block, Block] | None:
    """ "Chief Constable X said: “I fully accept …" cut into the sentence that hands over and
    the quotation it opens, or None when the paragraph does not open a quotation itself."""
    match = _HANDOVER.search(block.text)
    if match is None:
        return None
    intro, rest = block.text[: match.end()].strip(), block.text[match.end() :].strip()
    if not intro or not rest or rest[0] not in _QUOTE_MARKS:
        return None
    return paragraph(intro), paragraph(rest)


def opens_with_quote(block: Block) -> bool:
    return block.plain[:1] in _QUOTE_MARKS


def is_signature(block: Block) -> bool:
    """ "Gavin Stephens, Chief Constable of Surrey Police": a short line giving a name (a few
    words, a comma) and then a role, without a sentence's full stop."""
    text = block.plain.strip()
    if block.kind is not BlockKind.PARAGRAPH or len(text.split()) > _SIGNATURE_WORDS:
        return False
    if not text or text[-1] in ".:;?!" or _RESPONSE_WORDS.search(text):
        return False
    name, comma, role = text.partition(",")
    return bool(comma) and 1 < len(name.split()) <= 4 and bool(_SIGNED_ROLE.search(role))


def role_of_heading(block: Block) -> AuthorRole | None:
    """The author a section heading introduces ("Chief Constable response to report …")."""
    if not is_heading_like(block, max_length=120) or not _RESPONSE_WORDS.search(block.plain):
        return None
    if _HANDOVER.search(block.plain):
        return None  # "The Chief Constable has responded:" hands over; it heads nothing
    if _ATTRIBUTION.search(block.plain):
        return None  # "Response from: Office of the …" names the author of the whole page
    if _DOCUMENT_TITLE.search(block.plain):
        return None
    text = _without_inspectorate(block.plain)
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
