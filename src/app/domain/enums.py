"""Enumerations from the product vocabulary (docs/product.md, "Vocabulary")."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar


class FindingKind(StrEnum):
    RECOMMENDATION = "recommendation"
    AREA_FOR_IMPROVEMENT = "area_for_improvement"
    CAUSE_OF_CONCERN = "cause_of_concern"

    @property
    def label(self) -> str:
        return _FINDING_LABELS[self]

    @property
    def plural_label(self) -> str:
        return _FINDING_PLURALS[self]


_FINDING_LABELS = {
    FindingKind.RECOMMENDATION: "Recommendation",
    FindingKind.AREA_FOR_IMPROVEMENT: "Area for improvement",
    FindingKind.CAUSE_OF_CONCERN: "Cause of concern",
}
_FINDING_PLURALS = {
    FindingKind.RECOMMENDATION: "Recommendations",
    FindingKind.AREA_FOR_IMPROVEMENT: "Areas for improvement",
    FindingKind.CAUSE_OF_CONCERN: "Causes of concern",
}


class AuthorRole(StrEnum):
    CHIEF_CONSTABLE = "chief_constable"
    COMMISSIONER = "commissioner"


class ResponsePart(StrEnum):
    """Where a response sits in the document."""

    OVERALL = "overall"
    RESPONSE = "response"
    CLOSING = "closing"


class InspectionStatus(StrEnum):
    NOT_STARTED = "not_started"
    AWAITING_CHIEF_CONSTABLE = "awaiting_chief_constable"
    DRAFTING = "drafting"
    READY_FOR_SIGN_OFF = "ready_for_sign_off"
    SIGNED_OFF = "signed_off"
    PUBLISHED = "published"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    InspectionStatus.NOT_STARTED: "Not started",
    InspectionStatus.AWAITING_CHIEF_CONSTABLE: "Awaiting Chief Constable comments",
    InspectionStatus.DRAFTING: "Drafting",
    InspectionStatus.READY_FOR_SIGN_OFF: "Ready for sign-off",
    InspectionStatus.SIGNED_OFF: "Signed off",
    InspectionStatus.PUBLISHED: "Published",
}


class Grade(StrEnum):
    OUTSTANDING = "Outstanding"
    GOOD = "Good"
    ADEQUATE = "Adequate"
    REQUIRES_IMPROVEMENT = "Requires improvement"
    INADEQUATE = "Inadequate"
    UNGRADED = "Ungraded"

    @classmethod
    def parse(cls, text: str) -> Grade | None:
        """The grade a line of text names exactly (case and spacing forgiven), or None."""
        wanted = " ".join(text.split()).casefold()
        for grade in cls:
            if grade.value.casefold() == wanted:
                return grade
        return None


class RagState(StrEnum):
    """Red/amber/green state of a deadline; always shown with words, never colour alone."""

    PUBLISHED = "published"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    ON_TRACK = "on_track"
    NO_DATE = "no_date"


class ProtectiveMarking(StrEnum):
    NONE = "none"
    OFFICIAL = "OFFICIAL"
    OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE"


class ProgressStatus(StrEnum):
    """Where the work on one finding stands after publication (the recommendation tracker)."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    AWAITING_EVIDENCE = "awaiting_evidence"
    COMPLETED = "completed"
    SUPERSEDED = "superseded"
    NOT_ACCEPTED = "not_accepted"

    @property
    def label(self) -> str:
        return _PROGRESS_LABELS[self]

    @property
    def is_closed(self) -> bool:
        """True when nothing more is expected: completed, superseded or not accepted."""
        return self in _CLOSED_PROGRESS

    @classmethod
    def parse(cls, text: str) -> ProgressStatus | None:
        """The status a value or a label names ("in_progress", "In progress"), case forgiven."""
        return _parse_choice(cls, text)


_PROGRESS_LABELS = {
    ProgressStatus.OPEN: "Open",
    ProgressStatus.IN_PROGRESS: "In progress",
    ProgressStatus.AWAITING_EVIDENCE: "Implemented – awaiting evidence",
    ProgressStatus.COMPLETED: "Completed",
    ProgressStatus.SUPERSEDED: "Superseded",
    ProgressStatus.NOT_ACCEPTED: "Not accepted",
}
_CLOSED_PROGRESS = frozenset(
    {ProgressStatus.COMPLETED, ProgressStatus.SUPERSEDED, ProgressStatus.NOT_ACCEPTED}
)


class HmicfrsStatus(StrEnum):
    """A recommendation's status in the inspectorate's own register, where known."""

    AWAITING_REVIEW = "awaiting_review"
    NO_FURTHER_ACTION = "no_further_action"
    COMPLETE = "complete"

    @property
    def label(self) -> str:
        return _HMICFRS_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> HmicfrsStatus | None:
        """The status a value or a label names ("awaiting-review", "No further action
        needed"), case forgiven."""
        return _parse_choice(cls, text)


_HMICFRS_LABELS = {
    HmicfrsStatus.AWAITING_REVIEW: "Awaiting review",
    HmicfrsStatus.NO_FURTHER_ACTION: "No further action needed",
    HmicfrsStatus.COMPLETE: "Complete",
}


_Choice = TypeVar("_Choice", "ProgressStatus", "HmicfrsStatus")


def _parse_choice(enum: type[_Choice], text: str) -> _Choice | None:
    wanted = _words(text)
    for member in enum:
        if wanted in (_words(member.value), _words(member.label)):
            return member
    return None


def _words(text: str) -> str:
    """Text compared as words: case, underscores, hyphens and dashes forgiven."""
    for mark in "_-–—":
        text = text.replace(mark, " ")
    return " ".join(text.split()).casefold()
