"""Alembic migrations, run from code at start-up (see app.db.migrate)."""
