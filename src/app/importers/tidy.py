"""Clean-up every format needs before parsing: site chrome, contents lists, split paragraphs."""

from __future__ import annotations

import re

from app.importers.blocks import (
    Block,
    BlockKind,
    comparable,
    heading,
    is_heading_like,
    list_item,
    paragraph,
)
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
    r"|accessibility(?: statement)?|privacy(?: notice)?|sitemap|you are here:?"
    # Controls of the page itself: menus, text size, links to the site's social media.
    r"|(?:open|close|main) menu|text size:?(?: a)*|youtube|facebook|twitter|instagram|linkedin"
    r"|(?:404|error)\b.*\bnot found)$",
    re.IGNORECASE,
)
# Notices a site shows round every page, recognised by what they ask or tell the reader: the
# cookie banner, a survey or feedback prompt, a beta notice, the quick-exit button of a safety
# site, a failed-script message. Longer than menu entries, so tested apart.
_NOTICE = re.compile(
    r"\bcookies?\b"
    r"|^(?:have your say|take (?:our|the|part in)|tell us|give (?:us )?(?:your )?feedback)\b.*"
    r"\b(?:survey|questionnaire|consultation|feedback)\b"
    r"|\blet us know what you think\b|\byour feedback helps\b"
    r"|\bthis (?:site|service|website) is (?:a |in )?beta\b"
    r"|\b(?:quick(?:ly)? exit|leave this (?:site|website)|exit this (?:site|website))\b"
    r"|^sorry, (?:there was|something went) (?:a )?(?:technical )?(?:problem|wrong)",
    re.IGNORECASE,
)
_NOTICE_LENGTH = 500
_CRUMB_SEPARATORS = re.compile(r"\s[·›»>|]\s")
"""A short line of items separated like a breadcrumb ("Source · HMICFRS", "Home › News")."""
_CONTENTS = re.compile(r"^(?:table of )?contents$|^in this (?:report|document)$", re.IGNORECASE)
_SPLIT_MIN = 60
"""A paragraph this long that stops mid-sentence was cut (by a page break or a stray line)."""


def is_chrome(block: Block) -> bool:
    if block.kind is BlockKind.TABLE:
        return False
    text = block.plain
    if len(text) < 120 and _CHROME.match(text.strip(" :|")):
        return True
    if len(text) < _NOTICE_LENGTH and _NOTICE.search(text):
        return True
    return _is_crumb(text)


def _is_crumb(text: str) -> bool:
    parts = _CRUMB_SEPARATORS.split(text)
    return (
        1 < len(parts) <= 5
        and len(text.split()) <= 2 * len(parts)
        and not any(mark in text for mark in ".?!:")
    )


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
            and not _title_above(previous.plain, block.plain)
        ):
            result[-1] = paragraph(join_lines(previous.text, block.text))
        else:
            result.append(block)
    return result


_SENTENCE_STOP = re.compile(r"[.!?]\s+[A-Z“\"‘']")


def _title_above(text: str, following: str) -> bool:
    """A long title line ("… Inspection Report: PEEL … An Inspection of West Mercia Police")
    above a paragraph that starts a sentence: no sentence ends in it, it ends on a capitalised
    word, and the next paragraph starts with a capital. A paragraph cut by a page break stops
    on a small word ("… which will focus on")."""
    last = text.rstrip().rsplit(None, 1)[-1] if text.strip() else ""
    return (
        not _SENTENCE_STOP.search(text)
        and last[:1].isupper()
        and following[:1].isupper()
    )


def _stops_mid_sentence(text: str) -> bool:
    stripped = text.rstrip()
    return len(stripped) >= _SPLIT_MIN and (stripped[-1].isalnum() or stripped[-1] in ",;–-")


_NUMBERED_TITLE_WORDS = 12


def numbered_headings(blocks: list[Block]) -> list[Block]:
    """ "1. Police and Crime Commissioner's Comments", "2. Next Steps": a numbered line standing
    alone, short and without a closing full stop, followed by prose, is a section heading (its
    number kept), not a list of one item."""
    result: list[Block] = []
    lifted = False  # list items under a numbered line made a heading move up a level
    for index, block in enumerate(blocks):
        if lifted and block.kind is BlockKind.LIST_ITEM and block.level > 1:
            result.append(
                list_item(block.text, block.level - 1, ordered=block.ordered, number=block.number)
            )
            continue
        lifted = False
        previous = blocks[index - 1] if index else None
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            block.kind is BlockKind.LIST_ITEM
            and block.ordered
            and block.number
            and block.level == 1
            and not _numbered_item(previous)
            and not _numbered_item(following)
            and following is not None
            and len(block.plain.split()) <= _NUMBERED_TITLE_WORDS
            and block.plain.rstrip()[-1:] not in ".;,:?!"
        ):
            result.append(heading(f"{block.number}. {block.text}"))
            lifted = True
        else:
            result.append(block)
    return result


def _numbered_item(block: Block | None) -> bool:
    return block is not None and block.kind is BlockKind.LIST_ITEM and block.ordered


def tidy(blocks: list[Block]) -> list[Block]:
    return join_split_paragraphs(numbered_headings(drop_contents(drop_chrome(blocks))))
