"""The side of a stance, second pass (nineteenth session, issue 13), on sentences of our own writing, rules
alone, through the whole pipeline (the parse decides):

- a "non" on the issue's noun turns that alternative down even where the tagger takes the noun for a verb
  ("non un immediato cessate il fuoco": "cessate" tagged as the verb, but it heads a determiner, which only a
  noun does).
"""
from __future__ import annotations

from conftest import needs_it_parser as needs_it, rule_stances as parsed


@needs_it
def test_italian_negated_noun_with_an_adjective_before_it_is_turned_down():
    got = parsed("Il ministro ha detto che serve un accordo di pace stabile e non un immediato cessate il fuoco.")
    assert got["ceasefire"] == ("oppose", "negated-noun")


@needs_it
def test_italian_same_noun_without_negator_keeps_its_support():
    got = parsed("Il ministro ha detto che serve un immediato cessate il fuoco.")
    assert got["ceasefire"][0] == "support"
