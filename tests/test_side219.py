"""The side of a stance, second pass (nineteenth session, issue 13), on sentences of our own writing, rules
alone, through the whole pipeline (the parse decides):

- a "non" on the issue's noun turns that alternative down even where the tagger takes the noun for a verb
  ("non un immediato cessate il fuoco": "cessate" tagged as the verb, but it heads a determiner, which only a
  noun does);
- a limited form of the issue turned down ("a short truce is unacceptable", "a two-day ceasefire") while the
  content asks for the issue again, unqualified, leaves the side to the full one: the speaker is for it; with
  no full form named again, the rejection stands.
"""
from __future__ import annotations

from conftest import needs_it_parser as needs_it
from helpers import rule_stances as parsed


@needs_it
def test_italian_negated_noun_with_an_adjective_before_it_is_turned_down():
    got = parsed("Il ministro ha detto che serve un accordo di pace stabile e non un immediato cessate il fuoco.")
    assert got["ceasefire"] == ("oppose", "negated-noun")


@needs_it
def test_italian_same_noun_without_negator_keeps_its_support():
    got = parsed("Il ministro ha detto che serve un immediato cessate il fuoco.")
    assert got["ceasefire"][0] == "support"


def test_a_rejected_short_truce_beside_a_full_ceasefire_asked_for_supports():
    got = parsed("The adviser said that a short truce is unacceptable and that a full ceasefire is needed.")
    assert got["ceasefire"][0] == "support"


def test_a_rejected_two_day_truce_alone_still_opposes():
    got = parsed("The adviser said that a two-day truce is unacceptable.")
    assert got["ceasefire"] == ("oppose", "rejection")


def test_a_rejected_unqualified_truce_beside_a_full_ceasefire_still_opposes():
    got = parsed("The adviser said that a truce is unacceptable and that a full ceasefire is needed.")
    assert got["ceasefire"][0] == "oppose"
