"""How the response PDF looks, as data: fonts, colours, page geometry and paragraph styles.

The flowable builder (:mod:`app.documents.pdf_flowables`) only names styles from here, so the
look of the document can change without touching the code that lays out its content.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus.tables import TableStyle

from app.paths import fonts_dir

# --- fonts -----------------------------------------------------------------------------------

FAMILY = "DejaVuSans"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (
    FAMILY, f"{FAMILY}-Bold", f"{FAMILY}-Oblique", f"{FAMILY}-BoldOblique"
)  # fmt: skip
FONT_FILES = MappingProxyType(
    {name: f"{name}.ttf" for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC)}
)


@cache
def register_fonts() -> MappingProxyType[str, frozenset[str]]:
    """Register the embedded family once; return the characters each of its fonts can draw."""
    coverage: dict[str, frozenset[str]] = {}
    for name, file_name in FONT_FILES.items():
        font = TTFont(name, str(fonts_dir() / file_name))
        pdfmetrics.registerFont(font)
        # Outside the BMP reportlab writes a ToUnicode map that readers reject (copying an
        # emoji out of the PDF gives nothing), so such characters count as not drawable.
        coverage[name] = frozenset(chr(code) for code in font.face.charToGlyph if code <= 0xFFFF)
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    return MappingProxyType(coverage)


def font_for(bold: bool, italic: bool) -> str:
    return ((REGULAR, ITALIC), (BOLD, BOLD_ITALIC))[bold][italic]


# --- colours and geometry --------------------------------------------------------------------

INK = colors.HexColor("#1A1A1A")
ACCENT = colors.HexColor("#1F3864")  # dark navy: 12.6:1 on white
MUTED = colors.HexColor("#4A4A4A")
RULE = colors.HexColor("#8EA0BE")
LABEL_FILL = colors.HexColor("#E9EEF6")
LINK = colors.HexColor("#1F4E9C")

PAGE_SIZE = A4
LEFT_MARGIN = RIGHT_MARGIN = 2.2 * cm
TOP_MARGIN = 2.4 * cm
BOTTOM_MARGIN = 2.3 * cm
FRAME_WIDTH = PAGE_SIZE[0] - LEFT_MARGIN - RIGHT_MARGIN
LOGO_MAX_WIDTH = 5.5 * cm
LOGO_MAX_HEIGHT = 2.2 * cm
LIST_INDENT = 0.6 * cm
QUOTE_INDENT = 1.2 * cm
LIST_SPACE_AFTER = 4  # points below a whole list, beyond its last item's own


@dataclass(frozen=True, slots=True)
class PageDecoration:
    """Where the running header and footer sit (points from the page edges)."""

    header_y: float = PAGE_SIZE[1] - 1.3 * cm
    footer_y: float = 1.2 * cm
    rule_y: float = 1.7 * cm
    font_size: float = 8.5
    marking_size: float = 10


PAGE = PageDecoration()

# --- paragraph styles ------------------------------------------------------------------------

BODY_SIZE = 10.5
_BASE = ParagraphStyle(
    "base",
    fontName=REGULAR,
    bulletFontName=REGULAR,
    fontSize=BODY_SIZE,
    leading=BODY_SIZE * 1.38,
    textColor=INK,
    alignment=TA_LEFT,
    spaceAfter=6,
    splitLongWords=1,
    allowWidows=0,
    allowOrphans=0,
)


def _style(name: str, **changes: object) -> ParagraphStyle:
    return ParagraphStyle(name, parent=_BASE, **changes)


HEADING_SIZES = MappingProxyType({1: 17.0, 2: 14.0, 3: 12.0, 4: 11.0, 5: 10.5, 6: 10.5})


def _heading(level: int) -> ParagraphStyle:
    size = HEADING_SIZES[level]
    return _style(
        f"heading{level}",
        fontName=BOLD,
        fontSize=size,
        leading=size * 1.25,
        textColor=ACCENT if level <= 3 else INK,
        spaceBefore={1: 4, 2: 16, 3: 11}.get(level, 8),
        spaceAfter={1: 10, 2: 7}.get(level, 4),
    )


STYLES = MappingProxyType(
    {
        **{f"heading{level}": _heading(level) for level in HEADING_SIZES},
        "body": _BASE,
        "organisation": _style("organisation", fontName=BOLD, fontSize=11, textColor=ACCENT),
        "copy_label": _style("copy_label", fontName=BOLD, textColor=MUTED, fontSize=9.5),
        "statutory": _style("statutory", fontSize=10, textColor=MUTED, spaceAfter=10),
        "field_label": _style("field_label", fontName=BOLD, spaceAfter=0, textColor=ACCENT),
        "field_value": _style("field_value", spaceAfter=0),
        "table_head": _style("table_head", fontName=BOLD, fontSize=9.5, spaceAfter=0),
        "table_cell": _style("table_cell", fontSize=9.5, spaceAfter=0),
        "deadline_note": _style("deadline_note", fontSize=9, textColor=MUTED, spaceBefore=4),
        "preformatted": _style("preformatted", fontSize=9.5, leftIndent=QUOTE_INDENT / 2),
        "list_item": _style("list_item", spaceAfter=3),
    }
)


@cache
def list_style(depth: int, ordered: bool) -> ParagraphStyle:
    """Paragraph style for an item ``depth`` lists deep (1 = outermost)."""
    indent = LIST_INDENT * depth + (0.2 * cm if ordered else 0)
    return ParagraphStyle(
        f"list{depth}{'o' if ordered else 'u'}",
        parent=STYLES["list_item"],
        leftIndent=indent,
        bulletIndent=indent - (0.7 * cm if ordered else 0.45 * cm),
    )


def quote_style(base: ParagraphStyle) -> ParagraphStyle:
    return _quote_style(base.name, base)


@cache
def _quote_style(name: str, base: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(
        f"{name}-quote",
        parent=base,
        leftIndent=base.leftIndent + QUOTE_INDENT,
        bulletIndent=base.bulletIndent + QUOTE_INDENT,
        textColor=MUTED,
    )


BULLETS = ("•", "–", "◦")

# --- tables ----------------------------------------------------------------------------------

HEADING_ROOM = 3.2 * cm
"""A heading starts a new page unless this much room is left below it (cheaper than
keepWithNext, which lays the following text out twice)."""

FIELD_LABEL_WIDTH = 6.9 * cm  # "Section 55 Response Deadline" on one line
FIELD_TABLE = TableStyle(
    [
        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
        ("GRID", (0, 0), (-1, -1), 0.6, RULE),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("RIGHTPADDING", (0, 0), (-1, -1), 7),
    ]
)
STEP_WIDTHS = (0.44, 0.16, 0.18, 0.22)
STEP_ROW_MIN_HEIGHT = 0.95 * cm
STEP_TABLE = TableStyle(
    [
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
        ("GRID", (0, 0), (-1, -1), 0.6, RULE),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
)
LETTERHEAD_TABLE = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, ACCENT),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]
)
