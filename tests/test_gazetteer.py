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


def test_shipped_file_is_what_the_builder_makes(tmp_path):
    rebuilt = tmp_path / "gazetteer.sqlite"
    gazetteer.write_database(rebuilt, gazetteer.build_table())
    assert rebuilt.read_bytes() == gazetteer.shipped_path().read_bytes(), (
        "stale: run python -m checker.facts.gazetteer"
    )
