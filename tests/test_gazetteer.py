"""The shipped gazetteer: right answers for the names briefs use, and not stale."""

from __future__ import annotations

from checker.facts import gazetteer


def test_exonyms_and_countries_resolve():
    assert gazetteer.lookup("Londres").name == "London"
    assert gazetteer.lookup("La Haye").name == "The Hague"
    assert gazetteer.lookup("Varsovie").name == "Warsaw"
    assert (gazetteer.lookup("Royaume-Uni").name, gazetteer.lookup("Royaume-Uni").kind) == (
        "United Kingdom", "country"
    )
    assert gazetteer.lookup("Vienne").name == "Vienna"
    assert gazetteer.lookup("Atlantis Prime") is None


def test_first_level_regions_resolve_with_french_names():
    for name in ("Floride", "Florida"):
        assert (gazetteer.lookup(name).name, gazetteer.lookup(name).kind,
                gazetteer.lookup(name).country) == ("Florida", "region", "US")
    assert gazetteer.lookup("Bavière").name == "Bayern"
    assert gazetteer.lookup("Andalousie").kind == "region"
    # A large city keeps its name; a word of news text is no region.
    assert gazetteer.lookup("Berlin").kind == "city"
    assert gazetteer.lookup("Genève").kind == "city"
    assert gazetteer.lookup("Unity") is None


def test_a_region_agrees_with_its_country_and_with_cities_of_that_country():
    from checker.facts.places import extract_places, same_place

    (florida,) = extract_places("Trump reçoit Zelensky en Floride.", "fr")
    (miami,) = extract_places("Trump receives Zelensky in Miami.", "en")
    (paris,) = extract_places("Les alliés se retrouvent à Paris.", "fr")
    (usa,) = extract_places("Zelensky se rend aux États-Unis.", "fr")
    assert florida.detail == "region"
    assert same_place(florida, miami) and same_place(florida, usa)
    assert not same_place(florida, paris)


def test_shipped_file_is_what_the_builder_makes(tmp_path):
    rebuilt = tmp_path / "gazetteer.sqlite"
    gazetteer.write_database(rebuilt, gazetteer.build_table())
    assert rebuilt.read_bytes() == gazetteer.shipped_path().read_bytes(), (
        "stale: run python -m checker.facts.gazetteer"
    )
