"""Which statements conflict, and on what evidence (checker.conflicts): minimal pairs for each
kind of evidence, and the traps real news sets, in French and English.

An error is a claim that the brief contradicts itself, so each case that must not be one is
as much the point as each case that must."""

from __future__ import annotations

import pytest

from checker import check_text
from checker.config import Config
from checker.loaders import load
from conftest import ROOT, line_of

TRAPS = sorted((ROOT / "benchmarks" / "accuracy" / "traps").iterdir())


def findings(text: str, select: str = "C2"):
    return [f for f in check_text(text, "b.txt", "text", Config(select=(select,))).findings
            if f.code != "C211" and f.code != "C212"]


def error_findings(text: str):
    return [f for f in findings(text) if f.severity.value == "error"]


def codes(text: str) -> list[str]:
    return [f.code for f in findings(text)]


# --------------------------------------------------------------------- restatements

RESTATED_EN = """Key Points
- Allied leaders meet President Volodymyr Zelensky in Paris on January 6 to agree guarantees.
- The war has lasted nearly four years.
- Envoys from Washington join the talks.
Summary
Allied leaders meet President Volodymyr Zelensky in Paris on January 6 to agree guarantees. The envoys want a deal before any ceasefire.
The Talks
The guarantees would bind the allies for ten years. Officials expect a text by the spring.
Conclusion
The talks are a test for the allies.
"""

RESTATED_FR = """Points Clés
- Les alliés rencontrent le président Volodymyr Zelensky à Paris le 6 janvier pour convenir de garanties.
- La guerre dure depuis près de quatre ans.
- Les émissaires américains participent aux discussions.
Résumé
Les alliés rencontrent le président Volodymyr Zelensky à Paris le 6 janvier pour convenir de garanties. Les émissaires veulent un accord avant tout cessez-le-feu.
Les Discussions
Les garanties engageraient les alliés pour dix ans. Un texte est attendu au printemps.
Conclusion
Les discussions sont un test pour les alliés.
"""


@pytest.mark.parametrize("text", [RESTATED_EN, RESTATED_FR], ids=["en", "fr"])
def test_consistent_restatements_give_nothing(text):
    assert codes(text) == []


@pytest.mark.parametrize(("text", "code", "old", "new"), [
    (RESTATED_EN, "C201", "Paris on January 6 to agree guarantees. The", "Paris on January 7 to agree guarantees. The"),
    (RESTATED_EN, "C202", "in Paris on January 6 to agree guarantees. The", "in Berlin on January 6 to agree guarantees. The"),
    (RESTATED_EN, "C203", "President Volodymyr Zelensky in Paris on January 6 to agree guarantees. The",
     "President Petro Poroshenko in Paris on January 6 to agree guarantees. The"),
    (RESTATED_FR, "C201", "Paris le 6 janvier pour convenir de garanties. Les", "Paris le 9 janvier pour convenir de garanties. Les"),
    (RESTATED_FR, "C202", "à Paris le 6 janvier pour convenir de garanties. Les", "à Lyon le 6 janvier pour convenir de garanties. Les"),
    (RESTATED_FR, "C203", "Volodymyr Zelensky à Paris le 6 janvier pour convenir de garanties. Les",
     "Petro Porochenko à Paris le 6 janvier pour convenir de garanties. Les"),
])
def test_a_sentence_restated_with_one_fact_changed_is_an_error_at_both_ends(text, code, old, new):
    assert old in text
    mutated = text.replace(old, new)
    (finding,) = findings(mutated)
    assert (finding.code, finding.severity.value) == (code, "error")
    assert "say the same otherwise" in finding.message
    lines = {finding.location.line, *(r.line for r in finding.related)}
    assert lines == {line_of(mutated, "- Allied" if text is RESTATED_EN else "- Les alliés"),
                     line_of(mutated, new)}


def test_the_same_facts_in_another_order_are_no_difference():
    text = RESTATED_EN.replace(
        "Allied leaders meet President Volodymyr Zelensky in Paris on January 6 to agree guarantees. The",
        "President Volodymyr Zelensky meets allied leaders in Paris on January 6 to agree guarantees. The")
    assert codes(text) == []


def test_a_short_sentence_copied_with_another_day_is_an_error_another_person_is_not():
    # three shared words are enough for a word-for-word copy that changes a day (real
    # news: « L'automne s'installe sur le pays vendredi 17 septembre » / « … 25 septembre »),
    # not for one that changes a person: two people may do the same thing
    text = ("Points Clés\n- Leur grève nationale débute dimanche 17 juin.\n- Les routes seront "
            "bloquées.\nRésumé\nLeur grève nationale débute dimanche 10 juin. Les routes seront "
            "bloquées.\nLes Blocages\nLes syndicats préparent leurs piquets.\n"
            "Conclusion\nLe gouvernement attend.\n")
    assert [f.code for f in error_findings(text)] == ["C201"]
    people = ("Points Clés\n- Marc Roy a félicité le nouveau président.\n- Les routes seront "
              "bloquées.\nRésumé\nAnne Roy a félicité le nouveau président. Les routes seront "
              "bloquées.\nLes Réactions\nLes syndicats préparent leurs piquets.\n"
              "Conclusion\nLe gouvernement attend.\n")
    assert error_findings(people) == []


def test_a_sentence_that_changes_two_facts_is_a_warning_not_an_error():
    text = RESTATED_EN.replace("in Paris on January 6 to agree guarantees. The",
                               "in Berlin on January 9 to agree guarantees. The")
    found = findings(text)
    assert found and {f.code for f in found} == {"C205"}
    assert all(f.severity.value == "warning" for f in found)


