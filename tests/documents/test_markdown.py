"""Stored Markdown → blocks: the formatting every writer shares."""

from __future__ import annotations

from app.documents.elements import (
    LINE_BREAK,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Span,
    blocks_text,
    embolden,
)
from app.documents.markdown import parse_markdown


def test_bold_italic_and_links_become_spans() -> None:
    (paragraph,) = parse_markdown("Plain **bold** *italic* [report](https://example.org/r)", 3)
    assert isinstance(paragraph, Paragraph)
    assert paragraph.spans == (
        Span("Plain "),
        Span("bold", bold=True),
        Span(" "),
        Span("italic", italic=True),
        Span(" "),
        Span("report", href="https://example.org/r"),
    )


def test_raw_html_and_entities_stay_literal_text() -> None:
    text = "<font size=40>big</font> a<b AT&T &amp; <script>x</script>"
    (paragraph,) = parse_markdown(text, 3)
    assert isinstance(paragraph, Paragraph)
    assert "".join(s.text for s in paragraph.spans) == (
        "<font size=40>big</font> a<b AT&T & <script>x</script>"
    )


def test_unsafe_link_schemes_are_not_links() -> None:
    (paragraph,) = parse_markdown("[click](javascript:alert(1)) [file](file:///etc/passwd)", 3)
    assert isinstance(paragraph, Paragraph)
    assert all(span.href is None for span in paragraph.spans)


def test_nested_bullet_and_numbered_lists() -> None:
    (outer,) = parse_markdown("- one\n  - inner\n- two\n\n  more\n", 3)
    assert isinstance(outer, ListBlock) and not outer.ordered
    first, second = outer.items
    assert isinstance(first.blocks[1], ListBlock)
    assert blocks_text(first.blocks[1].items[0].blocks) == "inner"
    assert blocks_text(second.blocks) == "two\nmore"
    (numbered,) = parse_markdown("3. three\n4. four", 3)
    assert isinstance(numbered, ListBlock) and numbered.ordered and numbered.start == 3


def test_headings_are_renumbered_below_their_place_without_skipping() -> None:
    blocks = parse_markdown("#### Deep\n\ntext\n\n### Shallow\n\n###### Deepest", 4)
    levels = [b.level for b in blocks if isinstance(b, Heading)]
    assert levels == [4, 4, 5]


def test_heading_levels_never_exceed_six() -> None:
    blocks = parse_markdown("# a\n\n## b\n\n### c\n\n#### d", 5)
    assert [b.level for b in blocks if isinstance(b, Heading)] == [5, 6, 6, 6]


def test_hard_breaks_quotes_and_code() -> None:
    paragraph, quote, code = parse_markdown("line one  \nline two\n\n> quoted\n\n    code  here", 3)
    assert isinstance(paragraph, Paragraph)
    assert Span(LINE_BREAK) in paragraph.spans
    assert isinstance(quote, Quote)
    assert isinstance(code, Paragraph) and code.preformatted
    assert blocks_text((code,)) == "code  here"


def test_embolden_makes_every_span_bold() -> None:
    blocks = embolden(parse_markdown("Text *it*\n\n- item", 3))
    paragraph, bullets = blocks
    assert isinstance(paragraph, Paragraph) and isinstance(bullets, ListBlock)
    assert all(span.bold for span in paragraph.spans)
    assert paragraph.spans[1].italic
    item = bullets.items[0].blocks[0]
    assert isinstance(item, Paragraph) and item.spans[0].bold


def test_blank_text_has_no_blocks() -> None:
    assert parse_markdown("  \n\n ", 3) == ()
