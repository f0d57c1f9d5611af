"""Hostile files, bounded: each is imported by the command line in a process of its own, which
must finish within 30 s and 1 GB of memory, without a traceback, refusing the file in one
sentence and leaving the database as it was (issue 12, "Hostile files, bounded").

The files are made here: a Word file of 200 KB whose XML expands to 60 MB (1.3 million
paragraphs), a PDF of 1,999 pages, a text file of 17 MB in a million lines, random bytes saved
as .txt, a JSON archive nested 100,000 deep, and one holding a lone surrogate.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app.importers import ImportFailure, import_document, limits
from app.importers.limits import ImportCancelled
from tests.importers.seed_formats import to_pdf

SECONDS = 30
MEMORY_KB = 1024 * 1024
ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def word_bomb(path: Path) -> Path:
    body = "<w:p><w:r><w:t>Recommendation</w:t></w:r></w:p>" * 1_300_000
    document = f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELATIONSHIPS)
        archive.writestr("word/document.xml", document)
    return path


def long_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path))
    for page in range(1, 2000):
        for line in range(8):
            drawing.drawString(72, 750 - line * 15, f"Page {page}: the force should improve.")
        drawing.showPage()
    drawing.save()
    return path


def long_text(path: Path) -> Path:
    path.write_text("\n".join(f"Line {n:07d} text" for n in range(1_000_000)), "utf-8")
    return path


def random_bytes(path: Path) -> Path:
    rng = random.Random(12)
    printable = [*range(0x20, 0x7F), *range(0xA0, 0x100), 0x0A]
    path.write_bytes(bytes(rng.choice(printable) for _ in range(20_000)))
    return path


def deep_archive(path: Path) -> Path:
    path.write_text('{"format": "opcc-responses/1", "inspections": '
                    + "[" * 100_000 + "]" * 100_000 + "}", "utf-8")  # fmt: skip
    return path


def surrogate_archive(path: Path) -> Path:
    path.write_text('{"format": "opcc-responses/1", "inspections": [{"title": "A \\ud800"}]}')
    return path


HOSTILE: dict[str, Callable[[Path], Path]] = {
    "word-bomb.docx": word_bomb,
    "long.pdf": long_pdf,
    "long.txt": long_text,
    "random.txt": random_bytes,
    "deep.json": deep_archive,
    "surrogate.json": surrogate_archive,
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name, make in HOSTILE.items():
        make(folder / name)
    return folder


IMPORT = """
import sys
from pathlib import Path
from app.cli import main
code = main(sys.argv[2:])
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
Path(sys.argv[1]).write_text(peak.split()[1])
sys.exit(code)
"""
"""``import`` with the peak memory of its own process (VmHWM; a parent's rusage would count
the memory of the pytest process it was forked from)."""


def _import(db: Path, target: Path, folder: Path) -> tuple[int, float, int, str]:
    """Exit code, seconds, peak memory (KB) and stderr of ``import`` in its own process."""
    peak = folder / "peak.txt"
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", IMPORT, str(peak), "--db", str(db), "import", str(target)],
        capture_output=True, text=True, cwd=ROOT, timeout=SECONDS * 2, check=False,
    )  # fmt: skip
    seconds = time.monotonic() - start
    return done.returncode, seconds, int(peak.read_text()), done.stderr


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory from /proc")
@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_is_refused_within_the_limits(
    files: Path, name: str, tmp_path: Path, db_path: Path, sample_db: object
) -> None:
    before = db_path.read_bytes()
    code, seconds, memory_kb, err = _import(db_path, files / name, tmp_path)
    print(f"{name}: {seconds:.2f} s, {memory_kb // 1024} MB: {err.strip()}")
    assert seconds < SECONDS and memory_kb < MEMORY_KB
    assert code == 1 and "Traceback" not in err and err.count("\n") == 1, err
    assert db_path.read_bytes() == before


def wrapped_text(path: Path) -> Path:
    """Just under the limits: 99,000 wrapped lines of one paragraph (joining them line by line
    took 145 s)."""
    line = "of a long appendix with ordinary words in it, as a report might have, and more"
    path.write_text("\n".join(f"Line {n} {line}" for n in range(99_000)), "utf-8")
    return path


def numbered_text(path: Path) -> Path:
    """99,000 numbered lines that each run on (joined line by line: over 20 s)."""
    path.write_text("\n".join(f"{n}. Recommendation {n} the force should" for n in range(99_000)))
    return path


def many_paragraphs(path: Path) -> Path:
    """A Word file of 49,000 paragraphs, just under the limit (python-docx looked the default
    style up twice for each)."""
    body = "<w:p><w:r><w:t>The force should act.</w:t></w:r></w:p>" * 49_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELATIONSHIPS)
        archive.writestr("word/document.xml",
                         f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
    return path


LARGEST: dict[str, Callable[[Path], Path]] = {
    "wrapped.txt": wrapped_text,
    "numbered.txt": numbered_text,
    "paragraphs.docx": many_paragraphs,
}


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory from /proc")
@pytest.mark.parametrize("name", list(LARGEST))
def test_the_largest_files_accepted_are_imported_within_the_limits(
    name: str, tmp_path: Path, db_path: Path, sample_db: object
) -> None:
    path = LARGEST[name](tmp_path / name)
    code, seconds, memory_kb, err = _import(db_path, path, tmp_path)
    print(f"{name}: {seconds:.2f} s, {memory_kb // 1024} MB")
    assert code == 0 and "Traceback" not in err, err
    assert seconds < SECONDS and memory_kb < MEMORY_KB


def test_the_refusals_say_why(files: Path) -> None:
    reasons = {
        "word-bomb.docx": "more than 50,000 paragraphs",
        "long.pdf": "1999 pages",
        "long.txt": "too much text",
        "random.txt": "most of it is not words",
    }
    for name, reason in reasons.items():
        with pytest.raises(ImportFailure, match=reason):
            import_document(files / name)


@pytest.fixture(scope="module")
def long_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real report's text, forty times over: a PDF of some 350 pages."""
    text = (SEEDS / "003_13cad28066f6ee0a.txt").read_text("utf-8")
    return to_pdf(text * 40, tmp_path_factory.mktemp("long") / "long-report.pdf")


def test_an_import_stops_soon_after_it_is_cancelled(long_report: Path) -> None:
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    start = time.monotonic()
    with pytest.raises(ImportCancelled):
        import_document(long_report, cancelled=stop)
    assert time.monotonic() - start < 1.5


def test_an_import_that_takes_too_long_is_stopped(
    long_report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_SECONDS", 0.3)
    start = time.monotonic()
    with pytest.raises(ImportFailure, match="took too long"):
        import_document(long_report)
    assert time.monotonic() - start < 1.5


def test_ordinary_text_reads_as_words() -> None:
    from app.importers.decode import check_words

    for seed in SEEDS.glob("*.txt"):
        check_words(seed.read_text("utf-8"), seed.name)
    check_words("Recommendation 3: by 31 March 2024, £1.5m (12%) – see https://x.example/a.", "t")
    with pytest.raises(ImportFailure):
        check_words(json.dumps(list(range(40))).replace(",", "").replace(" ", "§Ã"), "t")
