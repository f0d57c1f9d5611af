"""What ``check`` prints: the file's integrity, schema version, counts and backups, in lines
for a person or one JSON object for a script, and the one sentence on stderr when anything is
wrong (docs/interfaces.md, "Command line")."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.db.backup import list_backups
from app.db.identity import SCHEMA_HEAD, FileKind
from app.db.integrity import COUNTED, Examination
from app.domain.english_dates import short_date_time
from app.paths import backups_dir

_NAMES = {"inspection": "Inspections", "finding": "Findings", "response": "Responses",
          "revision": "Revisions"}  # fmt: skip
_SCHEMA_WORDS = {
    FileKind.CURRENT: "this version's",
    FileKind.OLDER: "an earlier version's: upgraded when next opened in the application",
    FileKind.NEWER: "a newer version's: this version cannot use it",
}


@dataclass(frozen=True, slots=True)
class CheckReport:
    path: Path
    found: Examination

    @property
    def kind(self) -> FileKind | None:
        return self.found.identity.kind if self.found.identity is not None else None

    @property
    def problem(self) -> str | None:
        """The one sentence for stderr, or None when the file is sound and usable."""
        if self.kind is FileKind.NEW:
            return f"There is no database at {self.path}."
        if self.kind is FileKind.FOREIGN:
            return f"{self.path} is not a database of OPCC Inspection Responses."
        if self.found.problems:
            return (
                f"{self.path} is damaged: restore a backup (restore FILE, or File → Restore "
                "from backup… in the window)."
            )
        if self.kind is FileKind.NEWER:
            return (
                f"{self.path} was written by a newer version of OPCC Inspection Responses; "
                "install that version to use it."
            )
        return None

    def lines(self) -> list[str]:
        lines = [f"Database: {self.path}"]
        revision = self.found.identity.revision if self.found.identity is not None else None
        if self.kind in _SCHEMA_WORDS:
            lines.append(f"Schema version: {revision} ({_SCHEMA_WORDS[self.kind]})")
        if self.found.problems:
            lines.append(f"Integrity: {len(self.found.problems)} problem(s)")
            lines += [f"  {' '.join(problem.split())}" for problem in self.found.problems]
        elif self.kind not in (FileKind.NEW, FileKind.FOREIGN, None):
            lines.append("Integrity: ok")
        counts = self.found.counts
        for table in COUNTED:
            if table in counts:
                extra = f" ({self.found.archived} archived)" if table == "inspection" else ""
                lines.append(f"{_NAMES[table]}: {counts[table]}{extra}")
        backups = list_backups(backups_dir(self.path), self.path.stem)
        if backups:
            lines.append(
                f"Backups: {len(backups)} in {backups_dir(self.path)}, the newest made "
                f"{short_date_time(backups[0].made)}"
            )
        else:
            lines.append(f"Backups: none in {backups_dir(self.path)}")
        return lines

    def as_dict(self) -> dict[str, Any]:
        backups = list_backups(backups_dir(self.path), self.path.stem)
        return {
            "path": str(self.path),
            "ok": self.problem is None,
            "schema": self.kind.name.lower() if self.kind is not None else None,
            "schema_version": self.found.identity.revision if self.found.identity else None,
            "this_version_schema": SCHEMA_HEAD,
            "problems": [" ".join(problem.split()) for problem in self.found.problems],
            "counts": {table: self.found.counts.get(table) for table in COUNTED},
            "archived": self.found.archived,
            "backups": len(backups),
            "newest_backup": backups[0].made.isoformat() if backups else None,
        }
