"""General constructions of attribution checked for transfer on news nobody read (issue 12, third round):
a gerund adjunct the parse hung on a reported or relative clause takes the subject of the main clause, not
the reported clause's ("Lavrov said the border would stay open, insisting that …"); "they" is the plural
source of the sentence before (officials, sources, a group that spoke), never a state named in passing.
Sentences of our own."""
from __future__ import annotations

import pytest

from conftest import en, speakers_of, statements
from garante import nlp

pytestmark = pytest.mark.skipif(not nlp.available("it") or not nlp.available("en"),
                                reason="needs the shipped parse models")

OPENING_EN = "The talks resumed in Geneva on Monday. "


def test_a_gerund_hung_on_the_reported_clause_speaks_for_the_main_subject():
    got = en(OPENING_EN + "Sergey Lavrov said the border would stay open, insisting that the talks would take time.")
    assert speakers_of(got, "the talks would take time") == ["Sergey Lavrov"]
    got = statements("Lavrov ha detto che la Russia non cederà, precisando che i colloqui riprenderanno a marzo.")
    assert speakers_of(got, "i colloqui riprenderanno a marzo") == ["Sergey Lavrov"]


def test_a_gerund_hung_on_a_relative_clause_speaks_for_the_main_subject():
    got = statements("Il presidente francese Emmanuel Macron ha criticato i missili che l'Iran ha venduto alla "
                     "Russia affermando che sta nascendo un nuovo asse tra i due paesi.")
    assert speakers_of(got, "sta nascendo un nuovo asse") == ["Emmanuel Macron"]


def test_a_gerund_of_the_main_clause_is_unchanged():
    got = en(OPENING_EN + "Sergey Lavrov spoke to reporters in Moscow, adding that the talks would take time.")
    assert speakers_of(got, "the talks would take time") == ["Sergey Lavrov"]


def test_they_is_the_plural_source_of_the_sentence_before():
    got = en(OPENING_EN + "Diplomats in Brussels told Reuters the plan for Ukraine was ready. They warned that "
             "a vote of the ministers would take weeks.")
    assert speakers_of(got, "a vote of the ministers would take weeks") == ["Diplomats in Brussels"]


def test_they_is_not_a_state_named_in_passing():
    got = en(OPENING_EN + "The meeting on the reconstruction of Ukraine ended late. They said that the fund would "
             "open in May.")
    assert speakers_of(got, "the fund would open in May") == ["They"]
    # a coordination named before is still the group
    got = en(OPENING_EN + "Britain and France presented a plan. They said that the force would be ready in May.")
    assert speakers_of(got, "the force would be ready in May") == ["Britain and France"]
