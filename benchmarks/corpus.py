"""Deterministic benchmark corpora: many small briefs, and one large brief of a given size.

Every brief is different (places, people, dates, numbers and sentence order vary with a
seeded random generator) and well formed, in French and English, in the seed's plain-text
layout. A large brief made that way repeats its few templates thousands of times; a varied
one (`varied_brief`) has distinct sentences of made-up words with planted copies, and a
chronology of meetings (`meetings_brief`) states people, a city and a date in every
sentence. Nothing is committed: `python benchmarks/corpus.py OUTDIR` writes the corpora.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

CITIES = {
    "en": ["Paris", "Berlin", "Madrid", "Rome", "Warsaw", "Vienna", "Lisbon", "Brussels", "Geneva", "London"],
    "fr": ["Paris", "Berlin", "Madrid", "Rome", "Varsovie", "Vienne", "Lisbonne", "Bruxelles", "Genève", "Londres"],
}
PEOPLE = ["Volodymyr Zelensky", "Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni", "Donald Tusk",
          "Pedro Sánchez", "Keir Starmer", "Ursula von der Leyen", "Mark Rutte", "António Costa"]
TOPICS = {
    "en": ["security guarantees", "energy prices", "migration rules", "trade tariffs", "climate targets",
           "defence spending", "grain exports", "sanctions", "reconstruction funds", "cyber defence"],
    "fr": ["garanties de sécurité", "prix de l'énergie", "règles migratoires", "droits de douane",
           "objectifs climatiques", "dépenses de défense", "exportations de céréales", "sanctions",
           "fonds de reconstruction", "cyberdéfense"],
}
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
}
NUMBERS = {"en": ["two", "three", "four", "five", "six"], "fr": ["deux", "trois", "quatre", "cinq", "six"]}

TEXT = {
    "en": {
        "kp": "Key Points", "sum": "Quick Summary", "conc": "Conclusion",
        "bullets": [
            "European leaders meet {person} in {city} on {month} {day} to discuss {topic}.",
            "The talks follow {n} months of negotiations between the governments involved.",
            "Officials expect a joint statement on {topic} at the end of the meeting.",
            "Several delegations arrive with proposals on {topic2} as well.",
        ],
        "summary": "European leaders meet {person} in {city} on {month} {day} to discuss {topic}. "
                   "The meeting follows {n} months of talks and aims to settle the main open questions.",
        "headings": ["The Talks in {city}", "What Is at Stake", "Positions of the Delegations",
                     "Reactions", "Next Steps on {topic}"],
        "paragraphs": [
            "Delegations from {count} countries take part in the meeting on {topic}, which opens in {city} in the morning.",
            "Diplomats say the discussions on {topic2} remain difficult and that no agreement is certain.",
            "{person} is expected to present a plan that has been prepared over the past {n} months.",
            "Observers note that the last meeting of this kind took place in {city2} in {month2}.",
            "Several ministers stress that {topic} cannot be separated from the question of {topic2}.",
            "A spokesperson said the leaders would speak to the press after the closing session.",
        ],
        "conclusion": "The meeting in {city} will show whether the leaders can agree on {topic}. "
                      "Its outcome will shape the talks of the coming months.",
    },
    "fr": {
        "kp": "Points Clés", "sum": "Résumé Rapide", "conc": "Conclusion",
        "bullets": [
            "Les dirigeants européens rencontrent {person} à {city} le {day} {month} pour parler de {topic}.",
            "Les discussions suivent {n} mois de négociations entre les gouvernements concernés.",
            "Les responsables attendent une déclaration commune sur {topic} à la fin de la réunion.",
            "Plusieurs délégations arrivent avec des propositions sur {topic2} également.",
        ],
        "summary": "Les dirigeants européens rencontrent {person} à {city} le {day} {month} pour parler de {topic}. "
                   "La réunion suit {n} mois de discussions et vise à régler les principales questions ouvertes.",
        "headings": ["Les Discussions à {city}", "Les Enjeux", "Les Positions des Délégations",
                     "Les Réactions", "Prochaines Étapes"],
        "paragraphs": [
            "Des délégations de {count} pays participent à la réunion sur {topic}, qui s'ouvre à {city} dans la matinée.",
            "Les diplomates affirment que les discussions sur {topic2} restent difficiles et qu'aucun accord n'est certain.",
            "{person} doit présenter un plan préparé au cours des {n} derniers mois.",
            "Les observateurs rappellent que la dernière réunion de ce type a eu lieu à {city2} en {month2}.",
            "Plusieurs ministres soulignent que {topic} ne peut être séparé de la question de {topic2}.",
            "Un porte-parole a indiqué que les dirigeants s'adresseraient à la presse après la séance de clôture.",
        ],
        "conclusion": "La réunion de {city} montrera si les dirigeants peuvent s'accorder sur {topic}. "
                      "Son issue orientera les discussions des prochains mois.",
    },
}


def _slots(rng: random.Random, lang: str) -> dict[str, object]:
    cities = rng.sample(CITIES[lang], 2)
    topics = rng.sample(TOPICS[lang], 2)
    months = rng.sample(MONTHS[lang], 2)
    return {
        "city": cities[0], "city2": cities[1], "topic": topics[0], "topic2": topics[1],
        "month": months[0], "month2": months[1], "day": rng.randint(2, 28),
        "person": rng.choice(PEOPLE), "n": rng.choice(NUMBERS[lang]), "count": rng.randint(5, 40),
    }


def brief(rng: random.Random, lang: str, body_sections: int = 2, paragraphs_per_section: int = 2) -> str:
    """One well-formed brief; large values of `body_sections` make a long document."""
    t = TEXT[lang]
    slots = _slots(rng, lang)
    bullets = t["bullets"][:]
    rng.shuffle(bullets)
    lines = [t["kp"], *(f"- {b.format(**slots)}" for b in bullets[: rng.randint(3, 4)])]
    lines += [t["sum"], t["summary"].format(**slots)]
    for i in range(body_sections):
        heading = t["headings"][i % len(t["headings"])].format(**slots)
        lines.append(heading if body_sections <= len(t["headings"]) else f"{heading} {i + 1}")
        for _ in range(paragraphs_per_section):
            fresh = _slots(rng, lang)
            # The other occasion ("the last meeting of this kind took place in {city2} in
            # {month2}") is one fact of the brief: a fresh place and month per paragraph made
            # every long brief contradict itself (C201/C202 between those sentences).
            local = {**slots, **{k: fresh[k] for k in ("topic2", "count")}}
            chosen = rng.sample(t["paragraphs"], 2)
            lines.append(" ".join(p.format(**local) for p in chosen))
    lines += [t["conc"], t["conclusion"].format(**slots)]
    return "\n".join(lines) + "\n"


#: The Key Points and Summary, and the Conclusion, around the body of the briefs made of
#: generated sentences (`varied_brief`, `meetings_brief`, benchmarks/shapes.py): a line each.
REVIEW_HEAD = ("Key Points", "- Delegates meet in Geneva on March 3 for the annual review.",
               "- The review covers every programme.", "- A final text is expected on March 5.",
               "Summary", "Delegates meet in Geneva on March 3 for the annual review of programmes.")
REVIEW_TAIL = ("Conclusion", "The review ends in Geneva on March 5 with a final text.")
#: Varied briefs (`varied_brief`): sentences per body section, and a planted copy every so many.
SECTION_SENTENCES = 20
PLANT_EVERY = 50
_CONSONANTS = "bcdfglmnprstv"
_VOWELS = "aeiou"


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    """Pronounceable made-up words of 5 to 9 letters, all distinct."""
    words: set[str] = set()
    while len(words) < size:
        length = rng.randint(2, 4)
        words.add("".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(length))
                  + rng.choice(_CONSONANTS))
    return sorted(words)


def varied_brief(sentences: int, seed: int = 11) -> tuple[str, list[str], set[tuple[int, int]]]:
    """A brief of `sentences` distinct body sentences of made-up words drawn with Zipf-like
    frequencies (some words in thousands of sentences, as "the summit" is), with a copy or a
    two-word edit of an earlier sentence planted every PLANT_EVERY sentences; also those
    sentences, and the planted (source, copy) pairs as positions in that list. The same
    seed gives the same first sentences at every size."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 20000)
    rng.shuffle(vocabulary)  # frequent words must not share their first letters
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    body: list[str] = []
    planted: set[tuple[int, int]] = set()
    while len(body) < sentences:
        n = len(body)
        if n and n % PLANT_EVERY == 0:
            source = rng.randrange(n)
            words = body[source].rstrip(".").split()
            if rng.random() < 0.5:
                for i in rng.sample(range(len(words)), 2):
                    words[i] = rng.choice(vocabulary)
            body.append(" ".join(words).capitalize() + ".")
            planted.add((source, n))
            continue
        words = rng.choices(vocabulary, weights=weights, k=rng.randint(12, 16))
        body.append(" ".join(words).capitalize() + ".")
    lines = list(REVIEW_HEAD)
    for start in range(0, len(body), SECTION_SENTENCES):
        lines.append(f"Section {start // SECTION_SENTENCES + 1}")
        chunk = body[start : start + SECTION_SENTENCES]
        lines += [" ".join(chunk[i : i + 4]) for i in range(0, len(chunk), 4)]
    lines += REVIEW_TAIL
    return "\n".join(lines) + "\n", body, planted


