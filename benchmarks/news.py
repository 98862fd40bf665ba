"""News-like corpora: sentences from a word-bigram model of real news, read at run time.

The templated corpora of `corpus.py` have a few people, places and dates that recur in
every brief, and made-up words; real briefs name whoever the story is about. The bigram
model is built from the real French and English articles under `../shared/external`
(OrangeSum, FRANK: nobody on this project wrote them; their publishers keep the copyright,
so nothing of them is committed or copied into the product) each time a corpus is
written: each sentence it makes is a random walk from a word that opened a real sentence
to one that ended one, so its names, places, dates and numbers are the news' own, in
thousands of distinct combinations, and its sentences are all different.

- `full_length_brief`: a brief of 300-600 words (Key Points, Summary, two to four body
  sections, Conclusion), its sentences drawn from one article's bigrams first (the
  article's people and places recur in it, as in a real brief) and the language's
  otherwise.
- `news_brief`: one large brief of any size, every sentence from the language's model.

`python benchmarks/news.py OUTDIR` writes the corpora `run.py` times.
"""

from __future__ import annotations

import json
import random
import re
import sys
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_briefs  # noqa: E402

EXTERNAL = Path(__file__).resolve().parents[2] / "shared" / "external"
HEADINGS = {
    "en": ("Key Points", "Summary", "Conclusion"),
    "fr": ("Points Clés", "Résumé Rapide", "Conclusion"),
}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s])")
_ENDS = (".", "!", "?")
#: A walk that has not ended after this many words is cut (and given a full stop).
MAX_WORDS = 40
MIN_WORDS = 6


def _articles(external: Path) -> dict[str, list[str]]:
    """The articles' texts per language, in file order."""
    texts: dict[str, list[str]] = {"fr": [], "en": []}
    for name in ("orangesum_valid.jsonl", "frank.jsonl"):
        if not (external / name).is_file():
            sys.exit(f"{external / name}: not found (the news corpora are made from it)")
    with (external / "orangesum_valid.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            texts["fr"].append("\n".join([record["lead"], *record["paragraphs"]]))
    with (external / "frank.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            texts["en"].append(json.loads(line)["article"])
    return texts


class Bigrams:
    """Word-bigram walks: `starts` are words that opened a sentence, `following[w]` the
    words seen after `w` (with their repeats, so common ones are drawn more often)."""

    def __init__(self) -> None:
        self.starts: list[str] = []
        self.following: dict[str, list[str]] = {}

    def add(self, text: str) -> None:
        for sentence in _SENTENCE_END.split(" ".join(text.split())):
            words = sentence.split()
            if len(words) < 3:
                continue
            self.starts.append(words[0])
            for a, b in pairwise(words):
                self.following.setdefault(a, []).append(b)

    def sentence(self, rng: random.Random, fallback: Bigrams | None = None) -> str:
        """One walk; where this model has no next word, `fallback`'s is used."""
        words = [rng.choice(self.starts)]
        while len(words) < MAX_WORDS:
            last = words[-1]
            if last.endswith(_ENDS) and len(words) >= MIN_WORDS:
                return " ".join(words)
            options = self.following.get(last) or (fallback.following.get(last) if fallback else None)
            if not options:
                break
            words.append(rng.choice(options))
        return " ".join(words).rstrip(",;:") + "."


class NewsModel:
    """The bigram model of each language, and of each article (`article(lang, i)`)."""

    def __init__(self, external: Path = EXTERNAL) -> None:
        self.texts = _articles(external)
        self.language: dict[str, Bigrams] = {}
        for lang, texts in self.texts.items():
            model = Bigrams()
            for text in texts:
                model.add(text)
            self.language[lang] = model

    def article(self, lang: str, index: int) -> Bigrams:
        model = Bigrams()
        model.add(self.texts[lang][index % len(self.texts[lang])])
        return model


def full_length_brief(model: NewsModel, rng: random.Random, lang: str) -> str:
    """A brief of 300-600 words in `lang`, in the plain-text layout of `samples/`."""
    story = model.article(lang, rng.randrange(len(model.texts[lang])))
    whole = model.language[lang]
    if len(story.starts) < 3:
        story = whole

    def sentence() -> str:
        # Mostly the story's own words, sometimes the language's: real briefs repeat their
        # people and places, and also name others.
        return story.sentence(rng, whole) if rng.random() < 0.8 else whole.sentence(rng)

    def heading() -> str:
        words = story.sentence(rng, whole).rstrip(".!?").split()[: rng.randint(2, 5)]
        return " ".join(words).rstrip(",;:") or "Contexte"

    kp, summary, conclusion = HEADINGS[lang]
    target = rng.randint(300, 600)  # words; a paragraph that would pass 600 ends the body
    lines = [kp, *(f"- {sentence()}" for _ in range(rng.randint(3, 4))), summary,
             " ".join(sentence() for _ in range(rng.randint(2, 3)))]
    tail = [conclusion, " ".join(sentence() for _ in range(2))]
    words = sum(len(line.split()) for line in lines + tail)
    sections = rng.randint(2, 4)
    body: list[list[str]] = [[heading()] for _ in range(sections)]
    paragraphs = 0
    while words < target:
        section = body[paragraphs % sections]
        paragraph = " ".join(sentence() for _ in range(rng.randint(2, 4)))
        if words >= 300 and words + len(paragraph.split()) > 600:
            break
        section.append(paragraph)
        words += len(paragraph.split())
        paragraphs += 1
    lines += [line for section in body if len(section) > 1 for line in section]
    return "\n".join(lines + tail) + "\n"


def news_brief(model: NewsModel, size_bytes: int, lang: str = "en", seed: int = 5) -> str:
    """One brief of about `size_bytes` (never less), every sentence from the language's
    model: Key Points, Summary, sections of 20 sentences in paragraphs of 4, Conclusion.
    The same seed gives the same first sentences at every size."""
    rng = random.Random(seed)
    whole = model.language[lang]
    kp, summary, conclusion = HEADINGS[lang]
    lines = [kp, *(f"- {whole.sentence(rng)}" for _ in range(4)), summary,
             " ".join(whole.sentence(rng) for _ in range(3))]
    size = sum(len(line.encode()) + 1 for line in lines)
    section = 0
    while size < size_bytes:
        section += 1
        block = [f"Section {section}", *(" ".join(whole.sentence(rng) for _ in range(4)) for _ in range(5))]
        lines += block
        size += sum(len(line.encode()) + 1 for line in block)
    lines += [conclusion, " ".join(whole.sentence(rng) for _ in range(2))]
    return "\n".join(lines) + "\n"


def write_full_length(directory: Path, count: int, seed: int = 7, model: NewsModel | None = None) -> list[Path]:
    """`count` full-length briefs, alternately French and English."""
    model = model or NewsModel()
    rng = random.Random(seed)
    return write_briefs(directory, count, "news", lambda lang: full_length_brief(model, rng, lang))


def write_news(path: Path, size_bytes: int, lang: str = "en", model: NewsModel | None = None) -> Path:
    """One news-like brief of about `size_bytes` (`news_brief`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(news_brief(model or NewsModel(), size_bytes, lang), encoding="utf-8")
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/out")
    news = NewsModel()
    written = write_full_length(out / "news-batch", 1000, model=news)
    words = [len(p.read_text(encoding="utf-8").split()) for p in written]
    print(f"{out / 'news-batch'}: {len(written)} briefs, {min(words)}-{max(words)} words")
    for mb in (2.5, 5):
        path = write_news(out / f"news-{mb}mb.en.txt", int(mb * 1024 * 1024), model=news)
        print(f"{path}: {path.stat().st_size:,} bytes")
