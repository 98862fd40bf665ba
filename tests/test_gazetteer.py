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


def test_a_city_states_name_is_its_city_which_agrees_with_the_country():
    from checker.facts.places import same_place

    for name, country in (("Luxembourg", "LU"), ("Singapour", "SG"), ("Singapore", "SG"),
                          ("Monaco", "MC"), ("Hong Kong", "HK")):
        place = gazetteer.lookup(name)
        assert (place.kind, place.country) == ("city", country), name
    # A country whose capital has another name stays the country.
    assert gazetteer.lookup("Mexique").kind == gazetteer.lookup("Koweït").kind == "country"
    city, country = _mention("Luxembourg", "city", "LU"), _mention("Luxembourg", "country", "LU")
    assert same_place(city, country) and not same_place(city, _mention("Brussels", "city", "BE"))


def _mention(value: str, detail: str, country: str):
    from checker.facts.mention import Mention

    return Mention("place", value, 0, len(value), detail=detail, country=country)


def test_cities_know_where_they_are():
    from checker.facts.places import distance_km

    def position(name):
        place = gazetteer.lookup(name)
        return place.lat, place.lon

    assert distance_km(position("Paiporta"), position("Valence")) < 15
    assert 300 < distance_km(position("Lyon"), position("Paris")) < 450


def test_cities_know_their_first_level_region():
    assert gazetteer.lookup("Paiporta").area == gazetteer.lookup("Valence").area == "ES-60"
    assert gazetteer.lookup("Séville").area != gazetteer.lookup("Valence").area
    assert gazetteer.lookup("Miami").area == gazetteer.lookup("Floride").area == "US-FL"


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
    (texas,) = extract_places("Trump receives Zelensky in Texas.", "en")
    (bavaria,) = extract_places("Merz reçoit Zelensky en Bavière.", "fr")
    (berlin,) = extract_places("Merz receives Zelensky in Berlin.", "en")
    assert florida.detail == "region"
    assert same_place(florida, miami) and same_place(florida, usa)
    assert not same_place(florida, paris)
    # A US city's state is known; elsewhere a region agrees with any city of its country.
    assert not same_place(texas, miami)
    assert same_place(bavaria, berlin)


def test_shipped_file_is_what_the_builder_makes(tmp_path):
    rebuilt = tmp_path / "gazetteer.sqlite"
    gazetteer.write_database(rebuilt, gazetteer.build_table())
    assert rebuilt.read_bytes() == gazetteer.shipped_path().read_bytes(), (
        "stale: run python -m checker.facts.gazetteer"
    )


def test_continents_resolve_in_english_and_french_before_towns_of_their_names():
    for name, canonical in (("Asia", "Asia"), ("Asie", "Asia"), ("Afrique", "Africa"),
                            ("Europe", "Europe"), ("Amérique du Sud", "South America")):
        place = gazetteer.lookup(name)
        assert (place.name, place.kind) == (canonical, "continent"), name


def test_a_continent_is_read_but_is_no_place_fact_nor_a_name():
    from checker.facts.participants import extract_short_names
    from checker.facts.places import extract_places

    for text, lang in (("The bank sends aid to Africa and Asia from Paris.", "en"),
                       ("La banque envoie de l'aide vers l'Afrique et l'Asie depuis Paris.", "fr")):
        assert [m.value for m in extract_places(text, lang)] == ["Paris"]
        assert extract_short_names(text, lang, {}) == []
