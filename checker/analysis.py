"""Everything the rules read about one brief, computed lazily and at most once.

Rules receive an `Analysis`; each derived view (schema violations, facts, sentence
alignment) is a cached property, so a run that selects only structure rules never extracts
facts, and two rules that need the alignment share one computation.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from checker.model import Brief

if TYPE_CHECKING:
    from checker.config import Config
    from checker.facts import Fact
    from checker.conflicts import Conflict
    from checker.repetition import Repetition
    from checker.schema import Violation


class Analysis:
    def __init__(self, brief: Brief, config: Config, encoding: str | None = None):
        self.brief = brief
        self.config = config
        #: The legacy encoding the file was read in (not UTF-8), for S121; else None.
        self.encoding = encoding

    @cached_property
    def schema_violations(self) -> list[Violation]:
        """The brief's JSON form checked against the editorial schema (DESIGN.md section 4)."""
        from checker.schema import validate_brief

        return validate_brief(self.brief, self.config.schema_path)

    @cached_property
    def facts(self) -> list[Fact]:
        """Dates, places, participants and durations of every sentence, in reading order."""
        from checker.facts import extract_facts

        return extract_facts(self.brief)

    @cached_property
    def conflicts(self) -> list[Conflict]:
        """Facts the brief gives differently for the same thing, with the evidence: shared
        by the conflict rules C201-C205."""
        from checker.conflicts import find_conflicts

        return find_conflicts(self.brief, self.facts)

    @cached_property
    def redundancy(self) -> Repetition:
        """Sentences that repeat others, by section, shared by the R3xx rules and the report."""
        from checker.repetition import Repetition

        return Repetition(self)
