"""Saving what an importer found, after the person checked it in a preview.

Two use cases for the window's import commands:

* :func:`save_imported` stores an imported inspection. One already in the database (same title
  and publication date, or same link) is never duplicated: the caller asks first, then either
  skips or updates it. An update keeps what people recorded since the first import (responses
  and their revisions, office steps, status, progress, decisions about which findings apply)
  wherever the new import has nothing to say, so updating never loses anyone's work.
* :func:`plan_comments` and :func:`fill_comments` put the Chief Constable's comments, matched to
  findings in a preview, into the Chief Constable's responses through the same save path as the
  responses editor, so every change is a revision and a newer save is a conflict, not lost.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from app.db import records
from app.db.database import Database
from app.domain import clock
from app.domain.enums import AuthorRole, ResponsePart
from app.domain.model import Inspection, OfficeStep, Revision, RoleTexts
from app.domain.validation import validate_inspection
from app.domain.workflow import LockedError, is_locked, locked_message
from app.services import responses
from app.services.identity import current_user
from app.services.inspections import ImportOutcome, import_inspections
from app.services.responses import ResponseKey

SaveAction = Literal["added", "updated", "skipped"]


@dataclass(frozen=True, slots=True)
class ExistingInspection:
    """An inspection already stored that an import would duplicate."""

    id: int
    title: str
    published_on: dt.date | None
    responses_written: int
    """How many responses hold text (kept by an update)."""


@dataclass(frozen=True, slots=True)
class SavedImport:
    inspection_id: int
    action: SaveAction
    kept: list[str] = field(default_factory=list)
    """References of stored findings the import lacks, kept because they hold responses."""


def find_existing(db: Database, inspection: Inspection) -> ExistingInspection | None:
    """The stored inspection with the same title and publication date, or the same link."""
    with db.transaction() as session:
        found = records.find_duplicate(
            session, inspection.title, inspection.published_on, inspection.url
        )
        if found is None:
            return None
        stored = records.read_inspection(session, found)
    return ExistingInspection(found, stored.title, stored.published_on, _written(stored))


def _written(inspection: Inspection) -> int:
    texts = [inspection.overall, inspection.closing, *(f.responses for f in inspection.findings)]
    return sum(bool(t.get(role).strip()) for t in texts for role in AuthorRole)


def save_imported(
    db: Database, inspection: Inspection, *, update_existing: bool, source: str = ""
) -> SavedImport:
    """Add ``inspection``; one already stored is updated (keeping people's work) or skipped.

    ``source`` names where it came from (a file name), for the status history.
    """
    validate_inspection(inspection)
    merger = _Merger()
    outcome = import_inspections(
        db, [inspection], update_existing=update_existing, fill_defaults=True, merge=merger,
        source=source,
    )  # fmt: skip
    if outcome.added:
        return SavedImport(outcome.added[0], "added")
    if outcome.skipped:
        return SavedImport(outcome.skipped[0][1], "skipped")
    return SavedImport(outcome.updated[0], "updated", merger.kept)


def import_archive(
    db: Database, inspections: list[Inspection], *, update_existing: bool, source: str = ""
) -> ImportOutcome:
    """Add the inspections of an archive; one already stored is skipped, or updated by merging.

    An archive may come from another computer: updating from it keeps what was recorded here
    (responses, their revisions, progress, office steps, status and its history), as an
    update from a document does, and adds the archive's revisions to the stored ones.
    """
    return import_inspections(
        db, inspections, update_existing=update_existing, merge=_Merger(), source=source
    )


class _Merger:
    """The ``merge`` of an update, noting the stored findings it kept for their work."""

    def __init__(self) -> None:
        self.kept: list[str] = []
        self.now, self.user = clock.now_utc(), current_user()

    def __call__(self, stored: Inspection, imported: Inspection) -> Inspection:
        merged, kept = merge_update(stored, imported, now=self.now, user=self.user)
        self.kept += kept
        return merged


# --- updating a stored inspection from a new import -------------------------------------------

_KEPT_WHEN_EMPTY = (
    "published_on", "url", "url_label", "stated_deadline", "cc_comments_requested_by",
    "key_findings", "recommendations_note", "areas_for_improvement_note",
    "causes_of_concern_note", "report_text", "publication_types", "forces", "pillars",
    "questions",
)  # fmt: skip


def merge_update(
    stored: Inspection, imported: Inspection, *, now: dt.datetime, user: str
) -> tuple[Inspection, list[str]]:
    """``imported`` completed with what ``stored`` holds and the import does not.

    Returns the inspection to store and the references of stored findings that the import
    lacks but that are kept because they hold responses, progress or revisions.
    """
    merged = copy.deepcopy(imported)
    for name in _KEPT_WHEN_EMPTY:
        if not getattr(merged, name):
            setattr(merged, name, copy.deepcopy(getattr(stored, name)))
    merged.status, merged.archived = stored.status, stored.archived  # the workflow owns these
    merged.status_history = list(stored.status_history)
    merged.office_steps = _merge_steps(stored.office_steps, merged.office_steps)
    # An archive brings revisions of its own: the update keeps both histories, once each, in
    # the order they reached this file (never by their times: clocks go back, and differ).
    merged.revisions = _union(stored.revisions, imported.revisions)
    history = stored.revisions
    merged_before = len(merged.revisions)
    _merge_texts(merged, history, None, stored.overall, merged.overall, ResponsePart.OVERALL,
                 now, user)  # fmt: skip
    _merge_texts(merged, history, None, stored.closing, merged.closing, ResponsePart.CLOSING,
                 now, user)  # fmt: skip
    by_reference = {finding.reference: finding for finding in stored.findings}
    for finding in merged.findings:
        old = by_reference.pop(finding.reference, None)
        if old is None:
            continue
        finding.applies, finding.not_applicable_reason = old.applies, old.not_applicable_reason
        if old.due_on is not None and (old.due_text == finding.due_text or not finding.due_on):
            finding.due_on = old.due_on  # perhaps set by hand: the source says nothing new
        finding.progress = _union(old.progress, finding.progress)
        _merge_texts(merged, history, finding.reference, old.responses, finding.responses,
                     ResponsePart.RESPONSE, now, user)  # fmt: skip
    if is_locked(stored.status) and len(merged.revisions) > merged_before:
        # A changed response would bypass the sign-off, which locks every response.
        raise LockedError(locked_message(stored.status))
    with_history = {r.finding for r in stored.revisions}
    kept = [
        finding
        for finding in by_reference.values()
        if not finding.responses.is_empty() or finding.progress or finding.reference in with_history
    ]
    merged.findings.extend(copy.deepcopy(kept))
    return merged, [finding.reference for finding in kept]


_T = TypeVar("_T")


def _union(stored: list[_T], imported: list[_T]) -> list[_T]:
    """The stored entries, then the imported ones not among them (copies of both)."""
    result = copy.deepcopy(stored)
    result += [copy.deepcopy(entry) for entry in imported if entry not in stored]
    return result


def _merge_texts(
    merged: Inspection,
    stored_revisions: list[Revision],
    reference: str | None,
    old: RoleTexts,
    new: RoleTexts,
    part: ResponsePart,
    now: dt.datetime,
    user: str,
) -> None:
    """Keep the stored text where the import has none; record a replaced text as revisions."""

    def history(revisions: list[Revision]) -> list[Revision]:
        return [r for r in revisions
                if r.finding == reference and r.role is role and r.part is part]  # fmt: skip

    for role in AuthorRole:
        before, after = old.get(role).strip(), new.get(role).strip()
        if not after:
            new.set(role, old.get(role))
            continue
        if after == before:
            continue
        kept = history(stored_revisions)
        if before and (not kept or kept[-1].text.strip() != before):
            merged.revisions.append(Revision(reference, role, part, before, now, "before import"))
        latest = history(merged.revisions)
        if not latest or latest[-1].text.strip() != after:
            merged.revisions.append(Revision(reference, role, part, after, now, user))


def _merge_steps(stored: list[OfficeStep], imported: list[OfficeStep]) -> list[OfficeStep]:
    """Stored steps keep their dates and notes; the import fills gaps and adds new steps."""
    result = copy.deepcopy(stored)
    by_label = {step.step.strip().casefold(): step for step in result}
    for step in imported:
        known = by_label.get(step.step.strip().casefold())
        if known is None:
            result.append(copy.deepcopy(step))
            continue
        known.done_on = known.done_on or step.done_on
        known.done_by = known.done_by or step.done_by
        known.note = known.note or step.note
    return result


# --- the Chief Constable's comments ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlannedResponse:
    key: ResponseKey
    label: str
    """"overall response" or the finding's reference, for messages."""
    text: str
    current: str
    version: int

    @property
    def overwrites(self) -> bool:
        """True when a response that already holds different text would be replaced."""
        current = responses.normalise(self.current)
        return bool(current) and current != responses.normalise(self.text)


@dataclass(frozen=True, slots=True)
class CommentsPlan:
    inspection_id: int
    items: list[PlannedResponse]

    def overwriting(self) -> list[PlannedResponse]:
        return [item for item in self.items if item.overwrites]


@dataclass(frozen=True, slots=True)
class FillOutcome:
    filled: list[str]
    kept: list[str]
    """Responses left as they were because they already held text."""


def plan_comments(
    db: Database, inspection_id: int, overall: str, by_finding: dict[int, str]
) -> CommentsPlan:
    """What filling the comments would write, with the text and version each response has now.

    ``overall`` ("" to leave it alone) and ``by_finding`` (finding id → text) come from the
    person's corrected matching; empty texts are left out.
    """
    sheet = responses.load_sheet(db, inspection_id)
    role = AuthorRole.CHIEF_CONSTABLE
    wanted: list[tuple[ResponseKey, str, str]] = []
    if overall.strip():
        wanted.append((ResponseKey.overall(role), "overall response", overall))
    for finding in sheet.findings:
        text = by_finding.get(finding.id or -1, "")
        if finding.id is not None and text.strip():
            wanted.append((ResponseKey.finding(finding.id, role), finding.reference, text))
    items = []
    for key, label, text in wanted:
        state = sheet.state(key)
        items.append(PlannedResponse(key, label, text, state.text, state.version))
    return CommentsPlan(inspection_id, items)


def fill_comments(
    db: Database, plan: CommentsPlan, *, replace: bool, user: str | None = None
) -> FillOutcome:
    """Write the plan in one transaction: all of it, or none of it.

    Responses that already hold different text are replaced only when ``replace``; every
    replaced text stays in the response's revisions. A response saved elsewhere since the plan
    was made raises :class:`~app.services.responses.ResponseConflict` and nothing is written.
    """
    who = user or current_user()
    filled: list[str] = []
    kept: list[str] = []
    with db.transaction() as session:
        inspection = responses.lock_inspection(session, plan.inspection_id)
        for item in plan.items:
            if item.overwrites and not replace:
                kept.append(item.label)
                continue
            responses._write(session, inspection, item.key, item.text, item.version, who)
            filled.append(item.label)
    return FillOutcome(filled, kept)