@pytest.mark.parametrize(("kp", "summary"), [
    # the two rounds of an election: "first" and "second" tell two occasions
    ("- The first round of the election is held on Sunday, March 15.",
     "The second round of the election is held on Sunday, March 22."),
    ("- Le premier tour de l'élection a lieu le dimanche 15 mars.",
     "Le second tour de l'élection a lieu le dimanche 22 mars."),
    # another part: a title changes with the name
    ("- Allied leaders meet President Volodymyr Zelensky in Paris on January 6.",
     "Allied leaders meet the economist Paul Winter in Paris on January 6."),
    # a place where something happens against one that does not
    ("- The envoys want guarantees for Ukraine before the spring.",
     "The envoys want guarantees in Geneva before the spring."),
])
def test_alike_sentences_about_two_things_are_no_error(kp, summary):
    lang = "fr" if "tour" in kp else "en"
    if lang == "fr":
        text = (f"Points Clés\n{kp}\n- La participation est attendue en hausse.\n- Les bureaux ferment tôt.\n"
                f"Résumé\n{summary}\nLe Vote\nLes candidats ont fait campagne.\nConclusion\nLa soirée sera longue.\n")
    else:
        text = (f"Key Points\n{kp}\n- Turnout is expected to rise.\n- Polls close early.\nSummary\n"
                f"{summary}\nThe Vote\nThe candidates campaigned.\nConclusion\nThe night will be long.\n")
    assert error_findings(text) == []


MATCH = """Key Points
- Blackpool drew 1-1 with Colchester United on Saturday.
- Andy Taylor (Blackpool) is shown the yellow card.
- The game ended in rain.
Summary
Blackpool and Colchester United drew on Saturday.
First Half
Colin Daniel (Blackpool) is shown the yellow card. Tom Eastman (Colchester United) is shown the yellow card. Jim McAlister (Blackpool) is shown the yellow card.
Second Half
Sean Murray (Colchester United) is shown the yellow card. Chris Porter (Colchester United) is shown the yellow card.
Conclusion
Blackpool stay bottom.
"""


def test_a_template_the_brief_fills_in_many_times_is_no_restatement():
    # A match report says "X is shown the yellow card" of five players: not five contradictions.
    assert error_findings(MATCH) == []


def test_one_fact_said_twice_in_both_sentences_is_one_difference():
    # (real news: « En moins de trois mois, Planoise a connu six épisodes … en moins de trois mois »)
    text = ("Points Clés\n- En moins de trois mois, Planoise a connu six épisodes de coups de feu "
            "en moins de trois mois.\n- Le quartier est inquiet.\n- La mairie réagit.\n"
            "Résumé\nLe quartier de Planoise est inquiet.\n"
            "Les Faits\nEn moins de deux mois, Planoise a connu six épisodes de coups de feu en "
            "moins de deux mois. Le dernier a fait deux blessés.\nConclusion\nLa mairie réagit.\n")
    errors = error_findings(text)
    assert {f.code for f in errors} == {"C204"}
    assert all("say the same otherwise" in f.message for f in errors)


def test_a_copy_that_changes_the_number_of_an_approximate_length_is_an_error():
    # "more than 40 years" and "more than 43 years" may both hold; in one sentence told
    # twice word for word, one copy is wrong (real news, one-fact mutant).
    text = ("Key Points\n- The power station closed in 2013 after more than 43 years in operation.\n"
            "- The site will be cleared.\n- Jobs were lost.\nSummary\nThe site will be cleared.\n"
            "The Plant\nThe power station closed in 2013 after more than 40 years in operation.\n"
            "Conclusion\nJobs were lost.\n")
    assert [(f.code, f.severity.value) for f in findings(text)] == [("C204", "error")]
    other = text.replace("The Plant\nThe power station closed in 2013 after",
                         "The Plant\nThe mine was worked for")
    assert error_findings(other) == []


PROFILES = """Key Points
- Michael Vaughan has confirmed that he has held talks with the board over becoming the new director of cricket.
- The board wants a quick appointment.
- Vaughan is the favourite.
Summary
Liam O'Donnell has confirmed that he has held talks with the board over becoming the new director of cricket. The board meets on Thursday.
The Shortlist
Profile: Alec Stewart, broadcaster. Profile: Andrew Strauss, broadcaster. Profile: Michael Vaughan, broadcaster.
Conclusion
The board will decide soon.
"""


def test_a_long_copied_sentence_is_one_statement_even_in_a_brief_of_templates():
    # The profile cards make the brief read as a log, where alike sentences tell one moment
    # each; a Key Point that copies a whole sentence with another name is still an error.
    errors = error_findings(PROFILES)
    assert [f.code for f in errors] == ["C203"]
    assert "'Michael Vaughan'" in errors[0].message and "O'Donnell" in errors[0].message


INTRUSION = """Points Clés
- Des dizaines d'individus se sont introduits violemment dans les locaux du syndicat à Paris et s'en sont pris aux salariés, a dénoncé Jean Dupuis.
- Le syndicat porte plainte.
- La police enquête.
Résumé
Le syndicat a porté plainte après une intrusion dans ses locaux.
L'Intrusion
Des dizaines d'individus se sont introduits dans les locaux du syndicat à Paris et s'en sont pris aux salariés, a dénoncé dans un message le secrétaire général, Laurent Berger. Laurent Berger a demandé une enquête.
Conclusion
La police enquête sur l'intrusion.
"""


