"""Fact extractors on the hard cases of issue 4, French and English."""

from __future__ import annotations

import pytest

from checker.facts import Fact, extract_facts, same_fact
from checker.facts.dates import extract_dates
from checker.facts.durations import extract_durations
from checker.facts.places import extract_places
from checker.loaders import load
from conftest import ROOT


def values(mentions):
    return [m.value for m in mentions]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ils se retrouvent le 6 janvier.", "fr", ["--01-06"]),
        ("Le sommet du mardi 6 janvier 2026 à Paris.", "fr", ["2026-01-06"]),
        ("La trêve commence le 1er mars.", "fr", ["--03-01"]),
        ("Ils se sont vus hier.", "fr", ["relative:-1"]),
        ("La réunion du 6/1/2026.", "fr", ["2026-01-06"]),
        ("They meet on January 6.", "en", ["--01-06"]),
        ("They meet on Jan. 6 in Paris.", "en", ["--01-06"]),
        ("They meet on Tuesday, Jan. 6, 2026.", "en", ["2026-01-06"]),
        ("The meeting of 6/1/2026.", "en", ["2026-06-01"]),
        ("They spoke yesterday.", "en", ["relative:-1"]),
        ("It may rain; the war began in February 2022.", "en", ["2022-02"]),
        ("La réunion des 26 et 27 janvier à Bruxelles.", "fr", ["--01-26/--01-27"]),
        # « sept » is seven, « sept. » September (real news: « En sept jours, … »)
        ("En sept jours, la demande a doublé.", "fr", []),
        ("Il est arrivé en sept. 2020.", "fr", ["2020-09"]),
        ("Les ventes baissent depuis septembre.", "fr", ["--09"]),
        ("Le sommet se tient du 1er au 3 mars 2026.", "fr", ["2026-03-01/2026-03-03"]),
        ("Ils se voient le 5 et le 3 mars.", "fr", ["--03-03"]),
        ("Talks on Jan. 26-27, 2026, in Geneva.", "en", ["2026-01-26/2026-01-27"]),
        ("The summit runs from May 10 to 12.", "en", ["--05-10/--05-12"]),
        ("They meet on 26–27 January.", "en", ["--01-26/--01-27"]),
    ],
)
def test_dates(text, lang, expected):
    assert values(extract_dates(text, lang)) == expected


def test_weekday_is_kept_and_the_sentence_full_stop_is_not_part_of_the_date():
    (date,) = extract_dates("Ils se retrouvent mardi 6 janvier.", "fr")
    assert (date.weekday, "Ils se retrouvent mardi 6 janvier."[date.start : date.end]) == (
        1, "mardi 6 janvier")


@pytest.mark.parametrize(
    ("text", "lang", "expected", "approximate"),
    [
        ("La guerre dure depuis près de quatre ans.", "fr", "4 years", True),
        ("Le conflit dure depuis 4 ans.", "fr", "4 years", False),
        ("Le programme est bloqué depuis dix-huit mois.", "fr", "18 months", False),
        ("Ils négocient pendant deux semaines.", "fr", "2 weeks", False),
        ("Une réunion de vingt-et-un jours.", "fr", "21 days", False),
        ("Une rencontre d'une journée.", "fr", "1 day", False),
        ("They hold a three-day summit.", "en", "3 days", False),
        ("It comes after nearly four years of war.", "en", "4 years", True),
        ("A 90-day pause is on the table.", "en", "90 days", False),
    ],
)
def test_durations(text, lang, expected, approximate):
    (duration,) = extract_durations(text, lang)
    assert (duration.value, duration.approximate) == (expected, approximate)


