"""A database on a PostgreSQL server behind ``app.db.backend.Backend`` (``psycopg`` 3).

The same models, migrations, reads and units of work as the SQLite file; what differs is small:
the database is identified by its ``alembic_version`` table alone, there are no PRAGMAs (foreign
keys are always enforced), a read is one ``REPEATABLE READ READ ONLY`` transaction, migrations
run in one transaction (PostgreSQL's DDL is transactional), and backups, restores and the
integrity check are the server administrator's (``pg_dump``, ``pg_restore``): refused here with a
sentence. The server keeps its own pages sound, so the look at opening is a ``SELECT 1``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, inspect, make_url, text
from sqlalchemy.exc import SQLAlchemyError

from app.db.backend import Opening
from app.db.identity import KNOWN_REVISIONS, SCHEMA_HEAD
from app.db.sqlite_file import NoDatabaseYet
from app.domain.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy import URL, Connection, Engine

DRIVER = "postgresql+psycopg"
FILE_ONLY = (
    "{what} works on a database file; {name} is on a database server, whose backups are made "
    "there (pg_dump and pg_restore, by whoever looks after the server)."
)


def server_url(address: str) -> URL:
    """The address with psycopg 3 as its driver, whichever PostgreSQL scheme it was given in."""
    url = make_url(address.strip())
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername=DRIVER)
    return url


class PostgresServer:
    """A database on a PostgreSQL server (see ``app.db.backend`` for what a backend does)."""

    on_file = False

    def __init__(self, address: str) -> None:
        self.url = server_url(address)
        self.name = self.url.render_as_string(hide_password=True)
        self._engine: Engine | None = None

    def _shared_engine(self) -> Engine:
        if self._engine is None:
            try:
                self._engine = create_engine(self.url, pool_pre_ping=True, future=True)
            except ImportError as error:  # a copy installed without the "server" extra
                raise DatabaseError(
                    f"This copy of OPCC Inspection Responses cannot use a database server "
                    f"({self.name}): its PostgreSQL driver, psycopg, is not installed."
                ) from error
        return self._engine

    def open(self, *, writable: bool) -> Opening:
        try:
            with self._shared_engine().connect() as connection:
                connection.execute(text("SELECT 1"))  # reachable, and ours to read
                tables = set(inspect(connection).get_table_names())
                revision = None
                if "alembic_version" in tables:
                    revision = connection.execute(
                        text("SELECT version_num FROM alembic_version")
                    ).scalar()
        except SQLAlchemyError as error:
            raise DatabaseError(self.describe(error)) from error
        if not tables:
            if not writable:
                raise NoDatabaseYet(f"There is no database at {self.name} yet: nothing has "
                                    "been recorded.")  # fmt: skip
            return Opening(new=True, upgrade=True)
        if revision is None:
            raise DatabaseError(
                f"{self.name} is a database, but not one of OPCC Inspection Responses."
            )
        if revision == SCHEMA_HEAD:
            return Opening(new=False, upgrade=False)
        if revision not in KNOWN_REVISIONS:
            raise DatabaseError(
                f"{self.name} was written by a newer version of OPCC Inspection Responses; "
                "install that version to open it."
            )
        if not writable:
            raise DatabaseError(
                f"{self.name} was made by an earlier version and must be upgraded before it "
                "can be read: open it in the application once."
            )
        return Opening(new=False, upgrade=True)

    def can_write(self) -> bool:
        return True  # the server says so, statement by statement

    def make_engine(self, *, read_only: bool) -> Engine:
        engine = self._shared_engine()
        return engine.execution_options(postgresql_readonly=True) if read_only else engine

    def make_reading_engine(self) -> Engine:
        return self._shared_engine().execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        )

    def begin_snapshot(self, connection: Connection) -> None:
        connection.execute(text("SELECT 1"))  # the transaction, and its snapshot, start here

    def upgrade(self, engine: Engine) -> Path | None:
        from app.db.migrate import upgrade_to_head

        return upgrade_to_head(engine, None)

    def let_go_of_lost_connections(self, engines: list[Engine]) -> bool:
        return False  # nothing of the database is held on this computer

    def describe(self, error: BaseException) -> str:
        original = getattr(error, "orig", error)
        words = str(original).strip().splitlines()[0] if str(original).strip() else ""
        lowered = words.lower()
        if "connection" in lowered and ("refused" in lowered or "failed" in lowered
                                        or "timeout" in lowered):  # fmt: skip
            return (
                f"Cannot reach the database server at {self.name}: check the address and that "
                "the server is running."
            )
        if "password authentication failed" in lowered or "authentication" in lowered:
            return f"The database server at {self.name} refused the user name or password."
        if "read-only transaction" in lowered:
            return f"{self.name} is opened for reading only, so nothing can be changed."
        return f"The database {self.name} reported a problem: {words}."

    def is_driver_error(self, error: BaseException) -> bool:
        return type(error).__module__.startswith("psycopg")

    def remove_unfinished(self) -> None:
        """Nothing to remove: a failed first migration rolled back as a whole."""

    def release(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
