"""Text lines of one PDF page, with position, size, weight and links, from pypdf's text visitor.

Each piece of text is measured with its font's widths (the font's own /Widths, or the standard
fonts' metrics), so a line also knows where its words stop: a gap much wider than a space
between two pieces separates two cells of a table row. Bold is read from the font's name and,
where the name does not say, from its descriptor (weight, the force-bold flag), as a PDF saved
from Word or InDesign often names its fonts "TT1" or "F2"; text drawn filled and outlined
(Word's bold for a font without a bold face) is bold too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase import pdfmetrics

_BULLET_GLYPHS = str.maketrans(dict.fromkeys("\x7f\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8", "•"))
"""Bullets drawn with symbol fonts come out of text extraction as these code points."""
_SAME_LINE = 0.45
"""Pieces whose baselines differ by less than this share of the font size are one line
(a bullet is often drawn a point or two off its text's baseline)."""


_CELL_GAP = 1.2
"""A gap wider than this many times the font size between two pieces of a line separates two
cells of a table row (a word space is about a quarter of it)."""


_WORD_GAP = 0.15
"""Pieces closer than this share of the font size are one word (a kerned or re-coloured run)."""


@dataclass(frozen=True, slots=True)
class Cell:
    """A run of a line's text with no wide gap in it: the whole line, or one table cell."""

    text: str
    x: float
    width: float

    @property
    def centre(self) -> float:
        return self.x + self.width / 2


@dataclass(slots=True)
class Line:
    text: str
    x: float
    y: float
    size: float
    url: str = ""
    bold: bool = False
    """Every piece of the line is set in a bold (or black, heavy) font."""
    cells: tuple[Cell, ...] = ()
    """The line cut at its wide gaps; one cell for a line of prose."""
    pieces: tuple[Cell, ...] = ()
    """The line's pieces as the PDF draws them, left to right (a table's cells are drawn one
    by one, however narrow the gap between them)."""
    font: str = ""
    """The typeface every piece of the line is set in ("Georgia"), or "" when they differ."""
    links: tuple[tuple[float, float, str], ...] = ()
    """The link annotations across the line: left, right and address (a table cell's link)."""

    markup: str = ""
    """The text with its bold words in Markdown ("**Recommendation 1** By …"), as an HTML
    or Word import gives them; empty when no part of the line is bold, or all of it is."""

    def link_text(self) -> str:
        text = (self.markup or self.text).strip()
        return f"[{text}]({self.url})" if self.url and text else (self.markup or self.text).rstrip()


@dataclass(slots=True)
class _Piece:
    text: str
    x: float
    y: float
    size: float
    bold: bool = False
    width: float = 0.0
    font: str = ""


_BOLD_FONT = ("bold", "black", "heavy", "semibold", "demi")
_FORCE_BOLD = 1 << 18
"""Bit 19 of a font descriptor's /Flags."""
_BOLD_WEIGHT = 600
_AVERAGE_WIDTH = 0.5
"""A character's width as a share of the font size, when the font gives no widths."""


def _get(dictionary: Any, key: str) -> Any:
    value: Any = dictionary.get(key) if dictionary is not None else None
    return value.get_object() if hasattr(value, "get_object") else value


def _is_bold(font: Any) -> bool:
    """The font's PostScript name says it is bold ("ABCDEF+Arial-BoldMT", "DejaVuSans-Bold"),
    or its descriptor does (a weight of 600 or more, or the force-bold flag); a composite
    font's descendant is asked the same."""
    try:
        fonts: list[Any] = [font] if font is not None else []
        descendants = _get(font, "/DescendantFonts")
        if descendants:
            first = descendants[0]
            fonts.append(first.get_object() if hasattr(first, "get_object") else first)
        for each in fonts:
            name = str(_get(each, "/BaseFont") or "")
            if any(word in name.casefold() for word in _BOLD_FONT):
                return True
            descriptor = _get(each, "/FontDescriptor")
            if descriptor is None:
                continue
            weight = _get(descriptor, "/FontWeight")
            flags = _get(descriptor, "/Flags")
            if weight is not None and float(weight) >= _BOLD_WEIGHT:
                return True
            if flags is not None and int(flags) & _FORCE_BOLD:
                return True
    except Exception:  # a damaged font dictionary: read the text as regular
        return False
    return False


def _family(font: Any) -> str:
    """The font's name without its subset tag ("ABCDEF+Georgia-Italic" → "Georgia-Italic")."""
    try:
        name = str(_get(font, "/BaseFont") or "").lstrip("/")
    except Exception:  # a damaged font dictionary
        return ""
    return name.split("+", 1)[-1]


def _text_width(font: Any, text: str, size: float) -> float:
    """How wide ``text`` is set in ``font`` at ``size`` (in text space): from the font's
    /Widths, from the standard fonts' metrics, or from an average character width."""
    try:
        widths = _get(font, "/Widths")
        first = _get(font, "/FirstChar")
        if widths and first is not None:
            values = [float(w) for w in widths]
            known = [w for w in values if w > 0]
            missing = sum(known) / len(known) if known else 500.0
            start = int(first)
            total = 0.0
            for char in text:
                index = ord(char) - start
                width = values[index] if 0 <= index < len(values) else 0.0
                total += width if width > 0 else missing
            return total / 1000 * size
        name = str(_get(font, "/BaseFont") or "").lstrip("/")
        if name in pdfmetrics.standardFonts:
            return float(pdfmetrics.stringWidth(text, name, size))
    except Exception:  # widths that cannot be read: estimate
        pass
    return len(text) * size * _AVERAGE_WIDTH


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


_FILL_AND_STROKE = 2
"""Text render mode 2 draws each letter filled and outlined: Word's bold for a font that has
no bold face."""
_SHOWS_TEXT = (b"Tj", b"TJ", b"'", b'"')


def page_lines(page: Any) -> list[Line]:
    pieces: list[_Piece] = []
    # The render mode is part of the graphics state (saved by q, restored by Q). pypdf hands
    # text over some operators after it was shown, so what counts is the mode it was shown in.
    mode = {"now": 0, "shown": 0}
    saved: list[int] = []

    def operator(op: bytes, args: Any, cm: Any, tm: Any) -> None:
        if op == b"q":
            saved.append(mode["now"])
        elif op == b"Q":
            mode["now"] = saved.pop() if saved else 0
        elif op == b"Tr" and args:
            try:
                mode["now"] = int(args[0])
            except (TypeError, ValueError):
                mode["now"] = 0
        elif op in _SHOWS_TEXT and mode["now"] == _FILL_AND_STROKE:
            mode["shown"] = _FILL_AND_STROKE

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        stroked = mode["shown"] == _FILL_AND_STROKE
        mode["shown"] = 0
        if not text or not text.strip(" \n"):
            return
        matrix = _multiply([float(v) for v in tm], [float(v) for v in cm])
        scale = math.hypot(matrix[2], matrix[3]) or 1.0
        text = text.replace("\n", " ")
        width = _text_width(font, text, float(size or 0)) * (math.hypot(matrix[0], matrix[1]) or 1)
        bold = stroked or _is_bold(font)
        size = float(size or 0) * scale
        pieces.append(_Piece(text, matrix[4], matrix[5], size, bold, width, _family(font)))

    page.extract_text(visitor_text=visit, visitor_operand_before=operator)
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
            x = min(piece.x for piece in group)
            drawn = tuple(
                Cell(" ".join(piece.text.split()), piece.x, piece.width)
                for piece in group
                if piece.text.strip()
            )
            line = Line(text, x, group[0].y, size, bold=bold, cells=_cells(group), pieces=drawn)
            if not bold and any(piece.bold and piece.text.strip() for piece in group):
                line.markup = _markup(group)
            families = {piece.font for piece in group if piece.text.strip()}
            line.font = families.pop() if len(families) == 1 else ""
            lines.append(line)
    return lines


def _markup(group: list[_Piece]) -> str:
    """The line's text with each run of bold pieces between "**"."""
    runs: list[tuple[bool, str]] = []
    last_x: float | None = None
    for piece in group:
        spaced = last_x is not None and piece.x > last_x + 0.5
        text = (" " if spaced else "") + piece.text
        bold = piece.bold and bool(piece.text.strip())
        if runs and (runs[-1][0] == bold or not piece.text.strip()):
            runs[-1] = (runs[-1][0], runs[-1][1] + text)
        else:
            runs.append((bold, text))
        last_x = piece.x
    out, before = "", ""
    for bold, text in runs:
        words = " ".join(text.split())
        if not words:
            continue
        lead = " " if out and (text[:1].isspace() or before[-1:].isspace()) else ""
        out += f"{lead}**{words}**" if bold else f"{lead}{words}"
        before = text
    if out[:1] in "\x7f\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8":
        out = out[:1].translate(_BULLET_GLYPHS) + out[1:]
    return out


def _cells(group: list[_Piece]) -> tuple[Cell, ...]:
    """A line's pieces (left to right) gathered into cells at the gaps wider than a space."""
    cells: list[list[_Piece]] = []
    end = -math.inf
    for piece in group:
        if not piece.text.strip():
            continue
        stripped = len(piece.text) - len(piece.text.lstrip())
        start = piece.x + (piece.width * stripped / len(piece.text) if piece.text else 0)
        if not cells or start - end > _CELL_GAP * max(piece.size, 1.0):
            cells.append([])
        cells[-1].append(piece)
        end = max(end, piece.x + piece.width)
    result = []
    for pieces in cells:
        words = ""
        for previous, piece in zip([None, *pieces], pieces, strict=False):
            joined = previous is not None and piece.x - (previous.x + previous.width) < (
                _WORD_GAP * max(piece.size, 1.0)
            )
            words += piece.text if previous is None or joined else " " + piece.text
        words = " ".join(words.split())
        left = min(piece.x for piece in pieces)
        right = max(piece.x + piece.width for piece in pieces)
        result.append(Cell(words.translate(_BULLET_GLYPHS), left, right - left))
    return tuple(result)


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
            if bottom - 1 <= line.y <= top + 1:
                line.links += ((left, right, url),)
            width = len(line.text) * line.size * 0.5
            if (
                bottom - 1 <= line.y <= top + 1
                and left - 2 <= line.x
                and right - left >= 0.7 * width
            ):
                line.url = url
