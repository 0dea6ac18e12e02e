"""Stances on what a statement does not hold as its speaker's side (issue 13, twenty-sixth session): a question put
to the speaker ("was asked whether …", ``asked_frame``), asking what something will be ("wants to know what
guarantees …", ``unknown``), an issue among alternatives that make no difference ("whether it is a peace agreement or
a ceasefire"), the neutrality asked of a mission (not Ukraine's status), and a negation that a main verb opens
("has no intention of …"), which does not reach a clause coordinated with its own. Sentences of our own writing,
through the whole pipeline (the real parser decides), the learned model off unless a test says so."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import NEWS, RULES, analyse_text, rule_sides
from helpers import rule_stances as stances

ROOT = Path(__file__).resolve().parents[1]
HAS_IT_PARSER = (ROOT / "src" / "garante" / "data" / "models" / "it_garante" / "meta.json").is_file()


def _statement(text: str, words: str, ctx=RULES):
    doc = analyse_text(text, ctx=ctx)
    return next(st for st in doc.statements if words in st.content)


# -- a question put to the speaker --------------------------------------------------------------------------

def test_the_question_put_to_a_speaker_takes_no_side():
    st = _statement("Donald Trump was asked if security guarantees for Kyiv could involve American troops.",
                    "security guarantees for Kyiv")
    assert st.stances == []


def test_the_question_put_to_a_speaker_takes_no_side_with_the_model_either():
    st = _statement("Donald Trump was asked if security guarantees for Kyiv could involve American troops.",
                    "security guarantees for Kyiv", ctx=NEWS)
    assert st.stances == []


def test_a_quoted_question_after_asked_directly_takes_no_side():
    st = _statement("John Healey was asked directly: “Does the plan still include sending British troops to Ukraine?”",
                    "British troops")
    assert st.stances == []


def test_the_same_words_said_as_a_claim_take_a_side():
    got = stances("John Healey said: “The plan still includes sending British troops to Ukraine.”")
    assert got["foreign_troops_in_ukraine"][0] == "support"


# -- asking is not knowing -----------------------------------------------------------------------------------

def test_wanting_to_know_what_guarantees_takes_no_side():
    got = stances("Slovakia wants to know what security guarantees it will get for its gas supplies, the minister said.")
    assert "western_security_guarantees" not in got


def test_wanting_the_guarantees_still_supports_them():
    got = stances("Kyiv wants robust security guarantees for its future, the minister said.")
    assert got["western_security_guarantees"][0] == "support"


@pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
def test_wondering_whether_in_italian_takes_no_side():
    got = stances("Il ministro ha detto che la Slovacchia si chiede quali solide garanzie di sicurezza avrà per il gas.")
    assert "western_security_guarantees" not in got


# -- the neutrality of a mission ---------------------------------------------------------------------------

@pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
def test_the_neutrality_of_a_mission_is_not_ukraines():
    got = stances("Il ministro ha detto che serve garantire la neutralità della missione di pace.")
    assert "ukraine_neutrality" not in got


@pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
def test_the_neutrality_of_ukraine_is():
    got = stances("Il ministro ha detto che Mosca chiede la neutralità dell'Ucraina.")
    assert got["ukraine_neutrality"][0] == "support"


def test_the_neutrality_of_the_force_is_not_ukraines_in_english():
    got = stances("The minister said that the neutrality of the peacekeeping force must be guaranteed.")
    assert "ukraine_neutrality" not in got


# -- a negation that a main verb opens, beside another clause ----------------------------------------------------

def test_a_negation_opened_by_a_verb_does_not_reach_the_coordinated_clause():
    got = rule_sides("Lavrov said that Moscow has no intention of attacking the alliance and is prepared to give "
                     "legally binding security guarantees to that effect.")
    assert "oppose" not in got.values()
    assert got["collective_security_with_russia"] == "support"


def test_a_negation_opened_by_a_verb_still_negates_its_own_clause():
    got = rule_sides("Lavrov said that Moscow has no intention of giving legally binding security guarantees.")
    assert got["western_security_guarantees"] == "oppose"


# -- alternatives that make no difference ----------------------------------------------------------------------

def test_an_issue_named_among_indifferent_alternatives_takes_no_side():
    got = stances("The minister said that the first layer, whether it is a peace agreement or a long-term ceasefire, "
                  "requires a strong Ukrainian army.")
    assert "ceasefire" not in got


def test_wanting_a_ceasefire_whatever_its_venue_still_supports_it():
    got = stances("The minister said that Kyiv wants a ceasefire, whether it is signed in Istanbul or in Riyadh.")
    assert got["ceasefire"][0] == "support"
