"""The side of a stance, twenty-first session, second round (issue 13), on sentences of our own writing, rules
alone, through the whole pipeline:

- the withdrawal proposition's actor: Russia's own forces pulling out of Ukraine (or of the land it occupies) is
  the opposite of Kyiv ceding it, so asking for it opposes ``territorial_withdrawal`` (Italian inverted cues);
- a negated cleft of wanting ("a truce is not what we want", "non è ciò che vogliamo") is a negation;
- a harm the issue risks bringing ("risks derailing the talks", "rischia di compromettere") is a judgement against it.
"""
from __future__ import annotations

from conftest import needs_it_parser as needs_it
from helpers import rule_stances as parsed


def test_kyiv_told_to_withdraw_still_supports_it():
    got = parsed("The Kremlin spokesman said that Ukrainian forces must withdraw from the rest of the Donetsk "
                 "region.")
    assert got["territorial_withdrawal"][0] == "support"


def test_a_negated_cleft_of_wanting_opposes():
    got = parsed("The deputy minister said a short truce is not what Moscow wants, and that only a final "
                 "settlement would do.")
    assert got["ceasefire"][0] == "oppose"


def test_a_harm_the_issue_risks_opposes_it():
    got = parsed("The ambassador warned that sending Western troops into Ukraine risks derailing the talks.")
    assert got["foreign_troops_in_ukraine"][0] == "oppose"


@needs_it
def test_italian_russia_leaving_occupied_land_opposes_the_withdrawal():
    got = parsed("Il ministro ha detto che la Russia deve rispettare gli accordi e ritirarsi dai territori "
                 "occupati prima di qualsiasi trattativa.")
    assert got["territorial_withdrawal"][0] in ("oppose", "conditional")
    assert got["territorial_withdrawal"][0] != "support"


@needs_it
def test_italian_russian_troops_going_home_opposes_the_withdrawal():
    got = parsed("Il presidente ha chiesto che le truppe russe lascino l'Ucraina al più presto.")
    assert got["territorial_withdrawal"][0] == "oppose"


@needs_it
def test_italian_a_negated_cleft_of_wanting_opposes():
    got = parsed("Il portavoce ha detto che una tregua di pochi giorni non è ciò che chiede Kiev.")
    assert got["ceasefire"][0] == "oppose"


@needs_it
def test_italian_a_harm_the_issue_risks_opposes_it():
    got = parsed("Il ministro ha avvertito che l'invio di truppe europee in Ucraina rischia di compromettere i negoziati.")
    assert got["foreign_troops_in_ukraine"][0] == "oppose"


@needs_it
def test_italian_ukrainian_troops_told_to_leave_still_support_it():
    got = parsed("Il Cremlino ha chiesto che le truppe ucraine si ritirino dal Donbass.")
    assert got["territorial_withdrawal"][0] == "support"
