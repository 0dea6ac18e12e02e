"""A negation inside what is demanded or guaranteed (extract/stance_syntax._content_clause): the "that"-clause
of a demand, guarantee or condition is its content, and a "not" in it negates the content, not the demand,
also where the parser hangs the clause on the verb that holds the noun. Sentences of our own, rules only
(no learned model), through the whole pipeline so that the real parser decides."""
from __future__ import annotations

from pathlib import Path

import pytest

from garante.extract import stance_syntax

from helpers import rule_stances as stances

ROOT = Path(__file__).resolve().parents[1]
HAS_EN_PARSER = (ROOT / "src" / "garante" / "data" / "models" / "en_garante" / "meta.json").is_file()


def test_content_heads_are_language_data():
    assert {"guarantee", "demand", "ensure"} <= stance_syntax.words("en", "content_heads")
    assert {"garanzia", "chiedere", "garantire"} <= stance_syntax.words("it", "content_heads")
    assert "say" not in stance_syntax.words("en", "content_heads")


@pytest.mark.skipif(not HAS_EN_PARSER, reason="English parser not installed")
def test_a_negation_inside_the_guarantee_asked_for_is_no_refusal_of_it():
    got = stances("The Polish foreign minister said Warsaw wants security guarantees that Russia will not "
                  "attack Ukraine again.")
    assert got["western_security_guarantees"][0] == "support"


@pytest.mark.skipif(not HAS_EN_PARSER, reason="English parser not installed")
def test_the_issue_inside_the_demanded_clause_keeps_its_negation():
    got = stances("The Kremlin spokesman said Moscow seeks assurances that Ukraine will never join NATO.")
    assert got["ukraine_nato_membership"][0] == "oppose"


@pytest.mark.skipif(not HAS_EN_PARSER, reason="English parser not installed")
def test_a_negated_demand_is_still_a_refusal():
    got = stances("The Polish foreign minister said Warsaw does not want security guarantees that depend on "
                  "Moscow.")
    assert got["western_security_guarantees"][0] == "oppose"


@pytest.mark.skipif(not HAS_EN_PARSER, reason="English parser not installed")
def test_the_content_of_a_guarantee_keeps_the_negation_of_its_own_issue():
    got = stances("The Italian defence minister said Rome wants a guarantee that foreign troops will not be sent "
                  "to Ukraine.")
    assert got["foreign_troops_in_ukraine"][0] == "oppose"


HAS_IT_PARSER = (ROOT / "src" / "garante" / "data" / "models" / "it_garante" / "meta.json").is_file()


@pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
def test_guarantees_that_must_not_resemble_an_old_treaty_are_still_wanted():
    got = stances("Il ministro Tajani ha detto che le garanzie di sicurezza non devono somigliare al memorandum "
                  "di Budapest.")
    assert got["western_security_guarantees"][0] == "support"


@pytest.mark.skipif(not HAS_EN_PARSER, reason="English parser not installed")
def test_a_likened_guarantee_is_no_refusal_but_a_plain_negation_is():
    got = stances("The Ukrainian president said the security guarantees must not resemble the Budapest memorandum.")
    assert got["western_security_guarantees"][0] == "support"
    got = stances("The German chancellor said NATO troops must not be deployed in Ukraine.")
    assert got["foreign_troops_in_ukraine"] == ("oppose", "negation")


def test_likeness_words_are_language_data():
    assert "resemble" in stance_syntax.words("en", "likeness")
    assert "somigliare" in stance_syntax.words("it", "likeness")
