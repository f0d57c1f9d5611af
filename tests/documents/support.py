"""Helpers for the document tests: settings, samples, and reading back what the writers made."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader

from app.documents.content import ResponseDocument
from app.documents.elements import blocks_text
from app.documents.pdf_styles import BOTTOM_MARGIN, PAGE_SIZE, TOP_MARGIN
from app.domain.model import Inspection
from app.domain.organisation import OrganisationSettings
from app.services.archive import read_archive

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
SPOTLIGHT_JSON = SAMPLES / "spotlight-getting-a-grip.json"
PEEL_JSON = SAMPLES / "norfolk-peel-2018-effectiveness.json"
SPOTLIGHT_SEED = ROOT / "tests" / "fixtures" / "seeds" / "000_45dd2ec332d1d151.txt"

_WORD = re.compile(r"\w+")
_APOSTROPHES = re.compile(r"['’‘]")


def norfolk_settings(**changes: object) -> OrganisationSettings:
    settings = OrganisationSettings(
        opcc_name="Office of the Police and Crime Commissioner for Norfolk",
        commissioner_name="Giles Orpen-Smellie",
        force_name="Norfolk Constabulary",
        chief_name="Paul Sanford",
        website="https://www.norfolk-pcc.gov.uk",
    )
    for name, value in changes.items():
        setattr(settings, name, value)
    return settings


def load_sample(path: Path) -> Inspection:
    (inspection,) = read_archive(path)
    return inspection


def words(text: str) -> list[str]:
    """Lower-case words without punctuation: how two renderings of one text are compared."""
    return _WORD.findall(_APOSTROPHES.sub("", text).lower())


def pdf_reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def pdf_text(data: bytes) -> str:
    """All the text of a PDF, page furniture included."""
    return "\n".join(page.extract_text() for page in pdf_reader(data).pages)


def pdf_body_text(data: bytes) -> str:
    """The text inside the body frame of every page: no running header or footer."""
    low, high = BOTTOM_MARGIN - 2, PAGE_SIZE[1] - TOP_MARGIN + 2
    parts: list[str] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if low <= y <= high:
            parts.append(text)

    for page in pdf_reader(data).pages:
        page.extract_text(visitor_text=visit)
        parts.append("\n")
    return "".join(parts)


def find_in_order(haystack: list[str], needles: list[list[str]]) -> list[str]:
    """The needles (word sequences) not found contiguously in ``haystack``, each after the last."""
    missing: list[str] = []
    position = 0
    for needle in needles:
        if not needle:
            continue
        index = _find(haystack, needle, position)
        if index is None:
            missing.append(" ".join(needle))
        else:
            position = index + len(needle)
    return missing


def _find(haystack: list[str], needle: list[str], start: int) -> int | None:
    size = len(needle)
    for index in range(start, len(haystack) - size + 1):
        if haystack[index] == needle[0] and haystack[index : index + size] == needle:
            return index
    return None


def expected_sequence(document: ResponseDocument) -> list[list[str]]:
    """Every heading, finding text and response of the document model, in reading order."""
    sequence = [words(document.title), words(document.statutory)]
    for field in document.header_fields:
        sequence += [words(field.label), words(field.value)]
    for section in document.sections:
        sequence.append(words(section.heading))
        sequence += [words(line) for line in blocks_text(section.intro).splitlines()]
        for entry in section.entries:
            sequence.append(words(entry.heading))
            sequence += [words(line) for line in blocks_text(entry.finding).splitlines()]
            sequence += [words(line) for line in blocks_text(entry.response).splitlines()]
        sequence += [words(line) for line in blocks_text(section.closing).splitlines()]
        for step in section.steps:
            sequence.append(words(step.step))
    return sequence


def png_logo(width: int = 120, height: int = 60) -> bytes:
    """A small real PNG, as a settings logo would be stored."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (31, 56, 100)).save(buffer, format="PNG")
    return buffer.getvalue()
