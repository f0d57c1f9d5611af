"""Turn a seed's text into the HTML, PDF and Word files staff would receive.

Written independently of the importers' readers: a blank line separates blocks; "- " and
"  • " lines are bullets; a short line without a closing full stop is a heading; a block of
several lines keeps its line breaks (<br>, a Word line break, a PDF line break). Markdown bold
and links become real bold and real links.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^\s*(?:-|•)\s+(.*)$")
_GRADES = {"outstanding", "good", "adequate", "requires improvement", "inadequate", "ungraded"}


@dataclass
class Chunk:
    kind: str  # "title", "heading", "paragraph", "list"
    lines: list[str] = field(default_factory=list)


def chunks(text: str) -> list[Chunk]:
    result: list[Chunk] = []
    for raw in re.split(r"\n\s*\n", text.strip()):
        lines = [line for line in raw.split("\n") if line.strip()]
        if not lines:
            continue
        if all(_BULLET.match(line) for line in lines):
            result.append(Chunk("list", [_BULLET.match(line).group(1) for line in lines]))  # type: ignore[union-attr]
            continue
        single = lines[0].strip()
        is_heading = (
            len(lines) == 1
            and len(single) <= 90
            and not single.endswith((".", "!", "?", ":"))
            and not single.isdigit()
            and single.casefold() not in _GRADES
            and not single.startswith("[")
        )
        kind = "heading" if is_heading else "paragraph"
        if not result and is_heading:
            kind = "title"
        result.append(Chunk(kind, [line.strip() for line in lines]))
    return result


def _unescape(label: str) -> str:
    return re.sub(r"\\(.)", r"\1", label)


# --- HTML ------------------------------------------------------------------------------------


def _html_inline(text: str) -> str:
    out, position = [], 0
    for match in _LINK.finditer(text):
        out.append(_html_bold(html.escape(text[position : match.start()], quote=False)))
        label = html.escape(_unescape(match.group(1)), quote=False)
        out.append(f'<a href="{html.escape(match.group(2))}">{label}</a>')
        position = match.end()
    out.append(_html_bold(html.escape(text[position:], quote=False)))
    return "".join(out)


def _html_bold(text: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", text)


def to_html(text: str, title: str = "Saved page") -> str:
    body: list[str] = []
    for chunk in chunks(text):
        if chunk.kind == "title":
            body.append(f"<h1>{_html_inline(chunk.lines[0])}</h1>")
        elif chunk.kind == "heading":
            body.append(f"<h2>{_html_inline(chunk.lines[0])}</h2>")
        elif chunk.kind == "list":
            items = "".join(f"<li>{_html_inline(line)}</li>" for line in chunk.lines)
            body.append(f"<ul>\n{items}\n</ul>")
        else:
            body.append("<p>" + "<br>\n".join(_html_inline(line) for line in chunk.lines) + "</p>")
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body {{ font-family: sans-serif; }}</style>
<script>window.dataLayer = [{{"event": "Recommendation 1: not a finding"}}];</script></head>
<body>
<a class="govuk-skip-link" href="#main">Skip to content</a>
<div class="cookie-banner"><p>We use some essential cookies to make this website work.</p>
<button>Accept additional cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/publications">Publications</a></li>
</ul></nav></header>
<main id="main">
{chr(10).join(body)}
</main>
<footer><p>© Crown copyright</p><ul><li>Cookies</li><li>Accessibility</li></ul></footer>
</body></html>
"""


# --- Word ------------------------------------------------------------------------------------


def _docx_runs(paragraph: object, text: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    position = 0
    for match in _LINK.finditer(text):
        _docx_bold_runs(paragraph, text[position : match.start()])
        part = paragraph.part  # type: ignore[attr-defined]
        relation = part.relate_to(match.group(2), RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), relation)
        run = OxmlElement("w:r")
        text_element = OxmlElement("w:t")
        text_element.text = _unescape(match.group(1))
        text_element.set(qn("xml:space"), "preserve")
        run.append(text_element)
        link.append(run)
        paragraph._p.append(link)  # type: ignore[attr-defined]
        position = match.end()
    _docx_bold_runs(paragraph, text[position:])


def _docx_bold_runs(paragraph: object, text: str) -> None:
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position : match.start()])  # type: ignore[attr-defined]
        paragraph.add_run(match.group(1)).bold = True  # type: ignore[attr-defined]
        position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:])  # type: ignore[attr-defined]


def to_docx(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "Seed document"
    for chunk in chunks(text):
        if chunk.kind in ("title", "heading"):
            paragraph = document.add_heading(level=1 if chunk.kind == "title" else 2)
            _docx_runs(paragraph, chunk.lines[0])
        elif chunk.kind == "list":
            for line in chunk.lines:
                _docx_runs(document.add_paragraph(style="List Bullet"), line)
        else:
            paragraph = document.add_paragraph()
            for number, line in enumerate(chunk.lines):
                if number:
                    paragraph.add_run().add_break()
                _docx_runs(paragraph, line)
    document.save(str(path))
    return path


# --- PDF -------------------------------------------------------------------------------------


def _pdf_inline(text: str) -> str:
    out, position = [], 0
    for match in _LINK.finditer(text):
        out.append(_pdf_bold(html.escape(text[position : match.start()], quote=False)))
        label = html.escape(_unescape(match.group(1)), quote=False)
        out.append(f'<a href="{html.escape(match.group(2))}" color="blue">{label}</a>')
        position = match.end()
    out.append(_pdf_bold(html.escape(text[position:], quote=False)))
    return "".join(out)


def _pdf_bold(text: str) -> str:
    return _BOLD.sub(r"<b>\1</b>", text)


def pdf_story(text: str) -> list[object]:
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import Paragraph

    styles = getSampleStyleSheet()
    body = ParagraphStyle("Body", parent=styles["Normal"], fontSize=10, leading=13, spaceAfter=7)
    bullet = ParagraphStyle("Bullet", parent=body, leftIndent=18, bulletIndent=6, spaceAfter=3)
    story: list[object] = []
    for chunk in chunks(text):
        if chunk.kind == "title":
            story.append(Paragraph(_pdf_inline(chunk.lines[0]), styles["Title"]))
        elif chunk.kind == "heading":
            story.append(Paragraph(_pdf_inline(chunk.lines[0]), styles["Heading2"]))
        elif chunk.kind == "list":
            story += [Paragraph(_pdf_inline(line), bullet, bulletText="•") for line in chunk.lines]
        else:
            story.append(Paragraph("<br/>".join(_pdf_inline(line) for line in chunk.lines), body))
    return story


def _furniture(canvas: object, document: object) -> None:
    canvas.saveState()  # type: ignore[attr-defined]
    canvas.setFont("Helvetica", 8)  # type: ignore[attr-defined]
    canvas.drawString(72, 810, "OFFICIAL – Norfolk Office of the Police and Crime Commissioner")  # type: ignore[attr-defined]
    canvas.drawCentredString(297, 30, str(document.page))  # type: ignore[attr-defined]
    canvas.restoreState()  # type: ignore[attr-defined]


def story_to_pdf(story: list[object]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title="Seed document")
    document.build(story, onFirstPage=_furniture, onLaterPages=_furniture)
    return buffer.getvalue()


def to_pdf(text: str, path: Path) -> Path:
    path.write_bytes(story_to_pdf(pdf_story(text)))
    return path
