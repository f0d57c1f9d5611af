"""Lines of text to blocks: bullets, Markdown headings, and paragraphs broken across lines.

Used for whole text files and for the line breaks inside an HTML or Word paragraph. A line
break inside a paragraph is joined when the text plainly runs on (the next line starts in lower
case, the line ends with a comma, or a hard-wrapped line reached the wrap width); otherwise it
separates two blocks, because saved web pages put a date and a grade on consecutive lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.importers.blocks import Block, clean_inline, heading, list_item, paragraph
from app.importers.limits import every

BULLET = re.compile(
    r"^(?P<indent>[ \t]*)"
    r"(?P<marker>[•·▪‣◦●○■□▸►✓*+\-–]|\(?(?P<number>\d{1,3})[.)]|\(?[a-z][.)]|\([ivx]{1,5}\))"
    r"[ \t]+(?P<text>\S.*)$"
)
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})[ \t]+(\S.*?)[ \t#]*$")
_RULE = re.compile(r"^[ \t]*([-_=*])(?:[ \t]*\1){2,}[ \t]*$")
_RUNS_ON = (",", ";", "(", "/", "&", "–", "—")
_CONNECTIVES = frozenset((
    "and", "or", "but", "of", "the", "to", "a", "an", "in", "for", "with", "by", "on", "at",
    "from", "that", "which", "than", "as",
))  # fmt: skip
"""A line ending in one of these words stops in the middle of a sentence."""
_LONG_UNFINISHED = 100
"""A line this long that stops mid-sentence is the first half of a paragraph."""
_DATE_LINE = re.compile(r"^(?:published|last\s+updated|updated\s+on)\b", re.IGNORECASE)
"""The line under a report's title (which may be long and has no full stop)."""

# Prefixes that keep their hyphen when a word breaks after them ("anti-social", "well-being").
_HYPHEN_PREFIXES = frozenset((
    "anti", "co", "cross", "counter", "e", "ex", "first", "front", "high", "long", "low",
    "multi", "non", "post", "pre", "pro", "re", "self", "semi", "short", "sub", "well",
))  # fmt: skip


def join_lines(first: str, second: str) -> str:
    """Two pieces of one paragraph; a word hyphenated at the line end is put back together."""
    first, second = first.rstrip(), second.lstrip()
    if first.endswith("-") and second[:1].islower() and len(first) > 1 and first[-2].isalpha():
        last_word = first[:-1].rsplit(None, 1)[-1].casefold()
        if last_word not in _HYPHEN_PREFIXES:
            return first[:-1] + second
        return first + second
    return f"{first} {second}" if first else second


def _join_piece(pieces: list[str], line: str) -> None:
    """``join_lines`` of the paragraph so far (``pieces`` joined) and ``line``, changing only
    the end of the last piece: each piece stays one line long, so the work stays linear."""
    while pieces and not pieces[-1].strip():
        pieces.pop()
    following = line.lstrip()
    if not pieces:
        pieces.append(following)
        return
    pieces[-1] = pieces[-1].rstrip()
    tail = "".join(pieces[-3:])  # the paragraph's end, enough for its last word
    joined = join_lines(tail, following)
    end = joined[: len(joined) - len(following)]
    if end == tail + " ":
        pieces[-1] += " "
    elif end == tail[:-1]:
        pieces[-1] = pieces[-1][:-1]
    pieces.append(following)


def runs_on(line: str, following: str, wrap: int | None = None) -> bool:
    """True when ``following`` continues the paragraph that ``line`` belongs to."""
    start = following.lstrip()[:1]
    tail = line.rstrip()
    if not tail or not start:
        return False
    if start.islower() or tail.endswith(_RUNS_ON) or (tail.endswith("-") and start.isalpha()):
        return True
    if _DATE_LINE.match(following.lstrip()):
        return False
    if tail.rsplit(None, 1)[-1].casefold() in _CONNECTIVES:
        return True
    if wrap:
        return len(tail) >= 0.6 * wrap
    return len(tail) >= _LONG_UNFINISHED and tail[-1] not in '.!?:"”’)'


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at (e-mails, copies from PDF), or None."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 10:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if width > 110 or width < 30:
        return None
    near = sum(1 for length in lengths if length >= 0.75 * width)
    return width if near >= 0.4 * len(lengths) else None


