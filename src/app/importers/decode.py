"""Bytes to text, for text files and saved web pages, and the checks that a file holds text.

UK offices still save text as Windows-1252 (Notepad's "ANSI"), so UTF-8 is tried first, then
UTF-16 when a byte-order mark says so, then cp1252. Binary data is refused rather than decoded
into a screenful of symbols.
"""

from __future__ import annotations

import codecs
import re

from app.domain.errors import ImportFailure

_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def decode_text(data: bytes, name: str, *, html: bool = False) -> str:
    """The text in ``data``; raises ImportFailure when it is not text at all."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFailure(f"{name} is not a readable text file.") from None
        return _checked(text, name)
    if b"\x00" in data[:65536]:
        raise ImportFailure(f"{name} is not a text file (it holds binary data).")
    try:
        return _checked(data.decode("utf-8-sig"), name)
    except UnicodeDecodeError:
        pass
    encoding = _declared_charset(data) if html else None
    if encoding:
        try:
            return _checked(data.decode(encoding), name)
        except (LookupError, UnicodeDecodeError):
            pass
    # cp1252 leaves five byte values undefined; they are replaced rather than refused.
    return _checked(data.decode("cp1252", errors="replace"), name)


def _declared_charset(data: bytes) -> str | None:
    match = _HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    encoding = match.group(1).decode("ascii", "replace").lower()
    return None if encoding in {"utf-8", "utf8"} else encoding


def _checked(text: str, name: str) -> str:
    sample = text[:20000]
    if not sample.strip():
        raise ImportFailure(f"{name} is empty.")
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\n\r\t\f")
    if controls > max(8, len(sample) // 50):
        raise ImportFailure(f"{name} is not a text file (it holds binary data).")
    return text


_WORD = re.compile(r"[^\W\d_]{1,30}(?:['’-][^\W\d_]{1,30})*")
_NUMBER = re.compile(r"[£$€]?[\d.,:/%–-]{1,20}[a-z]{0,3}")
_EDGES = "\"'“”‘’()[]{}<>.,;:!?*•-–—/"
WORDS_SAMPLE = 50_000
MOSTLY_WORDS = 0.5


def check_words(text: str, name: str) -> None:
    """Refuse text that is mostly not words: random bytes or a binary file saved under a text
    name decode as cp1252 into long runs of symbols and accented letters, not into words."""
    sample = text[:WORDS_SAMPLE]
    counted = worded = 0
    for token in sample.split():
        counted += len(token)
        core = token.strip(_EDGES)
        if not core or _WORD.fullmatch(core) or _NUMBER.fullmatch(core):
            worded += len(token)
    if counted and worded < counted * MOSTLY_WORDS:
        raise ImportFailure(
            f"{name} does not read as text: most of it is not words (it may be another kind of "
            "file saved with a .txt name)."
        )
