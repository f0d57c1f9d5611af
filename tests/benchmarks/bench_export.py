"""Command-line PDF export against the Word-template workflow it replaces (issue 4).

Both sides are whole processes started cold, as a person would run them: our
``python -m app export ID --pdf OUT`` for the spotlight sample, and LibreOffice's
``soffice --headless --convert-to pdf`` converting an equivalent DOCX (the same response written
by our DOCX writer). The target is a ratio of at most 0.6 (issue 10: reads go through the one
SQLAlchemy data layer, with no second path kept for speed), measured in the same run. Without
``soffice`` installed (Debian ``libreoffice-writer-nogui``), only our figure is printed.

The application's modules are compiled first, as an installed copy's are (pip and the Windows
bundle ship bytecode): a checkout run with ``PYTHONDONTWRITEBYTECODE`` set would otherwise
recompile every module on every start and measure the compiler, not the product.
"""

from __future__ import annotations

import compileall
import contextlib
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import app
from app.cli import main as cli_main
from tests.benchmarks.timing import median_seconds

REPEATS = 5
TARGET_RATIO = 0.6


def _quiet(command: list[str]) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run() -> list[tuple[str, float, str]]:
    compileall.compile_dir(Path(app.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = work / "bench.sqlite3"
        with contextlib.redirect_stdout(io.StringIO()):  # keep the figures' table readable
            cli_main(["--db", str(db), "samples"])
        spotlight = _spotlight_id(db)
        docx = work / "response.docx"
        _quiet(
            [sys.executable, "-m", "app", "--db", str(db), "export", spotlight, "--docx", str(docx)]
        )
        export = [sys.executable, "-m", "app", "--db", str(db), "export", spotlight,
                  "--pdf", str(work / "ours.pdf")]  # fmt: skip
        ours = median_seconds(lambda: _quiet(export), repeats=REPEATS)
        soffice = shutil.which("soffice")
        if soffice is None:
            return [("export: CLI spotlight PDF (whole process)", ours,
                     "reference soffice not installed: no ratio")]  # fmt: skip
        profile = work / "lo-profile"
        convert = [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(work / "lo"), str(docx)]  # fmt: skip
        theirs = median_seconds(lambda: _quiet(convert), repeats=REPEATS)
    ratio = ours / theirs
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    return [
        ("export: CLI spotlight PDF (whole process)", ours,
         f"ratio {ratio:.2f} of soffice (≤ {TARGET_RATIO}: {verdict})"),
        ("export: soffice --convert-to pdf of the same DOCX", theirs, "reference"),
    ]  # fmt: skip


def _spotlight_id(db: Path) -> str:
    import json

    listing = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db), "list", "--json"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    rows = json.loads(listing.stdout)
    return str(next(r["id"] for r in rows if "Spotlight" in r["title"]))
