"""The response document as ordered content: what every writer renders, in the seed's order.

A :class:`ResponseDocument` holds only final text and structure (headings with their levels,
header fields, blocks, entries, office steps); the writers decide how it looks, never what it
says. Heading levels: 1 for the title, 2 for sections, 3 for entries (4 for recommendations
under a cause of concern), and below them the headings inside a text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from app.documents.elements import Block
from app.domain.enums import ProtectiveMarking

TITLE_LEVEL = 1
SECTION_LEVEL = 2
ENTRY_LEVEL = 3


class SectionKind(StrEnum):
    KEY_FINDINGS = "key_findings"
    RECOMMENDATIONS = "recommendations"
    AREAS_FOR_IMPROVEMENT = "areas_for_improvement"
    CAUSES_OF_CONCERN = "causes_of_concern"
    CHIEF_CONSTABLE_RESPONSE = "chief_constable_response"
    COMMISSIONER_RESPONSE = "commissioner_response"
    OFFICE_USE = "office_use"


@dataclass(frozen=True, slots=True)
class HeaderField:
    """One row of the header table ("Published on" | "7 July 2023")."""

    label: str
    value: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """A finding under its reference: listed in a findings section, or answered in a response.

    In a response section ``finding`` is the finding's text in bold and ``response`` the
    author's answer; in a listing section ``response`` is empty.
    """

    heading: str
    anchor: str
    level: int
    finding: tuple[Block, ...]
    response: tuple[Block, ...] = ()
    applies: bool = True


@dataclass(frozen=True, slots=True)
class StepRow:
    """One line of the "For Office Use Only" checklist; blanks are for filling in by hand."""

    step: str
    done_on: str = ""
    done_by: str = ""
    note: str = ""


STEP_COLUMNS = ("Step", "Done on", "By", "Note")


@dataclass(frozen=True, slots=True)
class Section:
    kind: SectionKind
    heading: str
    anchor: str
    intro: tuple[Block, ...] = ()
    entries: tuple[Entry, ...] = ()
    closing: tuple[Block, ...] = ()
    steps: tuple[StepRow, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """File metadata (PDF info dictionary, HTML head, DOCX core properties)."""

    title: str
    author: str
    subject: str
    keywords: str
    language: str = "en-GB"


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    level: int
    title: str
    anchor: str


@dataclass(frozen=True, slots=True)
class ResponseDocument:
    info: DocumentInfo
    organisation: str
    title: str
    title_anchor: str
    running_title: str
    """What a page footer calls the document: the inspection's title."""
    copy_label: str
    statutory: str
    header_fields: tuple[HeaderField, ...]
    deadline_note: str
    sections: tuple[Section, ...]
    internal: bool
    marking: ProtectiveMarking
    logo: bytes
    logo_alt: str
    produced_on: dt.date
    warnings: tuple[str, ...]
    left_out: tuple[str, ...] = ()
    """What is empty, by name ("Link to Report", "Chief Constable response to Recommendation
    2"): left out of the publication copy, marked as a gap to fill in the internal copy."""

    @property
    def marking_text(self) -> str:
        """The words to print in header and footer, or "" for no marking."""
        return "" if self.marking is ProtectiveMarking.NONE else self.marking.value

    def section(self, kind: SectionKind) -> Section | None:
        return next((s for s in self.sections if s.kind is kind), None)

    def outline(self) -> Iterator[OutlineEntry]:
        """Title, sections and entries in order, as PDF bookmark levels (sections at the top)."""
        yield OutlineEntry(0, self.title, self.title_anchor)
        for section in self.sections:
            yield OutlineEntry(0, section.heading, section.anchor)
            for entry in section.entries:
                yield OutlineEntry(entry.level - SECTION_LEVEL, entry.heading, entry.anchor)