@dataclass(slots=True)
class _Item:
    indent: int
    number: int
    ordered: bool
    parts: list[str] = field(default_factory=list)
    lettered: bool = False
    """Marked "a." or "(ii)": under a numbered item, a sub-item even when not indented."""
    marker: str = ""


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


class _Builder:
    def __init__(self, wrap: int | None) -> None:
        self.wrap = wrap
        self.blocks: list[Block] = []
        self.paragraph: list[str] = []
        self.item: _Item | None = None
        self.run: list[_Item] = []

    def flush_paragraph(self) -> None:
        # The paragraph is kept as pieces and joined once: joining line by line copied the
        # whole paragraph for every line (minutes for one paragraph of 100,000 lines).
        pieces: list[str] = []
        previous = ""
        for line in every(2000, self.paragraph):
            if pieces and runs_on(previous, line, self.wrap):
                _join_piece(pieces, line)
            else:
                self._add_paragraph("".join(pieces))
                pieces = [line.strip()]
            previous = line
        self._add_paragraph("".join(pieces))
        self.paragraph = []

    def _add_paragraph(self, text: str) -> None:
        text = clean_inline(text)
        if text:
            self.blocks.append(paragraph(text))

    def flush_item(self) -> None:
        if self.item is not None:
            self.run.append(self.item)
            self.item = None

    def flush_run(self) -> None:
        self.flush_item()
        if not self.run:
            return
        indents = sorted({item.indent for item in self.run})
        numbered_at: set[int] = set()
        for item in self.run:
            joined = ""
            for part in item.parts:
                joined = join_lines(joined, part)
            text = clean_inline(joined)
            if item.number:
                numbered_at.add(item.indent)
            if text:
                level = indents.index(item.indent) + 1
                # "2. … and:" then "a. …", "b. …" at the same margin (as text copied from a
                # report comes): the lettered items belong to item 2, they are not 3 and 4.
                if item.lettered and item.indent in numbered_at:
                    # Markdown numbers every ordered list: the letter stays in the text.
                    level, text = level + 1, f"{item.marker} {text}"
                    self.blocks.append(list_item(text, level))
                    continue
                self.blocks.append(list_item(text, level, ordered=item.ordered, number=item.number))
        self.run = []

    def add(self, line: str) -> None:
        if not line.strip() or _RULE.match(line):
            self.flush_paragraph()
            self.flush_item()
            return
        if match := _MARKDOWN_HEADING.match(line):
            self.flush_paragraph()
            self.flush_run()
            self.blocks.append(heading(clean_inline(match.group(2)), len(match.group(1))))
            return
        if match := BULLET.match(line):
            self.flush_paragraph()
            self.flush_item()
            number = int(match.group("number")) if match.group("number") else 0
            marker = match.group("marker")
            ordered = number > 0 or (marker[-1:] in ".)" and marker[:1] != "-")
            lettered = ordered and not number
            self.item = _Item(
                _indent(line), number, ordered, [match.group("text")], lettered, marker
            )
            return
        item = self.item
        if (
            item is not None
            and not self.paragraph
            and (_indent(line) > item.indent or line.lstrip()[:1].islower())
        ):
            item.parts.append(line)
            return
        if not self.paragraph:
            self.flush_run()
        self.paragraph.append(line)

    def finish(self) -> list[Block]:
        self.flush_paragraph()
        self.flush_run()
        return self.blocks


def lines_to_blocks(lines: Iterable[str], wrap: int | None = None) -> list[Block]:
    builder = _Builder(wrap)
    for line in every(2000, lines):
        builder.add(line)
    return builder.finish()