def test_a_summarys_value_the_story_never_gives_against_the_sentence_it_restates_is_an_error():
    # The sentences differ in more than the name ("dans un message le secrétaire général"),
    # but the Key Point's 'Jean Dupuis' is in no other sentence, and the story names Laurent
    # Berger twice: the Key Point has the wrong person. The error is on the Key Point.
    (error,) = error_findings(INTRUSION)
    assert error.code == "C203" and error.location.line == line_of(INTRUSION, "Jean Dupuis")
    assert "no other sentence of the brief states 'Jean Dupuis'" in error.message
    assert error.related[0].line == line_of(INTRUSION, "secrétaire général, Laurent Berger")


def test_a_person_the_story_names_once_is_only_a_possible_conflict():
    text = INTRUSION.replace("Laurent Berger a demandé", "Le syndicat a demandé")
    assert [(f.code, f.severity.value) for f in findings(text)] == [("C205", "warning")]


SAID_FIRST = """Points Clés
- D'après Paul Martin, une centaine de manifestants ont bloqué l'entrée de l'usine de Lorient mardi matin.
- La direction dénonce une action illégale.
- Les négociations reprendront jeudi.
Résumé
Le conflit dure depuis deux semaines.
Le Blocage
Une centaine de manifestants ont bloqué l'entrée de l'usine de Lorient mardi matin, a expliqué dans un communiqué le délégué syndical, Marc Leroy. Marc Leroy réclame une hausse des salaires.
Conclusion
Un accord paraît encore lointain.
"""


def test_a_summarys_person_said_first_where_the_story_says_its_own_last_is_an_error():
    # The alignment cannot pair the two names (one opens the sentence, the other closes
    # it), but each sentence has one person the other has not, and the Key Point's is in no
    # other sentence where the story names its own twice.
    (error,) = error_findings(SAID_FIRST)
    assert error.code == "C203" and error.location.line == line_of(SAID_FIRST, "Paul Martin")
    assert "each names one participant the other does not" in error.message
    assert error.related[0].line == line_of(SAID_FIRST, "délégué syndical")


def test_a_person_said_elsewhere_in_a_sentence_the_story_names_once_gives_nothing():
    # Without the story's second mention, nothing says which name is the story's: not
    # even a warning (an unaligned pair is no evidence of its own).
    text = SAID_FIRST.replace("Marc Leroy réclame", "Le syndicat réclame")
    assert findings(text) == []


PHRASE_PLACE = """Points Clés
- Les pharmacies de quartier ne suivent plus la demande, en pleine crise sanitaire en Belgique.
- Les ventes de gel hydroalcoolique ont triplé en un mois.
- Le gouvernement promet des livraisons rapides.
Résumé
Les pharmaciens s'inquiètent des ruptures de stock. Ils demandent de l'aide à l'État.
Les Stocks
Les commandes de masques ont explosé depuis le début de la crise sanitaire en France. Les grossistes installés en France peinent à suivre.
Conclusion
Les livraisons devraient reprendre la semaine prochaine.
"""

PHRASE_PERSON_FR = """Points Clés
- Paul Martin a été élu maire de la commune dimanche soir, avec 54 % des voix.
- La participation a reculé de cinq points.
- Le conseil municipal se réunira samedi.
Résumé
Le second tour a été serré jusqu'au bout. Les bureaux de vote ont fermé à 18 heures.
Le Scrutin
Au terme d'une longue soirée de dépouillement, Jacques Morel a été élu maire de la commune. Jacques Morel succède à une équipe en place depuis douze ans.
Conclusion
Le nouveau conseil devra voter le budget avant l'été.
"""

PHRASE_PERSON_EN = """Key Points
- Paul Carter was elected mayor on Sunday night with 54% of the vote.
- Turnout fell by five points.
- The new council meets on Saturday.
Summary
The run-off stayed close until the end. Polling stations closed at 6 pm.
The Count
After a long night of counting, Mark Hill was elected mayor of the town. Mark Hill takes over from a team in office for twelve years.
Conclusion
The new council must pass a budget before the summer.
"""


PHRASE_DATED = """Points Clés
- Le navigateur Paul Martin est mort le 3 mars, à l'âge de 81 ans.
- Il avait fait trois fois le tour du monde.
- Un hommage lui sera rendu à Brest.
Résumé
Le monde de la voile est en deuil.
La Carrière
Jacques Morel est mort le 3 mars dans sa maison de Brest, entouré des siens. Jacques Morel avait fait trois fois le tour du monde.
Conclusion
Ses bateaux seront exposés cet été.
"""


PHRASE_TITLED = """Points Clés
- Une directrice d'école a reçu un blâme pour avoir critiqué la réforme de Paul Martin devant des parents.
- Les syndicats la soutiennent.
- Une pétition circule.
Résumé
L'affaire agite les écoles de la ville.
Le Blâme
Elle avait critiqué la réforme du ministre de l'Éducation Jacques Morel dans un courriel aux familles. Jacques Morel n'a pas réagi.
Conclusion
La directrice peut faire appel.
"""


PHRASE_TITLE_AFAR = """Points Clés
- Le ministre italien s'est moqué du discours de Paul Martin devant les députés.
- Les excuses ne sont pas venues.
- La presse commente l'incident.
Résumé
L'incident a jeté un froid entre les deux pays.
L'Incident
Un député a publié une vidéo qui se moquait du discours de Jacques Morel lors du sommet. Jacques Morel a refusé de répondre.
Conclusion
Les deux gouvernements se parleront la semaine prochaine.
"""


PHRASE_NEXT_FACT = """Points Clés
- Paul Martin et Anne Roux ont inauguré le nouveau pont sur la Loire.
- Les travaux ont duré trois ans.
- La circulation reprend lundi.
Résumé
La ville attendait l'ouvrage depuis longtemps.
L'Inauguration
Le ruban a été coupé sous les applaudissements de Jacques Morel et Anne Roux, venus en voisins. Jacques Morel a salué les ouvriers.
Conclusion
Un second pont est à l'étude.
"""


