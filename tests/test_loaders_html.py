"""The HTML loader: safe parsing, broken markup, entities, language and source regions."""

from __future__ import annotations

from checker.loaders import load
from checker.model import SectionKind


def _texts(brief) -> list[str]:
    return [p.text for s in brief.sections for p in s.paragraphs]


def test_html_lang_is_the_language_whatever_the_words():
    source = '<html lang="fr-FR"><body><h2>Key Points</h2><ul><li>The leaders meet.</li></ul>'
    assert load(source, "x.html").lang == "fr"
    assert load(source.replace(' lang="fr-FR"', ""), "x.html").lang == "en"


def test_entity_declaring_doctype_is_never_expanded():
    laughs = "".join(
        f'<!ENTITY lol{n} "{"".join(f"&lol{n - 1};" for _ in range(10))}">' for n in range(1, 10)
    )
    source = (
        f'<!DOCTYPE html [<!ENTITY lol0 "LOL">{laughs}]>\n<html><body><h2>Summary</h2>\n'
        "<p>Before &lol9; after.</p></body></html>"
    )
    brief = load(source, "x.html")
    texts = _texts(brief)
    assert texts == ["Before &lol9; after."]
    assert "LOL" not in " ".join(texts)
    assert [s.kind for s in brief.sections] == [SectionKind.SUMMARY]


def test_external_system_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    for target in (secret.as_uri(), "file:///etc/passwd", "http://127.0.0.1:9/x"):
        source = (
            f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{target}">]>\n'
            "<html><body><h2>Summary</h2><p>Start &xxe; end.</p></body></html>"
        )
        text = " ".join(_texts(load(source, "x.html")))
        assert "TOP-SECRET-MARKER" not in text and "root:" not in text
        assert text == "Start &xxe; end."


def test_html_entities_are_decoded_and_the_sentence_still_placed():
    source = "<h2>R&eacute;sum&eacute;</h2>\n<p>L&#39;&eacute;t&eacute; arrive &agrave; Paris.</p>"
    brief = load(source, "x.html")
    section = brief.sections[0]
    assert (section.heading, section.kind) == ("Résumé", SectionKind.SUMMARY)
    paragraph = section.paragraphs[0]
    assert paragraph.text == "L'été arrive à Paris."
    assert not brief.source[paragraph.span.start : paragraph.span.end].startswith("<")
    assert (paragraph.span.line, paragraph.span.column) == (2, 4)
    sentence = paragraph.sentences[0].span
    assert brief.source[sentence.start : sentence.end] == "L&#39;&eacute;t&eacute; arrive &agrave; Paris."


def test_broken_markup_still_loads():
    source = (
        "<html><body><h2>Key Points</h2><ul><li>First point here.<li>Second point here.</ul>"
        "</div></span><h2>Summary</h2><p>An unclosed paragraph.\n<p>Another one."
        "<h2>Conclusion</h2>Loose closing words.</body>"
    )
    brief = load(source, "x.html")
    assert [(s.id, [p.text for p in s.paragraphs]) for s in brief.sections] == [
        ("key_points", ["First point here.", "Second point here."]),
        ("summary", ["An unclosed paragraph.", "Another one."]),
        ("conclusion", ["Loose closing words."]),
    ]
    for paragraph in brief.sections[1].paragraphs + brief.sections[2].paragraphs:
        assert source[paragraph.span.start : paragraph.span.end] == paragraph.text


def test_nested_lists_inline_markup_and_line_breaks():
    source = (
        "<h2>Key Points</h2>\n<ul>\n  <li>Leaders <b>meet</b> in <a href='/p'>Paris</a>.\n"
        "    <ol><li>A nested point.</li></ol>\n  </li>\n  <li>Two<br>words.</li>\n</ul>\n"
    )
    bullets = load(source, "x.html").section("key_points").paragraphs
    assert [(b.text, b.bullet) for b in bullets] == [
        ("Leaders meet in Paris.", True),
        ("A nested point.", True),
        ("Two words.", True),
    ]
    assert [(b.span.line, b.span.column) for b in bullets] == [(3, 7), (4, 13), (6, 7)]
    first = source[bullets[0].span.start : bullets[0].span.end]
    assert first == "Leaders <b>meet</b> in <a href='/p'>Paris</a>."


