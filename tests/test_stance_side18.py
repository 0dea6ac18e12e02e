"""The side a stance takes (support, oppose, conditional), on sentences of our own writing: a negation in
another coordinated clause than the issue's, a rejection word whose object is a harm ("deter aggression",
"respingere gli attacchi"), a word naming the war's harms said of something beside the issue, a refusal
until something happens (a condition), a negated restriction ("not just"), a
"never" that means "ever", a negated infinitive, and a negated act against the issue reached only
through a clause beside it. Rules alone (no learned model); the parse decides, through the whole pipeline."""
from __future__ import annotations


import pytest


from conftest import needs_it_parser as needs_it
from helpers import rule_stances as parsed


# --- a negation in another coordinated clause ----------------------------------------------------------

@needs_it
def test_a_negation_in_the_first_conjunct_does_not_reach_a_second_clause_of_its_own():
    got = parsed("Il ministro ha detto che Russia e Cina non possono garantire la nostra sicurezza, e che è "
                 "quindi necessario un meccanismo come l'articolo 5 della Nato.")
    assert got["western_security_guarantees"][0] == "support"


def test_a_negation_distributes_over_or():
    got = parsed("The minister said the EU will not send troops or fund the mission.")
    assert got["foreign_troops_in_ukraine"][0] == "oppose"


def test_a_negation_still_holds_in_its_own_conjunct():
    got = parsed("Peskov said Moscow will not accept and will never tolerate NATO troops in Ukraine.")
    assert got["foreign_troops_in_ukraine"][0] == "oppose"


# --- a harm rejected, not the issue ---------------------------------------------------------------------

def test_preventing_aggression_beside_the_issue_is_no_rejection_of_it():
    got = parsed("Macron said the troops are meant to prevent new aggression, ensuring long-term security "
                 "for Ukraine.")
    assert got.get("western_security_guarantees", ("", ""))[0] != "oppose"


def test_preventing_the_issue_itself_still_rejects_it():
    got = parsed("The minister said the coalition would prevent a NATO presence in Ukraine.")
    assert got["foreign_troops_in_ukraine"][0] == "oppose"


def test_an_escalation_said_of_the_issue_rejects_it():
    got = parsed("Peskov said the deployment of troops is an escalation.")
    assert got["foreign_troops_in_ukraine"][0] == "oppose"


def test_escalating_tensions_beside_a_truce_do_not_reject_it():
    got = parsed("Trump proposed a similar 30-day ceasefire during escalating tensions.")
    assert got["ceasefire"][0] == "support"


# --- refused until, or without: a condition -------------------------------------------------------------

def test_a_refusal_until_something_happens_is_a_condition():
    got = parsed("The Kremlin said it will not consider a ceasefire or any talks until Ukraine withdraws its forces.")
    assert got["ceasefire"] == ("conditional", "refused-until")


@needs_it
def test_a_rejection_until_an_answer_comes_is_a_condition():
    got = parsed("Il governo ha detto che respingerà nuove sanzioni finché non riceverà garanzie.")
    assert got["sanctions_on_russia"][0] == "conditional"


def test_a_plain_refusal_stays_opposed():
    got = parsed("Lavrov said Russia will never accept NATO troops in Ukraine.")
    assert got["foreign_troops_in_ukraine"][0] == "oppose"


# --- words that look like negations ---------------------------------------------------------------------

def test_a_negated_restriction_is_no_refusal():
    got = parsed("The minister said the truce should not be just for a few days.")
    assert got.get("ceasefire", ("", ""))[0] != "oppose"


@needs_it
def test_come_mai_prima_is_ever_not_never():
    got = parsed("Rutte ha detto che l'Ucraina è vicina alla Nato come mai prima.")
    assert got.get("ukraine_nato_membership", ("", ""))[0] != "oppose"


def test_a_negated_infinitive_rules_out():
    got = parsed("The government said Kyiv pledges not to join NATO.")
    assert got["ukraine_nato_membership"][0] == "oppose"


# --- a negated act against the issue only through its own complements -----------------------------------

def test_a_negated_act_against_the_issue_is_a_double_negative():
    got = parsed("Stoltenberg said Moscow cannot block Ukraine's membership of NATO.")
    assert got["ukraine_nato_membership"] == ("support", "double-negative")


def test_a_rejection_in_a_clause_beside_a_negation_is_no_double_negative():
    got = parsed("Putin demanded guarantees that Ukraine would never join the alliance, condemning continued "
                 "NATO expansion eastwards.")
    assert got["nato_eastward_expansion"][0] == "oppose"
