"""Consistency rules on minimal pairs (consistent vs one fact changed), French and English,
and the seed brief, which must give no consistency error."""

from __future__ import annotations

import pytest

from checker import check_text
from checker.config import Config
from conftest import ROOT, line_of

FR = """Points Clés
- Les alliés rencontrent le président Volodymyr Zelensky à Paris le 6 janvier.
- Le sommet réunit les émissaires américains et européens.
- La guerre dure depuis près de quatre ans.
Résumé Rapide
Les alliés rencontrent le président Volodymyr Zelensky à Paris le mardi 6 janvier. Près de quatre ans après le début de la guerre, le sommet cherche un accord.
Le Sommet
Zelensky et les alliés se retrouvent à Paris le 6 janvier 2026 pour discuter de garanties, après près de quatre ans de guerre. La guerre a commencé le 24 février 2022.
Conclusion
La réunion du 6 janvier à Paris avec Zelensky est un test pour les alliés.
"""

EN = """Key Points
- Allied leaders meet President Volodymyr Zelensky in London on January 6.
- The two-day summit gathers European and American envoys.
- The war has lasted nearly four years.
Summary
Allied leaders meet President Volodymyr Zelensky in London on Tuesday, Jan. 6, for a two-day summit. Nearly four years after the war began, the summit seeks a deal.
The Summit
Zelensky and the allies gather in London on January 6 for two days of talks. The war began on February 24, 2022, nearly four years ago, and an earlier meeting took place in Rome in October.
Conclusion
The January 6 meeting in London with Zelensky is a test for the allies.
"""

MUTANTS = [
    ("C201", FR, "à Paris le 6 janvier 2026", "à Paris le 9 janvier 2026"),
    ("C202", FR, "La réunion du 6 janvier à Paris", "La réunion du 6 janvier à Lyon"),
    ("C203", FR, "Les alliés rencontrent le président Volodymyr Zelensky à Paris le mardi",
     "Les alliés rencontrent le président Petro Porochenko à Paris le mardi"),
    ("C204", FR, "Près de quatre ans après", "Près de six ans après"),
    ("C201", EN, "in London on January 6 for two days", "in London on January 8 for two days"),
    ("C202", EN, "The January 6 meeting in London", "The January 6 meeting in Madrid"),
    ("C203", EN, "Allied leaders meet President Volodymyr Zelensky in London on Tuesday",
     "Allied leaders meet President Petro Poroshenko in London on Tuesday"),
    ("C204", EN, "for a two-day summit", "for a three-day summit"),
]


def codes(text: str, select: str = "C2") -> list[str]:
    return [f.code for f in check_text(text, "brief.txt", "text", Config(select=(select,))).findings]


@pytest.mark.parametrize("text", [FR, EN], ids=["fr", "en"])
def test_consistent_brief_has_no_consistency_finding(text):
    assert codes(text) == []


@pytest.mark.parametrize(("code", "text", "old", "new"), MUTANTS)
def test_one_changed_fact_is_a_conflict(code, text, old, new):
    assert old in text
    assert codes(text.replace(old, new, 1), code) == [code]


@pytest.mark.parametrize(
    ("text", "old", "new", "expected"),
    [
        (FR, "La réunion du 6 janvier", "La réunion des 6 et 7 janvier", []),
        (FR, "La réunion du 6 janvier", "La réunion des 8 et 9 janvier", ["C201"]),
        (EN, "The January 6 meeting", "The January 5-6 meeting", []),
        (EN, "The January 6 meeting", "The January 7-8 meeting", ["C201"]),
    ],
)
def test_a_range_of_days_agrees_with_a_day_it_contains(text, old, new, expected):
    assert old in text
    assert codes(text.replace(old, new, 1), "C201") == expected


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("for a two-day summit", "for a three-day allied summit", ["C204"]),
        ("for a two-day summit", "for a two-day allied summit", []),
        ("for two days of talks.", "for two days of talks. Envoys want a 30-day ceasefire at the summit.", []),
    ],
)
def test_a_hyphenated_length_measures_the_compound_right_after_it(old, new, expected):
    assert old in EN
    assert codes(EN.replace(old, new, 1), "C204") == expected


def test_conflict_names_both_values_and_both_sections():
    report = check_text(FR.replace("La réunion du 6 janvier", "La réunion du 9 janvier"),
                        "brief.txt", "text", Config(select=("C201",)))
    (finding,) = report.findings
    assert finding.fact == "date" and finding.category == "consistency"
    assert "'9 janvier'" in finding.message and "'6 janvier'" in finding.message
    assert "Conclusion" in finding.message and finding.location.section == "conclusion"
    assert finding.related[0].text == "6 janvier" and finding.related[0].section != "conclusion"


def test_unsupported_key_fact_and_new_fact_in_conclusion():
    text = FR.replace("- La guerre dure depuis près de quatre ans.",
                      "- La guerre dure depuis près de quatre ans, selon l'ONU.")
    text = text.replace("un test pour les alliés.", "un test pour les alliés, avant Genève.")
    found = {(f.code, f.message.split("'")[1]) for f in
             check_text(text, "b.txt", "text", Config(select=("C21",))).findings}
    assert found == {("C211", "ONU"), ("C212", "Genève")}


@pytest.mark.parametrize("name", ["paris-summit.fr.txt", "paris-summit.fr.md", "nato-summit.en.txt"])
def test_samples_give_no_consistency_error(name):
    text = (ROOT / "samples" / name).read_text(encoding="utf-8")
    report = check_text(text, name)
    assert [f for f in report.findings if f.category == "consistency" and f.severity.value == "error"] == []


