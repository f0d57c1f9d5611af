"""The recommendation tracker: each finding's progress status, owner, target date and the
inspectorate's own status; when each progress update was recorded

Revision ID: 0006_tracker
Revises: 0005_search_index
Create Date: 2026-11-30 18:00:00

Columns are only added, never rebuilt in batch mode: ``finding`` carries the full-text index's
triggers (0005_search_index), which a rebuild would drop. On SQLite ``ALTER TABLE ADD COLUMN``
takes a column that may be empty or has a default, so every new column is one or the other.
An existing finding starts "open", with no owner, its target the finding's own due date (an
empty ``target_on`` means "the due date"), and the inspectorate's status unknown.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_tracker"
down_revision = "0005_search_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "finding",
        sa.Column("progress_status", sa.String(40), nullable=False, server_default="open"),
    )
    op.add_column("finding", sa.Column("owner", sa.Text(), nullable=False, server_default=""))
    op.add_column("finding", sa.Column("target_on", sa.Date(), nullable=True))
    op.add_column("finding", sa.Column("hmicfrs_status", sa.String(40), nullable=True))
    op.add_column("progress_update", sa.Column("recorded_at", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("progress_update") as batch:
        batch.drop_column("recorded_at")
    for column in ("hmicfrs_status", "target_on", "owner", "progress_status"):
        op.drop_column("finding", column)
