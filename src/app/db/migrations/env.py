"""Alembic environment: always given a live connection by app.db.migrate."""

from __future__ import annotations

from alembic import context

from app.db.models import Base
from app.db.search import compared_with_the_models

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table.
    compare_type=True,
    include_name=compared_with_the_models,
)
with context.begin_transaction():
    context.run_migrations()
