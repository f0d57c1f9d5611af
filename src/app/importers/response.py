"""A published section 55 response (template, letter or web page) to an inspection.

The document is cut into sections by what its headings mean: header fields, key findings, the
findings themselves, one section per author (Chief Constable, Commissioner), next steps and the
office-use checklist. Whatever cannot be placed is named in a warning, never dropped silently.
"""

from __future__ import annotations

import re

from app.domain.deadlines import extract_due_text, parse_due_text
from app.domain.enums import AuthorRole, FindingKind, InspectionStatus
from app.domain.model import Finding, Inspection, OfficeStep
from app.domain.template import GAPS
from app.importers.addressee import find_addressee
from app.importers.blocks import (
    Block,
    BlockKind,
    SourceDocument,
    is_heading_like,
    paragraph,
    plain_text,
)
from app.importers.dates import DATE, parse_date, prose_published_date, published_date
from app.importers.findings import FindingCollector
from app.importers.references import Reference, parse_reference
from app.importers.render import blocks_to_markdown
from app.importers.response_cut import cut_sections
from app.importers.response_header import (
    Field,
    HeaderValues,
    label_at,
    table_labels,
    template_label_at,
)
from app.importers.response_roles import (
    ANSWERING_BYLINE,
    RoleSection,
    is_signature,
    named_roles,
    speaker_of,
    split_role_section,
    without_requote,
)
from app.importers.response_table import TableRow, read_response_table
from app.importers.result import ImportedInspection
from app.importers.sections import SectionReader, is_directive
from app.importers.tidy import tidy

_SALUTATION = re.compile(r"^dear\b", re.IGNORECASE)
_VALEDICTION = re.compile(
    r"^yours\s+(?:sincerely|faithfully|truly)|^kind\s+regards|^best\s+wishes", re.I
)
_RESPONSE_TO = r"(?:(?:[\w’'&.-]+\s+){0,4}?response\s+to\s+(?:the\s+)?)"
"""A few words before "response to" name who responds ("Surrey PCC", "Commissioner’s")."""
_SUBJECT = re.compile(
    r"^(?:re|subject|ref"
    # "Response to HMICFRS report: …", "HMICFRS inspection – …" as a letter's subject line
    rf"|{_RESPONSE_TO}?"
    r"(?:hmicfrs|hmic|hmi)(?:['’]s)?(?:\s+(?:report|inspection|publication))?)"
    r"\s*[:\-–]\s*(?P<subject>.+)$"
    # "Commissioner’s response to HMICFRS thematic inspection of vetting, …"
    rf"|^{_RESPONSE_TO}(?:hmicfrs|hmic|hmi)(?:['’]s)?\s+(?:\w+\s+){{0,2}}?"
    r"(?P<inspection>inspection\s+(?:of|into)\s+.+)$",
    re.IGNORECASE,
)
_BARE_PUBLISHED = re.compile(r"^published\s+(?:on\s+)?\d{1,2}\s+\w+\s+\d{4}$", re.IGNORECASE)
_RESPONSE_TO_QUOTED = re.compile(
    r"\bresponse\s+to\s+(?:the\s+)?(?:hmicfrs|hmic|hmi)(?:['’]s)?\s+"
    r"[‘“\"'](?P<title>[^’”\"]{4,150})[’”\"']",
    re.IGNORECASE,
)
"""A heading naming the report in quotation marks: "APCC response to HMIC ‘State of Policing’
report"."""
_LINKED_REPORT = re.compile(
    r"(?P<title>[A-Z][^()\n]{10,200}?)\s+[-–|]\s+(?:hmicfrs|hmic|his\s+majesty[^()]{0,80})\s*"
    r"\((?:www\.)?[\w.]*justiceinspectorates\.gov\.uk\)",
    re.IGNORECASE,
)
"""A link to the report as a page shows it: its name, then the site's name and address."""
_REPORT_NAMED = re.compile(
    r"\b(?:HMICFRS|HMIC)(?:['’]s?)?\s+(?:\w+\s+)?report,?\s+(?:(?:titled|entitled|called)\s+)?"
    r"[“\"‘']?(?P<title>[A-Z][^,“”\"]{5,120}?)[”\"’']?,?\s+(?:which|that|was|published)\b"
)
"""A sentence naming the report: "the October 2019 HMICFRS report, The Hard Yards: …, which"."""
_QUOTED = re.compile(r"[“\"‘'](?P<title>[^”\"’']{6,})[”\"’']")