def test_no_duration_without_an_amount():
    assert extract_durations("Après des mois de pourparlers, l'an dernier.", "fr") == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Les dirigeants se réunissent à Paris.", "fr", ["Paris"]),
        ("Leaders meet in Paris.", "en", ["Paris"]),
        ("A dinner at the Élysée in Paris.", "en", ["Paris"]),
        ("La guerre en Ukraine continue.", "fr", ["Ukraine"]),
        ("Il est reçu à Londres puis à Varsovie et à La Haye.", "fr", ["London", "Warsaw", "The Hague"]),
        ("He flies to London, then to The Hague.", "en", ["London", "The Hague"]),
        ("Le Premier ministre se rend à Pékin.", "fr", ["Beijing"]),
        ("Most of the assets are frozen.", "en", []),
    ],
)
def test_places(text, lang, expected):
    assert values(extract_places(text, lang)) == expected


def brief_facts(text: str, kind: str) -> list[Fact]:
    return [f for f in extract_facts(load(text, "x.txt", "text", "auto")) if f.kind == kind]


BRIEF_FR = """Points Clés
- Les alliés rencontrent le président Volodymyr Zelensky à Paris le 6 janvier avec l'OTAN.
- Le sommet réunit la « Coalition of the Willing » et la Commission européenne.
- La guerre dure depuis près de quatre ans.
Résumé Rapide
Zelensky rencontre les alliés à Paris. Le sommet se tient alors que la guerre dure.
Le Sommet
Les alliés et Zelensky parlent de sécurité à Paris avec l'Alliance atlantique.
Conclusion
La réunion implique Volodymyr Zelensky.
"""


def test_participants_resolve_to_one_canonical_name():
    facts = brief_facts(BRIEF_FR, "participant")
    by_text = {f.text: f.value for f in facts if not f.weak}
    assert by_text == {
        "Volodymyr Zelensky": "Volodymyr Zelensky",
        "Zelensky": "Volodymyr Zelensky",
        "OTAN": "NATO",
        "Alliance atlantique": "NATO",
        "Coalition of the Willing": "Coalition of the Willing",
        "Commission européenne": "European Commission",
    }


def test_english_titles_and_organisations():
    text = ("Key Points\n- President Joe Biden meets the European Commission and NATO in Paris.\n"
            "Summary\nBiden meets them.\nTalks\nBiden speaks.\nConclusion\nBiden leaves.\n")
    facts = brief_facts(text, "participant")
    assert [(f.text, f.value) for f in facts] == [
        ("Joe Biden", "Joe Biden"), ("European Commission", "European Commission"),
        ("NATO", "NATO"), ("Biden", "Joe Biden"), ("Biden", "Joe Biden"), ("Biden", "Joe Biden")]


def test_a_sentence_briefs_share_is_read_against_each_brief_s_names():
    # (what a sentence states is kept once the run meets it again: a lone surname must
    # still resolve to the full name of the brief it is in, not of a brief read before)
    shared = "Summary\nBiden meets them.\nTalks\nBiden speaks.\nConclusion\nBiden leaves.\n"
    joe = "Key Points\n- President Joe Biden meets NATO.\n" + shared
    hunter = "Key Points\n- Senator Hunter Biden meets NATO.\n" + shared
    for text, full_name in [(joe, "Joe Biden"), (hunter, "Hunter Biden")] * 3:
        facts = brief_facts(text, "participant")
        assert {f.value for f in facts if f.text == "Biden"} == {full_name}


def test_fact_spans_point_into_the_source():
    source = (ROOT / "samples" / "paris-summit.fr.txt").read_text(encoding="utf-8")
    facts = extract_facts(load(source, "paris-summit.fr.txt", "text", "auto"))
    date = next(f for f in facts if f.kind == "date")
    assert (date.text, date.section, date.span.line, date.span.column) == (
        "6 janvier", "key_points", 2, 132)
    assert all(source[f.span.start : f.span.end] == f.text for f in facts)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("6 janvier", "mardi 6 janvier", True),
        ("6 janvier", "6 janvier 2026", True),
        ("6 janvier", "7 janvier", False),
        ("quatre ans", "4 ans", True),
        ("près de quatre ans", "quatre ans", True),
        ("près de quatre ans", "cinq ans", False),
    ],
)
def test_equivalent_forms(a, b, same):
    def one(text):
        found = extract_dates(text, "fr") or extract_durations(text, "fr")
        m = found[0]
        kind = m.kind
        return Fact(kind, m.value, text, "s", 0, None, m.approximate, m.weekday)

    assert same_fact(one(a), one(b)) is same


