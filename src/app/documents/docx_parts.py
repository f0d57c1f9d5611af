"""Word features python-docx has no API for, done on the XML: links, fields, numbering restarts,
shading, cell margins, repeating header rows, the document's language and font, and a
picture's alternative text."""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor

LINK_COLOUR = RGBColor(0x1F, 0x4E, 0x9C)


def add_hyperlink(paragraph: Any, text: str, url: str, *, bold: bool, italic: bool) -> None:
    """A live external link around one run of ``text``."""
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    run.font.underline = True
    run.font.color.rgb = LINK_COLOUR
    link.append(run._r)
    paragraph._p.append(link)


def add_field(paragraph: Any, instruction: str, placeholder: str = "1") -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) that Word fills in when it lays the pages out."""
    run = paragraph.add_run()._r
    run.append(_field_char("begin"))
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run.append(code)
    run.append(_field_char("separate"))
    shown = OxmlElement("w:t")
    shown.text = placeholder
    run.append(shown)
    run.append(_field_char("end"))


def _field_char(kind: str) -> Any:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def restart_numbering(document: Any, paragraph: Any, style_name: str, start: int) -> int:
    """A new numbering instance for the list style, starting at ``start``; returns its id.

    Without it every numbered list in a Word document carries on counting from the last one.
    """
    style = document.styles[style_name]
    style_num = style.element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    abstract_id = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    number_id: int = num.numId
    set_numbering(paragraph, number_id)
    return number_id


def set_numbering(paragraph: Any, number_id: int) -> None:
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = number_id


def shade(cell: Any, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def repeat_as_header(row: Any) -> None:
    """The row is a header row: repeated on every page and announced as headers."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def set_language(document: Any, language: str) -> None:
    """Proofing and screen-reader language of all text, and the file's language property."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = _child(defaults, "w:rPrDefault")
    properties = _child(run_defaults, "w:rPr")
    lang = _child(properties, "w:lang")
    lang.set(qn("w:val"), language)
    document.core_properties.language = language


def set_document_font(document: Any, name: str, half_points: int) -> None:
    """One named typeface and size for all text that names none (body, tables, lists).

    python-docx's template gives only a theme's font, which wins over a name and which another
    word processor may lack; headings keep their own styles.
    """
    defaults = _child(document.styles.element, "w:docDefaults")
    properties = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    fonts = _child(properties, "w:rFonts")
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for script in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(script), name)
    for tag in ("w:sz", "w:szCs"):
        _child(properties, tag).set(qn("w:val"), str(half_points))


def set_cell_margins(table: Any, *, top: int, bottom: int, left: int, right: int) -> None:
    """Room inside every cell of ``table``, in points (the PDF's cell padding)."""
    properties = table._tbl.tblPr
    margins = properties.find(qn("w:tblCellMar"))
    if margins is None:
        margins = OxmlElement("w:tblCellMar")
        properties.append(margins)
    for side, points in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        element = _child(margins, f"w:{side}")
        element.set(qn("w:w"), str(points * 20))
        element.set(qn("w:type"), "dxa")


def set_alt_text(inline_shape: Any, text: str) -> None:
    document_properties = inline_shape._inline.docPr
    document_properties.set("descr", text)
    document_properties.set("title", text)


def _child(parent: Any, tag: str) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found