_SHOWN = 6
"""How many unplaced paragraphs a warning quotes."""


class _ResponseParser:
    def __init__(self, document: SourceDocument, source_name: str) -> None:
        self.document = document
        self.source_name = source_name
        self.inspection = Inspection(title="")
        self.collector = FindingCollector()
        self.warnings: list[str] = list(document.warnings)
        self.unplaced: list[Block] = []
        self.letter = False
        self.prose: list[Block] = []
        """Paragraphs outside any author's section and outside a letter."""
        self.tabled: list[tuple[Finding | Reference, TableRow]] = []
        self.names: dict[str, AuthorRole] = {}
        """People the document names with their role ("Chief Constable Sarah Crew")."""

    def parse(self) -> ImportedInspection:
        blocks = [
            block
            for block in tidy(self.document.blocks)
            if not self._table(block) and not _is_gap(block)
        ]
        self.names = named_roles(blocks)
        header = HeaderValues()
        responses: list[RoleSection] = []
        sections, cut_warnings = cut_sections(blocks)
        self.warnings += cut_warnings
        headed = {s.role for s in sections if s.kind == "role" and not s.quoted}
        for section in sections:
            if section.kind == "signature":
                self.unplaced += section.blocks
            elif section.kind == "header":
                self._header(section.blocks, header)
            elif section.kind == "key_findings":
                self.inspection.key_findings = blocks_to_markdown(section.blocks)
            elif section.kind == "findings":
                self._findings(section.blocks)
            elif section.kind == "role" and section.role is not None:
                responses.append(split_role_section(section.role, section.blocks))
            elif section.kind == "next_steps":
                self._append_closing(AuthorRole.COMMISSIONER, section.blocks)
            elif section.kind == "office":
                self._office(section.blocks)
        header.apply(self.inspection)
        self.warnings += header.warnings
        self._fallback_title(blocks)
        self._unattributed(headed, templated=bool(header.values))
        self.inspection.findings = self.collector.finish(self.inspection.published_on)
        self._tabled_responses()
        for role_section in responses:
            self._role(role_section)
        self._finish()
        return ImportedInspection(
            self.inspection, self.warnings + self.collector.warnings, "response"
        )

    # --- header and letter ---------------------------------------------------------------------

    def _header(self, blocks: list[Block], header: HeaderValues) -> None:
        """Header fields; in a letter, the Commissioner's words between greeting and sign-off."""
        current: Field | None = None
        state = "letter" if self.letter else "header"
        letter_body: list[Block] = []
        for block in blocks:
            text = block.plain
            if state == "signature" or _VALEDICTION.match(text):
                state = "signature"
                self.unplaced.append(block)
                continue
            if state == "header" and (rows := table_labels(block)) is not None:
                for name, value in rows:
                    header.values.setdefault(name, []).append(value)
                current = None
                continue
            label = (template_label_at(block) or label_at(block)) if state == "header" else None
            if label is not None:
                current, value = label
                header.values.setdefault(current, [])
                if value:
                    header.values[current].append(value)
                continue
            if _SALUTATION.match(text) and len(text) < 80:
                state, current, self.letter = "letter", None, True
                continue
            if _SUBJECT.match(text) and not self.inspection.title:
                self._subject(text)
                continue
            if current is not None:
                listed = current in (Field.TYPES, Field.FORCES)
                if not header.values[current] or (listed and block.kind is BlockKind.LIST_ITEM):
                    header.values[current].append(block.text)
                    current = current if listed else None
                    continue
                current = None
            if state == "letter":
                letter_body.append(block)
            elif is_signature(block) or (
                is_heading_like(block) and not speaker_of(block, self.names)
            ):
                self.unplaced.append(block)
            else:
                self.prose.append(block)
        if letter_body:
            self._append_overall(AuthorRole.COMMISSIONER, letter_body)

    def _unattributed(self, headed: set[AuthorRole | None], *, templated: bool) -> None:
        """Prose under no author's heading: the office's own words when the document has
        neither sections by author nor header fields (a statement, a web page); otherwise left
        unplaced, as a template's preamble is (a template with no author's section holds no
        response yet)."""
        if not self.prose:
            return
        if headed or self.letter or templated:
            self.unplaced[:0] = self.prose
            return
        self._append_overall(AuthorRole.COMMISSIONER, self.prose, first=True)
        self.warnings.append(
            "No section of the document names its author, so its text (from "
            f"“{_excerpt(self.prose[0])[:40]}”) is taken as the Commissioner’s response."
        )

    def _subject(self, text: str) -> None:
        match = _SUBJECT.match(text)
        if match is None or self.inspection.title:
            return
        subject = match.group("subject") or match.group("inspection")
        subject = subject[:1].upper() + subject[1:]
        quoted = _QUOTED.search(subject)
        title = quoted.group("title") if quoted else DATE.sub("", subject)
        self.inspection.title = title.strip(" ,.–-")
        if self.inspection.published_on is None:
            self.inspection.published_on = published_date(subject) or parse_date(subject)

    def _fallback_title(self, blocks: list[Block]) -> None:
        if not self.inspection.title:
            for block in blocks:
                if _SUBJECT.match(block.plain) is not None:
                    self._subject(block.plain)
                    break
        if not self.inspection.title:
            self._bylined_title(blocks)
        if not self.inspection.title:
            self._named_title(blocks)
        if not self.inspection.title:
            self.inspection.title = self.document.title or self.source_name or "Imported response"
            self.warnings.append("No inspection title was found; enter it before saving.")
        if self.inspection.published_on is None:
            dated = [block for block in blocks if not self._page_date(block)]
            for block in dated:
                if found := published_date(block.plain):
                    self.inspection.published_on = found
                    break
            else:
                self._prose_date(dated)

    def _page_date(self, block: Block) -> bool:
        """ "Published 28 March 2024" standing alone under a letter's page title dates the
        letter's page, not the report: a letter's report date is in its text. Said in a
        warning."""
        if not self.letter or not _BARE_PUBLISHED.match(block.plain):
            return False
        self.warnings.append(
            f"“{_clip(block.plain)}” dates the page that publishes this letter, so it is not "
            "taken as the report’s publication date."
        )
        return True

    def _bylined_title(self, blocks: list[Block]) -> None:
        """A first heading that names the report and then who answers it ("PEEL: Police
        Effectiveness 2016 - Lord Willy Bach responds"): the report's name is the title."""
        first = next((block for block in blocks if block.plain.strip()), None)
        if first is None or not is_heading_like(first):
            return
        match = ANSWERING_BYLINE.search(first.plain)
        if match is None or match.start() == 0:
            return
        self.inspection.title = first.plain[: match.start()].strip()
        self.warnings.append(
            f"The title was taken from the heading “{_clip(first.plain)}” without the words "
            f"after the dash (“{match.group(0).strip(' -–—')}”), which name who answers it."
        )

    def _named_title(self, blocks: list[Block]) -> None:
        """The report named where the page links to it ("An inspection of … - HMICFRS
        (justiceinspectorates.gov.uk)"), or in a sentence ("the October 2019 HMICFRS report,
        The Hard Yards: Police-to-police collaboration, which …"); said in a warning."""
        for block in blocks:
            text = block.plain
            if is_heading_like(block) and (match := _RESPONSE_TO_QUOTED.search(text)):
                where = f"the heading “{_clip(text)}”"
            elif match := _LINKED_REPORT.match(text):
                where = f"the link to the inspectorate’s page “{_clip(match.group(0))}”"
            elif match := _REPORT_NAMED.search(text):
                where = f"the sentence “{_clip(match.group(0))}”"
            else:
                continue
            self.inspection.title = match.group("title").strip(" ,.–-")
            self.warnings.append(f"The title was read from {where}; check it.")
            return

    def _prose_date(self, blocks: list[Block]) -> None:
        for block in blocks:
            if (found := prose_published_date(block.plain)) is not None:
                self.inspection.published_on = found[0]
                self.warnings.append(
                    f"The publication date was read from the sentence “{_clip(found[1])}”; "
                    "check it."
                )
                return
        self.warnings.append("No publication date was found; enter it before saving.")

    # --- findings, responses, checklist ---------------------------------------------------------

    def _findings(self, blocks: list[Block]) -> None:
        extracted = SectionReader(self.collector, loose=True).read(blocks)
        notes = extracted.notes
        self.inspection.recommendations_note = blocks_to_markdown(
            notes.get(FindingKind.RECOMMENDATION, [])
        )
        self.inspection.areas_for_improvement_note = blocks_to_markdown(
            notes.get(FindingKind.AREA_FOR_IMPROVEMENT, [])
        )
        self.inspection.causes_of_concern_note = blocks_to_markdown(
            notes.get(FindingKind.CAUSE_OF_CONCERN, [])
        )
        self.unplaced += [block for block in extracted.rest if not is_heading_like(block)]

    def _table(self, block: Block) -> bool:
        """Take the findings and responses out of a response table; False for other blocks."""
        rows = read_response_table(block)
        if rows is None:
            return False
        for row in rows:
            reference = parse_reference(row.first)
            text = row.first
            if reference is not None:
                text = reference.rest if reference.separated or not reference.rest else row.first
            found = self.collector.add(row.kind, [paragraph(text)], reference=reference)
            if found is not None:
                self.tabled.append((found, row))
            elif reference is not None:
                self.tabled.append((reference, row))
        return True

    def _tabled_responses(self) -> None:
        for target, row in self.tabled:
            finding = (
                target
                if isinstance(target, Finding)
                else self._finding_for(target.key, target.written, [])
            )
            for role, text in row.responses.items():
                if text.strip():
                    previous = finding.responses.get(role)
                    finding.responses.set(role, f"{previous}\n\n{text}" if previous else text)

    def _role(self, section: RoleSection) -> None:
        self._append_overall(section.role, self._before_sign_off(section.overall))
        for answer in section.responses:
            blocks = self._before_sign_off(answer.blocks)
            finding = self._finding_for(answer.reference.key, answer.reference.written, blocks)
            text = blocks_to_markdown(without_requote(blocks, finding.text))
            previous = finding.responses.get(section.role)
            finding.responses.set(section.role, f"{previous}\n\n{text}" if previous else text)
        self._append_closing(section.role, section.closing)

    def _finding_for(
        self, key: tuple[FindingKind, int], written: str, blocks: list[Block]
    ) -> Finding:
        for finding in self.inspection.findings:
            if finding.reference == written or _key_of(finding) == key:
                return finding
        finding = Finding(kind=key[0], reference=written)
        self.inspection.findings.append(finding)
        first = blocks[0] if len(blocks) > 1 else None
        if first is not None and first.kind is BlockKind.PARAGRAPH and is_directive(first):
            # "Recommendation 1: By April 2023, chief constables should …" opens the answer,
            # the response follows: a letter or a web page quotes the finding there rather
            # than listing it (the quote is then left out of the response, as a re-quote is).
            self._fill_finding(finding, first)
            self.warnings.append(
                f"The text of {written} was taken from the line that introduces the response "
                "to it; check it against the report."
            )
            return finding
        self.warnings.append(
            f"{written} is answered but its text is not listed in the document; add it from "
            "the report."
        )
        return finding

    def _fill_finding(self, finding: Finding, block: Block) -> None:
        finding.text = blocks_to_markdown([block])
        plain = plain_text(finding.text)
        finding.due_text = extract_due_text(plain)
        finding.due_on = parse_due_text(finding.due_text, self.inspection.published_on)
        if finding.kind is FindingKind.RECOMMENDATION and (found := find_addressee(plain)):
            finding.addressee, finding.applies = found

    def _append_overall(
        self, role: AuthorRole, blocks: list[Block], *, first: bool = False
    ) -> None:
        end = len(blocks)
        while end and blocks[end - 1].kind is BlockKind.HEADING:
            end -= 1  # a heading with nothing under it (its table was read as findings)
        self.unplaced += blocks[end:]
        text = blocks_to_markdown(blocks[:end])
        if text:
            previous = self.inspection.overall.get(role)
            joined = [text, previous] if first else [previous, text]
            self.inspection.overall.set(role, "\n\n".join(part for part in joined if part))

    def _before_sign_off(self, blocks: list[Block]) -> list[Block]:
        """The blocks before a letter's "Yours sincerely"; the signature is not a response."""
        for index, block in enumerate(blocks):
            if _VALEDICTION.match(block.plain):
                self.unplaced += blocks[index:]
                return blocks[:index]
        return blocks

    def _append_closing(self, role: AuthorRole, blocks: list[Block]) -> None:
        text = blocks_to_markdown(self._before_sign_off(blocks))
        if text:
            previous = self.inspection.closing.get(role)
            self.inspection.closing.set(role, f"{previous}\n\n{text}" if previous else text)

    def _office(self, blocks: list[Block]) -> None:
        for block in blocks:
            if block.kind is BlockKind.TABLE:
                for row in block.rows:
                    self._office_step([cell for cell in row if cell])
            elif block.kind in (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH):
                self._office_step([block.text])

    def _office_step(self, cells: list[str]) -> None:
        if not cells:
            return
        step, others = plain_text(cells[0]), [plain_text(cell) for cell in cells[1:]]
        done_on = next((parse_date(cell) for cell in others if parse_date(cell)), None)
        if done_on is None and (match := re.search(rf"\s*[–\-:(]\s*({DATE.pattern})\)?$", step)):
            done_on, step = parse_date(match.group(0)), step[: match.start()].strip()
        done_by = next((cell for cell in others if not parse_date(cell)), "")
        if step and not re.fullmatch(r"(?i)step|action|date|by|done|completed", step):
            self.inspection.office_steps.append(OfficeStep(step, done_on, done_by))

    def _finish(self) -> None:
        inspection = self.inspection
        if inspection.overall.commissioner or any(
            f.responses.commissioner for f in inspection.findings
        ):
            inspection.status = InspectionStatus.PUBLISHED
            self.warnings.append(
                "The document holds the Commissioner's response, so the inspection is marked as "
                "published; change the status if it is a draft."
            )
        if not inspection.findings:
            self.warnings.append("No recommendations or areas for improvement were found.")
        if self.unplaced:
            shown = [f"“{_excerpt(block)}”" for block in self.unplaced[:_SHOWN]]
            more = len(self.unplaced) - len(shown)
            self.warnings.append(
                "Text not placed in any field: "
                + "; ".join(shown)
                + (f"; and {more} more paragraph{'s' if more > 1 else ''}." if more else ".")
            )


def _is_gap(block: Block) -> bool:
    """A gap the internal copy of an exported response marks ("No response has been
    recorded."): nobody wrote it, so it is not imported as a response."""
    return block.kind is BlockKind.PARAGRAPH and block.plain in GAPS


def _excerpt(block: Block) -> str:
    text = plain_text(block.text)
    return text if len(text) <= 80 else text[:79].rstrip() + "…"


def _clip(text: str) -> str:
    return text if len(text) <= 100 else text[:99].rstrip() + "…"


def _key_of(finding: Finding) -> tuple[FindingKind, int] | None:
    reference = parse_reference(finding.reference)
    return reference.key if reference else None


def parse_response(document: SourceDocument, source_name: str = "") -> ImportedInspection:
    return _ResponseParser(document, source_name).parse()
