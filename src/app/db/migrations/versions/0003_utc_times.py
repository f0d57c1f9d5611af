"""Moments in UTC with their offset, instead of naive local time

Revision ID: 0003_utc_times
Revises: 0002_stable_ids
Create Date: 2026-12-07 10:00:00

Every date-and-time column (``inspection.created_at`` and ``updated_at``,
``finding.removed_at``, ``response.updated_at``, ``revision.saved_at``,
``status_change.changed_at``) held the computer's naive local time, in SQLAlchemy's
``2026-10-25 01:30:00.000000``; local times repeat in the hour the clocks go back. They become
ISO 8601 text in UTC with its offset (``2026-10-25T00:30:00+00:00``, ``app.db.types``), converted
with the local time zone of the computer running the upgrade. A time in the repeated hour cannot
be told apart from its twin and is taken as the first (summer time); revisions are ordered by
when they were saved into the file, not by their times, so their order is unaffected.

On PostgreSQL the columns change type in place. On SQLite the tables are rebuilt to change
the columns' declared type (their ids keep AUTOINCREMENT);
``app.db.migrate`` runs the migrations with foreign keys off, so that dropping a parent table
does not cascade. A value that is no date and time is left as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "0003_utc_times"
down_revision = "0002_stable_ids"
branch_labels = None
depends_on = None

MOMENTS = {
    "inspection": (("created_at", False), ("updated_at", False)),
    "finding": (("removed_at", True),),
    "response": (("updated_at", True),),
    "revision": (("saved_at", False),),
    "status_change": (("changed_at", False),),
}
"""Every date-and-time column, by table, with whether it may be empty."""
AUTOINCREMENT = {"inspection", "finding", "response", "revision"}


def _to_utc(value: str) -> str:
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the local time zone now, with its summer time
    return moment.astimezone(dt.UTC).isoformat()


def _to_local(value: str) -> str:
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return f"{moment:%Y-%m-%d %H:%M:%S.%f}"


def _convert(table: str, column: str, change: Callable[[str], str]) -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL")
    ).fetchall()
    for row_id, value in rows:
        try:
            changed = change(str(value))
        except (ValueError, OverflowError, OSError):
            continue  # not a date and time, or one the computer cannot place: kept as it was
        connection.execute(
            sa.text(f"UPDATE {table} SET {column} = :value WHERE id = :id"),
            {"value": changed, "id": row_id},
        )


def _retype(table: str, kind: type[sa.String] | type[sa.DateTime]) -> None:
    """Rebuild ``table`` with its moments declared as ``kind``, copying them unchanged (an
    altered column would be copied through a CAST, which makes DATETIME text a number)."""
    columns = tuple(sa.Column(name, kind(), nullable=nullable) for name, nullable in MOMENTS[table])
    kwargs = {"sqlite_autoincrement": True} if table in AUTOINCREMENT else {}
    with op.batch_alter_table(table, recreate="always", reflect_args=columns, table_kwargs=kwargs):
        pass


def _alter(table: str, kind: type[sa.String] | type[sa.DateTime], using: str) -> None:
    """Elsewhere than on SQLite, the column's type is changed in place."""
    for name, nullable in MOMENTS[table]:
        op.alter_column(table, name, type_=kind(), existing_nullable=nullable,
                        postgresql_using=using.format(name=name))  # fmt: skip


def upgrade() -> None:
    for table, columns in MOMENTS.items():
        if op.get_bind().dialect.name != "sqlite":
            _alter(table, sa.String, "{name}::text")  # a server database starts at head
        else:
            _retype(table, sa.String)
        for column, _nullable in columns:
            _convert(table, column, _to_utc)


def downgrade() -> None:
    for table, columns in MOMENTS.items():
        for column, _nullable in columns:
            _convert(table, column, _to_local)
        if op.get_bind().dialect.name != "sqlite":
            _alter(table, sa.DateTime, "{name}::timestamp")
        else:
            _retype(table, sa.DateTime)
