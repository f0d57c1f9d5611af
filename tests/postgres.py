"""A throw-away PostgreSQL server for the tests: ``initdb`` in a temporary folder, ``pg_ctl``
on a free loopback port, one fresh database per test, everything removed at the end.

PostgreSQL refuses to run as root, so as root the cluster belongs to an unprivileged user (the
``postgres`` account Debian's package makes, else ``nobody``) and its commands run through
``runuser``. Where no server can be found the tests that need it are skipped, saying so; under
CI (``CI=true``, where ``.ci/run`` installs Debian's server) a missing server is a failure.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

USER = "opcc"
NO_SERVER = (
    "PostgreSQL half skipped: no PostgreSQL server programs (initdb, pg_ctl) were found; "
    "install Debian's postgresql package (.ci/run does) to run it"
)


def server_programs() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: on PATH, or Debian's versioned folder."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _owner() -> str | None:
    """The unprivileged account to run the cluster as when we are root (None: ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError("running as root, with no unprivileged account for PostgreSQL")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    folder: Path
    bin: Path
    owner: str | None
    port: int = field(default_factory=_free_port)
    _names: itertools.count[int] = field(default_factory=itertools.count)

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", self.owner, "--"] if self.owner else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        data = self.folder / "data"
        if self.owner:
            shutil.chown(self.folder, self.owner)
        self._run(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", USER,
                  "-E", "UTF8", "--locale=C", "--no-sync")  # fmt: skip
        options = f"-h 127.0.0.1 -p {self.port} -k {self.folder} -F -c fsync=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-o", options,
                  "-l", str(self.folder / "log"), "-w", "start")  # fmt: skip

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m",
                      "immediate", "-w", "stop")  # fmt: skip
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres", autocommit=True
        ) as connection:
            connection.execute(statement)

    def new_database(self) -> str:
        """The address of a new, empty database."""
        name = f"test_{next(self._names)}"
        self._admin(f"CREATE DATABASE {name}")
        return self.url(name)

    def drop(self, url: str) -> None:
        self._admin(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


def start_cluster() -> Cluster | None:
    """A running cluster, or None when no server programs can be found."""
    programs = server_programs()
    if programs is None:
        return None
    cluster = Cluster(Path(tempfile.mkdtemp(prefix="opcc-pg-")), programs, _owner())
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    return cluster
