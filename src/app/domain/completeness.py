"""The section 55 completeness check, run before a response is signed off.

Section 55(1) of the Police Act 1996: the Commissioner must comment on the report; section
55(5B): those comments must, for every recommendation that applies to the force, explain the
action taken or proposed, or why none. So sign-off is refused while the Commissioner's overall
response is empty or such a recommendation has no Commissioner response. Every other empty
response and a passed statutory deadline are warned about, not refused: the Commissioner may
publish without the force's comments, and late is better than never. Responses are named as
the responses editor names its boxes ("Chief Constable response to Recommendation 2").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.domain.deadlines import statutory_deadline
from app.domain.english_dates import short_date
from app.domain.enums import AuthorRole, FindingKind, InspectionStatus
from app.domain.model import Finding, Inspection

DEFAULT_TITLES = {
    AuthorRole.CHIEF_CONSTABLE: "Chief Constable",
    AuthorRole.COMMISSIONER: "Police and Crime Commissioner",
}


def applies_to_force(finding: Finding, inspection: Inspection) -> bool:
    """A finding applies when it is marked so and so is the cause of concern it belongs to."""
    if not finding.applies:
        return False
    if finding.parent:
        parent = inspection.finding_by_reference(finding.parent)
        if parent is not None and not parent.applies:
            return False
    return True


def findings_needing_explanation(inspection: Inspection) -> list[Finding]:
    """The applicable findings that s55(5B) requires an explanation for, in report order.

    Every recommendation, whether on its own or under a cause of concern. A cause of concern
    whose recommendations were not recorded as findings of their own (a register entry with
    them as bullets) stands for its recommendations.
    """
    parents_with_children = {
        f.parent for f in inspection.findings if f.kind is FindingKind.RECOMMENDATION and f.parent
    }
    needed = []
    for finding in inspection.findings:
        if not applies_to_force(finding, inspection):
            continue
        if finding.kind is FindingKind.RECOMMENDATION or (
            finding.kind is FindingKind.CAUSE_OF_CONCERN
            and finding.reference not in parents_with_children
        ):
            needed.append(finding)
    return needed


def overall_name(title: str) -> str:
    """The name of a role's overall response box ("Chief Constable overall response")."""
    return f"{title} overall response"


def finding_name(title: str, reference: str) -> str:
    return f"{title} response to {reference}"


def closing_name(title: str) -> str:
    return f"{title} closing response"


def _has_text(text: str) -> bool:
    return bool(text.strip())


def _join(references: list[str]) -> str:
    if len(references) == 1:
        return references[0]
    return ", ".join(references[:-1]) + " and " + references[-1]


@dataclass(frozen=True, slots=True)
class CompletenessReport:
    """The outcome of the check: what blocks sign-off, and what only deserves a warning."""

    missing_commissioner: list[str] = field(default_factory=list)
    missing_chief_constable: list[str] = field(default_factory=list)
    missing_overall_commissioner: bool = False
    empty: list[str] = field(default_factory=list)
    """Every empty response, by name, in the editor's order (overall, findings, closing)."""
    deadline: dt.date | None = None
    deadline_passed: bool = False
    titles: dict[AuthorRole, str] = field(default_factory=lambda: dict(DEFAULT_TITLES))

    @property
    def can_sign_off(self) -> bool:
        return not self.missing_commissioner and not self.missing_overall_commissioner

    def refusal(self) -> str:
        """Why sign-off is refused, naming what is missing; "" when it is not."""
        title = self.titles[AuthorRole.COMMISSIONER]
        reasons = []
        if self.missing_overall_commissioner:
            reasons.append(
                f"section 55(1) requires the {title}'s comments on the report, and the "
                f"{overall_name(title)} is empty"
            )
        if self.missing_commissioner:
            count = len(self.missing_commissioner)
            noun = "this recommendation" if count == 1 else f"these {count} recommendations"
            reasons.append(
                f"section 55(5B) requires the {title}'s response to every recommendation that "
                f"applies to the force, and {noun} {'has' if count == 1 else 'have'} none: "
                f"{_join(self.missing_commissioner)}"
            )
        return f"It cannot be signed off yet: {'; and '.join(reasons)}." if reasons else ""

    def warnings(self) -> list[str]:
        """Things worth a second look before signing off; none of them refuses it."""
        messages = []
        if self.empty:
            count = len(self.empty)
            messages.append(
                f"{count} response{'s are' if count > 1 else ' is'} empty and "
                f"{'are' if count > 1 else 'is'} left out of the published document: "
                f"{_join(self.empty)}."
            )
        if self.deadline_passed and self.deadline is not None:
            messages.append(
                f"The statutory deadline ({short_date(self.deadline)}, section 55(5A)) has passed."
            )
        return messages


def check_completeness(
    inspection: Inspection,
    today: dt.date,
    titles: dict[AuthorRole, str] | None = None,
) -> CompletenessReport:
    """Check ``inspection`` for sign-off on ``today`` (see the module docstring)."""
    needed = findings_needing_explanation(inspection)
    deadline = statutory_deadline(inspection.published_on)
    published = inspection.status is InspectionStatus.PUBLISHED
    named = {**DEFAULT_TITLES, **(titles or {})}
    return CompletenessReport(
        missing_commissioner=[
            f.reference for f in needed if not _has_text(f.responses.commissioner)
        ],
        missing_chief_constable=[
            f.reference for f in needed if not _has_text(f.responses.chief_constable)
        ],
        missing_overall_commissioner=not _has_text(inspection.overall.commissioner),
        empty=empty_responses(inspection, named),
        deadline=deadline,
        deadline_passed=deadline is not None and today > deadline and not published,
        titles=named,
    )


def empty_responses(inspection: Inspection, titles: dict[AuthorRole, str]) -> list[str]:
    """The name of every empty response box, in the order the responses editor shows them:
    overall, each finding that applies to the force, closing; the Chief Constable first."""
    roles = (AuthorRole.CHIEF_CONSTABLE, AuthorRole.COMMISSIONER)
    boxes = [(overall_name(titles[role]), inspection.overall.get(role)) for role in roles]
    for finding in inspection.findings:
        if applies_to_force(finding, inspection):
            boxes += [
                (finding_name(titles[role], finding.reference), finding.responses.get(role))
                for role in roles
            ]
    boxes += [(closing_name(titles[role]), inspection.closing.get(role)) for role in roles]
    return [name for name, text in boxes if not _has_text(text)]
