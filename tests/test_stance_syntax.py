"""Stance rules that read the parse (extract/stance_syntax.py): what a rejection word bears on, and a
rejection that is itself negated. The rules alone (no learned model), on sentences of our own, through
the whole pipeline so that the real parser decides."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import rule_stances as stances

ROOT = Path(__file__).resolve().parents[1]
HAS_IT_PARSER = (ROOT / "src" / "garante" / "data" / "models" / "it_garante" / "meta.json").is_file()


def test_a_negated_rejection_is_support():
    got = stances('Ryabkov said on Friday that Moscow does not believe its draft of legally binding security '
                  'guarantees is unacceptable to Washington and its allies.')
    assert got["collective_security_with_russia"] == ("support", "double-negative")


@pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
def test_a_negated_rejection_is_support_in_italian():
    got = stances("Il ministro Lavrov ha detto che la presenza di truppe europee in Ucraina non è "
                  "inaccettabile per Mosca.")
    assert got["foreign_troops_in_ukraine"] == ("support", "double-negative")


@pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
def test_a_rejection_completed_by_its_verb_still_bears_on_the_object():
    got = stances("Il Cremlino ha definito inaccettabile la presenza di truppe europee in Ucraina, ha detto Peskov.")
    assert got["foreign_troops_in_ukraine"][0] == "oppose"


def test_a_rejection_in_a_coordinated_clause_leaves_the_other_clause_alone():
    got = stances("Lavrov said Moscow opposes any temporary truce and stands firm on its core demands, "
                  "namely that Kyiv withdraw from the regions Russia claims as its own.")
    assert got["ceasefire"][0] == "oppose"
    assert got["territorial_withdrawal"][0] == "support"  # the demand the rejection does not reach


def test_a_rejection_in_the_next_sentence_is_not_the_issues():
    got = stances('Yellen said: "It is time to stop the killing and to agree a ceasefire now. Given the '
                  "Kremlin's refusal to halt this pointless war, we are sanctioning three more Russian "
                  'banks."')
    assert got["ceasefire"][0] == "support"


def test_a_negation_on_the_noun_a_rejection_word_modifies_is_not_a_double_negative():
    got = stances('Trump wrote that the best way to end the war was to go directly to a peace agreement, '
                  '"and not a mere Ceasefire Agreement, which often times do not hold up".')
    assert got["ceasefire"][0] != "support"


def test_being_among_the_root_causes_is_blame_not_a_condition():
    got = stances("Lavrov said that the enlargement of NATO is among the root causes of this conflict.")
    assert got["nato_eastward_expansion"] == ("oppose", "rejection")
