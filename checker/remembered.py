"""What was read of a sentence, kept for when the run meets the sentence again.

Briefs restate each other's sentences (revisions of one brief, one story's briefs, a
template's), and a sentence's facts and stems depend on its text and a few things read
with it, not on the brief around it: such a sentence need be read once per run.
"""

from __future__ import annotations

from typing import Any


class Remembered(dict):
    """Results by key (a sentence's text and what else was read with it), for keys met
    more than once.

    Only a key met before is kept (the first time, its hash is noted): keeping every
    sentence's facts (an lru_cache) made the facts of 1,000 full-length briefs, which share
    no sentence, about 13% slower (memory held, not reused), and most sentences of most
    briefs are their own. Both are bounded, and emptied when full: a long brief's sentences
    are each met once.
    """

    def __init__(self, size: int):
        super().__init__()
        self.size = size
        self.met: set[int] = set()

    def keep(self, key: Any, value: Any) -> Any:
        """`value`, kept for `key` if the key was met before. Kept values are shared: they
        must not be changed."""
        mark = hash(key)
        if mark in self.met:
            if len(self) >= self.size:
                self.clear()
            self[key] = value
        else:
            if len(self.met) >= 4 * self.size:
                self.met.clear()
            self.met.add(mark)
        return value


#: Sentences kept by each user: about as many as `checker.facts.mention.words` remembers.
SENTENCES = 4096