def test_city_and_its_country_agree():
    paris, france, berlin = (
        extract_places(t, "fr")[0] for t in ("à Paris", "en France", "à Berlin"))
    from checker.facts.places import same_place

    assert same_place(paris, france) and not same_place(berlin, france)


@pytest.mark.parametrize(("sentence", "lang", "names"), [
    ("Stoltenberg souhaite que chaque pays présente un calendrier.", "fr", ["Stoltenberg"]),
    ("Chan has warned that the agency must cut staff.", "en", ["Chan"]),
    ("Schnabel's words could change that view.", "en", ["Schnabel"]),
    ("Bayrou et Merz ont multiplié les rencontres.", "fr", ["Bayrou", "Merz"]),
    ("For Chan, it is a chance to rebuild trust.", "en", ["Chan"]),  # after a capitalised "For"
    # A capitalised opening word with no person's verb after it is not read as a name.
    ("Officials from both sides met.", "en", []),
    ("Relations between the two countries improved.", "en", []),
    ("Samsung and SK Hynix have asked for help.", "en", []),
])
def test_lone_surname_opening_a_sentence_is_read_as_a_name(sentence, lang, names):
    from checker.facts.participants import extract_short_names

    assert [m.value for m in extract_short_names(sentence, lang, {})] == names


def test_a_date_taken_out_between_an_article_and_a_name_does_not_hide_the_name():
    from checker.facts.participants import extract_short_names

    text = "Lors de sa visite du 3 novembre, Feijóo a répondu que l'État avait réagi."
    at = text.index("3 novembre")
    assert [m.value for m in extract_short_names(text, "fr", {}, [(at, at + 10)])] == ["Feijóo"]


@pytest.mark.parametrize(("sentence", "name"), [
    ("La ministre de l'Économie Katherina Reiche présente un plan.", "Katherina Reiche"),
    ("The Secretary of the Treasury Scott Bessent leads the talks.", "Scott Bessent"),
    # adjectives of the title, and portfolios joined by "à", "for"
    ("Le commissaire européen à l'Agriculture Christophe Hansen présente une réforme.",
     "Christophe Hansen"),
    ("La ministre suédoise des Finances Eva Lindqvist préside.", "Eva Lindqvist"),
    ("Le ministre des Affaires étrangères Jean-Noël Barrot arrive.", "Jean-Noël Barrot"),
    ("The Secretary of State for Defence John Healey visits the troops.", "John Healey"),
    # a verb after the title is no adjective of it: the president receives someone
    ("Le président reçoit Olaf Scholz à l'Élysée.", "Olaf Scholz"),
    # two portfolios, titles in a row, a past holder, particles joined by a hyphen
    ("Le ministre de l'Économie et des Finances Bruno Le Maire arrive.", "Bruno Le Maire"),
    ("The Minister of Energy and Infrastructure Suhail al-Mazrouei presents a plan.",
     "Suhail al-Mazrouei"),
    ("The Saudi Energy Minister Prince Abdulaziz bin Salman wants cuts.", "Abdulaziz bin Salman"),
    ("The Egyptian President Abdel Fattah el-Sisi arrives.", "Abdel Fattah el-Sisi"),
    ("L'ancien ministre Ali al-Naimi avait prévenu.", "Ali al-Naimi"),
])
def test_title_with_its_portfolio_then_the_name(sentence, name):
    from checker.facts.participants import extract_names

    lang = "en" if sentence.startswith("The ") else "fr"
    assert [m.value for m in extract_names(sentence, lang)] == [name]


