"""The organisation's logo: what kind of picture the stored bytes are, and whether it is usable.

Settings hold the logo as bytes; any writer may be handed a damaged or unsupported file, and
then leaves the logo out with a warning rather than failing the whole document.
"""

from __future__ import annotations

import io
import warnings as python_warnings
from dataclasses import dataclass

from PIL import Image

# Formats every writer can place (PDF via reportlab, DOCX via python-docx, HTML in a browser).
_MIME_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "BMP": "image/bmp"}


@dataclass(frozen=True, slots=True)
class Logo:
    data: bytes
    mime_type: str
    width: int
    height: int


def read_logo(data: bytes) -> tuple[Logo | None, str]:
    """The logo, or ``None`` and a sentence saying why it is left out ("" when there is none)."""
    if not data:
        return None, ""
    try:
        with python_warnings.catch_warnings():
            # A huge image is a decompression-bomb *warning* in Pillow; treat it as unusable.
            python_warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as picture:
                picture.load()
                kind, (width, height) = picture.format or "", picture.size
    except Exception as error:  # Pillow raises many kinds for damaged or unknown files
        return None, _skipped(f"it could not be read ({type(error).__name__})")
    mime_type = _MIME_TYPES.get(kind)
    if mime_type is None or width < 1 or height < 1:
        return None, _skipped(f"{kind or 'this'} pictures are not supported")
    return Logo(data, mime_type, width, height), ""


def _skipped(why: str) -> str:
    return (
        f"The organisation logo was left out because {why}; "
        "choose a PNG or JPEG file in the organisation settings."
    )