PHRASE_SPREAD = """Points Clés
- Après la profanation d'une stèle, des tags racistes ont été découverts à Lorient dans la nuit de dimanche.
- Le maire a porté plainte.
- Une enquête est ouverte.
Résumé
D'autres tags racistes ont aussi été découverts sur le mur d'un collège à Vannes, selon la préfecture.
Les Faits
La police municipale de Vannes a fait effacer les inscriptions lundi matin.
Conclusion
Les élus appellent au calme.
"""


PHRASE_OF = """Points Clés
- La fille de Paul Martin n'a jamais travaillé pour le syndicat, contrairement à une rumeur.
- Le syndicat dément.
- La rumeur courait depuis lundi.
Résumé
La fille de Jacques Morel, Léa Morel, travaillerait pour le syndicat, selon des messages partagés en ligne.
Les Faits
Le syndicat affirme que Jacques Morel n'a aucun lien avec lui.
Conclusion
La rumeur s'éteint.
"""


@pytest.mark.parametrize(("text", "code", "odd", "other"), [
    (PHRASE_PLACE, "C202", "Belgique", "crise sanitaire en France"),
    # a sentence that opens with what the person is of (« La fille de §p »)
    (PHRASE_OF, "C203", "Paul Martin", "La fille de Jacques Morel"),
    # the story may put words between the phrase and its place (« découverts sur le mur
    # d'un collège à Vannes »); the summary condenses it
    (PHRASE_SPREAD, "C202", "Lorient", "collège à Vannes"),
    # a title before the name is set aside: « la réforme du ministre … X » is « la réforme de X »
    (PHRASE_TITLED, "C203", "Paul Martin", "ministre de l'Éducation Jacques Morel"),
    # a fact of the same value right next to the name is a phrase by itself ("§p et Anne Roux")
    (PHRASE_NEXT_FACT, "C203", "Paul Martin", "applaudissements de Jacques Morel"),
    # a title further back is another noun's (« Le ministre … s'est moqué du discours de
    # X »): the words right before the name stay its phrase
    (PHRASE_TITLE_AFAR, "C203", "Paul Martin", "moquait du discours de Jacques Morel"),
    # a fact of the same value is a word of the phrase too ("§p est mort le 3 mars")
    (PHRASE_DATED, "C203", "Paul Martin", "Jacques Morel est mort"),
    (PHRASE_PERSON_FR, "C203", "Paul Martin", "Jacques Morel a été élu"),
    (PHRASE_PERSON_EN, "C203", "Paul Carter", "Mark Hill was elected"),
], ids=["place-fr", "of-fr", "spread-fr", "titled-fr", "next-fact-fr", "title-afar-fr", "dated-fr", "person-fr", "person-en"])
def test_a_summarys_value_in_the_same_phrase_as_the_storys_is_an_error(text, code, odd, other):
    # The Key Point rewords the story (the sentences are not alike as wholes), but the value
    # stands in the same words as the story's ("crise sanitaire en …", "… a été élu maire")
    # and no other sentence gives it, where the story gives its own twice.
    (error,) = error_findings(text)
    assert error.code == code and error.location.line == line_of(text, odd)
    assert "stand in the same words" in error.message
    assert error.related[0].line == line_of(text, other)


@pytest.mark.parametrize("text", [
    # the story's place is said once: no evidence that it is the story's
    PHRASE_PLACE.replace("Les grossistes installés en France", "Les grossistes"),
    # two names that share a word may be one person written otherwise
    PHRASE_PERSON_FR.replace("Paul Martin", "Jacques Maurel"),
    # a sentence that opens with "According to §p": two sources, no slip
    PHRASE_PERSON_EN.replace("- Paul Carter was elected mayor on Sunday night with 54% of the vote.",
                             "- According to Paul Carter, turnout was the lowest in twenty years.")
    .replace("After a long night of counting, Mark Hill was elected mayor of the town.",
             "According to Mark Hill, the count was slow."),
    # one word alike each side is too little ("§p a" / "§p a")
    PHRASE_PERSON_FR.replace("a été élu maire de la commune dimanche soir",
                             "a remporté la mairie dimanche soir"),
    # the fact next to the name has another value: no shared phrase
    PHRASE_NEXT_FACT.replace("Jacques Morel et Anne Roux", "Jacques Morel et Luc Brun"),
], ids=["story-says-it-once", "one-name-written-otherwise", "according-to", "one-word",
        "next-fact-differs"])
def test_the_same_phrase_without_the_discipline_is_no_error(text):
    assert error_findings(text) == []


PRONOUN_FR = """Points Clés
- Le navigateur Paul Martin est mort le 3 mars, à l'âge de 81 ans.
- Un hommage sera rendu à Brest.
- Ses bateaux seront exposés.
Résumé
Le monde de la voile est en deuil.
La Carrière
Jacques Morel avait fait trois fois le tour du monde. Il est mort le 3 mars dans sa maison de Brest, entouré des siens. Le port de Brest a salué la mémoire de Jacques Morel.
Conclusion
Ses bateaux seront exposés cet été.
"""

PRONOUN_EN = """Key Points
- The sailor Paul Carter died on March 3 at the age of 81.
- A tribute will be held in Brest.
- His boats will go on show.
Summary
The sailing world is in mourning.
His Career
Mark Hill sailed around the world three times. He died on March 3 at his home in Brest, surrounded by his family. The port of Brest paid tribute to Mark Hill.
Conclusion
His boats will go on show this summer.
"""


