"""The composition root of the record store: an engine, a session factory and transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import create_sqlite_engine, describe_sqlite_error
from app.db.revision import SCHEMA_HEAD, stored_revision
from app.domain.errors import AppError, DatabaseError


class Database:
    """One open database file. Create it once (in ``cli`` or the UI) and pass it down.

    ``transaction()`` is the unit of work: it commits, or rolls back and raises a
    :class:`DatabaseError` whose message a person can read.
    """

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.upgrade_backup: Path | None = None

    @classmethod
    def open(cls, path: Path) -> Database:
        """Open (creating or upgrading as needed) the database at ``path``."""
        path = Path(path)
        engine = create_sqlite_engine(path)
        try:
            database = cls(engine, path)
            if stored_revision(engine) != SCHEMA_HEAD:
                from app.db.migrate import upgrade_to_head  # Alembic is slow to import

                database.upgrade_backup = upgrade_to_head(engine, path)
        except SQLAlchemyError as error:
            engine.dispose()
            raise DatabaseError(describe_sqlite_error(error, path)) from error
        except AppError:
            engine.dispose()
            raise
        return database

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except SQLAlchemyError as error:
            session.rollback()
            raise DatabaseError(
                describe_sqlite_error(error, self.path or Path("database"))
            ) from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
