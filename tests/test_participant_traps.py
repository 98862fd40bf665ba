"""Secondary people and organisations a news brief names in passing are no participant
conflict: quoted experts, deputies, predecessors, opposition leaders, companies and rating
agencies, each set into the body of a consistent brief whose headline person is the finance
minister. These sentences were written from news style, not from the rules (they were
written for the stranger checks that checker.conflicts replaced); they guard precision while
the participant rules grow their recall."""

from __future__ import annotations

import pytest

from checker import check_text
from checker.config import Config
from conftest import line_of

EN = """Key Points
- Nordic finance ministers meet in Stockholm on Thursday, May 7, to discuss a levy on bank profits.
- Swedish Finance Minister Eva Lindqvist chairs the talks.
- The meeting lasts two days.
Summary
Eva Lindqvist hosts her Nordic counterparts in Stockholm on May 7 for two days of talks on the levy. Banks have earned record profits since interest rates rose.
The Levy
Eva Lindqvist wants the levy to fund cheaper mortgages for first-time buyers. The banks say it will raise the cost of credit for small firms.
Conclusion
The two-day meeting in Stockholm from May 7 will show whether Eva Lindqvist can rally her neighbours. A decision is expected before the summer.
"""

FR = """Points Clés
- Les ministres des Finances nordiques se réunissent à Stockholm le jeudi 7 mai pour discuter d'une taxe sur les banques.
- La ministre suédoise des Finances Eva Lindqvist préside les discussions.
- La réunion dure deux jours.
Résumé Rapide
Eva Lindqvist reçoit ses homologues nordiques à Stockholm le 7 mai pour deux jours de discussions sur la taxe. Les banques ont engrangé des bénéfices records depuis la hausse des taux.
La Taxe
Eva Lindqvist veut que la taxe finance des prêts moins chers pour les primo-accédants. Les banques affirment qu'elle renchérira le crédit aux petites entreprises.
Conclusion
La réunion de deux jours à Stockholm, à partir du 7 mai, montrera si Eva Lindqvist peut convaincre ses voisins. Une décision est attendue avant l'été.
"""

TRAPS_EN = [
    "Chancellor Friedrich Merz, who hosted a similar meeting last year, sent a video message.",
    "According to Maria Lambert, chief economist at Nordea, banks can afford the levy.",
    "Critics include Maria Lambert, who leads the bankers' association.",
    "Banks led by Nordea and Handelsbanken have lobbied against the plan.",
    "Moody's has warned that the levy could weaken smaller lenders.",
    "Opposition leader Magdalena Andersson called the plan a tax grab.",
    "In a letter, Maria Lambert and Jonas Keller, two bank chiefs, asked for a delay.",
    "Eva Lindqvist's deputy, Jonas Keller, will chair the afternoon session.",
    "Jonas Keller, her deputy, will chair the afternoon session.",
    "Lindqvist's predecessor, Mikael Damberg, had ruled out such a levy.",
    "Hungary's Viktor Orban introduced a similar tax in 2010.",
    "Viktor Orban introduced a similar tax in Hungary in 2010.",
    "Nordea said it would pass the cost on to customers.",
    "Her state secretary Jonas Keller will brief the press.",
    "Bank chief Johann Strobl says the levy punishes savers.",
    "The plan is backed by Prime Minister Ulf Kristersson.",
    # a stop word capitalised after a colon or opening a quote is no name's first word
    "The banks' answer was blunt: We Will Not Pay, their campaign says.",
    'The bankers\' slogan, "It Is Enough", is printed on every branch window.',
]

TRAPS_FR = [
    "Selon Maria Lambert, économiste chez Nordea, les banques peuvent payer.",
    "Le patron de Nordea, Johann Strobl, dénonce une mesure injuste.",
    "Moody's a averti que la taxe pourrait fragiliser les petites banques.",
    "La cheffe de l'opposition Magdalena Andersson parle d'un impôt déguisé.",
    "Son prédécesseur, Mikael Damberg, avait écarté une telle taxe.",
    "Jonas Keller, son adjoint, présidera la séance de l'après-midi.",
    "Les banques, emmenées par Nordea et Handelsbanken, ont mené campagne contre le projet.",
    "Dans une lettre, Maria Lambert et Jonas Keller, deux dirigeants de banques, demandent un report.",
    "Le texte s'inspire d'une taxe adoptée en Hongrie par Viktor Orbán en 2010.",
    "La visite d'État du roi de Norvège, prévue en juin, a été reportée.",
    "Nordea affirme qu'elle répercutera le coût sur ses clients.",
    "Le Premier ministre Ulf Kristersson soutient le projet.",
    "Pour Maria Lambert, de la Chambre de commerce, la taxe est injuste.",
]


def _errors(text: str):
    return [f for f in check_text(text, "b.txt", "text", Config(select=("C2",))).findings
            if f.severity == "error"]


def _in_body(text: str, sentence: str) -> str:
    head, rest = text.split("\nConclusion\n")
    return f"{head} {sentence}\nConclusion\n{rest}"


@pytest.mark.parametrize("text", [EN, FR], ids=["en", "fr"])
def test_host_briefs_are_consistent(text):
    assert _errors(text) == []


@pytest.mark.parametrize(("text", "sentence"),
                         [(EN, s) for s in TRAPS_EN] + [(FR, s) for s in TRAPS_FR])
def test_people_named_in_passing_are_no_participant_conflict(text, sentence):
    assert _errors(_in_body(text, sentence)) == []


