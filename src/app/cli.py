"""Command line: ``python -m app [--db PATH] [--version] [COMMAND ...]``.

No command opens the window. Commands never prompt. Exit codes: 0 done, 1 a problem with the
input or the data (one plain sentence on stderr), 2 wrong usage. Every command and option is
described in docs/interfaces.md, "Command line".
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from app import APP_NAME, __version__
from app.cli_check import CheckReport
from app.db.connection import is_database_file, prepare_location
from app.db.database import Database
from app.db.sqlite_file import NoDatabaseYet
from app.domain.deadlines import statutory_deadline
from app.domain.english_dates import short_date
from app.domain.errors import AppError, ValidationError
from app.paths import data_dir, resolve_db_location
from app.services import archive, reading
from app.services.publishing import export_response

if TYPE_CHECKING:
    from app.db import search as search_hits

# Commands that write import their services (and with them SQLAlchemy) when they run: the
# commands that only read (list, show, export, export-json) start in half the time without it.

Handler = Callable[[Database, argparse.Namespace], int]
FileHandler = Callable[[Path, argparse.Namespace], int]
"""A command on the database file itself (check, backup, restore): it must work on a file
that cannot be opened as a database, damaged or missing."""


def _out(text: str) -> None:
    """A line for a person: what the console cannot show becomes "?", never an error."""
    _write(sys.stdout, text)


def _err(text: str) -> None:
    """A line on stderr (a warning, or the one sentence about a problem), as :func:`_out`."""
    _write(sys.stderr, text)


def _out_json(text: str) -> None:
    """JSON for a program: UTF-8 bytes whatever the console's code page (cp1252 on many PCs)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stream of text only: no code page to get wrong
        _write(sys.stdout, text)
        return
    sys.stdout.flush()
    buffer.write(_line(text).encode("utf-8"))
    buffer.flush()


def _write(stream: TextIO, text: str) -> None:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text = _line(text).encode(encoding, "replace").decode(encoding)
    except LookupError:  # an encoding Python does not know: leave the text to the stream
        text = _line(text)
    stream.write(text)