def meetings_brief(sentences: int, seed: int = 3) -> str:
    """A brief of `sentences` body sentences that each state two people, a city and a date
    ("Anna Berger met Marco Rossi in Lyon on March 3 to discuss ..."), drawn from small
    lists: a long chronology, where every sentence shares people, places and words with
    hundreds of others (the consistency rules' worst case)."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 5000)
    firsts = ["Anna", "Marco", "Lena", "Pavel", "Sofia", "Jonas", "Clara", "Tomas", "Ines",
              "Karl", "Maja", "Luis", "Elena", "Piotr", "Hanna", "Diego", "Nora", "Felix",
              "Olga", "Rui"]
    lasts = ["Berger", "Rossi", "Novak", "Dubois", "Silva", "Keller", "Moreau", "Kowalski",
             "Varga", "Jensen", "Costa", "Weber", "Fischer", "Lopez", "Horvat", "Nielsen",
             "Ferrari", "Meyer", "Petit", "Santos"]
    cities = CITIES["en"] + ["Prague", "Budapest", "Athens", "Dublin", "Oslo", "Stockholm",
                             "Helsinki", "Copenhagen", "Amsterdam", "Zurich", "Milan",
                             "Munich", "Hamburg", "Lyon", "Marseille", "Barcelona", "Porto",
                             "Krakow", "Riga", "Vilnius"]

    def sentence() -> str:
        people = [f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(2)]
        topic = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(4, 9)))
        return (f"{people[0]} met {people[1]} in {rng.choice(cities)} on "
                f"{rng.choice(MONTHS['en'])} {rng.randint(1, 28)} to discuss {topic}.")

    lines = list(REVIEW_HEAD)
    for start in range(0, sentences, SECTION_SENTENCES):
        lines.append(f"Section {start // SECTION_SENTENCES + 1}")
        lines += [" ".join(sentence() for _ in range(4)) for _ in range(SECTION_SENTENCES // 4)]
    lines += REVIEW_TAIL
    return "\n".join(lines) + "\n"


def write_briefs(directory: Path, count: int, stem: str, make) -> list[Path]:
    """`count` briefs `make(lang)` writes, alternately French and English, named
    `stem-0000.fr.txt`, `stem-0001.en.txt`…"""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        lang = "fr" if i % 2 == 0 else "en"
        path = directory / f"{stem}-{i:04d}.{lang}.txt"
        path.write_text(make(lang), encoding="utf-8")
        paths.append(path)
    return paths


def write_batch(directory: Path, count: int, seed: int = 1) -> list[Path]:
    """`count` different briefs, alternately French and English."""
    rng = random.Random(seed)
    return write_briefs(directory, count, "brief",
                        lambda lang: brief(rng, lang, body_sections=rng.randint(1, 3)))


def write_large(path: Path, size_bytes: int, lang: str = "en", seed: int = 2) -> Path:
    """One brief of about `size_bytes`: Key Points, Summary, thousands of body sections, Conclusion."""
    probe = len(brief(random.Random(seed), lang, body_sections=50, paragraphs_per_section=5).encode())
    sections = max(1, round(size_bytes * 50 / probe))
    text = brief(random.Random(seed), lang, body_sections=sections, paragraphs_per_section=5)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_varied(path: Path, size_bytes: int, seed: int = 11) -> Path:
    """One brief of about `size_bytes` whose sentences are all different (`varied_brief`):
    what a templated `write_large` brief is not, so the redundancy index does real work."""
    probe = len(varied_brief(1000, seed)[0].encode())
    text = varied_brief(max(1, round(size_bytes * 1000 / probe)), seed)[0]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/out")
    write_batch(out / "batch", 1000)
    for mb in (2.5, 5):
        for written in (write_large(out / f"large-{mb}mb.en.txt", int(mb * 1024 * 1024)),
                        write_varied(out / f"varied-{mb}mb.en.txt", int(mb * 1024 * 1024))):
            print(f"{written}: {written.stat().st_size:,} bytes")
