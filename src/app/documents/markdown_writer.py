"""Writing what a person typed as Markdown that reads back exactly as it was typed.

The response editor hands over its paragraphs as :class:`Line` values (spans of text with
bold, italic and links, a list level, a heading level); :func:`write_markdown` turns them into
CommonMark in which every character the person typed stays that character: ``**not bold**``,
``&lt;``, ``<b>``, ``# 1.`` at the start of a line and every other piece of Markdown or HTML
syntax are escaped, so that the editor after a reload, the PDF, the HTML and the Word copy all
show the very characters typed.

Emphasis is written with delimiters that CommonMark accepts where they stand: whitespace at
the edge of a bold or italic run moves outside it, and punctuation at the edge of a run that
touches a letter outside it (a bold ":" right after "forces") loses the formatting rather than
leave literal asterisks. Every line is read back with the same parser the documents use before
it is accepted; a line whose formatting would not survive keeps its words and drops that
formatting. The words themselves are never changed, apart from spaces at the start and end of
a line, which Markdown does not keep.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from app.documents.elements import LINE_BREAK, Heading, ListBlock, Paragraph, Span
from app.documents.markdown import parse_markdown

_ALWAYS = set("\\`*_[]<>|~")
"""Characters escaped wherever they stand (emphasis, code, links, autolinks, tables, strike)."""
_AT_LINE_START = set("#>-+=")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_ORDERED_MARKER = re.compile(r"[0-9]{1,9}[.)]")


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph of the editor: its spans, and where it sits (a list item, a heading)."""

    spans: tuple[Span, ...]
    list_kind: str = ""
    """"" for a paragraph, "bullet" or "ordered" for a list item."""
    level: int = 0
    """Nesting of a list item, 0 for the outermost list."""
    number: int = 1
    """An ordered item's number (the first item's number starts the list)."""
    list_id: int = 0
    """Items of one list share it; the next list along gets another."""
    heading: int = 0


@dataclass(slots=True)
class _OpenList:
    list_id: int
    kind: str
    column: int
    """Where the text of this list's items starts: a nested item is indented to it."""
    toggled: bool


def write_markdown(lines: Sequence[Line]) -> str:
    """The Markdown of ``lines``: paragraphs apart, list items of one list together."""
    out: list[str] = []
    open_lists: list[_OpenList] = []
    for line in lines:
        content = write_inline(line.spans)
        if not line.list_kind:
            open_lists = []
            if content:
                heading = "#" * min(line.heading, 6) + " " if line.heading else ""
                out += ["", heading + content] if out else [heading + content]
            continue
        if not content:
            continue  # an empty item holds no words, and Markdown could misread it
        if not open_lists and out:
            out.append("")
        level = min(line.level, len(open_lists))  # no level skipped
        del open_lists[level + 1 :]
        starts = level >= len(open_lists) or open_lists[level].list_id != line.list_id
        toggled = False
        if level < len(open_lists) and open_lists[level].list_id != line.list_id:
            other = open_lists.pop()
            # Another list straight after one of the same kind: another marker keeps it apart.
            toggled = not other.toggled if other.kind == line.list_kind else False
        elif level < len(open_lists):
            toggled = open_lists[level].toggled
            open_lists.pop()
        indent = open_lists[-1].column if open_lists else 0
        marker = _marker(line, toggled)
        if starts and open_lists and line.list_kind == "ordered" and line.number != 1:
            out.append("")  # only a list numbered from 1 may follow a line of text directly
        open_lists.append(_OpenList(line.list_id, line.list_kind, indent + len(marker) + 1,
                                    toggled))  # fmt: skip
        out.append(" " * indent + marker + " " + content)
    return "\n".join(out)


def _marker(line: Line, toggled: bool) -> str:
    if line.list_kind == "ordered":
        return f"{max(0, min(line.number, 999_999_999))}{')' if toggled else '.'}"
    return "*" if toggled else "-"