def _line(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def cmd_samples(db: Database, _args: argparse.Namespace) -> int:
    from app.services import samples

    outcome = samples.load_samples(db)
    _out(f"Sample inspections: {outcome.describe()}.")
    return 0


def cmd_list(db: Database, args: argparse.Namespace) -> int:
    rows = reading.list_inspections(db, include_archived=args.all or args.json)
    if args.json:
        _out_json(archive.dumps([
            {"id": r.id, "title": r.title,
             "published_on": r.published_on.isoformat() if r.published_on else None,
             "deadline": _iso(statutory_deadline(r.published_on)), "status": r.status.value}
            for r in rows
        ]))  # fmt: skip
        return 0
    if not rows:
        _say_no_inspections(args)
    for r in rows:
        published = short_date(r.published_on) if r.published_on else "no date"
        _out(f"{r.id:>4}  {published:<10}  {r.status.label:<34}  {r.title}")
    return 0


def _say_no_inspections(args: argparse.Namespace) -> None:
    if args.json:
        _out_json("[]")
    else:
        _out("No inspections yet. Run 'samples' to load the two sample inspections.")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def cmd_show(db: Database, args: argparse.Namespace) -> int:
    inspection = reading.get_inspection(db, args.id)
    if args.json:
        _out_json(archive.dumps(archive.inspection_to_dict(inspection)))
        return 0
    deadline = statutory_deadline(inspection.published_on)
    _out(inspection.title)
    _out(f"Published on: {inspection.published_on or 'unknown'}")
    _out(f"Section 55 deadline: {deadline or 'unknown'}")
    _out(f"Status: {inspection.status.label}")
    for finding in inspection.findings:
        _out(f"- {finding.reference}{'' if finding.applies else ' (does not apply)'}")
    return 0


def cmd_search(db: Database, args: argparse.Namespace) -> int:
    from app.services import search

    results = search.search(db, args.query, revisions=args.revisions)
    if results.notice:
        _err(results.notice)
    if args.json:
        _out_json(archive.dumps([_hit_json(hit) for hit in results.hits()]))
        return 0
    if results.query.empty:
        raise ValidationError("Type at least one word to search for.")
    if not results.groups:
        _out(f"Nothing found for {args.query}.")
    settings = reading.load_settings(db)
    for group in results.groups:
        published = f" (published {short_date(group.published_on)})" if group.published_on else ""
        _out(f"{group.inspection_id:>4}  {group.title}{published}")
        for hit in group.hits:
            where = " · ".join(
                part for part in (hit.reference, settings.role_title(hit.role) if hit.role else "")
                if part
            ) or hit.source.value.capitalize()
            _out(f"      {where}: {hit.marked('[', ']')}")
    return 0


def _hit_json(hit: search_hits.Hit) -> dict[str, object]:
    """``{inspection_id, title, finding, role, snippet}`` (docs/interfaces.md) and where it is."""
    return {
        "inspection_id": hit.inspection_id, "title": hit.inspection_title,
        "finding": hit.reference if hit.finding_id is not None else None,
        "role": hit.role.value if hit.role else None, "snippet": hit.snippet,
        "source": hit.source.value, "finding_id": hit.finding_id,
        "response_id": hit.response_id, "part": hit.part.value if hit.part else None,
        "question": hit.reference if hit.source == "question" else None,
        "highlights": [list(span) for span in hit.highlights],
        "saved_at": hit.saved_at.isoformat() if hit.saved_at else None,
    }  # fmt: skip


def _check_outputs(db: Database, *targets: str) -> None:
    """Refuse to write over the database (or its journal files) or one file twice."""
    seen: set[Path] = set()
    for target in targets:
        if db.on_file and is_database_file(db.path, target):
            raise ValidationError(
                f"{target} is the database itself (or one of its files); choose another file."
            )
        resolved = Path(target).expanduser().resolve()
        if resolved in seen:
            raise ValidationError(f"{target} is given twice; give each format its own file.")
        seen.add(resolved)


def cmd_export_json(db: Database, args: argparse.Namespace) -> int:
    _check_outputs(db, args.out)
    records = reading.all_inspections(db, list(args.ids))
    archive.write_archive(Path(args.out), records)
    _out(f"Wrote {len(records)} inspection(s) to {args.out}.")
    return 0


def cmd_import(db: Database, args: argparse.Namespace) -> int:
    path = Path(args.file)
    if db.on_file and is_database_file(db.path, path):
        raise ValidationError(
            f"{path} is this application's own database, not a report or a response to import."
        )
    if path.suffix.lower() == ".json":
        return _import_archive(db, path, args)
    from app.importers import import_document
    from app.services.importing import save_imported

    imported = import_document(path)
    for warning in imported.warnings:
        _err(f"Warning: {warning}")
    # An update merges: responses, steps and decisions people recorded since are kept.
    saved = save_imported(db, imported.inspection, update_existing=args.yes, source=path.name)
    if saved.action == "skipped":
        _say_skipped(imported.inspection.title, saved.inspection_id)
    if args.json:
        _out_json(
            archive.dumps(
                archive.inspection_to_dict(reading.get_inspection(db, saved.inspection_id))
            )
        )
    else:
        _out(f"Import from {path.name}: inspection {saved.inspection_id} {saved.action}.")
    return 0


def _import_archive(db: Database, path: Path, args: argparse.Namespace) -> int:
    from app.services.importing import import_archive

    records = archive.read_archive(path)
    # An update merges, as for a document: what was recorded here since is kept.
    outcome = import_archive(db, records, update_existing=args.yes, source=path.name)
    for title, existing in outcome.skipped:
        _say_skipped(title, existing)
    if args.json:
        # Each inspection of the archive as it is now stored (a skipped one as it was), in order.
        stored = [reading.get_inspection(db, i) for i in outcome.ids]
        if len(records) == 1:
            _out_json(archive.dumps(archive.inspection_to_dict(stored[0])))
        else:
            _out_json(archive.dumps(archive.archive_to_dict(stored)))
    else:
        _out(f"Import from {path.name}: {outcome.describe()}.")
    return 0


def _say_skipped(title: str, existing: int) -> None:
    _err(f"Skipped “{title}”: already present as inspection {existing} (use --yes to update it).")


def cmd_export(db: Database, args: argparse.Namespace) -> int:
    if not (args.pdf or args.html or args.docx):
        raise argparse.ArgumentTypeError("give at least one of --pdf, --html, --docx")
    _check_outputs(db, *(target for target in (args.pdf, args.html, args.docx) if target))
    result = export_response(
        db, args.id, pdf=args.pdf, html=args.html, docx=args.docx,
        internal=args.internal, marking=args.marking,
    )  # fmt: skip
    for warning in result.warnings:
        _err(f"Warning: {warning}")
    for written in result.written:
        _out(f"Wrote {written}.")
    return 0


def cmd_check(path: Path, args: argparse.Namespace) -> int:
    from app.services.backups import check_file

    report = CheckReport(path, check_file(path))
    if args.json:
        _out_json(archive.dumps(report.as_dict()))
    else:
        for line in report.lines():
            _out(line)
    if report.problem is not None:
        _err(report.problem)
        return 1
    return 0


def cmd_backup(path: Path, args: argparse.Namespace) -> int:
    from app.services.backups import back_up

    made = back_up(path, Path(args.out).expanduser())
    _out(f"Backed up {path} to {made}.")
    return 0


def cmd_restore(path: Path, args: argparse.Namespace) -> int:
    from app.services.backups import restore

    outcome = restore(path, Path(args.file).expanduser())
    Database.open(path).close()  # an older backup is upgraded now (after a backup of its own)
    _out(f"{outcome.describe()}.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="opcc-responses",
        description=f"{APP_NAME}: section 55 responses to HMICFRS inspections. "
        "With no command, opens the window.",
    )
    parser.add_argument("--db", metavar="PATH", help="database file (default: your data folder; "
                        "or the OPCC_RESPONSES_DB environment variable), or a database "
                        "server's address, postgresql+psycopg://user@host/name")  # fmt: skip
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--smoke-test", action="store_true",
        help="open the window and close it again at once (checks an installation)",
    )  # fmt: skip
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str, handler: Handler | FileHandler, help_text: str, *, writes: bool = True,
        on_file: bool = False,
    ) -> argparse.ArgumentParser:
        """A command; one that only reads (``writes=False``) never creates or changes a file;
        one ``on_file`` is given the database's path instead of the opened database."""
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler, writes=writes, on_file=on_file)
        return sub

    add("samples", cmd_samples, "load the two sample inspections")
    sub = add("list", cmd_list, "list the inspections", writes=False)
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub.add_argument("--all", action="store_true", help="include archived inspections")
    sub = add("show", cmd_show, "show one inspection", writes=False)
    sub.add_argument("id", type=int)
    sub.add_argument("--json", action="store_true", help="print the archive's inspection shape")
    sub = add(
        "export-json", cmd_export_json, "write a JSON archive (all inspections by default)",
        writes=False,
    )  # fmt: skip
    sub.add_argument("out", metavar="OUT")
    sub.add_argument("ids", metavar="ID", type=int, nargs="*")
    sub = add(
        "import", cmd_import, "import an archive (.json) or a document (.txt .html .pdf .docx)"
    )
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--json", action="store_true", help="print what was imported as JSON")
    sub.add_argument("--yes", action="store_true", help="update an inspection already present")
    sub = add(
        "export", cmd_export, "write the response document as PDF, HTML and/or DOCX",
        writes=False,
    )  # fmt: skip
    sub.add_argument("id", type=int)
    sub.add_argument("--pdf", metavar="OUT")
    sub.add_argument("--html", metavar="OUT")
    sub.add_argument("--docx", metavar="OUT")
    sub.add_argument(
        "--internal", action="store_true", help="internal copy: office checklist and marking"
    )
    sub.add_argument("--marking", choices=["none", "OFFICIAL", "OFFICIAL-SENSITIVE"])
    sub = add("search", cmd_search, "search everything written for words", writes=False)
    sub.add_argument("query", metavar="QUERY", help='words to find; "a phrase" in quotes')
    sub.add_argument("--json", action="store_true", help="print the hits as JSON")
    sub.add_argument(
        "--revisions", action="store_true", help="search earlier versions of responses too"
    )
    sub = add(
        "check", cmd_check, "check the database: integrity, schema version and counts",
        writes=False, on_file=True,
    )  # fmt: skip
    sub.add_argument("--json", action="store_true", help="print the report as JSON")
    sub = add(
        "backup", cmd_backup, "copy the database, safely even while it is in use, to OUT",
        writes=False, on_file=True,
    )  # fmt: skip
    sub.add_argument("out", metavar="OUT")
    sub = add(
        "restore", cmd_restore,
        "replace the database with the backup FILE (the database is backed up first)",
        on_file=True,
    )  # fmt: skip
    sub.add_argument("file", metavar="FILE")
    from app.cli_tracker import add_tracker_commands  # it builds on this module

    add_tracker_commands(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if sys.stdout is None or sys.stderr is None:
        return _main_without_console(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _open_window(args)
    if args.smoke_test:
        parser.error("--smoke-test opens the window: give it no command")
    try:
        code = _run_command(parser, args)
    except Exception as error:  # a fault of ours: one sentence here, the details in a file
        _unexpected(error)
        code = 1
    if argv is None:
        _exit_now(code)
    return code


def _main_without_console(argv: Sequence[str] | None) -> int:
    """The windowed program (built without a console: no stdout, no stderr) given a command.

    What the command prints (and any error, or argparse's message) is collected, then written
    to the console the program was started from, if any, or else shown in a message box.
    """
    streams = sys.stdout, sys.stderr
    collected = io.StringIO()
    sys.stdout = sys.stderr = collected
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            sys.stdout, sys.stderr = streams
            return _open_window(args)
        code = _run_command(parser, args)
    except SystemExit as stop:  # --help, --version, wrong usage
        code = stop.code if isinstance(stop.code, int) else 2
    except Exception as error:  # nobody would see a traceback
        _unexpected(error)
        code = 1
    _deliver(collected.getvalue(), code)
    if argv is None:
        _exit_now(code)
    return code


def _unexpected(error: Exception) -> None:
    """Say in one sentence that the command met a fault of the application's, and keep the
    details (the traceback) in a report file for whoever looks into it."""
    import traceback

    details = "".join(traceback.format_exception(error))
    report = None
    with contextlib.suppress(OSError):
        folder = data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        report = folder / f"command-{dt.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"
        report.write_text(f"{APP_NAME} {__version__}: {' '.join(sys.argv)}\n{details}", "utf-8")
    where = f" The details are in {report}." if report is not None else ""
    _err(f"The command stopped on an error the application did not expect ({error!r}).{where}")


def _deliver(text: str, code: int) -> None:
    console = _attach_parent_console()
    if console is not None:
        with contextlib.suppress(OSError, ValueError):
            console.write(text)
            console.flush()
        return
    from app.ui.messages import show_command_result  # Qt only for this box

    show_command_result(text.strip() or ("Done." if code == 0 else "That could not be done."),
                        failed=code != 0)  # fmt: skip


def _attach_parent_console() -> TextIO | None:
    """The console of the program that started this one (cmd, PowerShell), on Windows; or None."""
    if sys.platform != "win32":
        return None
    import ctypes

    attach_parent_process = -1  # ATTACH_PARENT_PROCESS, (DWORD)-1
    try:
        if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):
            return None  # started from Explorer or a shortcut: there is no console
        return open("CONOUT$", "w", encoding="utf-8", errors="replace")
    except OSError:
        return None


def _exit_now(code: int) -> NoReturn:
    """End a command-line run without tearing down every module (about 0.3 s at exit).

    Only for a real command-line run (``argv`` None): every file is closed and the database
    disposed by then, so there is nothing left that the interpreter's shutdown would save.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):  # a closed pipe, or none
            stream.flush()
    os._exit(code)


def _run_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    location = resolve_db_location(args.db)
    if args.on_file:
        try:
            if not isinstance(location, Path):
                raise ValidationError(
                    f"'{args.command}' works on a database file; a database server's backups "
                    "and checks are made there (pg_dump, pg_restore) by whoever looks after it."
                )
            path = location
            prepare_location(path, create_folder=False)
            file_handler: FileHandler = args.handler
            return file_handler(path, args)
        except AppError as error:
            _err(error.message)
            return 1
    handler: Handler = args.handler
    try:
        db = Database.open(location, writable=args.writes)
    except NoDatabaseYet as error:
        if handler is cmd_list:  # nothing recorded yet is an empty list, not a failure
            _say_no_inspections(args)
            return 0
        _err(error.message)
        return 1
    except AppError as error:
        _err(error.message)
        return 1
    try:
        return handler(db, args)
    except argparse.ArgumentTypeError as error:
        parser.error(str(error))
    except AppError as error:
        _err(error.message)
        return 1
    finally:
        db.close()
    return 1  # pragma: no cover - parser.error exits


def _open_window(args: argparse.Namespace) -> int:
    location = resolve_db_location(args.db)
    if not isinstance(location, Path):
        _err(
            "The window opens a database file; a database server's address works with the "
            "commands (list, show, export, import…) for now."
        )
        return 2
    from app.ui import qt_import_check

    qt_import_check.install()  # before the window's modules are imported
    from app.ui.application import run_gui  # only the window needs Qt

    return run_gui(location, smoke_test=args.smoke_test)