@pytest.mark.parametrize(("sentence", "names"), [
    ("Le sommet réunit la « Communauté politique européenne ».",
     ["Communauté politique européenne"]),
    ("Selon la Cour des comptes, le plan coûte cher.", ["Cour des comptes"]),
    ("Le rapport de l'Agence internationale de l'énergie sort mardi.",
     ["Agence internationale de l'énergie"]),
    ("Il cite la Commission économique pour l'Afrique.",
     ["Commission économique pour l'Afrique"]),
    ("Le texte passe devant le Conseil constitutionnel.", ["Conseil constitutionnel"]),
    # listed in a pack: the canonical name, whatever the brief's language
    ("La Commission européenne examinera le plan.", ["European Commission"]),
    ("Le sommet réunit la « Coalition of the Willing ».", ["Coalition of the Willing"]),
    # a verb with its object is no adjective; a head noun opening a sentence is a common noun
    ("Selon lui, la Commission critique le plan.", []),
    ("Selon lui, la Commission explique que le plan est prêt.", []),
    ("Fonds de pension et banques hésitent.", []),
])
def test_french_organisations_named_by_their_kind(sentence, names):
    from checker.facts.participants import extract_names

    found = [m for m in extract_names(sentence, "fr")]
    assert [m.value for m in found] == names
    assert all(m.detail == "organisation" for m in found)


@pytest.mark.parametrize("sentence, lang, names", [
    ("Presidents Gabriel Boric and Javier Milei met in Santiago.", "en",
     ["Gabriel Boric", "Javier Milei"]),
    ("Les présidents Gabriel Boric et Javier Milei se retrouvent à Santiago.", "fr",
     ["Gabriel Boric", "Javier Milei"]),
    ("Generals Mark Milley and Lloyd Austin spoke.", "en", ["Mark Milley", "Lloyd Austin"]),
    ("Leaders of the Group of Seven meet in Hiroshima.", "en", ["Group of Seven"]),
    ("Several ministers stress that the talks matter.", "en", []),
])
def test_a_titles_plural_is_read_as_the_title(sentence, lang, names):
    from checker.facts.participants import extract_names

    assert [m.value for m in extract_names(sentence, lang)] == names


@pytest.mark.parametrize("sentence, lang", [
    ("Le secrétaire d'État Karl Huber arrive à Berne.", "fr"),
    ("Le ministre de l'Économie Roland Lescure défend le budget.", "fr"),
    ("Secretary of State Marco Rubio arrives in Riyadh.", "en"),
])
def test_a_capitalised_word_of_a_title_is_no_name(sentence, lang):
    """'État', 'Économie', 'State' belong to the title: the second pass reads no name there."""
    from checker.facts.participants import extract_names, extract_short_names

    names = extract_names(sentence, lang)
    assert [m.detail for m in names] == ["person"]
    taken = [(m.start, m.end) for m in names]
    assert extract_short_names(sentence, lang, {}, taken) == []


@pytest.mark.parametrize("sentence, lang", [
    ("Le délégué syndical, cheminot à Paris Nord, mène la grève.", "fr"),
    ("The candidate for Sheffield Central conceded on Friday.", "en"),
])
def test_a_city_and_a_cardinal_point_are_the_city_not_a_person(sentence, lang):
    """« Paris Nord » is a part of Paris (a station, a district), no one's name."""
    text = ("Points Clés\n- " + sentence + "\nRésumé\nLa grève continue.\n" if lang == "fr"
            else "Key Points\n- " + sentence + "\nSummary\nThe count went on.\n")
    facts = [f for f in extract_facts(load(text, "x.txt", "text", lang)) if not f.weak]
    assert [(f.kind, f.value) for f in facts] == [
        ("place", "Paris" if lang == "fr" else "Sheffield")]


@pytest.mark.parametrize("sentence, names", [
    ("Certes Barack Obama a toujours eu des mots aimables pour l'Europe.", ["Barack Obama"]),
    ("Surtout Marine Lenoir refuse de céder.", ["Marine Lenoir"]),
    ("Néanmoins Jean Dupont reste prudent.", ["Jean Dupont"]),
    # a participle opening the sentence: RTL invited her, no one is "Invitée de RTL"
    ("Invitée de RTL, Anne Roux a raconté ses débuts.", ["Anne Roux"]),
    ("Accompagné de Paul Martin, le maire a visité le chantier.", ["Paul Martin"]),
])
def test_a_french_adverb_opening_a_sentence_is_no_part_of_the_name(sentence, names):
    """Real French leads open sentences with an adverb and no comma: « Certes X a… »."""
    from checker.facts.participants import extract_names

    assert [m.value for m in extract_names(sentence, "fr")] == names