# --- inline text ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Run:
    chars: list[str] = field(default_factory=list)
    bold: bool = False
    italic: bool = False
    href: str | None = None


def write_inline(spans: Sequence[Span]) -> str:
    """One paragraph's spans as inline Markdown, checked by reading it back ("" for a
    paragraph of nothing but spaces)."""
    spans = _clean(spans)
    if not "".join(s.text for s in spans).strip():
        return ""
    for style in ("*", "_"):
        text, expected = _render(spans, style)
        if _reads_back(text, expected):
            return text
    plain = tuple(Span(s.text, href=s.href) for s in spans)
    text, expected = _render(plain, "*")
    if _reads_back(text, expected):
        return text
    return _render(tuple(Span(s.text) for s in spans), "*")[0]


def _clean(spans: Sequence[Span]) -> tuple[Span, ...]:
    """Spans without control characters, line breaks trimmed at the paragraph's ends."""
    cleaned = []
    for span in spans:
        if span.is_break:
            cleaned.append(span)
            continue
        text = "".join(
            " " if char == "\t" else char
            for char in span.text.replace("\u2028", "\n").replace("\r", "")
            if char in "\t\n" or unicodedata.category(char) != "Cc"
        )
        for number, piece in enumerate(text.split("\n")):
            if number:
                cleaned.append(Span(LINE_BREAK))
            if piece:
                cleaned.append(replace(span, text=piece))
    while cleaned and cleaned[0].is_break:
        cleaned.pop(0)
    while cleaned and cleaned[-1].is_break:
        cleaned.pop()
    return tuple(cleaned)


def _lines_of(spans: Sequence[Span]) -> list[list[Span]]:
    lines: list[list[Span]] = [[]]
    for span in spans:
        if span.is_break:
            lines.append([])
        else:
            lines[-1].append(span)
    return lines


def _render(spans: Sequence[Span], style: str) -> tuple[str, list[list[tuple[str, bool, bool]]]]:
    """The Markdown of ``spans`` with ``style`` ("*" or "_") for italics, and what it should
    read back as: per line, each character with its bold and italic."""
    written: list[str] = []
    expected: list[list[tuple[str, bool, bool]]] = []
    for line in _lines_of(spans):
        chars = [(c, s.bold, s.italic, s.href) for s in line for c in s.text]
        while chars and chars[0][0].isspace():
            chars.pop(0)
        while chars and chars[-1][0].isspace():
            chars.pop()
        if not chars:
            continue  # a line of nothing but spaces: Markdown keeps no empty line
        runs = _runs(chars)
        written.append(_write_runs(runs, style))
        expected.append([(c, r.bold, r.italic) for r in runs for c in r.chars])
    return "\\\n".join(written), expected


def _runs(chars: list[tuple[str, bool, bool, str | None]]) -> list[_Run]:
    """Runs of equal formatting, with whitespace and edge punctuation that CommonMark could not
    delimit moved out of bold and italic."""
    runs: list[_Run] = []
    for char, bold, italic, href in chars:
        if runs and (runs[-1].bold, runs[-1].italic, runs[-1].href) == (bold, italic, href):
            runs[-1].chars.append(char)
        else:
            runs.append(_Run([char], bold, italic, href))
    changed = True
    while changed:
        changed = False
        for index, run in enumerate(runs):
            if not (run.bold or run.italic):
                continue
            before = runs[index - 1].chars[-1] if index > 0 else " "
            after = runs[index + 1].chars[0] if index + 1 < len(runs) else " "
            if run.chars[0].isspace() or (_is_punct(run.chars[0]) and _is_word(before)):
                _split_off(runs, index, at_start=True)
                changed = True
                break
            if run.chars[-1].isspace() or (_is_punct(run.chars[-1]) and _is_word(after)):
                _split_off(runs, index, at_start=False)
                changed = True
                break
    return [r for r in runs if r.chars]