@pytest.mark.parametrize(("text", "sentence"), [
    # The same host briefs do catch the minister's office given to someone else: the traps
    # above pass because they are secondary people, not because the host hides every conflict.
    (EN, "Swedish Finance Minister Anna Berg will chair the afternoon session."),
    (FR, "La ministre suédoise des Finances Anna Berg présidera la séance de l'après-midi."),
])
def test_the_host_ministers_office_given_to_someone_else_is_a_conflict(text, sentence):
    mutated = _in_body(text, sentence)
    errors = _errors(mutated)
    assert [e.code for e in errors] == ["C203"]
    assert "Anna Berg" in errors[0].message and "Eva Lindqvist" in errors[0].message
    assert errors[0].location.line == line_of(mutated, sentence)


# Secondary people in the sections that restate the event (Key Points, Summary, Conclusion),
# each as (text, what it replaces or follows, the new text).
_KP_EN, _KP_FR = "- The meeting lasts two days.", "- La réunion dure deux jours."
_SUM_EN = "Banks have earned record profits since interest rates rose."
_SUM_FR = "Les banques ont engrangé des bénéfices records depuis la hausse des taux."
_END_EN, _END_FR = "A decision is expected before the summer.", "Une décision est attendue avant l'été."
_CONC_EN = "The two-day meeting in Stockholm from May 7 will show whether Eva Lindqvist can rally her neighbours."
_CONC_FR = ("La réunion de deux jours à Stockholm, à partir du 7 mai, montrera si Eva Lindqvist peut "
            "convaincre ses voisins.")
RESTATING_TRAPS = [
    (EN, _KP_EN, _KP_EN + "\n- Norway's central bank governor Ida Wolden Bache will also attend."),
    (EN, _KP_EN, _KP_EN + "\n- Former finance minister Mikael Damberg first proposed the levy."),
    (EN, _KP_EN, _KP_EN + "\n- Banks such as Nordea and SEB oppose the plan."),
    (EN, _END_EN, "A decision is expected before the summer; opposition leader Magdalena Andersson has vowed to fight it."),
    (EN, _END_EN, "Moody's will publish its own assessment in June."),
    (EN, _SUM_EN, "Banks have earned record profits since interest rates rose, says economist Maria Lambert of Nordea."),
    (EN, _SUM_EN, "Nordea chief executive Frank Vang-Jensen calls the levy a mistake."),
    (EN, _CONC_EN, "The two-day meeting in Stockholm from May 7 will show whether the Nordic countries can "
                   "agree. The European Central Bank will also give its opinion."),
    (FR, _KP_FR, _KP_FR + "\n- Le gouverneur de la banque centrale norvégienne Ida Wolden Bache y assiste aussi."),
    (FR, _KP_FR, _KP_FR + "\n- L'ancien ministre Mikael Damberg avait le premier proposé la taxe."),
    (FR, _KP_FR, _KP_FR + "\n- Des banques comme Nordea et SEB s'opposent au projet."),
    (FR, _END_FR, "Une décision est attendue avant l'été ; la cheffe de l'opposition Magdalena Andersson "
                  "promet de la combattre."),
    (FR, _END_FR, "Moody's publiera sa propre évaluation en juin."),
    (FR, _SUM_FR, "Le directeur général de Nordea, Frank Vang-Jensen, juge la taxe malvenue."),
    (FR, _SUM_FR, "Selon l'économiste Maria Lambert, les banques ont engrangé des bénéfices records."),
    (FR, _CONC_FR, "La réunion de deux jours à Stockholm, à partir du 7 mai, montrera si les pays nordiques "
                   "peuvent s'entendre. La Banque centrale européenne donnera aussi son avis."),
]


# The Summary names the minister only in a sentence about another time; the person it names
# in the other one has a role or a title: someone else, not the minister's place taken.
_SUMMARY_EN = ("Eva Lindqvist hosts her Nordic counterparts in Stockholm on May 7 for two days of "
               "talks on the levy. " + _SUM_EN)
_SUMMARY_FR = ("Eva Lindqvist reçoit ses homologues nordiques à Stockholm le 7 mai pour deux "
               "jours de discussions sur la taxe. " + _SUM_FR)
RESTATING_TRAPS += [
    # French bodies named by their kind, in passing (no headline organisation to replace)
    (FR, _KP_FR, _KP_FR + "\n- L'Autorité bancaire européenne juge la taxe risquée."),
    (FR, _END_FR, "La Cour des comptes publiera son avis en juin."),
    (EN, _SUMMARY_EN, "Nordic ministers meet in Stockholm on May 7 for two days of talks on a levy "
                      "that Eva Lindqvist first proposed last year. Nordea chief executive Frank "
                      "Vang-Jensen calls it a mistake."),
    (EN, _SUMMARY_EN, "Nordic ministers meet in Stockholm on May 7 for two days of talks on a levy "
                      "that Eva Lindqvist first proposed last year. Economist Maria Lambert says "
                      "banks can afford it."),
    (FR, _SUMMARY_FR, "Les ministres nordiques se retrouvent à Stockholm le 7 mai pour deux "
                      "jours de discussions sur une taxe qu'Eva Lindqvist avait proposée l'an "
                      "dernier. Le directeur général de Nordea, Frank Vang-Jensen, juge la taxe "
                      "malvenue."),
    (FR, _SUMMARY_FR, "Les ministres nordiques se retrouvent à Stockholm le 7 mai pour deux "
                      "jours de discussions sur une taxe qu'Eva Lindqvist avait proposée l'an "
                      "dernier. L'économiste Maria Lambert juge que les banques peuvent payer."),
]


@pytest.mark.parametrize(("text", "old", "new"), RESTATING_TRAPS)
def test_people_named_in_passing_in_restating_sections_are_no_participant_conflict(text, old, new):
    assert old in text
    assert _errors(text.replace(old, new)) == []
