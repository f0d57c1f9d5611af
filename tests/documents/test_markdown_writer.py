"""What a person types is what is stored and published (issue 9, defect 6).

The editor's paragraphs are written as Markdown that reads back as exactly the characters
typed, whatever they are: Markdown syntax, HTML, entities, any script.
"""

from __future__ import annotations

import hypothesis.strategies as st
from hypothesis import example, given, settings

from app.documents.elements import LINE_BREAK, Heading, ListBlock, Paragraph, Span
from app.documents.markdown import parse_markdown
from app.documents.markdown_writer import Line, escape, write_markdown

SPECIALS = "\\`*_{}[]()<>#+-.!|~&;:=\"' \t/\n"
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(SPECIALS),
        st.sampled_from("abcXYZ019 ŵéñßΩжπ€‘’“”…–—•"),
        st.characters(blacklist_categories=("Cs", "Cc")),
    ),
    min_size=1,
    max_size=40,
)


def read_back(markdown: str) -> list[str]:
    """Each paragraph or list item's text as a person reads it, line breaks kept."""
    texts: list[str] = []

    def walk(blocks: tuple[object, ...]) -> None:
        for block in blocks:
            if isinstance(block, Paragraph | Heading):
                texts.append("".join(s.text for s in block.spans))
            elif isinstance(block, ListBlock):
                for item in block.items:
                    if not item.blocks:
                        texts.append("")  # an empty item
                    walk(item.blocks)

    walk(parse_markdown(markdown, 3))
    return texts


def tidy(text: str) -> str:
    """What is kept of a paragraph: each line without the spaces at its ends, and no empty
    lines (Markdown keeps neither, and neither holds a word)."""
    if not text.strip():
        return ""
    lines = [line.strip() for line in text.replace("\t", " ").split("\n")]
    return "\n".join(line for line in lines if line)


def spans_of(text: str, bold: bool = False, italic: bool = False) -> tuple[Span, ...]:
    return (Span(text, bold, italic),)


@given(TEXT)
@example("**not bold**")
@example("&lt;tag&gt; &#65; &amp;")
@example("<b>bold?</b> <font size=40>big</font> <!-- comment -->")
@example("# 1. - + > = ```code``` ~~strike~~ | a | b |")
@example("2023. A year\n1) item\n- dash\n===\n---")
@example("[a link](https://example.org) ![image](x.png) <https://example.org>")
@example("    indented as code")
@example("a\\\nb")
@example(" \n0")
@example("a\n \n\nb")
@settings(max_examples=400)
def test_any_typed_paragraph_reads_back_exactly(text: str) -> None:
    markdown = write_markdown([Line(spans_of(text))])
    expected = tidy(text)
    if not expected:
        assert read_back(markdown) == []
    else:
        assert read_back(markdown) == [expected], markdown


@given(TEXT, TEXT, st.booleans(), st.booleans(), TEXT)
@example("forces", ":", True, False, " and more")
@example("a", "*", True, True, "b")
def test_formatted_runs_never_leave_delimiters_in_the_text(
    before: str, middle: str, bold: bool, italic: bool, after: str
) -> None:
    spans = (Span(before), Span(middle, bold, italic), Span(after))
    markdown = write_markdown([Line(spans)])
    expected = tidy(before + middle + after)
    assert read_back(markdown) == ([expected] if expected else []), markdown


def test_bold_and_italic_survive_where_they_can_be_written() -> None:
    spans = (Span("Turning to the "), Span("three", bold=True), Span(" recommendations "),
             Span("applicable", italic=True), Span(" to forces"), Span(":", bold=True))  # fmt: skip
    markdown = write_markdown([Line(spans)])
    (paragraph,) = parse_markdown(markdown, 3)
    assert isinstance(paragraph, Paragraph)
    formatted = {(s.text, s.bold, s.italic) for s in paragraph.spans if s.bold or s.italic}
    assert formatted == {("three", True, False), ("applicable", False, True)}
    assert "".join(s.text for s in paragraph.spans).endswith("to forces:")


@given(st.lists(st.tuples(TEXT, st.sampled_from(["bullet", "ordered"]), st.integers(0, 2),
                          st.integers(0, 3)), min_size=1, max_size=8))  # fmt: skip
def test_lists_keep_every_item_and_its_text(
    items: list[tuple[str, str, int, int]]
) -> None:
    lines = [Line(spans_of(text.replace("\n", " ")), kind, level, 1, list_id)
             for text, kind, level, list_id in items]  # fmt: skip
    markdown = write_markdown(lines)
    expected = [tidy(text.replace("\n", " ")) for text, *_ in items]
    assert read_back(markdown) == [text for text in expected if text], markdown


def test_paragraphs_lists_and_line_breaks_come_back_in_order() -> None:
    lines = [
        Line((Span("First paragraph"), Span(LINE_BREAK), Span("# second line"))),
        Line(spans_of("- a bullet that is text"), "bullet", 0, 1, 1),
        Line(spans_of("2023. nested"), "ordered", 1, 4, 2),
        Line(spans_of("Closing words & more")),
    ]
    markdown = write_markdown(lines)
    assert read_back(markdown) == [
        "First paragraph\n# second line", "- a bullet that is text", "2023. nested",
        "Closing words & more",
    ]  # fmt: skip
    blocks = parse_markdown(markdown, 3)
    assert isinstance(blocks[1], ListBlock) and not blocks[1].ordered
    nested = blocks[1].items[0].blocks[-1]
    assert isinstance(nested, ListBlock) and nested.ordered and nested.start == 4


def test_links_keep_their_address_and_text() -> None:
    spans = (Span("See "), Span("the [report]", href="https://example.org/a (1)"), Span("."))
    (paragraph,) = parse_markdown(write_markdown([Line(spans)]), 3)
    assert isinstance(paragraph, Paragraph)
    linked = [s for s in paragraph.spans if s.href]
    assert [(s.text, s.href) for s in linked] == [("the [report]", "https://example.org/a%20(1)")]


def test_escaping_leaves_ordinary_prose_readable() -> None:
    assert escape("The force will act by 31 March 2024.") == "The force will act by 31 March 2024."
