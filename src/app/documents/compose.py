"""Build the response document from an inspection and the organisation settings.

The sections follow the published template (the seed ``000_…``): title with the OPCC's name,
the statutory paragraph, the header table, Key Findings, Recommendations, Areas for Improvement,
Causes of Concern where present, the Chief Constable's response, the Commissioner's response
and, in the internal copy only, "For Office Use Only". Every text is cleaned once here, so the
writers all receive the same characters and the same warnings.
"""

from __future__ import annotations

import datetime as dt

from app.documents.content import (
    ENTRY_LEVEL,
    DocumentInfo,
    Entry,
    HeaderField,
    OutlineEntry,
    ResponseDocument,
    Section,
    SectionKind,
    StepRow,
)
from app.documents.elements import LINE_BREAK, Block, Span, embolden, plain_paragraph
from app.documents.elements import Paragraph as TextParagraph
from app.documents.key_findings import graded_summary
from app.documents.markdown import parse_markdown, safe_href
from app.documents.text import TextCleaner, format_date, join_words, slug
from app.domain.completeness import finding_name, overall_name
from app.domain.deadlines import DEADLINE_EXPLANATION, statutory_deadline
from app.domain.enums import AuthorRole, FindingKind, ProtectiveMarking
from app.domain.model import Finding, Inspection
from app.domain.organisation import OrganisationSettings
from app.domain.template import (
    INSPECTION_TITLE,
    LINK_TO_REPORT,
    NO_KEY_FINDINGS,
    NO_RESPONSE,
    NOT_RECORDED,
    POLICE_FORCES,
    PUBLICATION_TYPES,
    PUBLISHED_ON,
    RESPONSE_DEADLINE,
)

__all__ = [
    "DocumentInfo",
    "Entry",
    "HeaderField",
    "OutlineEntry",
    "ResponseDocument",
    "Section",
    "SectionKind",
    "StepRow",
    "build_response_document",
]

INSPECTORATE = "His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)"
STATUTORY_PARAGRAPH = (
    "Section 55 of the Police Act 1996 (as amended by section 37 of the Policing and Crime Act "
    "2017) requires local policing bodies to respond to recommendations in inspectors’ reports "
    "within 56 days."
)
RESPONSE_HEADING = "{role} response to report and any Recommendations/Areas for Improvement"
_LISTINGS = {
    FindingKind.RECOMMENDATION: (SectionKind.RECOMMENDATIONS, "Recommendations"),
    FindingKind.AREA_FOR_IMPROVEMENT: (SectionKind.AREAS_FOR_IMPROVEMENT, "Areas for Improvement"),
}
_RESPONSE_SECTIONS = {
    AuthorRole.CHIEF_CONSTABLE: SectionKind.CHIEF_CONSTABLE_RESPONSE,
    AuthorRole.COMMISSIONER: SectionKind.COMMISSIONER_RESPONSE,
}


def build_response_document(
    inspection: Inspection,
    settings: OrganisationSettings,
    *,
    internal: bool,
    marking: ProtectiveMarking | None = None,
    today: dt.date | None = None,
) -> ResponseDocument:
    """The publication copy (``internal=False``) or the internal copy with the office checklist.

    The publication copy leaves out whatever is empty (a response, a header field, the Key
    Findings) and names it in ``left_out`` and a warning; the internal copy shows it as a gap
    to fill ("No response has been recorded."). ``marking`` defaults to the organisation's
    protective marking; ``today`` is the date the internal copy says it was produced on.
    """
    return _Builder(inspection, settings, internal).build(
        settings.protective_marking if marking is None else marking, today or dt.date.today()
    )