def test_report_lists_the_facts():
    text = (ROOT / "samples" / "paris-summit.fr.txt").read_text(encoding="utf-8")
    facts = check_text(text, "paris-summit.fr.txt").facts
    first_date = next(f for f in facts if f.kind == "date")
    assert first_date.model_dump() == {"kind": "date", "value": "--01-06", "text": "6 janvier",
                                       "section": "key_points", "line": 2, "column": 132}


# Headline facts: the event's date, place and duration restated with another value in a
# sentence that is no paraphrase of the headline but is about the event.
HEADLINE_EN = """Key Points
- The central bank holds its rate meeting in Frankfurt on Thursday, January 29.
- Inflation has stayed close to target for eight months.
- President Christine Lagarde is expected to hold rates.
Summary
Policymakers meet in Frankfurt on January 29, and markets expect no change. Christine Lagarde says inflation held near target for eight months.
Markets
Traders in London and New York price a small chance of a move. Lagarde's words at the meeting on January 29 could change that view. The last cut came on June 5, 2025, in Frankfurt.
Conclusion
The January 29 decision in Frankfurt is likely to be a pause for Christine Lagarde.
"""

HEADLINE_FR = """Points Clés
- Les ministres de l'OTAN se réunissent à Bruxelles le jeudi 5 février.
- Le secrétaire général Mark Rutte veut plus de munitions.
- La réunion dure deux jours.
Résumé Rapide
Les ministres se retrouvent à Bruxelles le 5 février pour deux jours de discussions avec Mark Rutte.
Les Budgets
Plusieurs pays, dont l'Espagne, jugent l'objectif irréaliste. Les deux jours de réunion à Bruxelles doivent vérifier les plans. Le sommet précédent s'est tenu à La Haye en juin 2025.
Conclusion
La réunion du 5 février montrera si les alliés suivent Mark Rutte. À Bruxelles, l'OTAN veut prouver ses engagements.
"""

HEADLINE_MUTANTS = [
    ("C201", HEADLINE_EN, "rate meeting in Frankfurt on Thursday, January 29", "rate meeting in Frankfurt on Thursday, January 22"),
    ("C202", HEADLINE_EN, "The January 29 decision in Frankfurt", "The January 29 decision in Milan"),
    ("C201", HEADLINE_EN, "at the meeting on January 29", "at the meeting on January 30"),
    ("C202", HEADLINE_FR, "Les deux jours de réunion à Bruxelles", "Les deux jours de réunion à Vienne"),
    ("C201", HEADLINE_FR, "La réunion du 5 février", "La réunion du 12 février"),
    ("C204", HEADLINE_FR, "La réunion dure deux jours", "La réunion dure trois jours"),
]


@pytest.mark.parametrize("text", [HEADLINE_EN, HEADLINE_FR], ids=["en", "fr"])
def test_headline_facts_with_background_and_passing_places_are_consistent(text):
    # "Traders in London", "the last cut … in 2025", "le sommet précédent … à La Haye",
    # "dont l'Espagne": background and passing places, no conflict.
    assert [c for c in codes(text) if c in ("C201", "C202", "C203", "C204")] == []


@pytest.mark.parametrize(("code", "text", "old", "new"), HEADLINE_MUTANTS)
def test_headline_fact_restated_otherwise_is_a_conflict(code, text, old, new):
    assert old in text
    findings = check_text(text.replace(old, new), "brief.txt", "text", Config(select=("C2",))).findings
    errors = [f for f in findings if f.severity == "error"]
    assert [f.code for f in errors] == [code]
    line = line_of(text.replace(old, new), new)
    assert line in (errors[0].location.line, *(r.line for r in errors[0].related))
    assert errors[0].related and errors[0].related[0].section != errors[0].location.section


# Sentences about other events (a date, place or length of their own), set in the body of
# the consistent briefs above: no conflict, however many event words they share.
OTHER_EVENTS = [
    (EN, "Foreign ministers met in Rome on December 12 to prepare the summit."),
    (EN, "The summit will be followed by a meeting in Berlin on January 20."),
    (EN, "Envoys held preparatory talks in Geneva on December 28."),
    (EN, "Zelensky will then fly to Berlin on January 8 for talks with the chancellor."),
    (EN, "A one-day meeting of defence ministers took place on December 15."),
    (EN, "Zelensky met Trump in Florida on December 28 ahead of the summit."),
    (EN, "The summit comes a week after talks in Miami on December 30."),
    (FR, "Les ministres s'étaient réunis à Rome le 12 décembre pour préparer le sommet."),
    (FR, "Un nouveau sommet est prévu à Berlin le 20 janvier."),
    (FR, "Zelensky se rendra ensuite à Berlin le 8 janvier pour des discussions avec le chancelier."),
    (FR, "Une réunion d'une journée des ministres de la Défense a eu lieu le 15 décembre."),
    # Other occasions named by an event noun that does not govern the fact.
    (EN, "The summit's agenda was set on December 20."),
    (EN, "Talks resume on January 15 if no deal is reached."),
    (EN, "A follow-up meeting is planned in Brussels."),
    (FR, "L'ordre du jour du sommet a été fixé le 20 décembre."),
    (FR, "Une réunion de suivi est prévue à Bruxelles."),
    # A length of something else than the event's length: another noun, not another amount.
    (EN, "The summit seeks a 30-day ceasefire along the front line."),
    (EN, "Envoys want talks on a 90-day truce."),
    (FR, "Le sommet cherche un cessez-le-feu de 30 jours."),
    (FR, "Les discussions portent sur une trêve de trois jours."),
    # "Floride" is a region of the gazetteer: the sentence's own place, abroad.
    (FR, "Zelensky a rencontré Trump en Floride le 28 décembre, en amont du sommet."),
    (EN, "Zelensky met Trump in Florida on December 28 ahead of the summit."),
]


