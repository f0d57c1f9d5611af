"""The recommendation tracker's commands: ``tracker``, ``progress``, ``export-tracker`` and
``export-calendar`` (docs/interfaces.md, "Command line"), registered on the parser of
:mod:`app.cli` and following its rules: exit 0 done, 1 one plain sentence on stderr, 2 wrong
usage; the commands that only read never create or change a file.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from app.cli import Handler, _check_outputs, _iso, _out, _out_json
from app.db.database import Database
from app.domain.enums import ProgressStatus
from app.domain.errors import ValidationError
from app.domain.tracking import TrackedFinding
from app.domain.typed_dates import HINT, parse_typed_date
from app.services import archive

if TYPE_CHECKING:
    from app.services.tracker import TrackerFilter

# The services (and with them SQLAlchemy and the writers) are imported when a command runs.


class AddCommand(Protocol):
    def __call__(
        self, name: str, handler: Handler, help_text: str, *, writes: bool = True,
        on_file: bool = False,
    ) -> argparse.ArgumentParser: ...  # fmt: skip


def status_argument(text: str) -> ProgressStatus:
    """A status as typed: its value (``in_progress``) or its label ("In progress")."""
    status = ProgressStatus.parse(text)
    if status is None:
        choices = ", ".join(s.value for s in ProgressStatus)
        raise argparse.ArgumentTypeError(f"unknown status {text!r} (choose from {choices})")
    return status


def _filter(args: argparse.Namespace) -> TrackerFilter:
    from app.services.tracker import TrackerFilter

    return TrackerFilter(
        statuses=frozenset(args.status or ()),
        overdue_only=getattr(args, "overdue", False),
        inspection_id=args.inspection,
        owner=getattr(args, "owner", None) or "",
    )


def row_to_dict(row: TrackedFinding) -> dict[str, Any]:
    """One finding in ``tracker --json``."""
    return {
        "id": row.id,
        "inspection_id": row.inspection_id,
        "title": row.inspection_title,
        "kind": row.kind.value,
        "reference": row.reference,
        "status": row.status.value,
        "owner": row.owner,
        "due_on": _iso(row.due_on),
        "target_on": _iso(row.target_on),
        "hmicfrs_status": row.hmicfrs_status.value if row.hmicfrs_status else None,
        "overdue": row.overdue,
        "updates": [
            {"on": _iso(u.on), "status": u.status, "note": u.note, "by": u.by}
            for u in row.updates
        ],
    }


def cmd_tracker(db: Database, args: argparse.Namespace) -> int:
    from app.services.tracker import tracker_rows

    rows = tracker_rows(db, _filter(args))
    if args.json:
        _out_json(archive.dumps([row_to_dict(row) for row in rows]))
        return 0
    if not rows:
        _out("No findings are tracked with those choices.")
    for row in rows:
        target = row.target_on.strftime("%d/%m/%Y") if row.target_on else "no target"
        late = "  overdue" if row.overdue else ""
        owner = f"  ({row.owner})" if row.owner else ""
        _out(f"{row.id:>5}  {target:<10}  {row.status.label:<31}  {row.reference}: "
             f"{row.inspection_title}{owner}{late}")  # fmt: skip
    return 0


def cmd_progress(db: Database, args: argparse.Namespace) -> int:
    from app.services.tracker import record_progress

    target = None
    if args.target is not None:
        target = parse_typed_date(args.target)
        if target is None:
            raise ValidationError(f"The target date {args.target!r} is not a date. {HINT}")
    row = record_progress(db, args.finding_id, args.status, args.note or "", args.by, target)
    _out(f"{row.reference} of “{row.inspection_title}” is now “{row.status.label}”"
         f"{', and overdue' if row.overdue else ''}.")  # fmt: skip
    return 0


def cmd_export_tracker(db: Database, args: argparse.Namespace) -> int:
    from app.services.tracker_exports import export_tracker

    _check_outputs(db, args.out)
    count = export_tracker(db, Path(args.out), _filter(args))
    _out(f"Wrote {count} finding(s) to {args.out}.")
    return 0


def cmd_export_calendar(db: Database, args: argparse.Namespace) -> int:
    from app.services.tracker_exports import export_calendar

    _check_outputs(db, args.out)
    count = export_calendar(db, Path(args.out))
    _out(f"Wrote {count} deadline(s) to {args.out}.")
    return 0


def add_tracker_commands(add: AddCommand) -> None:
    """Register the tracker's commands with ``app.cli.build_parser``'s ``add``."""
    sub = add("tracker", cmd_tracker, "list the findings and where the work on each stands",
              writes=False)  # fmt: skip
    sub.add_argument("--json", action="store_true", help="print JSON")
    _add_choices(sub)
    sub.add_argument("--overdue", action="store_true", help="only findings past their target")
    sub.add_argument("--owner", metavar="NAME", help="only findings this person or team owns")
    sub = add("progress", cmd_progress, "record progress on a finding (a dated update)")
    sub.add_argument("finding_id", metavar="FINDING_ID", type=int)
    sub.add_argument("--status", type=status_argument, required=True,
                     help="open, in_progress, awaiting_evidence, completed, superseded or "
                     "not_accepted (or the status's words)")  # fmt: skip
    sub.add_argument("--note", metavar="TEXT", help="what has been done")
    sub.add_argument("--target", metavar="DD/MM/YYYY", help="a new target date")
    sub.add_argument("--by", metavar="NAME", help="who reports it (default: you)")
    sub = add("export-tracker", cmd_export_tracker,
              "write the tracker to OUT.xlsx or OUT.csv", writes=False)  # fmt: skip
    sub.add_argument("out", metavar="OUT")
    _add_choices(sub)
    sub = add("export-calendar", cmd_export_calendar,
              "write the deadlines to OUT.ics, for Outlook", writes=False)  # fmt: skip
    sub.add_argument("out", metavar="OUT")


def _add_choices(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--status", type=status_argument, action="append", metavar="S",
                     help="only findings at this status (may be given more than once)")  # fmt: skip
    sub.add_argument("--inspection", metavar="ID", type=int, help="only this inspection's")
