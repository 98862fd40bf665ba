"""Facts a brief states: dates, places, participants and durations, normalised and placed.

Each extractor (one module per kind) reads one sentence's text; `extract_facts` runs them
over every sentence of a brief and maps their offsets to spans in the source, so a fact
points at the exact place the user wrote it, whatever the input format. Participants need
two passes because "Zelensky" means the "Volodymyr Zelensky" named elsewhere in the brief.
"""

from __future__ import annotations

from dataclasses import replace

from checker.facts.dates import same_date
from checker.facts.durations import same_duration
from checker.facts.mention import Mention
from checker.facts.places import same_place
from checker.lang import SUPPORTED, fold
from checker.model import Brief, LineIndex, Sentence, Span, record
from checker.remembered import SENTENCES, Remembered

KINDS = ("date", "place", "participant", "duration")
#: What the name extractor reads and sets aside: a part of the world ("Southeast Asia"), a
#: thing ("Bank Holiday", "World War Two"). Read so that no later pass takes their words
#: for a place or a surname; no fact.
NOT_PARTICIPANTS = ("region", "thing")


@record
class Fact:
    """A date, place, participant or duration a sentence states, where it states it."""

    kind: str
    #: Normalised: "--01-06", "2026-01-06", "Paris", "Volodymyr Zelensky", "4 years".
    value: str
    #: As written: "mardi 6 janvier", "Londres", "Zelensky", "près de quatre ans".
    text: str
    section: str
    #: `Sentence.index` of the sentence that states it.
    sentence: int
    span: Span
    approximate: bool = False
    weekday: int | None = None
    #: Places: "city"/"region"/"country"; participants: "person", "name", "organisation", or
    #: "unresolved" for a capitalised word that may be a name (never reported alone).
    detail: str | None = None
    country: str | None = None
    #: Cities: their first-level region as the gazetteer codes it ("ES-60").
    area: str | None = None
    #: Cities: (latitude, longitude) in degrees.
    position: tuple[float, float] | None = None
    #: Where the fact starts in its sentence's text (`Sentence.text`), whatever the format.
    start: int = 0

    @property
    def weak(self) -> bool:
        """An unresolved name: it counts only when set against a known participant."""
        return self.detail == "unresolved"


def same_fact(a: Fact, b: Fact) -> bool:
    """Whether two facts of one kind can state the same thing ("6 janvier" and "mardi
    6 janvier 2026"; "Paris" and "France"; "près de quatre ans" and "4 ans")."""
    if a.kind == "date":
        return same_date(a, b)
    if a.kind == "place":
        return same_place(a, b)
    if a.kind == "duration":
        return same_duration(a, b)
    # (names as written: "Peter O'Toole" and "Peter O’Toole", "al-Douri" and "Al-Douri")
    return a.value == b.value or fold(a.value) == fold(b.value)


def _sentence_mentions(brief: Brief) -> list[tuple[Sentence, str, list[Mention]]]:
    from checker.facts.dates import extract_dates
    from checker.facts.durations import extract_durations
    from checker.facts.participants import extract_names, extract_short_names, name_parts
    from checker.facts.places import extract_places

    lang = brief.lang if brief.lang in SUPPORTED else "en"
    sentences = [(sentence, section.id) for section in brief.sections
                 for sentence in section.sentences]
    # Each distinct text is read once: the extractors see a sentence's text only, and a
    # brief restates sentences word for word (Key Points, Summary, Conclusion); what the
    # extractors find in a text the run meets again and again is kept (`Remembered`).
    first: dict[str, tuple[list[Mention], list[Mention]]] = {}
    for sentence, _ in sentences:
        text = sentence.text
        if text not in first:
            key = text, lang
            found = _DATES_AND_NAMES.get(key)
            if found is None:
                dates = extract_dates(text, lang)
                names = extract_names(text, lang, [(m.start, m.end) for m in dates])
                found = _DATES_AND_NAMES.keep(key, (dates, names))
            first[text] = found
    parts = _FullNames(name_parts(
        {m.value for _, names in first.values() for m in names if m.detail in ("person", "name")}
    ))
    mentions_of: dict[str, list[Mention]] = {}
    for text, (dates, names) in first.items():
        key = text, lang, parts
        found = _MENTIONS.get(key)
        if found is not None:
            mentions_of[text] = found
            continue
        names = [
            replace(m, value=parts[fold(m.value)])
            if m.detail in ("name", "person") and parts.get(fold(m.value), m.value) != m.value
            else m
            for m in names
        ]
        taken = [(m.start, m.end) for m in (*dates, *names)]
        names = [m for m in names if m.detail not in NOT_PARTICIPANTS]
        short = extract_short_names(text, lang, parts, taken)
        resolved = [m for m in short if m.detail != "unresolved"]
        taken += [(m.start, m.end) for m in resolved]
        places = extract_places(text, lang, taken)
        durations = extract_durations(text, lang)
        unresolved = [
            m for m in short
            if m.detail == "unresolved"
            and not any(d.start < m.end and m.start < d.end for d in (*places, *durations))
        ]
        mentions_of[text] = _MENTIONS.keep(key, sorted(
            [*dates, *names, *resolved, *unresolved, *places, *durations], key=lambda m: m.start
        ))
    return [(sentence, section_id, mentions_of[sentence.text])
            for sentence, section_id in sentences]


class _FullNames(dict):
    """A brief's full names by their parts (`name_parts`), hashed once: part of the key its
    sentences' mentions are kept by. Never changed once made."""

    __slots__ = ("_hash",)

    def __init__(self, parts: dict[str, str]):
        super().__init__(parts)
        self._hash = hash(frozenset(parts.items()))

    def __hash__(self) -> int:  # type: ignore[override]
        return self._hash


_DATES_AND_NAMES = Remembered(SENTENCES)
_MENTIONS = Remembered(SENTENCES)


def extract_facts(brief: Brief) -> list[Fact]:
    """Every fact of the brief, in reading order."""
    index = LineIndex(brief.source)
    facts = []
    for sentence, section_id, mentions in _sentence_mentions(brief):
        for m in mentions:
            text = sentence.text[m.start : m.end]
            start = _source_offset(brief.source, sentence, m.start, text)
            facts.append(
                Fact(
                    kind=m.kind,
                    value=m.value,
                    text=text,
                    section=section_id,
                    sentence=sentence.index,
                    span=index.span(start, start + len(text)),
                    approximate=m.approximate,
                    weekday=m.weekday,
                    detail=m.detail,
                    country=m.country,
                    area=m.area,
                    position=m.position,
                    start=m.start,
                )
            )
    return facts


def _source_offset(source: str, sentence: Sentence, local: int, text: str) -> int:
    """Where a sentence's text at `local` is in the source. The sentence text is the source
    verbatim for plain text; in markup formats, it is sought inside the sentence's region."""
    start = sentence.span.start + local
    if source.startswith(text, start):
        return start
    found = source.find(text, sentence.span.start, sentence.span.end)
    return found if found != -1 else sentence.span.start


__all__ = ["KINDS", "Fact", "extract_facts", "same_fact"]
