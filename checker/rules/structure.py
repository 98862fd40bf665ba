"""Structure rules (S1xx): the editorial schema, enforced on the document.

The limits themselves live in `schemas/brief.schema.json`; each constraint there names the
rule it belongs to (`x-rule`). These rules only turn the schema's violations into findings,
one rule per kind of constraint, so each can be selected, ignored and documented alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.lang import SUPPORTED
from checker.model import LineIndex, Span
from checker.report import Finding, Severity
from checker.rules import Rule


class SchemaRule(Rule):
    category = "structure"
    severity = Severity.ERROR

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        for violation in analysis.schema_violations:
            if violation.code == self.code:
                yield self.finding(violation.message, violation.span, violation.section)


class SchemaViolation(SchemaRule):
    """The brief does not fit the brief schema (shape errors, custom constraints).

    ## What it does
    Reports schema errors that no more specific rule covers: a JSON brief of the wrong
    shape (a paragraph that is a number, an unknown section kind, an unknown key), or a
    constraint of a newsroom's own schema that carries no `x-rule` of its own.

    ## Why is this bad?
    A brief that does not have the shape of a brief cannot be checked reliably, and a
    pipeline that emits such JSON has a bug worth knowing about.

    ## Example
    Bad (JSON input):
    ```json
    {"sections": [{"kind": "intro", "paragraphs": [42]}]}
    ```
    Good:
    ```json
    {"sections": [{"kind": "summary", "heading": "Summary", "paragraphs": ["The summit met."]}]}
    ```

    ## How to fix
    Give the brief the shape the message names (the JSON path says where): the section
    kinds are key_points, summary, body, conclusion, title and other, and paragraphs and
    bullets are strings. With a schema of your own, fix the brief or the schema.
    """

    code = "S100"
    name = "schema-violation"

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        from checker.rules import all_rules

        known = all_rules()
        for violation in analysis.schema_violations:
            if violation.code == self.code or violation.code not in known:
                yield self.finding(violation.message, violation.span, violation.section)


class MissingSection(SchemaRule):
    """A required section (Key Points, Summary, a body section, Conclusion) is missing.

    ## What it does
    Checks that the brief has a Key Points section, a Summary, at least one body section
    (a heading of your own and its paragraphs) and a Conclusion. Headings are recognised in
    French and English, whatever their case, accents or punctuation ("Points clés",
    "KEY TAKEAWAYS:", "Bottom line").

    ## Why is this bad?
    Readers and downstream pipelines rely on every brief having the same parts: a brief
    without Key Points cannot be shown in a digest, one without a Conclusion ends abruptly.

    ## Example
    Bad:
    ```text
    Key Points
    - Leaders meet in Paris on January 6.
    Conclusion
    The meeting matters.
    ```
    Good:
    ```text
    Key Points
    - Leaders meet in Paris on January 6.
    Summary
    European leaders meet in Paris.
    The Talks
    The leaders discuss security guarantees.
    Conclusion
    The meeting matters.
    ```

    ## How to fix
    Add the missing section under one of the headings briefcheck recognises (`Key
    Points`, `Summary`, `Conclusion`, « Points Clés », « Résumé », …; `briefcheck rule
    S101` lists examples), or rename a heading that means the same thing.
    """

    code = "S101"
    name = "missing-section"


class SectionOrder(SchemaRule):
    """Sections are not in the order Key Points, Summary, body sections, Conclusion.

    ## What it does
    Checks the order of the brief's sections; the finding points at the first section
    that comes too late (for example a body section after the Conclusion).

    ## Why is this bad?
    A brief is read top-down: the points first, then the summary, then the detail, then
    the conclusion. Out of order, the reader meets details before the gist.

    ## Example
    Bad:
    ```text
    Summary
    …
    Key Points
    - …
    ```
    Good:
    ```text
    Key Points
    - …
    Summary
    …
    ```

    ## How to fix
    Move the sections into the order Key Points, Summary, body sections, Conclusion.
    """

    code = "S102"
    name = "section-order"


class DuplicateSection(SchemaRule):
    """The brief has two Key Points, Summary or Conclusion sections.

    ## What it does
    Checks that Key Points, Summary and Conclusion each appear once.

    ## Why is this bad?
    Two summaries usually mean two drafts were pasted together; readers see the brief
    twice and tools cannot tell which one is meant.

    ## Example
    Bad:
    ```text
    Summary
    Leaders meet in Paris.
    Summary
    European leaders meet in Paris on Tuesday.
    ```
    Good:
    ```text
    Summary
    European leaders meet in Paris on Tuesday.
    ```

    ## How to fix
    Merge the two sections into one, or give the second its own body heading.
    """

    code = "S103"
    name = "duplicate-section"


class KeyPointsCount(SchemaRule):
    """Key Points has fewer than 3 or more than 6 bullets.

    ## What it does
    Counts the bullets of the Key Points section against the schema's limits (3 to 6).

    ## Why is this bad?
    Fewer than three points is not a list worth scanning; more than six is no longer a
    summary of the key points.

    ## Example
    Bad:
    ```text
    Key Points
    - Leaders meet in Paris on January 6.
    ```
    Good:
    ```text
    Key Points
    - Leaders meet in Paris on January 6.
    - They discuss security guarantees for Ukraine.
    - The war has lasted nearly four years.
    ```

    ## How to fix
    Keep three to six bullets: merge or cut bullets when there are more, add the missing
    key facts when there are fewer.
    """

    code = "S104"
    name = "key-points-count"


class BulletLength(SchemaRule):
    """A Key Points bullet is shorter than 5 or longer than 35 words.

    ## What it does
    Counts the words of each Key Points bullet against the schema's limits (5 to 35).

    ## Why is this bad?
    A bullet of two words says nothing a reader can use; one of forty words is a paragraph
    in disguise and defeats the point of a list.

    ## Example
    Bad:
    ```text
    - Paris summit.
    ```
    Good:
    ```text
    - European leaders meet Zelensky in Paris on January 6.
    ```

    ## How to fix
    Rewrite the bullet as one sentence of 5 to 35 words: split a long bullet in two, or
    give a short one its verb and its fact.
    """

    code = "S105"
    name = "bullet-length"


class BulletSentences(SchemaRule):
    """A Key Points bullet has more than one sentence.

    ## What it does
    Counts the sentences of each Key Points bullet; a bullet is one sentence.

    ## Why is this bad?
    Each key point should state one thing. Two sentences in one bullet usually hide two
    points, or one point and its explanation, which belongs in the body.

    ## Example
    Bad:
    ```text
    - Leaders meet in Paris. They discuss guarantees.
    ```
    Good:
    ```text
    - Leaders meet in Paris to discuss security guarantees.
    ```

    ## How to fix
    Keep one sentence per bullet: split the bullet in two, or move the second sentence
    to the Summary or the body.
    """

    code = "S106"
    name = "bullet-sentences"


class ParagraphCount(SchemaRule):
    """The Summary or the Conclusion has too few or too many paragraphs.

    ## What it does
    Counts paragraphs: the Summary has 1 to 3, the Conclusion 1 or 2.

    ## Why is this bad?
    A summary of five paragraphs is no longer quick; a conclusion that runs on turns into
    a second body.

    ## Example
    Bad:
    ```text
    Conclusion
    First paragraph.
    Second paragraph.
    Third paragraph.
    ```
    Good:
    ```text
    Conclusion
    One or two paragraphs that close the brief.
    ```

    ## How to fix
    Merge or cut paragraphs of the Summary (1 to 3) or the Conclusion (1 or 2), or add
    the missing one.
    """

    code = "S107"
    name = "paragraph-count"


class SectionLength(SchemaRule):
    """The Summary is longer than 120 words or the Conclusion longer than 100.

    ## What it does
    Counts the words of the Summary and the Conclusion against the schema's limits.

    ## Why is this bad?
    These sections are read by people who will not read the body: past these lengths they
    stop reading, and a dashboard that shows the summary truncates it.

    ## Example
    Bad: a Summary of 180 words that retells the whole body.

    Good: a Summary of two short paragraphs, 60 to 100 words, that states what happened,
    where, when and who.

    ## How to fix
    Shorten the Summary to 120 words or the Conclusion to 100: cut what the body already
    develops.
    """

    code = "S108"
    name = "section-length"


class HeadingLength(SchemaRule):
    """A section heading is longer than 12 words.

    ## What it does
    Counts the words of every heading against the schema's limit (12).

    ## Why is this bad?
    A heading is a signpost. A heading of twenty words is a sentence, and it usually means
    a paragraph's first line was taken for a heading.

    ## Example
    Bad:
    ```text
    The Leaders Of Europe Meet In Paris To Discuss The Future Of Security Guarantees For Ukraine
    ```
    Good:
    ```text
    Paris Summit Convened
    ```

    ## How to fix
    Shorten the heading to 12 words or fewer: a heading names the section, the
    paragraphs tell the story.
    """

    code = "S109"
    name = "heading-length"


class DuplicateHeading(SchemaRule):
    """Two body sections have the same heading.

    ## What it does
    Compares body headings, ignoring case, accents and punctuation.

    ## Why is this bad?
    Two sections called the same are either one section split in two or a copy; either way
    the reader cannot tell them apart in a table of contents.

    ## Example
    Bad:
    ```text
    The Talks
    …
    The talks
    …
    ```
    Good:
    ```text
    The Talks
    …
    What Comes Next
    …
    ```

    ## How to fix
    Give each body section its own heading, or merge the two sections.
    """

    code = "S110"
    name = "duplicate-heading"


class EmptySection(SchemaRule):
    """A section has a heading and nothing under it.

    ## What it does
    Reports sections without any word of content.

    ## Why is this bad?
    An empty section is a leftover from a template or a generation that stopped early.

    ## Example
    Bad:
    ```text
    State of the Negotiations
    Conclusion
    …
    ```
    Good:
    ```text
    State of the Negotiations
    The talks address the sticking points.
    Conclusion
    …
    ```

    ## How to fix
    Write the section's text under its heading, or remove the heading.
    """

    code = "S111"
    name = "empty-section"


class BriefLength(SchemaRule):
    """The whole brief is longer than 1,500 words.

    ## What it does
    Counts the words of all sections (headings excluded) against the schema's limit.

    ## Why is this bad?
    Past 1,500 words a brief is an article; it will not fit the slots that briefs are
    published in.

    ## Example
    Bad: a 2,400-word brief with eight body sections.

    Good: a brief of 300 to 800 words with two or three body sections.

    ## How to fix
    Cut the brief to 1,500 words: a brief that long is an article; move detail to a
    linked piece.
    """

    code = "S112"
    name = "brief-length"


class KeyPointsProse(SchemaRule):
    """Key Points contains lines that are not bullets.

    ## What it does
    Reports paragraphs in the Key Points section: each key point must be a bullet
    ("- ", "• ", "* " or "1." in text; a list item in Markdown and HTML).

    ## Why is this bad?
    Key Points are shown as a list in digests and apps; prose there is lost or shown as
    one long point.

    ## Example
    Bad:
    ```text
    Key Points
    Leaders meet in Paris. They discuss guarantees.
    ```
    Good:
    ```text
    Key Points
    - Leaders meet in Paris.
    - They discuss security guarantees.
    ```

    ## How to fix
    Start each line of the Key Points with a bullet (`- `, `• `, `* `, `1.`), and move
    prose to the Summary.
    """

    code = "S113"
    name = "key-points-prose"


class UnsupportedLanguage(Rule):
    """The brief is in a language briefcheck has no language pack for.

    ## What it does
    Reports a brief whose language is neither French nor English (detected from its
    headings and common words, or stated by `--lang`, `<html lang>` or JSON `lang`). The
    structure is still checked; dates, places and durations are not understood, so the
    consistency rules may miss conflicts.

    ## Why is this bad?
    A clean report on a German brief would look like a pass although half the checks could
    not run; the editor must know the result is partial.

    ## Example
    Bad:
    ```text
    Kernpunkte
    - Die Staats- und Regierungschefs treffen sich am 6. Januar in Paris.
    ```
    Good (a supported language):
    ```text
    Key Points
    - Leaders meet in Paris on January 6.
    ```

    ## How to fix
    Check briefs in French or English, or pass `--lang fr` / `--lang en` when detection
    is wrong. A brief in another language still gets its structure checked; silence this
    rule for such briefs in their folder's config.
    """

    code = "S120"
    name = "unsupported-language"
    category = "structure"
    severity = Severity.WARNING

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        lang = analysis.brief.lang
        if lang in SUPPORTED:
            return
        what = "not recognised" if lang == "und" else f"'{lang}' is not supported"
        message = (
            f"language {what} (supported: {', '.join(SUPPORTED)}); structure checked,"
            " facts and conflicts may be missed"
        )
        yield self.finding(message, _first_span(analysis), None)


class LegacyEncoding(Rule):
    """The file is not UTF-8: it was read in the legacy encoding named in the message.

    ## What it does
    A file that is not valid UTF-8 is read as Windows-1252 or Latin-1 when its bytes
    decode to clean text in one of them, and this rule says which encoding was assumed,
    at the first character outside ASCII. Files that fit no such encoding are refused.

    ## Why is this bad?
    Other tools in the pipeline may read the file as UTF-8 and show "Ã©" for "é"; the
    assumption may also be wrong for a file in another legacy encoding.

    ## Example
    Bad (bytes):
    ```text
    Key Points
    - Leaders meet at the caf\xe9 on January 6.
    ```
    Good (the same text saved as UTF-8):
    ```text
    Key Points
    - Leaders meet at the caf\xc3\xa9 on January 6.
    ```

    ## How to fix
    Save the file as UTF-8 (most editors: "Save with encoding"); the message names the
    encoding briefcheck assumed, so check that accented letters read right.
    """

    code = "S121"
    name = "legacy-encoding"
    category = "structure"
    severity = Severity.INFO

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        if analysis.encoding is None:
            return
        source = analysis.brief.source
        at = next((i for i, c in enumerate(source) if ord(c) > 0x7F), 0)
        span = LineIndex(source).span(at, min(at + 1, len(source)))
        message = f"not UTF-8: read as {analysis.encoding}; save the file as UTF-8"
        yield self.finding(message, span, None)


def _first_span(analysis: Analysis) -> Span:
    """Where the brief starts: its first section's heading or text, else offset 0."""
    for section in analysis.brief.sections:
        return section.heading_span or section.span
    return LineIndex(analysis.brief.source).span(0, 0)


RULES = [
    SchemaViolation,
    MissingSection,
    SectionOrder,
    DuplicateSection,
    KeyPointsCount,
    BulletLength,
    BulletSentences,
    ParagraphCount,
    SectionLength,
    HeadingLength,
    DuplicateHeading,
    EmptySection,
    BriefLength,
    KeyPointsProse,
    UnsupportedLanguage,
    LegacyEncoding,
]
