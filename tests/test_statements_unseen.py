"""General constructions read off news the rules were not written on (issue 12): who introduces a quotation
with a colon, … Sentences of our own."""
from __future__ import annotations

import pytest

from garante import nlp
from garante.pipeline import Context, analyse_text

CTX = Context()
LEAD_IT = "ROMA, 3 marzo 2025 - "
LEAD_EN = "LONDON, March 3, 2025 - "
pytestmark = pytest.mark.skipif(not nlp.available("it") or not nlp.available("en"),
                                reason="needs the shipped parse models")


def statements(text: str, lead: str = LEAD_IT) -> list[tuple]:
    return [(s.speaker_name, s.content) for s in analyse_text(lead + text, ctx=CTX).statements]


def en(text: str) -> list[tuple]:
    return statements(text, LEAD_EN)


def test_a_colon_quote_is_the_subject_of_the_clause_the_colon_ends_not_the_nearest_name():
    got = statements("Volodymyr Zelensky ha respinto ancora una volta l'invito di Vladimir Putin a Mosca e ha "
                     "replicato: «Sono pronto a vederlo, ma a Kiev».")
    assert ("Volodymyr Zelensky", "Sono pronto a vederlo, ma a Kiev") in got
    got = en("Chancellor Olaf Scholz turned down the latest offer of Vladimir Putin in a short statement: "
             "\u201cWe will not negotiate under threats.\u201d")
    assert ("Olaf Scholz", "We will not negotiate under threats") in got
    # a name the subject itself holds speaks ("Il ministro degli Esteri Antonio Tajani")
    got = statements("Il ministro degli Esteri Antonio Tajani ha criticato la proposta di Sergej Lavrov e ha "
                     "aggiunto: «Non accetteremo condizioni imposte da Mosca».")
    assert ("Antonio Tajani", "Non accetteremo condizioni imposte da Mosca") in got


def test_a_colon_after_a_relative_clause_keeps_the_rules_reading():
    # the subject is a relative pronoun: the parse names no one, the rules' nearest name before the colon speaks
    got = statements("Tajani ha incontrato a Kiev il ministro Andrij Sybiha, che ha detto: «Serve una pace giusta».")
    assert [sp for sp, content in got if content == "Serve una pace giusta"] == ["Andrii Sybiha"]
