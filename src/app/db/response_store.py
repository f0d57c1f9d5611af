"""Writing responses and their revisions, inside a unit of work, with SQLAlchemy Core.

A response lives in a slot: its inspection, its finding (none for the overall and closing
responses), its author role and its part. The rules (versions, conflicts, what a save keeps)
are in ``app.services.responses``; here each step is one statement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, insert, select, update
from sqlalchemy.orm import Session

from app.db.models import ResponseRow, RevisionRow
from app.db.records import response_slot
from app.domain.enums import AuthorRole, ResponsePart

_response = ResponseRow.__table__.c
_revision = RevisionRow.__table__.c


@dataclass(frozen=True, slots=True)
class CurrentResponse:
    """The current text of one stored response, with its id and whether it has revisions."""

    id: int
    text: str
    version: int
    updated_at: dt.datetime | None
    updated_by: str
    has_revisions: bool


def find_response(
    session: Session, inspection_id: int, finding_id: int | None, role: AuthorRole,
    part: ResponsePart,
) -> CurrentResponse | None:  # fmt: skip
    """The response in that slot (the first, should there be two), or None."""
    revisions = exists().where(_revision.response_id == _response.id)
    found = session.execute(
        select(
            _response.id, _response.text, _response.version, _response.updated_at,
            _response.updated_by, revisions.label("has_revisions"),
        )
        .where(*response_slot(inspection_id, finding_id, role, part))
        .order_by(_response.id)
        .limit(1)
    ).first()  # fmt: skip
    if found is None:
        return None
    return CurrentResponse(
        found.id, found.text or "", found.version, found.updated_at, found.updated_by or "",
        bool(found.has_revisions),
    )  # fmt: skip


def add_response(
    session: Session, inspection_id: int, finding_id: int | None, role: AuthorRole,
    part: ResponsePart,
) -> int:  # fmt: skip
    """A new, empty response in that slot, never saved (version 0); returns its id."""
    added = session.execute(
        insert(ResponseRow)
        .values(inspection_id=inspection_id, finding_id=finding_id, role=role.value,
                part=part.value, text="", version=0, updated_by="")
        .returning(_response.id)
    )  # fmt: skip
    return int(added.scalar_one())


def add_revision(
    session: Session, response_id: int, text: str, saved_at: dt.datetime, saved_by: str
) -> None:
    """Keep ``text`` as a saved version of the response."""
    session.execute(
        insert(RevisionRow).values(
            response_id=response_id, text=text, saved_at=saved_at, saved_by=saved_by
        )
    )


def set_response_text(
    session: Session, response_id: int, text: str, version: int, at: dt.datetime, user: str
) -> None:
    """Make ``text`` the response's current text, as ``version``, saved by ``user`` at ``at``."""
    session.execute(
        update(ResponseRow)
        .where(ResponseRow.id == response_id)
        .values(text=text, version=version, updated_at=at, updated_by=user)
        .execution_options(synchronize_session=False)
    )


def revision_text(session: Session, revision_id: int, response_id: int) -> str | None:
    """The text of a saved version of that response, or None when it is not one of its."""
    return session.execute(
        select(_revision.text).where(
            _revision.id == revision_id, _revision.response_id == response_id
        )
    ).scalar_one_or_none()
