"""Italian reporting frames of the lexicon (issue 12): a noun of position whose holder follows it, before a
colon ("la posizione di X è chiara: …"), a text that "recita", the light verb "nutrire",
nouns of warning before a colon. Sentences of our own."""
from __future__ import annotations

import pytest

from garante import nlp

from conftest import statements

pytestmark = pytest.mark.skipif(not nlp.available("it"), reason="no Italian model in data/models")


def test_a_noun_of_position_with_its_holder_and_a_colon_reports_what_follows():
    got = statements("La posizione di Giorgia Meloni è chiara: l'Italia non manderà truppe in Ucraina.")
    assert got == [("Giorgia Meloni", "l'Italia non manderà truppe in Ucraina")]
    got = statements("La linea del governo italiano resta immutata: nessun soldato italiano sarà inviato in Ucraina.")
    assert got == [("Italy", "nessun soldato italiano sarà inviato in Ucraina")]
    got = statements("Il messaggio del presidente Emmanuel Macron è stato chiaro: l'Europa deve difendersi da sola.")
    assert got == [("Emmanuel Macron", "l'Europa deve difendersi da sola")]
    got = statements("La posizione dell'Italia è che la pace deve essere giusta.")  # a "che" clause as predicate
    assert got == [("Italy", "la pace deve essere giusta")]
    # no adjective of firmness before the colon, or no colon: no statement
    assert statements("La posizione di Giorgia Meloni è cambiata: ora si parla di una missione Onu.") == []
    assert statements("La posizione del Cremlino è nota da tempo e non cambia.") == []


def test_a_text_that_recites_speaks_for_whoever_issued_it():
    got = statements("«L'Europa deve fare di più per la sicurezza di Kiev», recita una nota del governo francese.")
    assert got == [("France", "L'Europa deve fare di più per la sicurezza di Kiev")]


def test_a_light_verb_of_attitude_reports_its_noun_and_its_clause():
    got = statements("Il ministro Antonio Tajani nutre il timore che Mosca respinga la tregua proposta dagli europei.")
    assert got == [("Antonio Tajani", "il timore che Mosca respinga la tregua proposta dagli europei")]
    # a word addressed to someone with no content of its own is no statement
    assert statements("Il cardinale Pietro Parolin ha rivolto un lungo messaggio ai fedeli riuniti in piazza.") == []


def test_a_noun_of_warning_before_a_colon_reports_what_follows():
    got = statements("Il Cremlino ha lanciato l'ennesimo ultimatum: nessun negoziato senza il ritiro dal Donbass.")
    assert ("Kremlin", "nessun negoziato senza il ritiro dal Donbass") in got