@pytest.mark.parametrize(("text", "odd", "pronoun"), [
    (PRONOUN_FR, "Paul Martin", "Il est mort"), (PRONOUN_EN, "Paul Carter", "He died"),
], ids=["fr", "en"])
def test_a_pronoun_that_opens_a_sentence_names_the_person_of_the_one_before(text, odd, pronoun):
    # "Il est mort le 3 mars" is Jacques Morel's death: the Key Point gives it to someone
    # the brief names nowhere else.
    (error,) = error_findings(text)
    assert error.code == "C203" and error.location.line == line_of(text, odd)
    assert error.related[0].line == line_of(text, pronoun)
    assert "(Jacques Morel)" in error.message or "(Mark Hill)" in error.message


@pytest.mark.parametrize("text", [
    # two people in the sentence before: who "il" is, nothing says
    PRONOUN_FR.replace("Jacques Morel avait fait trois fois le tour du monde.",
                       "Jacques Morel avait fait trois fois le tour du monde avec Luc Girard."),
    # an impersonal « il »
    PRONOUN_FR.replace("Il est mort le 3 mars dans sa maison",
                       "Il faut se souvenir du 3 mars dans sa maison"),
    # the sentence before is of another section
    PRONOUN_FR.replace("Jacques Morel avait fait trois fois le tour du monde. Il est mort",
                       "Jacques Morel avait fait trois fois le tour du monde.\nLa Fin\nIl est mort"),
], ids=["two-people-before", "impersonal", "another-section"])
def test_a_pronoun_without_one_person_before_it_names_nobody(text):
    assert error_findings(text) == []


def test_a_pronoun_is_no_evidence_of_what_the_story_states():
    # The story names Mark Hill once and says "he" again: a Key Point's other name in a
    # sentence alike is only a possible conflict (the story's own value is said once).
    text = PRONOUN_EN.replace("The port of Brest paid tribute to Mark Hill.",
                              "He sailed on.")
    assert error_findings(text) == []


def test_two_body_sections_alike_are_a_story_not_a_contradiction():
    text = RESTATED_EN.replace(
        "The guarantees would bind the allies for ten years.",
        "The guarantees would bind the allies for ten years.\nThe Earlier Round\n"
        "Allied leaders met President Volodymyr Zelensky in London on December 12 to agree guarantees.\n"
        "The Next Round\nAllied leaders met President Volodymyr Zelensky in Rome on December 20 to agree guarantees.")
    assert [f for f in findings(text) if "London" in f.message or "Rome" in f.message
            and "Paris" not in f.message] == []


# --------------------------------------------------------------------- the event's frame

EVENT_EN = """Key Points
- NATO defence ministers meet in Brussels on Thursday, February 5.
- Secretary General Mark Rutte wants more ammunition.
- The meeting lasts two days.
Summary
Ministers gather in Brussels on February 5 for two days of talks with Mark Rutte.
Budgets
Several countries, Spain among them, call the target unrealistic. The last summit took place in The Hague in June 2025. Traders in London and New York expect little.
Conclusion
The February 5 meeting will show whether the allies follow Mark Rutte.
"""


def test_the_events_frame_with_background_and_passing_places_gives_nothing():
    assert codes(EVENT_EN) == []


@pytest.mark.parametrize(("code", "old", "new", "evidence"), [
    # a sentence that names the event
    ("C201", "The February 5 meeting will show", "The February 9 meeting will show", "names the event"),
    ("C202", "The February 5 meeting will show", "The February 5 meeting in Vienna will show", "names the event"),
    # in Key Points, Summary or Conclusion, a sentence that states the event's day
    ("C202", "The February 5 meeting will show whether", "In Vienna on February 5, ministers will show whether",
     "states the event's date"),
    # two sections that speak of the event, where no majority tells which is right
    ("C204", "The meeting lasts two days.", "The meeting lasts three days.",
     "both sentences speak of the event"),
    ("C202", "Ministers gather in Brussels on February 5", "Ministers gather in Vienna on February 5",
     "both sentences speak of the event"),
])
def test_a_sentence_about_the_event_with_another_value_is_an_error(code, old, new, evidence):
    assert old in EVENT_EN
    mutated = EVENT_EN.replace(old, new)
    errors = error_findings(mutated)
    assert [f.code for f in errors] == [code]
    assert evidence in errors[0].message
    assert line_of(mutated, new) in (errors[0].location.line, *(r.line for r in errors[0].related))


@pytest.mark.parametrize("sentence", [
    "The last summit took place in Rome on December 12.",           # another time
    "Ministers met in Rome in June 2024 to prepare.",                # another year
    "Rutte flew in from Vienna.",                                    # where someone comes from
    "Moscow says the meeting is a provocation.",                     # a government
    "The meeting on December 12 in Rome prepared the agenda, ahead of this one.",
    "Delegates stay in Leuven, near Brussels.",                      # the event city's surroundings
])
def test_background_origins_governments_and_surroundings_are_no_conflict(sentence):
    text = EVENT_EN.replace("Traders in London", sentence + " Traders in London")
    assert error_findings(text) == []


def test_an_event_noun_past_a_quotation_mark_or_a_bracket_governs_no_place():
    # '"… (cet événement)", expliquait X, venue de Philadelphie' (real news): the noun is
    # in a quotation, the place in the reporting clause
    quoted = '"We will drown out (the meeting)," said Anne Roy in Vienna.'
    text = EVENT_EN.replace("Traders in London", quoted + " Traders in London")
    assert error_findings(text) == []
    plain = EVENT_EN.replace("Traders in London",
                             "Anne Roy says the meeting in Vienna is a mistake. Traders in London")
    assert [f.code for f in error_findings(plain)] == ["C202"]


