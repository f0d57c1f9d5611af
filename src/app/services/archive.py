"""The JSON archive, format ``opcc-responses/1``: inspections to and from JSON.

The format is described in docs/interfaces.md, "The JSON archive". Reading is forgiving where
that says so (unknown keys ignored, ``id`` and computed keys ignored, missing text is ``""``)
and strict about types: a malformed archive raises :class:`ArchiveError` naming the field,
never a bare ``KeyError``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from app.domain import clock
from app.domain.deadlines import statutory_deadline
from app.domain.enums import (
    AuthorRole,
    FindingKind,
    HmicfrsStatus,
    InspectionStatus,
    ProgressStatus,
    ResponsePart,
)
from app.domain.errors import ArchiveError
from app.domain.model import (
    Finding,
    GradedQuestion,
    Inspection,
    OfficeStep,
    Pillar,
    ProgressUpdate,
    Revision,
    RoleTexts,
)
from app.domain.workflow import StatusChange
from app.safe_write import replace_file

FORMAT = "opcc-responses/1"
_T = TypeVar("_T")
_SMALLEST_INTEGER, _LARGEST_INTEGER = -(2**63), 2**63 - 1
"""What an SQLite INTEGER holds; a larger number in an archive is damage, not data."""


# --- writing ---------------------------------------------------------------------------------


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _roles(texts: RoleTexts) -> dict[str, str]:
    return {"chief_constable": texts.chief_constable, "commissioner": texts.commissioner}


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind.value,
        "reference": finding.reference,
        "text": finding.text,
        "addressee": finding.addressee,
        "applies": finding.applies,
        "not_applicable_reason": finding.not_applicable_reason,
        "question": finding.question,
        "parent": finding.parent,
        "due_text": finding.due_text,
        "due_on": _date(finding.due_on),
        "responses": _roles(finding.responses),
        "progress": [_progress_to_dict(p) for p in finding.progress],
        "progress_status": finding.progress_status.value,
        "owner": finding.owner,
        "target_on": _date(finding.target_on),
        "hmicfrs_status": finding.hmicfrs_status.value if finding.hmicfrs_status else None,
    }


def _progress_to_dict(update: ProgressUpdate) -> dict[str, Any]:
    recorded_at = clock.to_iso(update.recorded_at) if update.recorded_at else None
    return {
        "on": _date(update.on), "status": update.status, "note": update.note, "by": update.by,
        "recorded_at": recorded_at,
    }  # fmt: skip


def inspection_to_dict(inspection: Inspection) -> dict[str, Any]:
    """One inspection in the ``show --json`` shape."""
    return {
        "id": inspection.id,
        "title": inspection.title,
        "published_on": _date(inspection.published_on),
        "publication_types": list(inspection.publication_types),
        "forces": list(inspection.forces),
        "url": inspection.url,
        "url_label": inspection.url_label,
        "deadline": _date(statutory_deadline(inspection.published_on)),
        "stated_deadline": _date(inspection.stated_deadline),
        "cc_comments_requested_by": _date(inspection.cc_comments_requested_by),
        "status": inspection.status.value,
        "archived": inspection.archived,
        "key_findings": inspection.key_findings,
        "recommendations_note": inspection.recommendations_note,
        "areas_for_improvement_note": inspection.areas_for_improvement_note,
        "causes_of_concern_note": inspection.causes_of_concern_note,
        "report_text": inspection.report_text,
        "pillars": [
            {"name": p.name, "grade": p.grade, "summary": p.summary} for p in inspection.pillars
        ],
        "questions": [
            {
                "pillar": q.pillar,
                "number": q.number,
                "question": q.question,
                "grade": q.grade,
                "text": q.text,
            }
            for q in inspection.questions
        ],
        "findings": [finding_to_dict(f) for f in inspection.findings],
        "overall": _roles(inspection.overall),
        "closing": _roles(inspection.closing),
        "office_steps": [
            {"step": s.step, "done_on": _date(s.done_on), "done_by": s.done_by, "note": s.note}
            for s in inspection.office_steps
        ],
        "revisions": [
            {
                "finding": r.finding,
                "role": r.role.value,
                "part": r.part.value,
                "text": r.text,
                "saved_at": clock.to_iso(r.saved_at),
                "saved_by": r.saved_by,
            }
            for r in inspection.revisions
        ],
        "status_history": [
            {
                "status": c.status.value,
                "changed_at": clock.to_iso(c.changed_at),
                "changed_by": c.changed_by,
                "note": c.note,
            }
            for c in inspection.status_history
        ],
    }


def archive_to_dict(
    inspections: Iterable[Inspection], *, now: dt.datetime | None = None
) -> dict[str, Any]:
    exported_at = clock.to_iso(now or clock.now_utc())
    return {
        "format": FORMAT,
        "exported_at": exported_at,
        "inspections": [inspection_to_dict(i) for i in inspections],
    }


def dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_archive(path: Path, inspections: Iterable[Inspection]) -> None:
    """Write an archive, replacing ``path`` atomically (a crash never leaves half a file)."""
    write_text_atomically(path, dumps(archive_to_dict(inspections)))


def write_text_atomically(path: Path, text: str) -> None:
    replace_file(path, text.encode("utf-8"), what="the archive", error=ArchiveError)


# --- reading ---------------------------------------------------------------------------------


class _Reader:
    """Typed access to one JSON object, with errors that name the offending field."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, Mapping):
            raise ArchiveError(f"{where} should be a JSON object.")
        self.data: Mapping[str, Any] = data
        self.where = where

    def _typed(self, key: str, kinds: type | tuple[type, ...], default: _T) -> Any:
        value = self.data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in _tuple(kinds)):
            raise ArchiveError(f"{self.where}: '{key}' has the wrong type.")
        if isinstance(value, str):
            self._only_text(key, value)
        return value

    def _only_text(self, key: str, value: str) -> None:
        """Refuse a lone surrogate ("\\ud800"): JSON allows it, UTF-8 (and SQLite) cannot."""
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ArchiveError(
                f"{self.where}: '{key}' holds a character that is not text (a lone "
                "surrogate code); the archive is damaged."
            ) from None

    def text(self, key: str) -> str:
        return str(self._typed(key, str, ""))

    def required_text(self, key: str) -> str:
        value = self.text(key)
        if not value.strip():
            raise ArchiveError(f"{self.where}: '{key}' is missing or empty.")
        return value

    def flag(self, key: str, default: bool) -> bool:
        return bool(self._typed(key, bool, default))

    def integer(self, key: str) -> int | None:
        value = self._typed(key, int, None)
        if value is not None and not _SMALLEST_INTEGER <= value <= _LARGEST_INTEGER:
            raise ArchiveError(f"{self.where}: '{key}' is out of range: {value}.")
        return None if value is None else int(value)

    def optional_text(self, key: str) -> str | None:
        value = self._typed(key, str, None)
        return None if value is None else str(value)

    def date(self, key: str) -> dt.date | None:
        value = self._typed(key, str, None)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ArchiveError(
                f"{self.where}: '{key}' is not a date (YYYY-MM-DD): {value!r}."
            ) from None

    def optional_moment(self, key: str) -> dt.datetime | None:
        """A date and time that may be absent (``null``)."""
        return None if self._typed(key, str, None) is None else self.moment(key)

    def moment(self, key: str) -> dt.datetime:
        """A required date and time, in UTC.

        Archives write UTC with its offset; one written by an earlier version has naive times,
        which were the local time of the computer that wrote it and are read as the local time
        of this one (the same, unless the archive crossed time zones).
        """
        text = self.required_text(key)
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            raise ArchiveError(f"{self.where}: '{key}' is not a date and time.") from None
        try:
            return clock.as_utc(moment)
        except (OverflowError, OSError, ValueError):  # 0001-01-01 ahead of UTC, and the like
            raise ArchiveError(f"{self.where}: '{key}' is out of range: {text}.") from None

    def strings(self, key: str) -> list[str]:
        values = self._typed(key, list, [])
        if not all(isinstance(v, str) for v in values):
            raise ArchiveError(f"{self.where}: '{key}' should be a list of text.")
        for value in values:
            self._only_text(key, value)
        return list(values)

    def objects(self, key: str, build: Callable[[_Reader], _T]) -> list[_T]:
        values = self._typed(key, list, [])
        return [build(_Reader(v, f"{self.where}, {key} {n}")) for n, v in enumerate(values, 1)]

    def roles(self, key: str) -> RoleTexts:
        reader = _Reader(self._typed(key, dict, {}), f"{self.where}, {key}")
        return RoleTexts(reader.text("chief_constable"), reader.text("commissioner"))

    def choice(self, key: str, enum: Callable[[str], _T], default: _T) -> _T:
        value = self._typed(key, str, None)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            raise ArchiveError(f"{self.where}: '{key}' has an unknown value {value!r}.") from None