def test_scripts_styles_comments_and_page_chrome_are_left_out():
    source = (
        "<html><head><style>p { color: red }</style></head><body>\n"
        "<nav><ul><li>Home</li></ul></nav>\n<!-- <h2>Old</h2><p>Old text.</p> -->\n"
        "<script>var s = '<h2>Fake</h2><p>Fake.</p>';</script>\n"
        "<h2>Summary</h2>\n<p>Real text.</p>\n<footer><p>Copyright.</p></footer></body></html>"
    )
    brief = load(source, "x.html")
    assert [(s.heading, [p.text for p in s.paragraphs]) for s in brief.sections] == [
        ("Summary", ["Real text."])
    ]
    heading = brief.sections[0].heading_span
    assert (heading.line, heading.column) == (5, 5)
    assert (brief.sections[0].paragraphs[0].span.line, brief.sections[0].paragraphs[0].span.column) == (6, 4)


def test_many_blocks_on_one_line_each_get_their_own_place():
    source = "<h2>Summary</h2><p>Same words.</p><p>Same words.</p><p>Other words.</p>"
    paragraphs = load(source, "x.html").section("summary").paragraphs
    assert [p.span.column for p in paragraphs] == [20, 38, 56]
    assert all(source[p.span.start : p.span.end] == p.text for p in paragraphs)


def test_xml_declaration_with_an_encoding_is_accepted():
    source = '<?xml version="1.0" encoding="iso-8859-1"?>\n<html lang="fr"><body><h2>Résumé</h2><p>Été.</p></body></html>'
    brief = load(source, "x.html")
    assert (brief.lang, brief.sections[0].heading, _texts(brief)) == ("fr", "Résumé", ["Été."])


def test_empty_document_has_no_sections():
    assert load("  \n", "x.html").sections == ()


def test_an_unclosed_paragraph_does_not_take_the_next_ones_place():
    source = "<h2>Summary</h2><p>One here.\n<p>Two here.</p>\n<p>Three here.</p>"
    paragraphs = load(source, "x.html").section("summary").paragraphs
    assert [(p.text, p.span.line, p.span.column) for p in paragraphs] == [
        ("One here.", 1, 20), ("Two here.", 2, 4), ("Three here.", 3, 4)
    ]


def test_text_standing_in_containers_is_a_paragraph_at_its_place():
    source = (
        "<h2>Summary</h2><p>Le chat dort.</p>Le chien aboie.\n<div>Div words here.</div>\n"
        "<blockquote>Quoted words.</blockquote><section>Sec <em>words</em>.</section>"
    )
    paragraphs = load(source, "x.html").section("summary").paragraphs
    assert [p.text for p in paragraphs] == [
        "Le chat dort.", "Le chien aboie.", "Div words here.", "Quoted words.", "Sec words."
    ]
    assert [source[p.span.start : p.span.end] for p in paragraphs] == [
        "Le chat dort.", "Le chien aboie.", "Div words here.", "Quoted words.",
        "Sec <em>words</em>.",
    ]


def test_paragraphs_inside_a_list_item_are_one_bullet_with_separate_words():
    source = "<h2>Key Points</h2><ul><li><p>Para one.</p><p>Para two.</p></li></ul>"
    bullets = load(source, "x.html").section("key_points").paragraphs
    assert [(b.text, b.bullet) for b in bullets] == [("Para one. Para two.", True)]
    assert [source[s.span.start : s.span.end] for s in bullets[0].sentences] == [
        "Para one.", "Para two."
    ]
