"""Issue detection in everyday wording (issue 13, twenty-ninth session): the nine issues of
eval/stance/stance3/ named the way journalists name them ("a single soldier", "a security shield", "an
American umbrella", "the candidacy to the Alliance", "outside any military bloc", "a frozen front line",
"restrictions on Russia", "against Russia but together with it", "hand a village to the occupiers"), each
found with its side, its rule and its evidence span; and words that look alike but name something else.
Sentences of our own, through the whole pipeline (the stance model off)."""
from __future__ import annotations

from pathlib import Path

import pytest

from garante.pipeline import analyse_text
from helpers import RULES, issue_stances, rule_stances

ROOT = Path(__file__).resolve().parents[1]
HAS_IT_PARSER = (ROOT / "src" / "garante" / "data" / "models" / "it_garante" / "meta.json").is_file()
it_parser = pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")


@pytest.mark.parametrize("text,issue,side", [
    ("The Czech prime minister said Prague would never send a single soldier to Ukraine.",
     "foreign_troops_in_ukraine", "oppose"),
    ("The Danish defence minister said the allies must build a security shield for Ukraine.",
     "western_security_guarantees", "support"),
    ("The Belgian prime minister said the allies would come to Kyiv's defence after any new Russian assault.",
     "western_security_guarantees", "support"),
    ("The Finnish president said any European force would need an American umbrella.", "us_backstop", "support"),
    ("A White House adviser said American forces would play no role in the reassurance mission.",
     "us_backstop", "oppose"),
    ("The Pentagon chief said Washington would not defend Kyiv if Moscow struck again.", "us_backstop", "oppose"),
    ("The Slovak foreign minister said Bratislava would block Kyiv's bid to join the Western alliance.",
     "ukraine_nato_membership", "oppose"),
    ("The Russian deputy foreign minister said Ukraine must remain outside all military blocs.",
     "ukraine_neutrality", "support"),
    ("The Brazilian president said a frozen front line would at least stop the killing.", "ceasefire", "support"),
    ("The Swedish foreign minister said Europe would adopt a new package of restrictions in March.",
     "sanctions_on_russia", "support"),
    ("The Russian ambassador said security in Europe must be built not against Russia but together with it.",
     "collective_security_with_russia", "support"),
    ("The Ukrainian foreign minister said Kyiv would never hand a single town to the invaders.",
     "territorial_withdrawal", "oppose"),
    ("The Ukrainian president said the line of contact can never become an official border.",
     "territorial_withdrawal", "oppose"),
    pytest.param("Il ministro della Difesa ceco ha detto che Praga non invierà un solo soldato in Ucraina.",
                 "foreign_troops_in_ukraine", "oppose", marks=it_parser),
    pytest.param("Il ministro danese ha detto che gli alleati devono costruire uno scudo per l'Ucraina.",
                 "western_security_guarantees", "support", marks=it_parser),
    pytest.param("Il presidente finlandese ha detto che la forza europea avrà bisogno di un ombrello americano.",
                 "us_backstop", "support", marks=it_parser),
    pytest.param("Un consigliere della Casa Bianca ha detto che le forze armate americane non avranno alcun ruolo"
                 " nella missione.", "us_backstop", "oppose", marks=it_parser),
    pytest.param("Il ministro degli Esteri slovacco ha detto che Bratislava bloccherà la candidatura dell'Ucraina"
                 " alla Nato.", "ukraine_nato_membership", "oppose", marks=it_parser),
    pytest.param("Il viceministro russo ha detto che l'Ucraina deve restare al di fuori da ogni alleanza militare.",
                 "ukraine_neutrality", "support", marks=it_parser),
    pytest.param("Il presidente brasiliano ha detto che una linea del fronte congelata fermerebbe almeno le stragi.",
                 "ceasefire", "support", marks=it_parser),
    pytest.param("Il ministro svedese ha detto che l'Europa adotterà nuove restrizioni contro la Russia a marzo.",
                 "sanctions_on_russia", "support", marks=it_parser),
    pytest.param("L'ambasciatore russo ha detto che la sicurezza in Europa va costruita non contro la Russia ma"
                 " insieme a essa.", "collective_security_with_russia", "support", marks=it_parser),
    pytest.param("Il presidente ucraino ha detto che la linea del fronte non potrà mai diventare il nuovo confine.",
                 "territorial_withdrawal", "oppose", marks=it_parser),
])
def test_everyday_wording_names_the_issue(text, issue, side):
    found = rule_stances(text)
    assert issue in found, found
    assert found[issue][0] == side, found


def test_a_new_cue_keeps_its_evidence_span_and_rule():
    text = "The Czech prime minister said Prague would never send a single soldier to Ukraine."
    doc = analyse_text(text, ctx=RULES)
    stance = next(s for st in doc.statements for s in st.stances if s.issue == "foreign_troops_in_ukraine")
    assert stance.rule and "single soldier" in text[stance.evidence_start:stance.evidence_end]


@pytest.mark.parametrize("content,lang,issue", [
    # another shield: a missile, a tax or a human one
    ("Poland wants a missile shield over its eastern border", "en", "western_security_guarantees"),
    ("Europe must build an air-defence shield over its own cities", "en", "western_security_guarantees"),
    ("Kiev chiede uno scudo antiaereo sulle sue città", "it", "western_security_guarantees"),
    ("the government will keep the tax shield for small firms", "en", "western_security_guarantees"),
    ("il governo manterrà lo scudo fiscale per le piccole imprese", "it", "western_security_guarantees"),
    # a pull-back from villages, a move of the battle
    ("the brigade withdrew its forces from two villages to save lives", "en", "territorial_withdrawal"),
    # restrictions on something at home
    ("the government will ease restrictions on shop opening hours", "en", "sanctions_on_russia"),
    ("il governo allenterà le restrizioni sugli orari dei negozi", "it", "sanctions_on_russia"),
])
def test_look_alike_words_name_no_issue(content, lang, issue):
    assert issue not in issue_stances(content, lang)


def test_the_condition_of_a_guarantee_is_not_its_cue():
    # "defend Ukraine if ...": the pledge names the guarantee, the if-clause is its trigger, not a second cue
    # that would put the issue inside a condition and silence it
    found = issue_stances("the allies will defend Ukraine if Russia attacks again", "en")
    assert found.get("western_security_guarantees") in ("support", "conditional")
