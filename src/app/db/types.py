"""Column types of our own: moments kept as ISO 8601 text in UTC, with their offset.

SQLAlchemy's ``DateTime`` on SQLite drops a moment's offset and so cannot tell UTC from local
time; :class:`UtcDateTime` writes ``2026-10-25T00:30:00+00:00`` and reads back an aware UTC
``datetime`` (:func:`app.domain.clock.from_iso`). It is text on every engine, PostgreSQL
included, so that a moment reads back identically wherever it was stored.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Dialect, String
from sqlalchemy.types import TypeDecorator

from app.domain import clock


class UtcDateTime(TypeDecorator[dt.datetime]):
    """An aware moment, stored in UTC as ISO 8601 text with its offset.

    A naive value, written to it or found in a file, is the local time of this computer.
    """

    impl = String
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else clock.to_iso(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else clock.from_iso(value)
