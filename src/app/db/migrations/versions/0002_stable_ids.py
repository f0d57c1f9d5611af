"""Stable identities: row ids never reused, findings removed by keeping them, an application id

Revision ID: 0002_stable_ids
Revises: 0001_initial
Create Date: 2026-11-30 11:00:00

* ``inspection``, ``finding``, ``response`` and ``revision`` get AUTOINCREMENT ids, so that an
  editor or a revision that still holds the id of a removed row never finds another row there
  (SQLite otherwise hands the highest id out again once its row is deleted).
* ``finding.removed_at``: a finding an update no longer has, or that a person removes, is kept
  with its responses and their history, marked as removed.
* ``PRAGMA application_id`` marks the file as ours, so that a foreign SQLite file is recognised
  before anything is written to it.

On PostgreSQL the column is added in place: its ids come from sequences, never reused.
The tables are rebuilt (SQLite cannot add AUTOINCREMENT in place); ``app.db.migrate`` runs the
migrations with foreign keys off, so that dropping a parent table does not cascade.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_stable_ids"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

APPLICATION_ID = 0x4F504343  # "OPCC"; also app.db.identity.APPLICATION_ID


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        # PostgreSQL never hands a sequence's number out again, and has no application id.
        op.add_column("finding", sa.Column("removed_at", sa.DateTime(), nullable=True))
        return
    for table in ("inspection", "finding", "response", "revision"):
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ) as batch_op:
            if table == "finding":
                batch_op.add_column(sa.Column("removed_at", sa.DateTime(), nullable=True))
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_column("finding", "removed_at")
        return
    with op.batch_alter_table("finding", recreate="always") as batch_op:
        batch_op.drop_column("removed_at")
    op.execute("PRAGMA application_id = 0")