@pytest.mark.parametrize("sentence, lang, names", [
    ("Depuis ses débuts, Ben Morel constate que le métier a changé.", "fr", ["Ben Morel"]),
    ("Van Rossel chante ce soir à Lille.", "fr", ["Van Rossel"]),
    ("Di Marco spoke first at the hearing.", "en", ["Di Marco"]),
    # a particle that is a word of the language or opens a title stays out of the name
    ("De nombreux élus ont salué Paul Martin.", "fr", ["Paul Martin"]),
    ("Al Jazeera reported the talks.", "en", []),
])
def test_a_capitalised_particle_before_a_name_opens_it(sentence, lang, names):
    """"Ben", "Van", "Di" capitalised before a name are its first word, not a determiner
    opening the sentence: "Ben X" was read as "X" alone, another person than "Ben X"."""
    from checker.facts.participants import extract_names

    assert [m.value for m in extract_names(sentence, lang)] == names


def test_monsieur_and_madame_before_a_surname_name_the_person_of_that_surname():
    """« Monsieur Morel » is Jacques Morel, as « M. Morel » is: not a person of its own whose
    name starts with "Monsieur"."""
    text = ("Points Clés\n- Jacques Morel et Anne Roux ont signé l'accord.\nRésumé\n"
            "Monsieur Morel a remercié les équipes. Madame Roux a salué un compromis.\n")
    facts = [f for f in extract_facts(load(text, "x.txt", "text", "fr"))
             if f.kind == "participant" and not f.weak]
    assert [(f.text, f.value) for f in facts] == [
        ("Jacques Morel", "Jacques Morel"), ("Anne Roux", "Anne Roux"),
        ("Morel", "Jacques Morel"), ("Roux", "Anne Roux")]


@pytest.mark.parametrize("sentence, names", [
    ("Hier, le député LR Paul Martin a critiqué le plan.", ["Paul Martin"]),
    ("Au premier tour, le candidat RN Jacques Morel était arrivé en tête.", ["Jacques Morel"]),
    ("Le patron CGT Anne Roux a appelé à la grève.", ["Anne Roux"]),
    # an acronym that opens an organisation's name stays one
    ("La chaîne BBC Radio Four diffuse le match.", ["BBC Radio Four"]),
])
def test_a_party_between_a_title_and_a_name_is_no_part_of_the_name(sentence, names):
    """« le député LR X » names X: read as "LR X", the person was another than the X of
    the rest of the brief (or, after « candidat », an organisation)."""
    from checker.facts.participants import extract_names

    assert [m.value for m in extract_names(sentence, "fr")] == names


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Key Points\n- Paul W. Carter spoke with Anna J. Reed in Dallas.\nSummary\n"
           "Carter agreed.\n",
     [("Paul W. Carter", "Paul W. Carter"), ("Anna J. Reed", "Anna J. Reed"),
      ("Carter", "Paul W. Carter")]),
    ("fr", "Points Clés\n- Selon Paul W. Martin, le plan B. Morel a échoué.\nRésumé\n"
           "Martin le regrette.\n",
     [("Paul W. Martin", "Paul W. Martin"), ("Martin", "Paul W. Martin")]),
])
def test_a_middle_initial_and_its_full_stop_stay_inside_the_name(lang, text, expected):
    """"George W. Bush" was read as "George W" and a town "Bush"; the surname alone then
    named no one. (Not after a common noun: « le plan B. Morel » is no name.)"""
    facts = [f for f in extract_facts(load(text, "x.txt", "text", lang))
             if f.kind == "participant" and not f.weak]
    assert [(f.text, f.value) for f in facts] == expected
