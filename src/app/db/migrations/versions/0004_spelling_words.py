"""The organisation's own spelling words: a word list kept in the database

Revision ID: 0004_spelling_words
Revises: 0003_utc_times
Create Date: 2026-11-30 14:30:00

One new table, ``spelling_word``: the words the spell-checker accepts in this database besides
the en_GB dictionary (the force's name, places and people's names, "HMICFRS"), added from an
editor's context menu ("Add to dictionary") or in the settings. Nothing else changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_spelling_words"
down_revision = "0003_utc_times"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "spelling_word",
        sa.Column("word", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("word", name=op.f("pk_spelling_word")),
    )


def downgrade() -> None:
    op.drop_table("spelling_word")
