"""Queries over the record store.

Functions take an open Session: the caller owns the unit of work.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from app.db.models import InspectionRow
from app.db.reader import read_inspection
from app.domain.errors import NotFoundError
from app.domain.model import Inspection


def inspection_row(session: Session, inspection_id: int) -> InspectionRow:
    row = session.get(InspectionRow, inspection_id)
    if row is None:
        raise NotFoundError.inspection(inspection_id)
    return row


def session_sql(session: Session) -> sqlite3.Connection:
    """The SQLite connection under an open session, with its pending changes flushed to it.

    ``app.db.reader`` reads on it, so a read inside a writing transaction sees that
    transaction's own changes.
    """
    session.flush()
    driver = session.connection().connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def load_inspection(session: Session, inspection_id: int) -> Inspection:
    return read_inspection(session_sql(session), inspection_id)


def find_duplicate(
    session: Session, title: str, published_on: dt.date | None, url: str
) -> int | None:
    """An inspection with the same title and publication date, or the same link."""
    conditions: list[ColumnElement[bool]] = [
        (func.lower(func.trim(InspectionRow.title)) == title.strip().lower())
        & (InspectionRow.published_on.is_(None) if published_on is None
           else InspectionRow.published_on == published_on)
    ]  # fmt: skip
    if _is_specific_link(url):
        conditions.append(InspectionRow.url == url.strip())
    return session.scalars(select(InspectionRow.id).where(or_(*conditions)).limit(1)).first()


def _is_specific_link(url: str) -> bool:
    """A link to a site's home page ("https://justiceinspectorates.gov.uk") identifies nothing."""
    text = url.strip()
    if not text:
        return False
    path = text.split("://", 1)[-1].partition("/")[2]
    return bool(path.strip("/"))
