"""The section 55 completeness check, run before a response is signed off.

Section 55(5B) of the Police Act 1996: the Commissioner's comments must, for every
recommendation that applies to the force, explain the action taken or proposed, or why none.
So sign-off is refused while such a recommendation has no Commissioner response. A missing
Chief Constable response and a passed statutory deadline are warned about, not refused: the
Commissioner may publish without the force's comments, and late is better than never.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.domain.deadlines import statutory_deadline
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
    deadline: dt.date | None = None
    deadline_passed: bool = False
    titles: dict[AuthorRole, str] = field(default_factory=lambda: dict(DEFAULT_TITLES))

    @property
    def can_sign_off(self) -> bool:
        return not self.missing_commissioner

    def refusal(self) -> str:
        """Why sign-off is refused, naming each recommendation; "" when it is not."""
        if not self.missing_commissioner:
            return ""
        title = self.titles[AuthorRole.COMMISSIONER]
        count = len(self.missing_commissioner)
        noun = "this recommendation" if count == 1 else f"these {count} recommendations"
        return (
            f"It cannot be signed off yet: section 55(5B) requires the {title}'s response to "
            f"every recommendation that applies to the force, and {noun} "
            f"{'has' if count == 1 else 'have'} none: {_join(self.missing_commissioner)}."
        )

    def warnings(self) -> list[str]:
        """Things worth a second look before signing off; none of them refuses it."""
        messages = []
        chief = self.titles[AuthorRole.CHIEF_CONSTABLE]
        if self.missing_chief_constable:
            messages.append(
                f"There is no {chief} response to {_join(self.missing_chief_constable)}."
            )
        if self.missing_overall_commissioner:
            messages.append(
                f"The {self.titles[AuthorRole.COMMISSIONER]}'s overall comments are empty."
            )
        if self.deadline_passed and self.deadline is not None:
            messages.append(
                f"The statutory deadline ({self.deadline:%d/%m/%Y}, section 55(5A)) has passed."
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
    return CompletenessReport(
        missing_commissioner=[
            f.reference for f in needed if not _has_text(f.responses.commissioner)
        ],
        missing_chief_constable=[
            f.reference for f in needed if not _has_text(f.responses.chief_constable)
        ],
        missing_overall_commissioner=not _has_text(inspection.overall.commissioner),
        deadline=deadline,
        deadline_passed=deadline is not None and today > deadline and not published,
        titles={**DEFAULT_TITLES, **(titles or {})},
    )
