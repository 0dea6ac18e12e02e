"""General knowledge of attribution checked for transfer on news nobody read (issue 12, sixteenth session):
a name that a preposition of place, time, addressee or company governs ("a Tallinn, in Estonia", "ad Axios",
"al Corriere della Sera", "riferendosi alla Russia") is where or to whom something was said, never the
one who says it; the subject named before it speaks, or no one the frame names. Not "di" (a noun's
complement), "da" (a passive's agent) nor "per" (a source). Sentences of our own."""
from __future__ import annotations

import pytest

from conftest import LEAD_IT, speakers_of as by, statements as said
from garante import nlp

needs_models = pytest.mark.skipif(not nlp.available("it"), reason="needs the shipped parse models")


@needs_models
def test_a_place_after_the_subject_does_not_speak():
    got = said("Il presidente finlandese Alexander Stubb ha tenuto un discorso lunedì a Tallinn, in Estonia, "
               "dove ha ribadito che l'Ucraina deve entrare nella Nato.")
    assert by(got, "deve entrare nella Nato") == ["Alexander Stubb"]


@needs_models
def test_a_country_after_the_trailing_cue_is_what_was_meant_not_who_spoke():
    got = said("La premier Giorgia Meloni è tornata sul tema della difesa comune. \"Chi attacca un vicino non può "
               "parlare di pace\", ha sottolineato riferendosi alla Russia.")
    assert by(got, "Chi attacca un vicino") == ["Giorgia Meloni"]


@needs_models
@pytest.mark.parametrize("text, words, outlet", [
    ("Un alto diplomatico europeo ha dichiarato ad Axios che il piano prevede una forza lontana dal fronte.",
     "il piano prevede", "Axios"),
    ("Il cancelliere tedesco Friedrich Merz ha parlato ieri del sostegno europeo. \"Non lasceremo sola "
     "l'Ucraina\", ha detto ieri sera al Corriere della Sera.", "Non lasceremo sola", "Corriere della Sera"),
])
def test_the_outlet_a_statement_was_given_to_is_not_its_speaker(text, words, outlet):
    assert outlet not in by(said(text), words)


@needs_models
def test_a_passive_agent_still_speaks():
    got = said("L'incontro è stato definito storico da Emmanuel Macron, che ha aggiunto che l'Europa "
               "deve fare di più per Kiev.")
    assert by(got, "l'Europa deve fare di più") == ["Emmanuel Macron"]
