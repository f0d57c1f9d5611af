"""Blocks back to text: Markdown for the record's fields, plain reading text for the report."""

from __future__ import annotations

from collections.abc import Iterable

from app.importers.blocks import Block, BlockKind


def blocks_to_markdown(blocks: Iterable[Block], *, heading_prefix: str = "### ") -> str:
    """Markdown: paragraphs apart, list items of one list together, headings as ``###``."""
    parts: list[str] = []
    previous: Block | None = None
    counters: dict[int, int] = {}
    for block in blocks:
        if block.kind is BlockKind.LIST_ITEM:
            if previous is None or previous.kind is not BlockKind.LIST_ITEM:
                counters = {}
            for deeper in [level for level in counters if level > block.level]:
                del counters[deeper]
            indent = "  " * (block.level - 1)
            if block.ordered:
                counters[block.level] = counters.get(block.level, 0) + 1
                line = f"{indent}{counters[block.level]}. {block.text}"
            else:
                line = f"{indent}- {block.text}"
            if previous is not None and previous.kind is BlockKind.LIST_ITEM:
                parts[-1] += "\n" + line
            else:
                parts.append(line)
        elif block.kind is BlockKind.HEADING:
            parts.append(f"{heading_prefix}{block.text}")
        elif block.text:
            parts.append(block.text)
        previous = block
    return "\n\n".join(parts)


def blocks_to_text(blocks: Iterable[Block]) -> str:
    """The whole document for reading, as a saved web page reads: one block per paragraph."""
    return blocks_to_markdown(blocks, heading_prefix="")