def test_a_capital_that_names_a_government_is_no_scene():
    # « un changement de régime à Téhéran » (real news): the government, not where the
    # event happens; a raid elsewhere on the event's day contradicts nothing
    text = ("Points Clés\n- Le président Paul Durand ne veut pas de changement de régime à "
            "Téhéran.\n- Le président Paul Durand a parlé vendredi 3 janvier d'un changement "
            "de régime à Téhéran.\nRésumé\nLe président Paul Durand a dit vendredi 3 janvier "
            "ne pas vouloir de changement de régime à Téhéran.\nLes Réactions\nLes pays "
            "appellent au calme.\nConclusion\nLe raid ordonné par Paul Durand vendredi "
            "3 janvier à Bagdad inquiète le monde.\n")
    assert error_findings(text) == []
    scene = text.replace("de régime à Téhéran", "du régime à Téhéran").replace(
        "changement du régime à Téhéran", "sommet à Téhéran")
    assert [f.code for f in error_findings(scene)] == ["C202"]


def test_a_place_elsewhere_in_the_conclusion_is_a_warning():
    text = EVENT_EN.replace("The February 5 meeting will show whether the allies follow Mark Rutte.",
                            "Ministers sign the ammunition deal in Vienna.")
    (finding,) = findings(text)
    assert (finding.code, finding.severity.value) == ("C205", "warning")
    assert "'Vienna'" in finding.message and "'Brussels'" in finding.message


def test_two_sections_that_name_the_event_with_two_lengths_conflict():
    # no majority says which is right, but they disagree
    text = ("Points Clés\n- Keir Starmer reçoit les dirigeants à Londres le dimanche 2 mars.\n"
            "- Les pourparlers doivent durer trois jours.\n- La sécurité de l'Europe est en jeu.\n"
            "Résumé\nKeir Starmer accueille à Londres le 2 mars une réunion des dirigeants. "
            "Cette rencontre d'une journée intervient après une visite de Zelensky à Washington, le 28 février.\n"
            "Les Enjeux\nKeir Starmer veut un plan commun.\n"
            "Conclusion\nLa réunion du 2 mars à Londres est un test pour Keir Starmer.\n")
    errors = error_findings(text)
    assert [f.code for f in errors] == ["C204"]
    assert "both sentences speak of the event" in errors[0].message
    consistent = text.replace("doivent durer trois jours", "doivent durer une journée")
    assert error_findings(consistent) == []


SPEECH_FR = """Points Clés
- La sécheresse en Espagne va changer l'agriculture, a déclaré Pedro Sánchez mardi 4 mars à Rome, en Italie.
- Le chef du gouvernement veut des réserves d'eau.
Résumé
La sécheresse en Espagne va changer l'agriculture, a déclaré Pedro Sánchez mardi 4 mars à Rome, en Italie. Il a cité les récoltes perdues.
Les Réserves
Pedro Sánchez veut des réserves communes, a-t-il ajouté à la veille de l'ouverture du sommet européen à Milan.
Conclusion
Pedro Sánchez attend un plan.
"""


def test_a_summit_elsewhere_is_not_the_event_of_a_brief_that_names_no_summit():
    # Key Points and Summary report a statement in Rome and call nothing a summit, a
    # meeting or talks: "the summit in Milan" is another occasion (real news: a speech in
    # Tokyo, "the summit in Osaka" the next day).
    assert error_findings(SPEECH_FR) == []
    # once the headline speaks of the talks, "the summit" may be them: the same kind
    with_talks = SPEECH_FR.replace("Il a cité les récoltes perdues.",
                                   "Les entretiens ont porté sur les récoltes perdues.")
    errors = error_findings(with_talks)
    assert [f.code for f in errors] == ["C202"]
    assert "'Milan'" in errors[0].message and "names the event" in errors[0].message


def test_a_sentence_copied_with_two_values_contradicts_neither():
    # the same sentence in Key Points and Summary gives two countries: each section gives both
    copied = SPEECH_FR.replace("a déclaré Pedro Sánchez mardi 4 mars à Rome, en Italie",
                               "a déclaré Pedro Sánchez mardi 4 mars en Italie et en Espagne")
    assert error_findings(copied) == []


def test_a_noun_past_a_quotation_mark_says_nothing_of_what_a_length_measures():
    # « … sur une période de cinq ans », assure le professeur / « dans un an », selon le
    # professeur: the professor is no thing both lengths measure (real news)
    text = ("Points Clés\n- Le logiciel dit « qui va rechuter sur une période de cinq ans », "
            "assure le professeur Paul Martin.\n- Il sera testé à Dijon.\n"
            "Résumé\nLe logiciel dit « qui va rechuter sur une période de cinq ans », assure le "
            "professeur Paul Martin.\n"
            "Le Marché\nLe logiciel sera vendu « dans un an », selon le professeur.\n"
            "Conclusion\nLe logiciel sera testé à Dijon.\n")
    assert error_findings(text) == []
    # the same noun in the clause of both lengths says what they measure
    war = ("Points Clés\n- La guerre dure depuis quatre ans, dit le professeur Paul Martin.\n"
           "- Il sera à Dijon.\nRésumé\nLa guerre dure depuis quatre ans, dit le professeur "
           "Paul Martin.\nLe Pays\nSix ans après le début de la guerre, le pays est ruiné.\n"
           "Conclusion\nIl sera à Dijon.\n")
    (error,) = error_findings(war)
    assert error.code == "C204" and "measure 'guer" in error.message