def _tuple(kinds: type | tuple[type, ...]) -> tuple[type, ...]:
    return kinds if isinstance(kinds, tuple) else (kinds,)


def _finding(r: _Reader) -> Finding:
    return Finding(
        kind=r.choice("kind", FindingKind, FindingKind.RECOMMENDATION),
        reference=r.required_text("reference"),
        text=r.text("text"),
        addressee=r.text("addressee"),
        applies=r.flag("applies", True),
        not_applicable_reason=r.text("not_applicable_reason"),
        question=r.integer("question"),
        parent=r.optional_text("parent"),
        due_text=r.text("due_text"),
        due_on=r.date("due_on"),
        responses=r.roles("responses"),
        progress=r.objects("progress", _progress),
        progress_status=r.choice("progress_status", ProgressStatus, ProgressStatus.OPEN),
        owner=r.text("owner"),
        target_on=r.date("target_on"),
        hmicfrs_status=r.choice("hmicfrs_status", HmicfrsStatus, None),
    )


def _progress(p: _Reader) -> ProgressUpdate:
    return ProgressUpdate(
        p.date("on"), p.text("status"), p.text("note"), p.text("by"),
        p.optional_moment("recorded_at"),
    )  # fmt: skip


def _revision(r: _Reader) -> Revision:
    return Revision(
        finding=r.optional_text("finding"),
        role=r.choice("role", AuthorRole, AuthorRole.COMMISSIONER),
        part=r.choice("part", ResponsePart, ResponsePart.RESPONSE),
        text=r.text("text"),
        saved_at=r.moment("saved_at"),
        saved_by=r.text("saved_by"),
    )


