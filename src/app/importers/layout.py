"""Text lines of one PDF page, with position, size and links, from pypdf's text visitor."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

_BULLET_GLYPHS = str.maketrans(dict.fromkeys("\x7f\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8", "•"))
"""Bullets drawn with symbol fonts come out of text extraction as these code points."""
_SAME_LINE = 0.45
"""Pieces whose baselines differ by less than this share of the font size are one line
(a bullet is often drawn a point or two off its text's baseline)."""


@dataclass(slots=True)
class Line:
    text: str
    x: float
    y: float
    size: float
    url: str = ""
    bold: bool = False
    """Every piece of the line is set in a bold (or black, heavy) font."""

    def link_text(self) -> str:
        text = self.text.strip()
        return f"[{text}]({self.url})" if self.url and text else self.text.rstrip()


@dataclass(slots=True)
class _Piece:
    text: str
    x: float
    y: float
    size: float
    bold: bool = False


_BOLD_FONT = ("bold", "black", "heavy", "semibold", "demi")


def _is_bold(font: Any) -> bool:
    """The font's PostScript name says it is bold ("ABCDEF+Arial-BoldMT", "DejaVuSans-Bold")."""
    try:
        name = str(font.get("/BaseFont", "")) if font is not None else ""
    except Exception:  # a damaged font dictionary: read the text as regular
        return False
    return any(word in name.casefold() for word in _BOLD_FONT)


def _multiply(first: list[float], second: list[float]) -> list[float]:
    a, b, c, d, e, f = first
    g, h, i, j, k, m = second
    return [
        a * g + b * i,
        a * h + b * j,
        c * g + d * i,
        c * h + d * j,
        e * g + f * i + k,
        e * h + f * j + m,
    ]


def page_lines(page: Any) -> list[Line]:
    pieces: list[_Piece] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text or not text.strip(" \n"):
            return
        matrix = _multiply([float(v) for v in tm], [float(v) for v in cm])
        scale = math.hypot(matrix[2], matrix[3]) or 1.0
        pieces.append(
            _Piece(
                text.replace("\n", " "),
                matrix[4],
                matrix[5],
                float(size or 0) * scale,
                _is_bold(font),
            )
        )

    page.extract_text(visitor_text=visit)
    lines = _group(pieces)
    _attach_links(page, lines)
    return lines


def _group(pieces: list[_Piece]) -> list[Line]:
    # Sort top to bottom; pieces of one text object keep their order (they share an x).
    ordered = sorted(enumerate(pieces), key=lambda item: (-round(item[1].y, 1), item[0]))
    groups: list[list[_Piece]] = []
    for _, piece in ordered:
        if groups and abs(groups[-1][0].y - piece.y) <= _SAME_LINE * max(piece.size, 1.0):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    lines: list[Line] = []
    for group in groups:
        group.sort(key=lambda piece: piece.x)
        text = ""
        last_x: float | None = None
        for piece in group:
            if last_x is not None and piece.x > last_x + 0.5 and not text.endswith(" "):
                text += " "
            text += piece.text
            last_x = piece.x
        text = " ".join(text.split())
        if text[:1] in "\x7f\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8":
            text = text[:1].translate(_BULLET_GLYPHS) + text[1:]
        if text:
            size = max(piece.size for piece in group)
            bold = all(piece.bold for piece in group if piece.text.strip())
            lines.append(Line(text, min(piece.x for piece in group), group[0].y, size, bold=bold))
    return lines


def _attach_links(page: Any, lines: list[Line]) -> None:
    """Give a line the address of a link annotation that covers most of it."""
    annotations = page.get("/Annots") or []
    for reference in annotations:
        annotation = reference.get_object()
        if annotation.get("/Subtype") != "/Link":
            continue
        action = annotation.get("/A")
        url = str(action.get_object().get("/URI") or "") if action is not None else ""
        rect = [float(value) for value in annotation.get("/Rect") or []]
        if not url or len(rect) != 4:
            continue
        left, bottom, right, top = (
            min(rect[0], rect[2]),
            min(rect[1], rect[3]),
            max(rect[0], rect[2]),
            max(rect[1], rect[3]),
        )
        for line in lines:
            width = len(line.text) * line.size * 0.5
            if (
                bottom - 1 <= line.y <= top + 1
                and left - 2 <= line.x
                and right - left >= 0.7 * width
            ):
                line.url = url
