"""General constructions of attribution checked for transfer on news nobody read (issue 12, fourth round):
a definite description with no name in it whose noun is an epithet of a person ("the Kremlin
representative", "the diplomat", "il diplomatico") is the named person who spoke in the statement right
before it; an office ("the president"), a source of its own ("a senior official … The official said") or a
description naming another side stays as it was; a definite document ("the document states") speaks for
whoever spoke right before it; a definite body ("the coalition agreed") is the body the article named with that
noun. Sentences of our own."""
from __future__ import annotations

import pytest

from conftest import en, speakers_of, statements
from garante import nlp

pytestmark = pytest.mark.skipif(not nlp.available("it") or not nlp.available("en"),
                                reason="needs the shipped parse models")


def test_an_epithet_is_the_person_quoted_just_before():
    got = en("Dmitry Peskov told journalists on Tuesday that the next round had not been scheduled. "
             "The Kremlin representative also stressed that contacts between the two sides remain open.")
    assert speakers_of(got, "the next round had not been scheduled") == ["Dmitry Peskov"]
    assert speakers_of(got, "contacts between the two sides remain open") == ["Dmitry Peskov"]


def test_an_italian_epithet_is_the_person_quoted_just_before():
    got = statements("Dmitrij Peskov ha detto che il Cremlino non ha ricevuto il piano. Allo stesso tempo il "
                     "funzionario russo ha insistito che i contatti con Washington proseguono.")
    assert speakers_of(got, "i contatti con Washington proseguono") == ["Dmitry Peskov"]
    got = statements("Sergej Lavrov ha detto che Mosca è pronta a trattare. L'anziano diplomatico ha sostenuto che "
                     "l'Occidente ha ignorato le richieste russe.")
    assert speakers_of(got, "l'Occidente ha ignorato le richieste russe") == ["Sergey Lavrov"]


def test_an_unnamed_source_named_again_stays_unnamed():
    got = en("A senior European official said the coalition would meet again in March. The official said "
             "that the plan for a monitoring mission was almost ready.")
    assert speakers_of(got, "the plan for a monitoring mission was almost ready") == ["The official"]


def test_a_document_speaks_for_whoever_spoke_right_before_it():
    got = en("Moscow handed its draft to the American envoys on Friday, the Russian Foreign Ministry said. "
             "“Key terms of a settlement include the rights of Russian speakers,” the document states.")
    assert speakers_of(got, "Key terms of a settlement") == ["Russian Foreign Ministry"]


def test_a_body_named_again_by_its_noun():
    got = en("Leaders of the Coalition of the Willing met in Paris on Tuesday. After the meeting, the coalition "
             "agreed that Kyiv must be able to defend itself.")
    assert speakers_of(got, "Kyiv must be able to defend itself") == ["Coalition of the Willing"]
