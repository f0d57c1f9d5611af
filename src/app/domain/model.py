"""The inspection record as plain values, shared by importers, documents, services and the archive.

These dataclasses mirror the JSON archive's INSPECTION and FINDING shapes (docs/interfaces.md,
"The JSON archive"), so that an importer's result, a database row and an archive entry are the
same thing in memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.domain.enums import (
    AuthorRole,
    FindingKind,
    HmicfrsStatus,
    InspectionStatus,
    ProgressStatus,
    ResponsePart,
)
from app.domain.workflow import StatusChange


@dataclass(slots=True)
class RoleTexts:
    """One text per author role (Markdown)."""

    chief_constable: str = ""
    commissioner: str = ""

    def get(self, role: AuthorRole) -> str:
        return self.chief_constable if role is AuthorRole.CHIEF_CONSTABLE else self.commissioner

    def set(self, role: AuthorRole, text: str) -> None:
        if role is AuthorRole.CHIEF_CONSTABLE:
            self.chief_constable = text
        else:
            self.commissioner = text

    def is_empty(self) -> bool:
        return not (self.chief_constable.strip() or self.commissioner.strip())


@dataclass(slots=True)
class ProgressUpdate:
    """One dated note on a finding after publication. ``status`` is a ``ProgressStatus`` value
    when the tracker recorded it, or whatever words an archive brought."""

    on: dt.date | None = None
    status: str = ""
    note: str = ""
    by: str = ""
    recorded_at: dt.datetime | None = None
    """When it was typed in, in UTC (None for updates from before the tracker)."""


@dataclass(slots=True)
class Finding:
    kind: FindingKind
    reference: str
    text: str = ""
    addressee: str = ""
    applies: bool = True
    not_applicable_reason: str = ""
    question: int | None = None
    parent: str | None = None
    due_text: str = ""
    due_on: dt.date | None = None
    responses: RoleTexts = field(default_factory=RoleTexts)
    progress: list[ProgressUpdate] = field(default_factory=list)
    progress_status: ProgressStatus = ProgressStatus.OPEN
    owner: str = ""
    """Who owns the work: a person or a force department, as typed."""
    target_on: dt.date | None = None
    """The target date set by hand; None means the due date (``tracking.target_date``)."""
    hmicfrs_status: HmicfrsStatus | None = None
    id: int | None = None
    version: int | None = None
    """The stored row's version when read, so a save can tell that someone saved in between."""


@dataclass(slots=True)
class Pillar:
    name: str
    grade: str = ""
    summary: str = ""


@dataclass(slots=True)
class GradedQuestion:
    """A graded PEEL question ("How effective is the force at …?", 2014–2022), or a graded area
    of policing ("Investigating crime", from an "Our judgments" table, 2021 onwards)."""

    pillar: str
    number: int
    question: str
    grade: str = ""
    text: str = ""

    @property
    def is_area(self) -> bool:
        """True for a graded area: its wording names an area and asks nothing."""
        return not self.question.rstrip().endswith("?")

    @property
    def label(self) -> str:
        """ "Question 2: How effective …?" for a question; the area's own name for an area."""
        return self.question if self.is_area else f"Question {self.number}: {self.question}"


def owner_of(finding: Finding, questions: list[GradedQuestion]) -> GradedQuestion | None:
    """The graded question or area a finding belongs to, if it belongs to one."""
    if finding.question is None:
        return None
    return next((q for q in questions if q.number == finding.question), None)


def place_of(finding: Finding, questions: list[GradedQuestion]) -> str:
    """Where a finding sits in a PEEL report: "question 2", or its graded area's name."""
    if finding.question is None:
        return ""
    owner = owner_of(finding, questions)
    if owner is not None and owner.is_area:
        return owner.question
    return f"question {finding.question}"


@dataclass(slots=True)
class OfficeStep:
    step: str
    done_on: dt.date | None = None
    done_by: str = ""
    note: str = ""


@dataclass(slots=True)
class Revision:
    """One saved version of a response."""

    finding: str | None
    role: AuthorRole
    part: ResponsePart
    text: str
    saved_at: dt.datetime
    """When, in UTC (:mod:`app.domain.clock`): shown in local time, never used for ordering."""
    saved_by: str = ""


@dataclass(slots=True)
class Inspection:
    title: str
    published_on: dt.date | None = None
    publication_types: list[str] = field(default_factory=list)
    forces: list[str] = field(default_factory=list)
    url: str = ""
    url_label: str = ""
    stated_deadline: dt.date | None = None
    cc_comments_requested_by: dt.date | None = None
    status: InspectionStatus = InspectionStatus.NOT_STARTED
    archived: bool = False
    key_findings: str = ""
    recommendations_note: str = ""
    areas_for_improvement_note: str = ""
    causes_of_concern_note: str = ""
    report_text: str = ""
    pillars: list[Pillar] = field(default_factory=list)
    questions: list[GradedQuestion] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    overall: RoleTexts = field(default_factory=RoleTexts)
    closing: RoleTexts = field(default_factory=RoleTexts)
    office_steps: list[OfficeStep] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    status_history: list[StatusChange] = field(default_factory=list)
    """Every change of status, oldest first (empty for an inspection not yet stored)."""
    id: int | None = None

    def findings_of(self, kind: FindingKind) -> list[Finding]:
        return [finding for finding in self.findings if finding.kind is kind]

    def applicable_findings(self) -> list[Finding]:
        """Findings that need a response from this force, in report order."""
        return [finding for finding in self.findings if finding.applies]

    def finding_by_reference(self, reference: str) -> Finding | None:
        for finding in self.findings:
            if finding.reference == reference:
                return finding
        return None


@dataclass(slots=True)
class InspectionSummary:
    """One row of the register: enough to list, sort and filter without loading everything."""

    id: int
    title: str
    published_on: dt.date | None
    publication_types: list[str]
    forces: list[str]
    status: InspectionStatus
    archived: bool
    finding_count: int = 0
    next_step: str = ""
