"""Clean-up every format needs before parsing: site chrome, contents lists, split paragraphs."""

from __future__ import annotations

import re

from app.importers.blocks import Block, BlockKind, comparable, is_heading_like, paragraph
from app.importers.lines import join_lines

# Whole blocks that are page furniture on the inspectorate's site (and similar sites).
_CHROME = re.compile(
    r"^(?:skip to (?:main )?content|jump to (?:main )?content"
    r"|print(?: this)?(?: document| page| report)?"
    r"|(?:accept|reject|allow|refuse)(?: all| additional| optional| analytics)? cookies"
    r"|cookies? (?:on|settings|policy|preferences).*|manage cookies|hide (?:this |cookie )?message"
    r"|we use (?:some )?(?:essential )?cookies.*|change your cookie settings"
    r"|share(?: this(?: page| report)?)?|back to top|menu|search|home|close|open all|close all"
    r"|(?:show|hide|expand|collapse) all(?: sections)?|summary for question \d+|on this page"
    r"|is this page useful\??|report a problem with this page|yes|no|download(?: the)?(?: full)?"
    r"(?: report| document| pdf| this report)?(?: \(pdf[^)]*\))?|page \d+(?: of \d+)?"
    r"|home\s*[>/›»].*"
    # Breadcrumb and menu entries, one to a line when a page is saved as text.
    r"|(?:related )?publications|our work|news(?: and press releases)?|about us|contact us"
    r"|accessibility(?: statement)?|privacy(?: notice)?|sitemap|you are here:?)$",
    re.IGNORECASE,
)
_CONTENTS = re.compile(r"^(?:table of )?contents$|^in this (?:report|document)$", re.IGNORECASE)
_SPLIT_MIN = 60
"""A paragraph this long that stops mid-sentence was cut (by a page break or a stray line)."""


def is_chrome(block: Block) -> bool:
    text = block.plain
    return len(text) < 120 and bool(_CHROME.match(text.strip(" :|")))


def drop_chrome(blocks: list[Block]) -> list[Block]:
    return [block for block in blocks if block.kind is BlockKind.TABLE or not is_chrome(block)]


def drop_contents(blocks: list[Block]) -> list[Block]:
    """Remove a "Contents" list: its entries repeat later as headings and are not content.

    The list runs from the "Contents" heading over short entries until a long paragraph or
    the first entry coming round again as the heading it points to.
    """
    result: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if not (is_heading_like(block) and _CONTENTS.match(block.plain.rstrip(":"))):
            result.append(block)
            index += 1
            continue
        index += 1
        seen: set[str] = set()
        while index < len(blocks):
            entry = blocks[index]
            key = comparable(entry.text)
            short = entry.kind is not BlockKind.TABLE and len(entry.plain) <= 150
            if (
                not short
                or key in seen
                or (entry.kind is BlockKind.PARAGRAPH and not is_heading_like(entry))
            ):
                break
            seen.add(key)
            index += 1
    return result


def join_split_paragraphs(blocks: list[Block]) -> list[Block]:
    """Join a paragraph that stops mid-sentence to the paragraph that carries on from it.

    A page break in a PDF, or a copy of one, leaves "…which will focus on" and "Detectives in
    the first instance…" as two paragraphs; a paragraph never ends without punctuation.
    """
    result: list[Block] = []
    for block in blocks:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.kind is BlockKind.PARAGRAPH
            and block.kind is BlockKind.PARAGRAPH
            and _stops_mid_sentence(previous.text)
            and not is_heading_like(previous)
            and not is_heading_like(block)
            and block.text[:1].isalnum()
        ):
            result[-1] = paragraph(join_lines(previous.text, block.text))
        else:
            result.append(block)
    return result


def _stops_mid_sentence(text: str) -> bool:
    stripped = text.rstrip()
    return len(stripped) >= _SPLIT_MIN and (stripped[-1].isalnum() or stripped[-1] in ",;–-")


def tidy(blocks: list[Block]) -> list[Block]:
    return join_split_paragraphs(drop_contents(drop_chrome(blocks)))
