"""The side of a stance, twenty-first session (issue 13), on sentences of our own writing, rules alone, through
the whole pipeline (the parse decides):

- a rejection word of the reporting clause is said of its own predicate's object, not of what a predicate
  coordinated with it heads ("blocked the aid and has urged Kyiv to stop fighting");
- a gerund with no subject, the object of the reporting verb, is what it rejects ("ruled out sending troops");
- a condition whose verb is a harm ("if Russia attacks again") is what sets off the guarantee, not a condition on it;
- putting the issue off until something else happens is a condition (the corpus guide's "sanctions should wait
  until our gas supply is settled").
"""
from __future__ import annotations

from conftest import needs_it_parser as needs_it
from helpers import rule_stances as parsed


def test_rejection_of_a_coordinated_predicate_does_not_turn_down_the_content():
    got = parsed("The Hungarian premier has repeatedly blocked new arms packages for Kyiv and has consistently "
                 "called for Ukraine to cease fighting and start talks with Moscow.")
    assert got["ceasefire"][0] == "support"


def test_rejection_said_in_a_coordinated_clause_does_not_reach_the_argued_content():
    got = parsed("The minister said that any Western shield for Kyiv would be unacceptable, and argued that "
                 "Russia has to be a party to any security arrangement in Europe.")
    assert got["collective_security_with_russia"][0] == "support"


def test_rejection_of_the_content_itself_still_opposes():
    got = parsed("The Hungarian premier has repeatedly rejected calls for a ceasefire along the front line.")
    assert got["ceasefire"][0] == "oppose"


def test_a_gerund_ruled_out_is_what_is_rejected():
    got = parsed("Defence Secretary John Miller also ruled out sending American troops to help keep the peace "
                 "in Ukraine after a deal.")
    assert got["us_backstop"][0] == "oppose"


@needs_it
def test_italian_guarantee_set_off_by_an_attack_is_supported_not_conditional():
    got = parsed("Il premier britannico ha detto che l'Europa è pronta a fornire garanzie di sicurezza all'Ucraina "
                 "se la Russia attaccasse di nuovo.")
    assert got["western_security_guarantees"][0] == "support"


def test_english_guarantee_set_off_by_an_attack_is_supported_not_conditional():
    got = parsed("The allies said they would provide security guarantees to Ukraine if Russia attacks it again.")
    assert got["western_security_guarantees"][0] == "support"


def test_english_ordinary_condition_stays_conditional():
    got = parsed("The allies said they would provide security guarantees to Ukraine only if a peace deal is signed.")
    assert got["western_security_guarantees"][0] == "conditional"


def test_sanctions_put_off_until_something_else_are_conditional():
    got = parsed("The premier said Bratislava will ask to delay the vote on the next sanctions package against "
                 "Russia until the dispute over oil transit is resolved.")
    assert got["sanctions_on_russia"][0] == "conditional"