def _status_change(r: _Reader) -> StatusChange:
    return StatusChange(
        status=r.choice("status", InspectionStatus, InspectionStatus.NOT_STARTED),
        changed_at=r.moment("changed_at"),
        changed_by=r.text("changed_by"),
        note=r.text("note"),
    )


def inspection_from_dict(data: object, where: str = "inspection") -> Inspection:
    r = _Reader(data, where)
    return Inspection(
        title=r.required_text("title"),
        published_on=r.date("published_on"),
        publication_types=r.strings("publication_types"),
        forces=r.strings("forces"),
        url=r.text("url"),
        url_label=r.text("url_label"),
        stated_deadline=r.date("stated_deadline"),
        cc_comments_requested_by=r.date("cc_comments_requested_by"),
        status=r.choice("status", InspectionStatus, InspectionStatus.NOT_STARTED),
        archived=r.flag("archived", False),
        key_findings=r.text("key_findings"),
        recommendations_note=r.text("recommendations_note"),
        areas_for_improvement_note=r.text("areas_for_improvement_note"),
        causes_of_concern_note=r.text("causes_of_concern_note"),
        report_text=r.text("report_text"),
        pillars=r.objects(
            "pillars", lambda p: Pillar(p.required_text("name"), p.text("grade"), p.text("summary"))
        ),
        questions=r.objects(
            "questions",
            lambda q: GradedQuestion(
                q.text("pillar"),
                q.integer("number") or 0,
                q.text("question"),
                q.text("grade"),
                q.text("text"),
            ),
        ),
        findings=r.objects("findings", _finding),
        overall=r.roles("overall"),
        closing=r.roles("closing"),
        office_steps=r.objects(
            "office_steps",
            lambda s: OfficeStep(
                s.required_text("step"), s.date("done_on"), s.text("done_by"), s.text("note")
            ),
        ),
        revisions=r.objects("revisions", _revision),
        status_history=r.objects("status_history", _status_change),
    )


def archive_from_dict(data: object) -> list[Inspection]:
    reader = _Reader(data, "The archive")
    found = reader.text("format")
    if not found.startswith("opcc-responses/"):
        raise ArchiveError("This is not an OPCC Inspection Responses archive (no 'format' key).")
    if found != FORMAT:
        raise ArchiveError(f"This archive is in format {found!r}; this version reads {FORMAT!r}.")
    raw = reader.data.get("inspections")
    if not isinstance(raw, list):
        raise ArchiveError("The archive has no list of inspections.")
    return [inspection_from_dict(item, f"Inspection {n}") for n, item in enumerate(raw, 1)]


def read_archive_text(text: str) -> list[Inspection]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArchiveError(
            f"The archive is not valid JSON (line {error.lineno}: {error.msg})."
        ) from None
    except RecursionError:
        raise ArchiveError(
            "The archive is nested far too deeply to be one written by this application."
        ) from None
    return archive_from_dict(data)


def read_archive(path: Path) -> list[Inspection]:
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ArchiveError(f"Cannot read {path}: {error.strerror or error}.") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ArchiveError(f"{path} is not a UTF-8 text file.") from None
    return read_archive_text(text)
