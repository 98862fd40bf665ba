"""The Markdown loader: headings of both styles, lists, inline markup and source regions."""

from __future__ import annotations

from checker.loaders import load
from checker.model import SectionKind


def _spans(brief, source):
    return [source[s.span.start : s.span.end] for s in brief.sentences]


def test_setext_headings_and_a_title():
    source = (
        "Paris Summit\n============\n\nKey Points\n----------\n\n- Leaders meet in Paris today.\n"
        "\nQuick Summary\n-------------\n\nThey meet.\n"
    )
    brief = load(source, "x.md")
    assert [(s.kind, s.heading) for s in brief.sections] == [
        (SectionKind.TITLE, "Paris Summit"),
        (SectionKind.KEY_POINTS, "Key Points"),
        (SectionKind.SUMMARY, "Quick Summary"),
    ]
    heading = brief.section("key_points").heading_span
    assert (heading.line, heading.column, heading.end_line, heading.end_column) == (4, 1, 4, 11)


def test_atx_heading_region_leaves_out_the_markers():
    source = "### Key Points ###\n\n* A point made here.\n"
    section = load(source, "x.md").section("key_points")
    span = section.heading_span
    assert source[span.start : span.end] == "Key Points"
    assert section.paragraphs[0].text == "A point made here."
    assert section.paragraphs[0].span.column == 3


def test_nested_and_ordered_list_items_are_each_a_bullet():
    source = (
        "## Key Points\n\n1. First point here.\n   - A nested point.\n2. Second point,\n"
        "   wrapped over two lines.\n"
    )
    bullets = load(source, "x.md").section("key_points").paragraphs
    assert [(b.text, b.bullet) for b in bullets] == [
        ("First point here.", True),
        ("A nested point.", True),
        ("Second point, wrapped over two lines.", True),
    ]
    assert [(b.span.line, b.span.column) for b in bullets] == [(3, 4), (4, 6), (5, 4)]
    assert source[bullets[2].span.start : bullets[2].span.end] == (
        "Second point,\n   wrapped over two lines."
    )


def test_a_loose_list_item_of_two_paragraphs_is_one_bullet():
    source = "## Key Points\n\n- First part.\n\n  Second part.\n- Next.\n"
    bullets = load(source, "x.md").section("key_points").paragraphs
    assert [b.text for b in bullets] == ["First part. Second part.", "Next."]
    assert [s.span.line for s in bullets[0].sentences] == [3, 5]


def test_inline_markup_is_dropped_and_sentences_are_still_found():
    source = (
        "## Summary\n\nThe **leaders** meet in [Paris](https://example.org) on `6 January`.\n"
        "They talk&nbsp;*again*<br>today.\n"
    )
    paragraph = load(source, "x.md").section("summary").paragraphs[0]
    assert paragraph.text == "The leaders meet in Paris on 6 January. They talk again today."
    assert _spans(load(source, "x.md"), source) == [
        "The **leaders** meet in [Paris](https://example.org) on `6 January`.",
        "They talk&nbsp;*again*<br>today.",
    ]
    second = paragraph.sentences[1].span
    assert (second.line, second.column) == (4, 1)


def test_block_quote_paragraphs_are_paragraphs_and_code_is_not_prose():
    source = "## Summary\n\n> Quoted words here.\n> Still quoted.\n\n    code block\n\nAfter.\n"
    paragraphs = load(source, "x.md").section("summary").paragraphs
    assert [p.text for p in paragraphs] == ["Quoted words here. Still quoted.", "After."]
    assert (paragraphs[0].span.line, paragraphs[0].span.column) == (3, 3)


def test_text_before_any_heading_is_an_other_section():
    brief = load("Intro line.\n\n## Key Points\n\n- A point made here.\n", "x.md")
    assert [s.id for s in brief.sections] == ["other-1", "key_points"]


def test_verbatim_paragraphs_map_sentences_exactly():
    source = "## Summary\n\nOne sentence here. Another one there.\n"
    brief = load(source, "x.md")
    assert _spans(brief, source) == ["One sentence here.", "Another one there."]
    assert [s.span.column for s in brief.sentences] == [1, 20]