def _split_off(runs: list[_Run], index: int, *, at_start: bool) -> None:
    """Move one character at an edge of ``runs[index]`` out of its bold and italic."""
    run = runs[index]
    char = run.chars.pop(0 if at_start else -1)
    neighbour = index - 1 if at_start else index + 1
    if 0 <= neighbour < len(runs) and _plain_like(runs[neighbour], run.href):
        if at_start:
            runs[neighbour].chars.append(char)
        else:
            runs[neighbour].chars.insert(0, char)
    else:
        runs.insert(index if at_start else index + 1, _Run([char], href=run.href))
    if not run.chars:
        runs.remove(run)


def _plain_like(run: _Run, href: str | None) -> bool:
    return not (run.bold or run.italic) and run.href == href


def _is_punct(char: str) -> bool:
    return char in _ALWAYS or char == "&" or unicodedata.category(char).startswith(("P", "S"))


def _is_word(char: str) -> bool:
    return not (char.isspace() or _is_punct(char))


def _write_runs(runs: list[_Run], style: str) -> str:
    parts: list[str] = []
    at_start = True
    index = 0
    while index < len(runs):
        href = runs[index].href
        group = [runs[index]]
        while index + len(group) < len(runs) and runs[index + len(group)].href == href:
            group.append(runs[index + len(group)])
        inner = "".join(_emphasis(run, style, at_start and n == 0) for n, run in enumerate(group))
        parts.append(f"[{inner}]({_destination(href)})" if href else inner)
        at_start = False
        index += len(group)
    return "".join(parts)


def _emphasis(run: _Run, style: str, at_line_start: bool) -> str:
    text = escape("".join(run.chars), at_line_start=at_line_start)
    italic = style if run.italic else ""
    bold = "**" if style == "*" else "__"
    if run.bold:
        return f"{bold}{italic}{text}{italic}{bold}"
    return f"{italic}{text}{italic}"


def _destination(href: str) -> str:
    if re.search(r"[\s()<>]", href):
        return "<" + href.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"
    return href.replace("\\", "%5C")


def escape(text: str, *, at_line_start: bool = True) -> str:
    """``text`` as Markdown that reads back as exactly ``text`` (one line of it)."""
    out: list[str] = []
    for index, char in enumerate(text):
        if char in _ALWAYS or (char == "&" and _ENTITY.match(text, index)):
            out.append("\\" + char)
        else:
            out.append(char)
    escaped = "".join(out)
    if at_line_start:
        escaped = _escape_line_start(escaped)
    return escaped


def _escape_line_start(text: str) -> str:
    stripped = text.lstrip(" ")
    lead = text[: len(text) - len(stripped)]
    if stripped[:1] in _AT_LINE_START:
        return lead + "\\" + stripped
    marker = _ORDERED_MARKER.match(stripped)
    if marker:
        end = marker.end() - 1
        return lead + stripped[:end] + "\\" + stripped[end:]
    return text


# --- reading back -----------------------------------------------------------------------------


def _reads_back(markdown: str, expected: list[list[tuple[str, bool, bool]]]) -> bool:
    wanted = [line for line in expected]
    if not any(wanted):
        return not markdown.strip() or _read(markdown) == [[]]
    return _read(markdown) == wanted


def _read(markdown: str) -> list[list[tuple[str, bool, bool]]]:
    blocks = parse_markdown(markdown, 3)
    if len(blocks) != 1 or not isinstance(blocks[0], Paragraph | Heading):
        if not blocks:
            return [[]]
        if isinstance(blocks[0], ListBlock):
            return [[("<list>", False, False)]]
        return [[("<blocks>", False, False)]]
    lines: list[list[tuple[str, bool, bool]]] = [[]]
    for span in blocks[0].spans:
        if span.is_break:
            lines.append([])
        else:
            lines[-1].extend((c, span.bold, span.italic) for c in span.text)
    return lines