class _Builder:
    def __init__(self, inspection: Inspection, settings: OrganisationSettings, internal: bool):
        self.inspection = inspection
        self.settings = settings
        self.internal = internal
        self.cleaner = TextCleaner()
        self.warnings: list[str] = []
        self.left_out: list[str] = []
        self._anchors: set[str] = set()
        self.force = self.text(settings.force_name, "the force name").strip() or "the force"

    # --- helpers -----------------------------------------------------------------------------

    def text(self, value: str, where: str) -> str:
        return self.cleaner.clean(value, where)

    def blocks(self, markdown: str, level: int, where: str) -> tuple[Block, ...]:
        return parse_markdown(self.text(markdown, where), level)

    def anchor(self, *parts: str) -> str:
        base = "-".join(slug(part) for part in parts)
        candidate, number = base, 1
        while candidate in self._anchors:
            number += 1
            candidate = f"{base}-{number}"
        self._anchors.add(candidate)
        return candidate

    def role_title(self, role: AuthorRole) -> str:
        return self.text(self.settings.role_title(role), "the role titles")

    def gap(self, name: str, placeholder: tuple[Block, ...]) -> tuple[Block, ...]:
        """What stands for an empty item: nothing in the publication copy, ``placeholder`` in
        the internal one; either way the item is named for the person to check."""
        self.left_out.append(name)
        if self.internal:
            self.warnings.append(f"Still empty (marked in this copy): {name}.")
            return placeholder
        self.warnings.append(f"Left out of the publication copy because it is empty: {name}.")
        return ()

    # --- the document ------------------------------------------------------------------------

    def build(self, marking: ProtectiveMarking, today: dt.date) -> ResponseDocument:
        inspection = self.inspection
        commissioner = self.role_title(AuthorRole.COMMISSIONER)
        title = (
            f"{commissioner} response to inspections of {self.force} published by {INSPECTORATE}"
        )
        inspection_title = self.text(inspection.title, "the inspection title")
        organisation = self.text(self.settings.opcc_name, "the OPCC name").strip()
        header_fields = self.header_fields(inspection_title)  # first: gaps in document order
        optional = [
            self.key_findings(),
            self.listing(FindingKind.RECOMMENDATION, inspection.recommendations_note),
            self.listing(FindingKind.AREA_FOR_IMPROVEMENT, inspection.areas_for_improvement_note),
        ]
        if (
            inspection.findings_of(FindingKind.CAUSE_OF_CONCERN)
            or inspection.causes_of_concern_note
        ):
            optional.append(self.causes_of_concern())
        optional += [self.responses(role) for role in AuthorRole]
        sections = [section for section in optional if section is not None]
        if self.internal:
            sections.append(self.office_use(today))
        info = DocumentInfo(
            title=f"{commissioner} response: {inspection_title}",
            author=organisation or commissioner,
            subject=f"Section 55 response to the HMICFRS report “{inspection_title}”"
            + (
                f", published {format_date(published)}"
                if (published := inspection.published_on)
                else ""
            ),
            keywords=", ".join(["HMICFRS", "section 55", *inspection.publication_types]),
        )
        return ResponseDocument(
            info=info,
            organisation=organisation,
            title=title,
            title_anchor=self.anchor("title"),
            running_title=f"Response to {inspection_title}",
            copy_label="Internal copy – not for publication" if self.internal else "",
            statutory=STATUTORY_PARAGRAPH,
            header_fields=header_fields,
            deadline_note=self.deadline_note() if self.internal else "",
            sections=tuple(sections),
            internal=self.internal,
            marking=marking,
            logo=self.settings.logo,
            logo_alt=f"{organisation or commissioner} logo",
            produced_on=today,
            warnings=tuple(self.cleaner.warnings + self.warnings),
            left_out=tuple(self.left_out),
        )

    def header_fields(self, inspection_title: str) -> tuple[HeaderField, ...]:
        inspection = self.inspection
        url = self.text(inspection.url, "the link to the report").strip()
        label = self.text(inspection.url_label, "the link to the report").strip() or url
        types = (self.text(t, "the publication types") for t in inspection.publication_types)
        forces = (self.text(f, "the police forces") for f in inspection.forces)
        deadline = statutory_deadline(inspection.published_on)
        values = (
            (INSPECTION_TITLE, inspection_title.strip(), None),
            (PUBLISHED_ON, format_date(inspection.published_on, ""), None),
            (PUBLICATION_TYPES, join_words(types), None),
            (POLICE_FORCES, join_words(forces), None),
            (LINK_TO_REPORT, label, safe_href(url) if url else None),
            (RESPONSE_DEADLINE, format_date(deadline, ""), None),
        )
        fields = []
        for name, value, href in values:
            if value:
                fields.append(HeaderField(name, value, href))
            elif self.gap(name, (plain_paragraph(NOT_RECORDED),)):
                fields.append(HeaderField(name, NOT_RECORDED))
        return tuple(fields)

    def deadline_note(self) -> str:
        stated = self.inspection.stated_deadline
        deadline = statutory_deadline(self.inspection.published_on)
        if stated is None or deadline is None or stated == deadline:
            return ""
        return (
            f"The source document states {format_date(stated)}; the statutory deadline is "
            f"{format_date(deadline)}. {DEADLINE_EXPLANATION}"
        )

    # --- sections ----------------------------------------------------------------------------

    def key_findings(self) -> Section | None:
        intro = self.blocks(self.inspection.key_findings, ENTRY_LEVEL, "the key findings")
        if not intro:
            intro = graded_summary(self.inspection, self.cleaner)
        if not intro:
            intro = self.gap("Key Findings", (plain_paragraph(NO_KEY_FINDINGS, italic=True),))
            if not intro:
                return None
        return Section(SectionKind.KEY_FINDINGS, "Key Findings", self.anchor("key-findings"), intro)

    def listing(self, kind: FindingKind, note: str) -> Section:
        section_kind, heading = _LISTINGS[kind]
        findings = [f for f in self.inspection.findings_of(kind) if not self._under_cause(f)]
        intro = self.blocks(note, ENTRY_LEVEL, f"the {kind.plural_label.lower()} note")
        if not intro and not findings:
            intro = (plain_paragraph(f"There are no {kind.plural_label.lower()} made."),)
        anchor = self.anchor(heading)
        entries = tuple(self.listed(finding, anchor, ENTRY_LEVEL) for finding in findings)
        return Section(section_kind, heading, anchor, intro, entries)

    def causes_of_concern(self) -> Section:
        heading = "Causes of Concern"
        anchor = self.anchor(heading)
        intro = self.blocks(self.inspection.causes_of_concern_note, ENTRY_LEVEL, "the causes note")
        entries: list[Entry] = []
        for cause in self.inspection.findings_of(FindingKind.CAUSE_OF_CONCERN):
            entries.append(self.listed(cause, anchor, ENTRY_LEVEL))
            entries += [
                self.listed(child, anchor, ENTRY_LEVEL + 1)
                for child in self.inspection.findings_of(FindingKind.RECOMMENDATION)
                if child.parent == cause.reference
            ]
        return Section(SectionKind.CAUSES_OF_CONCERN, heading, anchor, intro, tuple(entries))

    def responses(self, role: AuthorRole) -> Section | None:
        """One author's section; None in the publication copy when the author wrote nothing."""
        title = self.role_title(role)
        heading = RESPONSE_HEADING.format(role=title)
        anchor = self.anchor(role.value, "response")
        where = f"the {title}'s"
        missing = (plain_paragraph(NO_RESPONSE, italic=True),)
        intro = self.blocks(
            self.inspection.overall.get(role), ENTRY_LEVEL, f"{where} overall response"
        ) or self.gap(overall_name(title), missing)
        entries = []
        for finding in self.inspection.applicable_findings():
            reference = self.text(finding.reference, "a finding reference")
            response = self.blocks(
                finding.responses.get(role), ENTRY_LEVEL + 1, f"{where} response to {reference}"
            ) or self.gap(finding_name(title, reference), missing)
            if not response:
                continue
            text = self.blocks(finding.text, ENTRY_LEVEL + 1, f"the text of {reference}")
            entries.append(
                Entry(
                    reference, self.anchor(anchor, reference), ENTRY_LEVEL, embolden(text), response
                )
            )
        closing = self.blocks(self.inspection.closing.get(role), ENTRY_LEVEL, f"{where} closing")
        if not (intro or entries or closing):
            return None  # only in the publication copy: the internal one marks every gap
        closing += self.signature(role, title)
        return Section(_RESPONSE_SECTIONS[role], heading, anchor, intro, tuple(entries), closing)

    def signature(self, role: AuthorRole, title: str) -> tuple[Block, ...]:
        """The author's name and title under their response, when the settings name them."""
        names = {
            AuthorRole.CHIEF_CONSTABLE: self.settings.chief_name,
            AuthorRole.COMMISSIONER: self.settings.commissioner_name,
        }
        name = self.text(names[role], "the names in the settings").strip()
        if not name:
            return ()
        return (TextParagraph((Span(name, bold=True), Span(LINE_BREAK), Span(title))),)

    def office_use(self, today: dt.date) -> Section:
        steps = self.inspection.office_steps
        rows = tuple(
            StepRow(
                self.text(step.step, "the office steps"),
                format_date(step.done_on, missing=""),
                self.text(step.done_by, "the office steps"),
                self.text(step.note, "the office steps"),
            )
            for step in steps
        ) or tuple(
            StepRow(self.text(name, "the office steps")) for name in self.settings.office_step_names
        )
        intro = (plain_paragraph(f"Internal copy produced on {format_date(today)}.", italic=True),)
        return Section(
            SectionKind.OFFICE_USE,
            "For Office Use Only",
            self.anchor("office-use"),
            intro,
            steps=rows,
        )

    # --- entries -----------------------------------------------------------------------------

    def listed(self, finding: Finding, section_anchor: str, level: int) -> Entry:
        reference = self.text(finding.reference, "a finding reference")
        blocks = self.blocks(finding.text, level + 1, f"the text of {reference}")
        if not finding.applies:
            reason = self.text(finding.not_applicable_reason, f"the reason for {reference}").strip()
            addressee = self.text(finding.addressee, f"the addressee of {reference}").strip()
            why = reason or (f"it is addressed to {addressee}" if addressee else "")
            note = f"Not applicable to {self.force}" + (f": {why}" if why else "")
            blocks += (plain_paragraph(note if note.endswith(".") else note + ".", italic=True),)
        anchor = self.anchor(section_anchor, reference)
        return Entry(reference, anchor, level, blocks, applies=finding.applies)

    def _under_cause(self, finding: Finding) -> bool:
        parent = finding.parent
        return bool(parent) and any(
            cause.reference == parent
            for cause in self.inspection.findings_of(FindingKind.CAUSE_OF_CONCERN)
        )