@pytest.mark.parametrize(("text", "sentence"), OTHER_EVENTS)
def test_statement_of_another_event_is_no_conflict(text, sentence):
    heading = "\nThe Summit\n" if text is EN else "\nLe Sommet\n"
    head, rest = text.split(heading)
    body, conclusion = rest.split("\nConclusion\n")
    brief = f"{head}{heading}{body} {sentence}\nConclusion\n{conclusion}"
    errors = [f for f in check_text(brief, "brief.txt", "text", Config(select=("C2",))).findings
              if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize(("text", "sentence"), [
    (EN, "President Emmanuel Macron also meets the allied leaders in London."),
    (EN, "Allied leaders also meet Emmanuel Macron on January 6."),
    (FR, "Le président Emmanuel Macron rencontre aussi les alliés à Paris."),
    (FR, "Les alliés rencontrent ensuite le chancelier Friedrich Merz."),
])
def test_one_more_participant_is_no_conflict(text, sentence):
    heading = "\nThe Summit\n" if text is EN else "\nLe Sommet\n"
    head, rest = text.split(heading)
    body, conclusion = rest.split("\nConclusion\n")
    brief = f"{head}{heading}{body} {sentence}\nConclusion\n{conclusion}"
    assert [f.code for f in check_text(brief, "brief.txt", "text", Config(select=("C203",))).findings] == []


def _with_body_sentence(text: str, sentence: str) -> str:
    heading = "\nThe Summit\n" if text is EN else "\nLe Sommet\n"
    head, rest = text.split(heading)
    body, conclusion = rest.split("\nConclusion\n")
    return f"{head}{heading}{body} {sentence}\nConclusion\n{conclusion}"


# Passing places and the story's other scenes: no conflict.
PASSING_PLACES = [
    (EN, "Protests were also held in Manchester."),
    (EN, "Fighting continues near Pokrovsk, in eastern Ukraine."),
    (EN, "Russian forces advanced near Pokrovsk overnight."),
    (EN, "Traders in Frankfurt and New York expect little change."),
    (EN, "The company, based in Manchester, makes the drones."),
    (EN, "In Kyiv, air raid sirens sounded during the night."),
    (EN, "Zelensky flew in from Kyiv on Monday."),
    (FR, "Des manifestations ont aussi eu lieu à Lyon."),
    (FR, "Les combats se poursuivent près de Pokrovsk, dans l'est de l'Ukraine."),
    (FR, "À Kiev, les sirènes ont retenti pendant la nuit."),
    (FR, "L'entreprise, basée à Lyon, fabrique les drones."),
    (FR, "Zelensky est arrivé de Kiev lundi."),
    (FR, "Les forces russes avancent près de Pokrovsk."),
    (EN, "Russian forces advanced north of Kharkiv."),
    (FR, "Les forces russes avancent au nord de Kharkiv."),
]


@pytest.mark.parametrize(("text", "sentence"), PASSING_PLACES)
def test_passing_place_is_no_conflict(text, sentence):
    errors = [f for f in check_text(_with_body_sentence(text, sentence), "brief.txt", "text",
                                    Config(select=("C2",))).findings if f.severity == "error"]
    assert errors == []


def test_length_of_this_event_in_a_sentence_about_another_conflicts():
    # "Cette rencontre d'une journée" is the event's length even in a sentence that also
    # tells of an earlier visit (its own date and place).
    text = (
        "Points Clés\n- Keir Starmer reçoit les dirigeants à Londres le dimanche 2 mars.\n"
        "- La réunion porte sur la sécurité de l'Europe.\n- Les pourparlers doivent durer trois jours.\n"
        "Résumé Rapide\nKeir Starmer accueille à Londres le 2 mars une réunion des dirigeants. "
        "Cette rencontre d'une journée intervient après une visite de Zelensky à Washington, le 28 février.\n"
        "Les Enjeux\nKeir Starmer veut un plan commun à Londres le 2 mars.\n"
        "Conclusion\nLa réunion du 2 mars à Londres est un test pour Keir Starmer.\n"
    )
    errors = check_text(text, "brief.txt", "text", Config(select=("C204",))).findings
    assert [f.code for f in errors] == ["C204"]
    assert {"trois jours", "une journée"} <= {errors[0].message.split("'")[1], errors[0].related[0].text}


@pytest.mark.parametrize("city, errors", [("Luxembourg", []), ("Bruxelles", ["C202"])])
def test_a_city_state_is_the_events_city(city, errors):
    """"à Luxembourg" is the city (a city-state's name): another city in the headline is a
    conflict; the same city is not."""
    text = (f"Points Clés\n- Gilles Roth accueille l'Eurogroupe à {city} le lundi 16 juin.\n"
            "- La réunion dure une journée.\nRésumé\nGilles Roth reçoit ses homologues à "
            "Luxembourg le 16 juin pour une journée de discussions.\nLa Table\nGilles Roth veut "
            "un accord sur les règles budgétaires.\nConclusion\nLa réunion de Luxembourg, le "
            "16 juin, dira si Gilles Roth rapproche les deux camps.\n")
    assert [f.code for f in _errors(text)] == errors


def _length_brief(key_point: str, summary: str, lang: str) -> str:
    if lang == "fr":
        return (f"Points Clés\n- Annie Genevard réunit ses homologues à Bruxelles le 26 janvier.\n"
                f"- {key_point}\nRésumé Rapide\nAnnie Genevard porte à Bruxelles le 26 janvier la "
                f"demande française. {summary}\nLe Budget\nAnnie Genevard veut un budget "
                "agricole protégé.\nConclusion\nLa réunion de Bruxelles dira si Annie Genevard "
                "convainc ses alliés.\n")
    return (f"Key Points\n- Annie Genevard meets her counterparts in Brussels on January 26.\n"
            f"- {key_point}\nSummary\nAnnie Genevard brings to Brussels on January 26 the French "
            f"demand. {summary}\nThe Budget\nAnnie Genevard wants a protected farm budget.\n"
            "Conclusion\nThe Brussels meeting will show whether Annie Genevard convinces her allies.\n")


@pytest.mark.parametrize("lang, key_point, summary", [
    ("fr", "Les discussions doivent durer {n} jours.",
     "Christophe Hansen défend pendant ces deux jours une simplification des aides."),
    ("en", "The talks are due to last {n} days.",
     "Christophe Hansen defends over these two days a simpler scheme."),
])
def test_a_length_said_with_these_is_the_events_length(lang, key_point, summary):
    """"pendant ces deux jours" refers to the event the brief has introduced: set against the
    talks' length in Key Points, a different amount is a conflict; the same one is not."""
    three = "trois" if lang == "fr" else "three"
    two = "deux" if lang == "fr" else "two"
    assert _errors(_length_brief(key_point.format(n=two), summary, lang)) == []
    errors = _errors(_length_brief(key_point.format(n=three), summary, lang))
    assert [f.code for f in errors] == ["C204"]


@pytest.mark.parametrize("lang, key_point, summary", [
    ("fr", "La réunion, présidée par Paschal Donohoe, dure {n}.",
     "Les ministres se retrouvent pour une journée de discussions."),
    ("en", "The meeting, chaired by Paschal Donohoe, lasts {n}.",
     "Ministers gather for one day of talks."),
])
def test_a_length_whose_subject_is_the_event_sets_against_another_once_stated(
        lang, key_point, summary):
    """The event as the subject of a Key Point's length ("La réunion … dure une journée")
    makes it the event's length, even with the event noun far from it."""
    one, two = ("une journée", "deux journées") if lang == "fr" else ("one day", "two days")
    assert _errors(_length_brief(key_point.format(n=one), summary, lang)) == []
    errors = _errors(_length_brief(key_point.format(n=two), summary, lang))
    assert [f.code for f in errors] == ["C204"]


@pytest.mark.parametrize("lang, summary", [
    ("fr", "Les agriculteurs ont manifesté pendant ces deux jours de travaux des champs."),
    ("fr", "Christophe Hansen défend pendant deux jours une simplification des aides."),
    ("en", "Farmers protested over these two days of rain."),
])
def test_a_length_of_another_thing_or_without_these_is_no_conflict(lang, summary):
    key_point = ("Les discussions doivent durer trois jours." if lang == "fr"
                 else "The talks are due to last three days.")
    assert _errors(_length_brief(key_point, summary, lang)) == []


def _speed_corpus():
    import importlib.util

    spec = importlib.util.spec_from_file_location("speed_corpus", ROOT / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_generated_long_briefs_give_no_conflict(lang):
    # "The last meeting of this kind took place in Geneva in September": the generator used
    # to draw a new place and month for it in every paragraph, so long briefs contradicted
    # themselves; it is now one fact per brief, and background to the event's own facts.
    import random

    corpus = _speed_corpus()
    for seed in range(4):
        text = corpus.brief(random.Random(seed), lang, body_sections=12, paragraphs_per_section=5)
        errors = [f for f in check_text(text, f"b.{lang}.txt", "text", Config(select=("C2",))).findings
                  if f.severity == "error"]
        assert errors == []


def test_one_past_occasion_told_with_two_places_is_a_conflict():
    # Why the generated briefs were flagged: that is a real contradiction.
    text = _with_body_sentence(EN, "Observers note that the last meeting of this kind took place in Rome in July.")
    text = text.replace("is a test for the allies.",
                        "is a test for the allies. Observers note that the last meeting of this kind took place in Madrid in July.")
    assert [f.code for f in check_text(text, "b.txt", "text", Config(select=("C2",))).findings
            if f.severity == "error"] == ["C202"]


def _with_summary_sentence(text: str, sentence: str) -> str:
    marker = "Summary\n" if text is EN else "Résumé Rapide\n"
    head, rest = text.split(marker)
    return f"{head}{marker}{sentence} {rest}"


@pytest.mark.parametrize(("text", "sentence"), [
    # A date with a year the event's date lacks: another time ("adopted … in June 2023").
    (EN, "The treaty was adopted in New York in June 2023 but still lacks ratifications."),
    (FR, "Le traité a été signé à Rome en novembre 2021."),
    # A time frame of something else than the event's people.
    (EN, "For three days, Russian drones have hit the power grid."),
    (FR, "Depuis trois ans, les alliés financent l'armée ukrainienne."),
    # A gap from the event to something else, and the length of another thing.
    (EN, "The summit comes three days after a drone attack on Kyiv."),
    (EN, "Envoys want a ceasefire of three days before the summit."),
])
def test_summary_sentence_about_another_time_or_thing_is_no_conflict(text, sentence):
    errors = [f for f in check_text(_with_summary_sentence(text, sentence), "b.txt", "text",
                                    Config(select=("C2",))).findings if f.severity == "error"]
    assert errors == []


ROME = """Points Clés
- Giorgia Meloni reçoit Emmanuel Macron à Rome le jeudi 9 avril.
- Les deux dirigeants doivent parler des migrations et de la défense.
- La visite doit durer deux jours.
Résumé Rapide
Emmanuel Macron est attendu à Rome le 9 avril pour deux jours d'entretiens avec Giorgia Meloni.
Les Frontières
Meloni veut que la France reprenne davantage de demandeurs d'asile.
Conclusion
La visite du 9 avril à Rome dira si Macron et Meloni peuvent s'entendre. En deux jours, ils espèrent signer une déclaration.
"""


@pytest.mark.parametrize(("old", "new"), [
    ("La visite doit durer deux jours", "La visite doit durer trois jours"),  # the event as subject
    ("pour deux jours d'entretiens", "pour trois jours d'entretiens"),  # an event noun it measures
])
def test_length_restated_in_a_headline_section_is_a_duration_conflict(old, new):
    assert [c for c in codes(ROME) if c.startswith("C20")] == []
    errors = check_text(ROME.replace(old, new), "b.txt", "text", Config(select=("C204",))).findings
    assert [f.code for f in errors] == ["C204"]


def test_mutants_of_html_and_json_briefs_are_valid_briefs():
    import json
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
    from mutate import labels, mutants_of

    paths = [p for p in labels() if p.endswith((".html", ".json"))]
    assert {p.rsplit(".", 2)[-2:][0] + "." + p.rsplit(".", 1)[1] for p in paths} >= {
        "en.html", "fr.html", "en.json", "fr.json"}
    for path in paths:
        text = (ROOT / path).read_text(encoding="utf-8")
        mutants = mutants_of(path, text, labels()[path])  # raises on a broken document
        assert {m.kind for m in mutants} == {"date", "place", "participant", "duration"}
        for m in mutants:
            assert m.text != text and m.replacement in m.text
            if path.endswith(".json"):
                assert json.loads(m.text)["lang"] in ("en", "fr")


@pytest.mark.parametrize(("text", "sentence", "code"), [
    (EN, "Zelensky says the Madrid meeting must end with a deal.", "C202"),
    (EN, "The summit that opens on January 9 will test the allies.", "C201"),
])
def test_event_noun_qualified_by_its_place_or_date_is_the_event(text, sentence, code):
    errors = [f for f in check_text(_with_body_sentence(text, sentence), "b.txt", "text",
                                    Config(select=("C2",))).findings if f.severity == "error"]
    assert [f.code for f in errors] == [code]


@pytest.mark.parametrize(("text", "sentence"), [
    (EN, "The Geneva talks of 2023 failed."),
    (EN, "A Berlin conference is planned for March."),
    (EN, "The talks that followed in Istanbul went nowhere."),
    (FR, "La conférence qui s'est tenue à Rome a échoué."),
])
def test_another_occasion_named_with_its_place_is_no_conflict(text, sentence):
    errors = [f for f in check_text(_with_body_sentence(text, sentence), "b.txt", "text",
                                    Config(select=("C2",))).findings if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize(("text", "sentence"), [
    (EN, "In Kyiv, air raid sirens sounded during the night."),
    (EN, "Russian forces advanced near Pokrovsk."),
    (EN, "Protests were held in Berlin against the war."),
    (EN, "Markets in New York rose on the news."),
    (FR, "À Kiev, les sirènes ont retenti pendant la nuit."),
    (FR, "Des manifestations ont eu lieu à Berlin contre la guerre."),
    (FR, "Les combats se poursuivent à Pokrovsk."),
])
def test_other_scene_abroad_in_the_summary_is_no_conflict(text, sentence):
    errors = [f for f in check_text(_with_summary_sentence(text, sentence), "b.txt", "text",
                                    Config(select=("C2",))).findings if f.severity == "error"]
    assert errors == []


def test_city_in_a_brief_with_other_regions_of_the_country_is_another_scene():
    # "evacuated in Manitoba and Saskatchewan": "housing evacuees in Winnipeg" is one of
    # the story's scenes, not the place of the meeting in Ottawa.
    text = (ROOT / "benchmarks/accuracy/corpus/ottawa-wildfires.en.md").read_text(encoding="utf-8")
    assert "in Winnipeg" in text and "in Manitoba" in text
    assert [f.code for f in check_text(text, "o.md", None, Config(select=("C202",))).findings] == []


# A stranger in a headline participant's place (checker/rules/people.py): a brief whose
# body introduces a quoted expert (role, apposition, then surname), a former office holder,
# and nouns that open sentences.
PEOPLE_EN = """Key Points
- Finance ministers meet in Vienna on March 3 to discuss a levy on bank profits.
- Finance Minister Anna Berger leads the talks.
- The meeting lasts one day.
Summary
Ministers gather in Vienna on March 3 for one day of talks on the levy. Anna Berger wants a deal before the summer.
The Levy
Berger has said the levy must raise at least two billion euros. Economist Paul Winter, of the Institute for Advanced Studies, said the figure is too high. Winter expects a smaller deal. Former finance minister Lukas Brandt had proposed a similar levy in 2019. Inflation has stayed above target, and European banks report record profits.
Conclusion
The March 3 meeting in Vienna is a test for Anna Berger. The European Commission will also review the plan.
"""

PEOPLE_FR = """Points Clés
- Les ministres des Finances se réunissent à Vienne le 3 mars pour discuter d'une taxe sur les banques.
- La ministre des Finances Anna Berger mène les discussions.
- La réunion dure une journée.
Résumé Rapide
Les ministres se retrouvent à Vienne le 3 mars pour une journée de discussions sur la taxe. Anna Berger veut un accord avant l'été.
La Taxe
Berger a affirmé que la taxe doit rapporter au moins deux milliards d'euros. Selon l'économiste Paul Winter, de l'Institut des hautes études, le chiffre est trop élevé. Winter s'attend à un accord plus modeste. L'ancien ministre Lukas Brandt avait proposé une taxe proche en 2019. L'inflation reste au-dessus de la cible.
Conclusion
La réunion du 3 mars à Vienne est un test pour Anna Berger. La Commission européenne examinera aussi le plan.
"""


def _errors(text: str):
    return [f for f in check_text(text, "b.txt", "text", Config(select=("C2",))).findings
            if f.severity == "error"]


@pytest.mark.parametrize("text", [PEOPLE_EN, PEOPLE_FR], ids=["en", "fr"])
def test_secondary_people_former_holders_and_nouns_are_no_conflict(text):
    assert _errors(text) == []


@pytest.mark.parametrize(("text", "sentence"), [
    (PEOPLE_EN, "Analyst Maria Lambert said the levy is fair."),  # a role
    (PEOPLE_EN, "Maria Lambert, a banker in Vienna, said the levy is fair."),  # apposition
    (PEOPLE_EN, "Maria Lambert also attends the talks."),  # one more participant
    (PEOPLE_EN, "Former president Maria Lambert said the levy is fair."),  # a past holder
    (PEOPLE_EN, "The Austrian Red Cross has warned of cuts."),  # a thing, after an article
    (PEOPLE_EN, "Trade has slowed since the spring."),  # a noun opening its sentence
    (PEOPLE_FR, "Le sociologue Hugo Lambert juge la taxe utile."),
    (PEOPLE_FR, "Hugo Lambert, banquier à Vienne, juge la taxe utile."),
    (PEOPLE_FR, "Hugo Lambert participe aussi aux discussions."),
    (PEOPLE_FR, "L'ancienne ministre Maria Lambert avait proposé une taxe."),
    (PEOPLE_FR, "La Croix-Rouge autrichienne a demandé une aide."),
    # Someone's government, a company in passing, a person the body presents as an economist.
    (PEOPLE_FR, "En 2021, le gouvernement de Marc Dupont avait conclu un contrat avec Naval Group pour rejoindre l'alliance."),
    (PEOPLE_EN, "The plan is based on a report by the French economist Gabriel Zucman. Zucman has said that the rich pay less tax."),
    (PEOPLE_EN, "The state visit of Prime Minister Mark Dupont is not planned."),
    (PEOPLE_EN, "Moody's will publish its own assessment in June."),  # a name ending in 's
    (PEOPLE_FR, "Viktor Orbán avait adopté une taxe semblable en Hongrie dès 2010."),  # another time
])
def test_introduced_added_or_former_people_are_no_participant_conflict(text, sentence):
    head, rest = text.split("\nConclusion\n")
    assert _errors(f"{head} {sentence}\nConclusion\n{rest}") == []


def test_two_of_the_briefs_own_people_in_aligned_sentences_are_no_conflict():
    # Both are named in two sections or more: aligned sentences name different subsets of
    # the brief's people ("Isabel Rodríguez dévoile le 7 avril à Madrid…" / "Le plan présenté
    # le 7 avril à Madrid engage Pedro Sánchez": was a false C203).
    text = PEOPLE_EN.replace("Ministers gather in Vienna on March 3 for one day",
                             "Anna Berger hosts ministers in Vienna on March 3 for one day")
    text = text.replace("is a test for Anna Berger.", "is a test of Paul Winter's forecast.")
    assert _errors(text) == []


@pytest.mark.parametrize(("text", "old", "new"), [
    # A Conclusion that leaves the minister out names someone in another role.
    (PEOPLE_EN, "is a test for Anna Berger.",
     "is a test for the ministers. Opposition leader Maria Lambert has vowed to fight the levy."),
    (PEOPLE_EN, "is a test for Anna Berger.", "is a test for the ministers. Moody's will publish its view."),
])
def test_someone_in_another_role_in_a_restating_section_is_no_conflict(text, old, new):
    assert old in text
    assert _errors(text.replace(old, new)) == []


@pytest.mark.parametrize(("text", "sentence", "old", "new"), [
    (FR, "Les alliés rencontrent le président Volodymyr Zelensky à Paris le 6 janvier.",
     "Volodymyr Zelensky à Paris le 6 janvier.", "Petro Porochenko à Paris le 6 janvier."),
    (EN, "Allied leaders meet President Volodymyr Zelensky in London on January 6.",
     "Volodymyr Zelensky in London on January 6.", "Petro Poroshenko in London on January 6."),
])
def test_object_of_a_body_sentence_aligned_with_a_key_point_is_compared(text, sentence, old, new):
    # A paraphrase gives both names the same part: the body's person need not be the subject,
    # and the title both share is no role that presents a newcomer.
    head, rest = text.split("\nConclusion\n")
    consistent = f"{head} {sentence}\nConclusion\n{rest}"
    assert _errors(consistent) == []
    before, _, after = consistent.rpartition(sentence)  # the body's copy, not the Key Point
    mutated = before + sentence.replace(old, new) + after
    line = line_of(mutated, new)
    assert [(e.code, e.location.line) for e in _errors(mutated)] == [("C203", line)]


@pytest.mark.parametrize(("text", "sentence"), [
    (FR, "Les alliés rencontrent l'économiste Paul Winter à Paris le 6 janvier."),
    (EN, "Allied leaders meet the economist Paul Winter in London on January 6."),
])
def test_someone_with_a_role_in_an_aligned_body_sentence_is_no_conflict(text, sentence):
    head, rest = text.split("\nConclusion\n")
    assert _errors(f"{head} {sentence}\nConclusion\n{rest}") == []


@pytest.mark.parametrize(("text", "sentence"), [
    (PEOPLE_EN, "Economist Karen Young, of Columbia University, said the figure is high. "
                "Young expects a smaller deal."),
    (PEOPLE_FR, "Selon l'économiste Karen Young, de l'université Columbia, le chiffre est "
                "élevé. Young s'attend à un accord plus modeste."),
    (PEOPLE_EN, "Berlin has said it will not pay."),  # a capital speaks for its government
    (PEOPLE_FR, "Berlin a fait savoir qu'il ne paierait pas."),
])
def test_a_quoted_expert_named_like_a_town_and_a_capital_speaking_are_no_conflict(text, sentence):
    head, rest = text.split("\nConclusion\n")
    assert _errors(f"{head} {sentence}\nConclusion\n{rest}") == []


ORG_FR = """Points Clés
- Les dirigeants de la Communauté politique européenne se réunissent à Tirana le 16 mai.
- Le sommet porte sur la sécurité du continent.
- La réunion dure une journée.
Résumé Rapide
La Communauté politique européenne tient son sommet à Tirana le 16 mai, pour une journée de discussions sur la sécurité.
Le Sommet
Le sommet de la Communauté politique européenne réunit une quarantaine de pays à Tirana. La Cour des comptes européenne a publié la veille un rapport sur les dépenses de défense.
Conclusion
La réunion du 16 mai à Tirana montrera si la Communauté politique européenne peut parler d'une seule voix.
"""

ORG_EN = """Key Points
- NATO leaders meet in The Hague on June 24.
- The summit focuses on defence spending.
- The meeting lasts one day.
Summary
NATO holds its summit in The Hague on June 24 for one day of talks on spending.
The Summit
The NATO summit gathers 32 allies in The Hague. The World Bank published a report on growth the day before.
Conclusion
The June 24 meeting in The Hague will show whether NATO can speak with one voice.
"""


@pytest.mark.parametrize(("text", "sentence"), [
    (ORG_FR, "La Commission critique le plan et la Banque mondiale explique que les fonds "
             "manquent."),
    (ORG_FR, "Fonds de pension et banques hésitent à financer les usines d'armement."),
    (ORG_FR, "Le Conseil de sécurité des Nations unies se réunira en juin à New York."),
    (ORG_EN, "The Council of Europe will publish its own report in June."),
])
def test_other_bodies_named_in_passing_in_the_body_are_no_conflict(text, sentence):
    head, rest = text.split("\nConclusion\n")
    assert _errors(f"{head} {sentence}\nConclusion\n{rest}") == []


# The Conclusion joins a second person to the minister ("Anna Berger and Karl Huber"); the
# Summary and the body name him too. However few sections name him, he shares the event.
PARTNER = {
    "en": (PEOPLE_EN.replace("a deal before the summer.", "a deal before the summer. Deputy "
                             "Minister Karl Huber will present the figures.")
           .replace("two billion euros.", "two billion euros. Huber agrees.")
           .replace("a test for Anna Berger.", "a test for Anna Berger and Karl Huber.")),
    "fr": (PEOPLE_FR.replace("un accord avant l'été.", "un accord avant l'été. Le "
                             "commissaire Karl Huber présentera les chiffres.")
           .replace("milliards d'euros.", "milliards d'euros. Huber est d'accord.")
           .replace("un test pour Anna Berger.", "un test pour Anna Berger et Karl Huber.")),
}


@pytest.mark.parametrize(("lang", "old", "new"), [
    # Someone the Summary presents with a role, or who also attends, is nobody's stand-in.
    ("en", "Deputy Minister Karl Huber will present the figures.",
     "Economist Eva Roth calls the figures optimistic."),
    ("en", "Deputy Minister Karl Huber will present the figures.",
     "Deputy Minister Otto Graf will also attend."),
    ("fr", "Le commissaire Karl Huber présentera les chiffres.",
     "L'économiste Eva Roth juge les chiffres optimistes."),
    ("fr", "Le commissaire Karl Huber présentera les chiffres.",
     "Le commissaire Otto Graf participe aussi à la réunion."),
    # Joined to no headline person: two people in passing ("Winter and Karl Huber").
    ("en", "a test for Anna Berger and Karl Huber.",
     "a test for Anna Berger. Paul Winter and Karl Huber doubt it."),
])
def test_someone_else_beside_a_person_joined_to_a_headline_person_is_no_conflict(lang, old, new):
    assert old in PARTNER[lang]
    assert _errors(PARTNER[lang].replace(old, new)) == []


BANK_FR = """Points Clés
- L'assemblée annuelle de la Banque mondiale s'ouvre à Marrakech le 9 octobre.
- Le président de la banque, Ajay Banga, présente un plan pour le climat.
- La réunion dure trois jours.
Résumé Rapide
Ajay Banga ouvre à Marrakech le 9 octobre trois jours de débats sur la dette.
Le Plan
Ajay Banga veut doubler les prêts aux pays pauvres. Selon l'économiste Paul Winter, le plan est trop modeste.
Conclusion
Les trois jours de Marrakech, ouverts le 9 octobre, diront si Ajay Banga peut convaincre les actionnaires.
"""

BANK_EN = """Key Points
- The World Bank's annual meeting opens in Marrakech on October 9.
- The bank's president, Ajay Banga, presents a climate plan.
- The meeting lasts three days.
Summary
Ajay Banga opens three days of talks on debt in Marrakech on October 9.
The Plan
Ajay Banga wants to double lending to poor countries. Economist Paul Winter says the plan is too modest.
Conclusion
The three days in Marrakech from October 9 will show whether Ajay Banga can win over shareholders.
"""


@pytest.mark.parametrize(("text", "old", "new"), [
    # Another body's head, by name or by kind, set off by commas: someone presented.
    (BANK_EN, "The bank's president, Ajay Banga, presents a climate plan.",
     "The central bank's governor, Abdellatif Jouahri, welcomes the delegations."),
    (BANK_EN, "The bank's president, Ajay Banga, presents a climate plan.",
     "The president of the IMF, Kristalina Georgieva, presents a debt plan."),
    (BANK_FR, "Le président de la banque, Ajay Banga, présente un plan pour le climat.",
     "Le gouverneur de la banque centrale du Maroc, Abdellatif Jouahri, accueille les "
     "délégations."),
    (BANK_FR, "Le président de la banque, Ajay Banga, présente un plan pour le climat.",
     "Le président de la fédération, Jean Dupont, accueille les délégations."),
])
def test_another_bodys_head_set_off_by_commas_is_no_conflict(text, old, new):
    assert old in text
    assert _errors(text.replace(old, new)) == []


TENURE_EN = """Key Points
- NATO leaders meet in The Hague on June 24 for a summit chaired by Secretary General Mark Rutte.
- The summit is the first under Rutte, who took office eight months ago.
Summary
NATO leaders gather in The Hague on June 24. The meeting comes eight months into Rutte's tenure.
The Agenda
Allies discuss a new spending target. Mark Rutte wants a short statement.
Conclusion
The Hague summit on June 24 will show whether Mark Rutte can unite the allies.
"""

TENURE_FR = """Points Clés
- Les dirigeants de l'OTAN se réunissent à La Haye le 24 juin pour un sommet présidé par le secrétaire général Mark Rutte.
- Le sommet est le premier sous Rutte, entré en fonction il y a huit mois.
Résumé Rapide
Les dirigeants de l'OTAN se retrouvent à La Haye le 24 juin. La réunion arrive après huit mois de mandat de Rutte.
L'Agenda
Les alliés discutent d'un nouvel objectif de dépenses. Mark Rutte veut une déclaration courte.
Conclusion
Le sommet du 24 juin à La Haye dira si Mark Rutte peut unir les alliés.
"""


@pytest.mark.parametrize(("text", "old", "new"), [
    # A former holder, or a noun opening its sentence, sharing the detail is no stand-in.
    (TENURE_EN, "The summit is the first under Rutte, who took office eight months ago.",
     "Former secretary general Jens Stoltenberg left office eight months ago."),
    (TENURE_EN, "The summit is the first under Rutte, who took office eight months ago.",
     "Turnout has fallen for eight months."),
    (TENURE_FR, "Le sommet est le premier sous Rutte, entré en fonction il y a huit mois.",
     "L'ancien secrétaire général Jens Stoltenberg a quitté ses fonctions il y a huit mois."),
    # Someone who also attends.
    (TENURE_EN, "The summit is the first under Rutte, who took office eight months ago.",
     "Finnish President Alexander Stubb, elected eight months ago, will also attend."),
])
def test_someone_else_sharing_a_detail_is_no_conflict(text, old, new):
    assert old in text
    assert _errors(text.replace(old, new)) == []


# The host country's minister as well: Key Points, Summary (presented by her country), body.
DELEGATE_FR = (BANK_FR
               .replace("- La réunion dure", "- La ministre marocaine de l'Économie Nadia Fettah "
                        "accueille les délégations.\n- La réunion dure")
               .replace("sur la dette.", "sur la dette. Nadia Fettah, dont le pays accueille "
                        "l'assemblée, plaide pour des prêts en monnaie locale.")
               .replace("aux pays pauvres.", "aux pays pauvres. Nadia Fettah juge les agences "
                        "de notation trop sévères."))
DELEGATE_EN = (BANK_EN
               .replace("- The meeting lasts", "- Moroccan Economy Minister Nadia Fettah welcomes "
                        "the delegations.\n- The meeting lasts")
               .replace("on October 9.\nThe Plan", "on October 9. Nadia Fettah, whose country "
                        "hosts the meeting, argues for loans in local currency.\nThe Plan")
               .replace("to poor countries.", "to poor countries. Nadia Fettah says rating "
                        "agencies are too harsh."))


@pytest.mark.parametrize(("text", "old", "new"), [
    # Another relative clause still presents a newcomer.
    (DELEGATE_EN, "Nadia Fettah, whose country hosts the meeting,",
     "Maria Lambert, whose bank lends most to the region,"),
    (DELEGATE_EN, "Nadia Fettah, whose country hosts the meeting,",
     "Fouzi Lekjaa, who chairs the football federation,"),
    (DELEGATE_FR, "Nadia Fettah, dont le pays accueille l'assemblée,",
     "Maria Lambert, dont la banque prête le plus à l'Afrique,"),
    (DELEGATE_FR, "Nadia Fettah, dont le pays accueille l'assemblée,",
     "Fouzi Lekjaa, qui préside la fédération de football,"),
])
def test_a_newcomer_presented_by_another_clause_in_the_summary_is_no_conflict(text, old, new):
    assert old in text
    assert _errors(text.replace(old, new)) == []


def _many_dates_brief() -> str:
    """Eighty different days: more clusters than a slot keeps (64), so some values join none."""
    months = ["January", "March", "May", "July"]
    days = " ".join(f"Leaders met on {months[n % 4]} {n % 28 + 1}, {1990 + n}." for n in range(80))
    return ("Key Points\n- Leaders meet in Paris on January 6.\nSummary\nLeaders meet in Paris on "
            f"January 6.\nThe Meetings\n{days}\nConclusion\nThe January 6 meeting in Paris.\n")