def test_a_sentence_that_tells_two_days_does_not_say_which_is_the_events():
    # the Summary tells the court's day and the accident's: that it names the event's
    # people and place says nothing of which day is the event's (real news)
    text = ("Points Clés\n- Marie Dupont a été libérée à Lorient.\n"
            "- Le garçon est sorti du coma à Lorient lundi 1er juillet.\n"
            "Résumé\nLa cour a libéré vendredi 5 juillet Marie Dupont, la conductrice qui a "
            "percuté le garçon le 9 juin à Lorient.\n"
            "Les Faits\nLe garçon est sorti du coma à Lorient lundi 1er juillet. Marie Dupont "
            "attend son procès.\nConclusion\nLe procès aura lieu plus tard.\n")
    assert error_findings(text) == []
    one_day = text.replace(" le 9 juin à Lorient", " à Lorient")
    assert [f.code for f in error_findings(one_day)] == ["C201"]


def test_an_event_named_after_a_contracted_article_is_named():
    # « lors du congrès des 10 et 11 mars »: "du" is the congress's determiner (real news)
    text = ("Points Clés\n- Le président d'honneur demande aux adhérents de rejeter la réforme "
            "lors du congrès des 10 et 11 mars à Paris.\n- Le parti change de nom.\n"
            "- La direction refuse.\nRésumé\nLe parti veut changer de nom.\n"
            "Le Congrès\nLors du congrès des 10 et 11 mars, à Lille, les militants se prononceront "
            "sur une réforme des statuts.\nConclusion\nLa direction attend le vote.\n")
    errors = error_findings(text)
    assert [f.code for f in errors] == ["C202"]
    assert "'Lille'" in errors[0].message and "'Paris'" in errors[0].message
    assert error_findings(text.replace("à Paris", "à Lille")) == []


# --------------------------------------------------------------------- roles

def _roles_brief(first: str, second: str, lang: str = "en") -> str:
    if lang == "fr":
        return (f"Points Clés\n- {first}\n- Le sommet cherche des garanties.\n- La guerre dure depuis quatre ans.\n"
                f"Résumé\nLes alliés se retrouvent à Paris le 6 janvier.\nLes Discussions\n{second}\n"
                "Conclusion\nLe sommet de Paris est un test pour les alliés.\n")
    return (f"Key Points\n- {first}\n- The summit seeks guarantees.\n- The war has lasted four years.\n"
            f"Summary\nThe allies gather in Paris on January 6.\nThe Talks\n{second}\n"
            "Conclusion\nThe Paris summit is a test for the allies.\n")


@pytest.mark.parametrize(("first", "second", "lang"), [
    ("Ukraine's president Volodymyr Zelensky meets the allies in Paris on January 6.",
     "Leaders expect President Petro Poroshenko of Ukraine to present a plan.", "en"),
    ("Le président ukrainien Volodymyr Zelensky rencontre les alliés à Paris le 6 janvier.",
     "Les alliés attendent que le président ukrainien Petro Porochenko présente un plan.", "fr"),
    ("Germany's Finance Minister Lars Klingbeil meets the allies in Paris on January 6.",
     "The allies expect Germany's Finance Minister Christian Lindner to pay.", "en"),
])
def test_one_office_held_by_two_people_is_an_error(first, second, lang):
    errors = error_findings(_roles_brief(first, second, lang))
    assert [f.code for f in errors] == ["C203"]
    assert "office" in errors[0].message


@pytest.mark.parametrize(("first", "second"), [
    # bare titles: two countries' presidents may meet
    ("President Volodymyr Zelensky meets the allies in Paris on January 6.",
     "President Emmanuel Macron hosts the talks."),
    # a former holder
    ("Ukraine's president Volodymyr Zelensky meets the allies in Paris on January 6.",
     "Former Ukrainian president Petro Poroshenko criticised the plan."),
    # one office many hold, without whose it is
    ("Finance Minister Anna Berger meets the allies in Paris on January 6.",
     "Finance Minister Maria Lambert speaks for Portugal."),
    # one person, two names
    ("Ukraine's president Volodymyr Zelensky meets the allies in Paris on January 6.",
     "Leaders expect President Zelensky of Ukraine to present a plan."),
])
def test_no_office_held_twice(first, second):
    assert error_findings(_roles_brief(first, second)) == []


# --------------------------------------------------------------------- the calendar

def _days_brief(key_point: str, summary: str, lang: str = "fr") -> str:
    """A brief whose lead rewords its Summary (no restatement, no event noun), as a real
    lead does: only the weekdays can tell its day from the Summary's."""
    if lang == "fr":
        return (f"Points Clés\n- {key_point}\n- Jacques Chirac perd un vieux compagnon de route.\n"
                "- Il avait 72 ans.\n"
                f"Résumé\n{summary}\nArticle\nLa ville lui rend hommage.\n"
                "Conclusion\nIl laisse un livre sur sa ville.\n")
    return (f"Key Points\n- {key_point}\n- Tributes came from across the party.\n"
            "- He was 72.\n"
            f"Summary\n{summary}\nThe Career\nThe town pays tribute to him.\n"
            "Conclusion\nHe leaves a book about his town.\n")


