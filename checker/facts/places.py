"""Places: cities, regions and countries named in a sentence ("à Paris", "in The Hague",
"en Floride", "en Ukraine", "Londres"/"London"), each with its canonical name, kind and
country.

Names are looked up in the gazetteer (`checker/facts/gazetteer.py`): GeoNames cities and
countries and ISO 3166-2 regions with French exonyms, prebuilt as a small SQLite file so a lookup costs one query.
"""

from __future__ import annotations

from functools import cache

from checker.facts.mention import Mention, words_outside
from checker.facts.gazetteer import lookup
from checker.lang import fact_words, fold, load_pack

#: A single capitalised word at the start of a sentence ("Most", "Split") is a city only if
#: the city is at least this large.
SENTENCE_START_MIN_POPULATION = 500_000
#: Longest place name, in words ("Santa Maria de Belém").
MAX_WORDS = 5


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@cache
def _acronyms(lang: str) -> dict[str, str]:
    """Countries written as capital letters ("US", "U.S", "UK"), to their names: as words they
    are pronouns or nothing ("us"), so the gazetteer does not hold them."""
    return dict(load_pack(lang)["facts"].get("place_acronyms", {}))


@cache
def _city_parts(lang: str) -> frozenset[str]:
    """Words that, after a city's name, name a part of it (the pack's `city_parts`)."""
    return frozenset(fold(w) for w in fact_words(lang, "city_parts"))


def extract_places(
    text: str, lang: str, taken: list[tuple[int, int]] = ()
) -> list[Mention]:
    """Every place a sentence names outside the `taken` stretches (dates, participants)."""
    particles = fact_words(lang, "name_particles")
    tokens = words_outside(text, taken)
    found: list[Mention] = []
    i = 0
    for at in [at for at, t in enumerate(tokens) if t[2][0].isupper()]:  # a place is capitalised
        if at < i:
            continue  # inside the place read last
        i = at
        # A name spans capitalised words and the particles between them ("Santa Maria de Belém").
        last = i
        for j in range(i + 1, min(len(tokens), i + MAX_WORDS)):
            word = tokens[j][2]
            if not word[0].isupper() and word.casefold() not in particles:
                break
            last = j
        match = None
        for j in range(last, i - 1, -1):
            if not tokens[j][2][0].isupper():
                continue
            name = _strip_possessive(text[tokens[i][0] : tokens[j][1]])
            place = lookup(_acronyms(lang).get(name, name))
            if place is None:
                continue
            if (i == 0 and j == 0 and tokens[0][0] == 0 and place.kind == "city"
                    and place.population < SENTENCE_START_MIN_POPULATION):
                continue
            match = (j, place, tokens[i][0], tokens[i][0] + len(name))
            break
        if match is None:
            continue
        j, place, start, end = match
        i = j + 1
        if place.kind == "city" and i < len(tokens) and not text[end: tokens[i][0]].strip() and (
                fold(tokens[i][2]) in _city_parts(lang)):
            i += 1  # "Sheffield Central", « Paris Nord »: a part of the city, not another
        if place.kind == "continent":
            continue  # read, so not a name, but too wide to state where an event is
        found.append(Mention("place", place.name, start, end, detail=place.kind,
                             country=place.country, area=place.area or None,
                             position=(place.lat, place.lon) if place.lat is not None else None))
    return found


def same_place(a: Mention, b: Mention) -> bool:
    """The same place, or a city or region and the country it is in ("Paris" and "France"),
    or a city and a region that holds it ("Miami" and "Floride"). Which region holds a city
    is known for US states only; elsewhere a city and a region of the same country are
    never read as a contradiction."""
    if a.value == b.value:
        return True
    if {a.detail, b.detail} == {"city", "region"} and a.area and b.area:
        return a.area == b.area  # "Miami" is in Florida, not in Texas
    if a.detail != b.detail and ("country" in (a.detail, b.detail) or "region" in (a.detail, b.detail)):
        return a.country == b.country
    return False


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) positions."""
    from math import asin, cos, radians, sin, sqrt

    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * asin(sqrt(h))
