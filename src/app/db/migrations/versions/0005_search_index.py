"""A full-text index of what people search for

Revision ID: 0005_search_index
Revises: 0004_spelling_words
Create Date: 2026-11-30 17:30:00

Nothing stored changes; an index is added beside the tables (``app.db.search`` reads it).

SQLite: one FTS5 table per searched table, each an *external content* table over its source
(``content=...``, ``content_rowid='id'``), so no text is stored twice and ``snippet()`` reads
the source rows. Triggers keep each index in step with every insert, update and delete,
whichever code path makes it (a service, an import, a cascade, a restore copies the index with
the file). The tokenizer is ``porter unicode61 remove_diacritics 2``: "organisation" finds
"organisations". A SQLite built without FTS5 gets no index; ``app.db.search`` then searches the
plain text and says so.

A later migration that rebuilds one of these source tables in batch mode drops its triggers with
it: it must create them again (copy them from here) and rebuild that index.

PostgreSQL: GIN indexes on ``to_tsvector('english', column)``, queried with
``websearch_to_tsquery('english', ...)``; the server keeps them in step by itself.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_search_index"
down_revision = "0004_spelling_words"
branch_labels = None
depends_on = None

# index name -> (source table, searched columns); frozen here as this revision made them.
INDEXES = {
    "search_inspection": ("inspection", ("title", "report_text")),
    "search_finding": ("finding", ("reference", "text")),
    "search_question": ("graded_question", ("question", "text")),
    "search_response": ("response", ("text",)),
    "search_revision": ("revision", ("text",)),
}
TOKENIZER = "porter unicode61 remove_diacritics 2"


def _has_fts5(connection: sa.Connection) -> bool:
    try:
        connection.exec_driver_sql("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
    except sa.exc.DBAPIError:
        return False
    connection.exec_driver_sql("DROP TABLE temp.fts5_probe")
    return True


def _sqlite_statements(name: str, table: str, columns: tuple[str, ...]) -> list[str]:
    listed = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    add = f"INSERT INTO {name}(rowid, {listed}) VALUES (new.id, {new});"
    remove = f"INSERT INTO {name}({name}, rowid, {listed}) VALUES ('delete', old.id, {old});"
    return [
        f"CREATE VIRTUAL TABLE {name} USING fts5({listed}, content='{table}', "
        f"content_rowid='id', tokenize='{TOKENIZER}')",
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE OF {listed} ON {table} BEGIN {remove} {add} END",
        f"INSERT INTO {name}({name}) VALUES ('rebuild')",
    ]


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        if not _has_fts5(connection):
            return
        for name, (table, columns) in INDEXES.items():
            for statement in _sqlite_statements(name, table, columns):
                connection.exec_driver_sql(statement)
    elif connection.dialect.name == "postgresql":
        for name, (table, columns) in INDEXES.items():
            for column in columns:
                connection.exec_driver_sql(
                    f"CREATE INDEX {name}_{column} ON {table} "
                    f"USING gin (to_tsvector('english', {column}))"
                )


def downgrade() -> None:
    connection = op.get_bind()
    for name, (_table, columns) in INDEXES.items():
        if connection.dialect.name == "sqlite":
            for suffix in ("ai", "ad", "au"):
                connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}_{suffix}")
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")
        else:
            for column in columns:
                connection.exec_driver_sql(f"DROP INDEX IF EXISTS {name}_{column}")
