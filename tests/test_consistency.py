"""Consistency rules on minimal pairs (consistent vs one fact changed), French and English,
and the seed brief, which must give no consistency error."""

from __future__ import annotations

import pytest

from checker import check_text
from checker.config import Config
from conftest import ROOT

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
