"""The response as one self-contained, accessible HTML5 file (the accessible publication format).

reportlab cannot tag a PDF, so this is what a public body publishes for screen-reader users:
``lang="en-GB"``, a ``<title>``, one ``<main>`` holding the content, headings in order with no
level skipped, the header fields as a table with row headers, real lists, escaped text, a small
embedded stylesheet and the logo as a data URI with alternative text (WCAG 2.1 AA, axe rules).
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from app.documents.content import (
    SECTION_LEVEL,
    STEP_COLUMNS,
    Entry,
    HeaderField,
    ResponseDocument,
    Section,
    StepRow,
)
from app.documents.elements import Block, Heading, ListBlock, Paragraph, Quote, Span
from app.documents.logo import read_logo
from app.documents.output import RenderResult, write_atomically

__all__ = ["html_document", "render_html", "write_html"]

_CSS = """
:root { color: #1a1a1a; background: #fff; }
body { font-family: "Segoe UI", Arial, "DejaVu Sans", sans-serif; line-height: 1.5;
  max-width: 48rem; margin: 0 auto; padding: 1.5rem; }
h1, h2, h3 { color: #1f3864; line-height: 1.25; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.35rem; margin-top: 2rem; }
h3 { font-size: 1.12rem; margin-top: 1.4rem; } h4, h5, h6 { font-size: 1rem; }
a { color: #1f4e9c; }
.organisation { font-weight: bold; color: #1f3864; border-bottom: 2px solid #1f3864;
  padding-bottom: .5rem; display: flex; justify-content: space-between; align-items: center; }
.organisation img { max-height: 4.5rem; max-width: 12rem; }
.marking { text-align: center; font-weight: bold; letter-spacing: .05em; }
.copy-label, .statutory, .note { color: #4a4a4a; }
.copy-label { font-weight: bold; }
.note { font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #8ea0be; padding: .4rem .6rem; text-align: left; vertical-align: top; }
th { background: #e9eef6; color: #1f3864; }
.fields th { width: 30%; }
blockquote { margin-left: 1.5rem; color: #4a4a4a; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
p, li, td { overflow-wrap: anywhere; }
@media print { body { max-width: none; padding: 0; } h2, h3 { break-after: avoid; } }
"""


def render_html(document: ResponseDocument) -> RenderResult:
    """The HTML file as UTF-8 bytes, with the document's warnings and the writer's own."""
    text, warnings = _HtmlWriter(document).write()
    return RenderResult(text.encode("utf-8"), [*document.warnings, *warnings])


def html_document(document: ResponseDocument) -> str:
    """The HTML file as text."""
    return _HtmlWriter(document).write()[0]


def write_html(document: ResponseDocument, path: Path | str) -> list[str]:
    """Render and save to ``path`` (replaced atomically); returns the warnings."""
    result = render_html(document)
    write_atomically(path, result.data)
    return result.warnings


def _text(text: str) -> str:
    return escape(text, quote=True)


class _HtmlWriter:
    def __init__(self, document: ResponseDocument) -> None:
        self.document = document
        self.warnings: list[str] = []
        self.out: list[str] = []

    def write(self) -> tuple[str, list[str]]:
        document, out = self.document, self.out
        info = document.info
        out += [
            "<!DOCTYPE html>",
            f'<html lang="{_text(info.language)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_text(info.title)}</title>",
            f'<meta name="author" content="{_text(info.author)}">',
            f'<meta name="description" content="{_text(info.subject)}">',
            f'<meta name="keywords" content="{_text(info.keywords)}">',
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
        ]
        self.banner()
        out.append("<main>")
        out.append(f'<h1 id="{document.title_anchor}">{_text(document.title)}</h1>')
        out.append(f'<p class="statutory">{_text(document.statutory)}</p>')
        self.fields(document.header_fields)
        if document.deadline_note:
            out.append(f'<p class="note">{_text(document.deadline_note)}</p>')
        for section in document.sections:
            self.section(section)
        out.append("</main>")
        if document.marking_text:
            out.append(f'<footer><p class="marking">{_text(document.marking_text)}</p></footer>')
        out += ["</body>", "</html>", ""]
        return "\n".join(out), self.warnings

    def banner(self) -> None:
        document = self.document
        parts: list[str] = []
        if document.marking_text:
            parts.append(f'<p class="marking">{_text(document.marking_text)}</p>')
        logo, problem = read_logo(document.logo)
        if problem:
            self.warnings.append(problem)
        if document.organisation or logo is not None:
            image = ""
            if logo is not None:
                data = base64.b64encode(logo.data).decode("ascii")
                source = f"data:{logo.mime_type};base64,{data}"
                image = f'<img src="{source}" alt="{_text(document.logo_alt)}">'
            parts.append(
                f'<div class="organisation"><p>{_text(document.organisation)}</p>{image}</div>'
            )
        if document.copy_label:
            parts.append(f'<p class="copy-label">{_text(document.copy_label)}</p>')
        if parts:
            self.out += ["<header>", *parts, "</header>"]

    def fields(self, fields: tuple[HeaderField, ...]) -> None:
        self.out.append('<table class="fields">')
        for field in fields:
            value = self.spans((Span(field.value, href=field.href),))
            self.out.append(f'<tr><th scope="row">{_text(field.label)}</th><td>{value}</td></tr>')
        self.out.append("</table>")

    def section(self, section: Section) -> None:
        out = self.out
        out.append(f'<section aria-labelledby="{section.anchor}">')
        out.append(self.heading(SECTION_LEVEL, section.heading, section.anchor))
        self.blocks(section.intro)
        for entry in section.entries:
            self.entry(entry)
        self.blocks(section.closing)
        if section.steps:
            self.steps(section.steps)
        out.append("</section>")

    def entry(self, entry: Entry) -> None:
        self.out.append(self.heading(entry.level, entry.heading, entry.anchor))
        if entry.response:
            self.out.append('<div class="finding">')
            self.blocks(entry.finding)
            self.out.append("</div>")
            self.blocks(entry.response)
        else:
            self.blocks(entry.finding)

    def steps(self, steps: tuple[StepRow, ...]) -> None:
        out = self.out
        out.append("<table>")
        head = "".join(f'<th scope="col">{_text(name)}</th>' for name in STEP_COLUMNS)
        out.append(f"<thead><tr>{head}</tr></thead>")
        out.append("<tbody>")
        for step in steps:
            cells = [f'<th scope="row">{_text(step.step)}</th>']
            cells += [f"<td>{_text(v)}</td>" for v in (step.done_on, step.done_by, step.note)]
            out.append(f"<tr>{''.join(cells)}</tr>")
        out.append("</tbody></table>")

    def heading(self, level: int, text: str, anchor: str | None = None) -> str:
        level = min(level, 6)
        identifier = f' id="{anchor}"' if anchor else ""
        return f"<h{level}{identifier}>{_text(text)}</h{level}>"

    def blocks(self, blocks: tuple[Block, ...]) -> None:
        out = self.out
        for block in blocks:
            if isinstance(block, Heading):
                level = min(block.level, 6)
                out.append(f"<h{level}>{self.spans(block.spans)}</h{level}>")
            elif isinstance(block, Paragraph):
                if block.preformatted:
                    out.append(f"<pre>{self.spans(block.spans)}</pre>")
                else:
                    out.append(f"<p>{self.spans(block.spans)}</p>")
            elif isinstance(block, ListBlock):
                self.list(block)
            elif isinstance(block, Quote):
                out.append("<blockquote>")
                self.blocks(block.blocks)
                out.append("</blockquote>")

    def list(self, block: ListBlock) -> None:
        if block.ordered:
            start = f' start="{block.start}"' if block.start != 1 else ""
            self.out.append(f"<ol{start}>")
        else:
            self.out.append("<ul>")
        for item in block.items:
            only = item.blocks[0] if len(item.blocks) == 1 else None
            if isinstance(only, Paragraph) and not only.preformatted:
                self.out.append(f"<li>{self.spans(only.spans)}</li>")  # a tight item: no <p>
                continue
            self.out.append("<li>")
            self.blocks(item.blocks)
            self.out.append("</li>")
        self.out.append("</ol>" if block.ordered else "</ul>")

    @staticmethod
    def spans(spans: tuple[Span, ...]) -> str:
        parts: list[str] = []
        for span in spans:
            if span.is_break:
                parts.append("<br>")
                continue
            text = _text(span.text)
            if span.bold:
                text = f"<strong>{text}</strong>"
            if span.italic:
                text = f"<em>{text}</em>"
            if span.href:
                text = f'<a href="{_text(span.href)}">{text}</a>'
            parts.append(text)
        return "".join(parts)