@pytest.mark.parametrize(("key_point", "summary", "lang", "reason"), [
    ("L'ancien maire de Brive, Bernard Murat, est décédé ce vendredi 29 avril à l'âge de 72 ans.",
     "Ancien maire de Brive de 1995 à 2008, Bernard Murat est mort ce vendredi 27 avril.",
     "fr", "both are given as a Friday of the same month, 2 days apart"),
    ("Les températures vont grimper à partir de ce mercredi 1 août.",
     "Neuf départements étaient placés en vigilance orange ce mardi 31 août.",
     "fr", "the 1st is given as a Wednesday and the 31st of the same month as a Tuesday"),
    ("The former mayor died on Friday, April 29, aged 72.",
     "Bernard Murat, mayor of Brive from 1995 to 2008, passed away on Friday, April 27.",
     "en", "both are given as a Friday of the same month, 2 days apart"),
    # two months: the article's own slip (in 2019, 25 April was the Thursday)
    ("Jeudi 26 avril, Emmanuel Macron a annoncé une baisse de l'impôt sur le revenu.",
     "Bercy privilégie une baisse de la première tranche, selon Le Figaro, jeudi 9 mai.",
     "fr", "26 April is given as a Thursday and 9 May, 13 days later, as a Thursday"),
    ("Bernard Murat est décédé ce mardi 1er mai à Brive.",
     "La ville avait fêté ses 72 ans mardi 30 avril.",
     "fr", "1 May is given as a Tuesday and 30 April, 1 day earlier, as a Tuesday"),
])
def test_two_close_days_the_calendar_rules_out_are_an_error(key_point, summary, lang, reason):
    text = _days_brief(key_point, summary, lang)
    errors = error_findings(text)
    assert [f.code for f in errors] == ["C201"]
    assert reason in errors[0].message
    assert {errors[0].location.line, errors[0].related[0].line} == {2, 6}


def test_the_day_the_calendar_rules_out_against_two_others_is_the_one_reported():
    text = _days_brief("La grève a commencé ce mercredi 22 février.",
                       "Les syndicats ont manifesté samedi 24 février.").replace(
        "La ville lui rend hommage.", "Une nouvelle journée est prévue lundi 26 février.")
    errors = error_findings(text)
    assert [(f.code, f.location.line) for f in errors] == [("C201", 2)]
    assert "'mercredi 22 février'" in errors[0].message.split(" contradicts ")[0]


def test_a_wrong_day_is_reported_against_the_day_it_was_most_likely_meant_to_be():
    """Against a day of its weekday, not one of another weekday that the brief gives first."""
    text = _days_brief("Bernard Murat est décédé ce vendredi 17 avril.",
                       "Ses obsèques auront lieu mardi 24 avril.").replace(
        "La ville lui rend hommage.", "Il s'est éteint vendredi 20 avril à Brive.")
    errors = error_findings(text)
    assert [(f.location.line, f.related[0].line) for f in errors] == [(2, 8)]
    assert "vendredi 20 avril" in errors[0].message


@pytest.mark.parametrize(("key_point", "summary", "lang"), [
    # seven days apart: two Fridays of one month
    ("L'ancien maire de Brive est décédé ce vendredi 20 avril.",
     "Bernard Murat est mort ce vendredi 27 avril.", "fr"),
    # the weekdays agree with the gap (the 27th a Friday, the 30th a Monday)
    ("Ses obsèques auront lieu lundi 30 avril à Brive.",
     "Bernard Murat est mort ce vendredi 27 avril.", "fr"),
    # another year, in words
    ("L'an dernier, le samedi 29 avril, il inaugurait la médiathèque.",
     "Bernard Murat est mort ce vendredi 27 avril.", "fr"),
    ("Last year, on Saturday, April 29, he opened the library.",
     "Bernard Murat passed away on Friday, April 27.", "en"),
    # another year, in numbers
    ("Il avait été élu le dimanche 29 avril 2001.",
     "Bernard Murat est mort ce vendredi 27 avril 2024.", "fr"),
    # far apart: "Thursday, February 6" and "Thursday, November 6" may be of two years
    ("Bernard Murat est décédé ce jeudi 6 novembre.",
     "Une journée de mobilisation a eu lieu jeudi 6 février.", "fr"),
    # across a new year: four days apart
    ("Bernard Murat est décédé ce jeudi 2 janvier.",
     "Il avait fêté Noël avec les siens, dimanche 29 décembre.", "fr"),
    # across February: a Sunday 28 February and a Tuesday 1 March, in a leap year
    ("Bernard Murat est décédé ce mardi 1er mars.",
     "Il présidait encore le conseil dimanche 28 février.", "fr"),
])
def test_days_the_calendar_allows_are_no_error(key_point, summary, lang):
    assert error_findings(_days_brief(key_point, summary, lang)) == []


# --------------------------------------------------------------------- briefs of real news's shapes

@pytest.mark.parametrize("path", TRAPS, ids=[p.name for p in TRAPS])
def test_clean_briefs_with_real_news_traps_give_no_conflict_error(path):
    """Briefs written for this test with the traps of real news (words opening sentences,
    regions, holidays, titles, possessives, two election rounds, ages): no error."""
    text = path.read_text(encoding="utf-8")
    report = check_text(text, path.name, None, Config(select=("C2",)))
    assert report.error is None
    assert [f.message for f in report.findings if f.severity.value == "error"] == []


def test_the_traps_are_briefs_of_every_format_and_both_languages():
    formats = {load(p.read_text(encoding="utf-8"), p.name).lang + p.suffix for p in TRAPS}
    assert {"en.txt", "fr.txt", "en.md", "fr.md", "en.html"} <= formats


@pytest.mark.parametrize(("lang", "text", "marked"), [
    ("en", "The last summit took place in Rome.", True),
    ("en", "The meeting lasts two days.", False),
    ("en", "He will chair the afternoon session.", False),
    ("en", "The treaty was signed in 2022.", True),
    ("fr", "Le sommet précédent s'est tenu à La Haye.", True),
    ("fr", "Elle présidera la séance de l'après-midi.", False),
    ("fr", "La séance reprend après le déjeuner.", True),
])
def test_a_marker_of_another_time_is_a_whole_word(lang, text, marked):
    from checker.conflicts.wording import marker_pattern, marker_text

    assert bool(marker_pattern(lang, "background").search(marker_text(text))) == marked
