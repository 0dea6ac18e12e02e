"""General knowledge of attribution checked for transfer on news nobody read (issue 12, seventeenth session):
Italian verbs of saying and of comment that tag a quotation or take a "che" clause as "ha detto" does
("«…», ha chiosato X", "ha fatto notare che …"), read by the rules and not only by the parse. Sentences of
our own."""
from __future__ import annotations

import pytest

from conftest import speakers_of as by, statements as said


@pytest.mark.parametrize("verb", ["ha chiosato", "ha esordito", "ha argomentato", "ha rimarcato",
                                  "ha sentenziato", "ha ironizzato"])
def test_a_verb_of_comment_tags_the_quotation_before_it(verb):
    got = said(f"«Le promesse di tregua non bastano più a nessuno», {verb} il ministro Antonio Tajani.")
    assert by(got, "Le promesse di tregua non bastano") == ["Antonio Tajani"]


@pytest.mark.parametrize("verb", ["ha fatto notare", "ha riconosciuto", "ha rimarcato", "ha constatato",
                                  "ha suggerito"])
def test_a_verb_of_saying_reports_its_che_clause(verb):
    got = said(f"Il cancelliere Olaf Scholz {verb} che la missione europea partirà soltanto dopo la tregua.")
    assert by(got, "la missione europea partirà") == ["Olaf Scholz"]


def test_a_verb_with_a_plain_object_reports_nothing():
    got = said("Il presidente Emmanuel Macron ha riconosciuto il governo di Kiev come unico interlocutore.")
    assert by(got, "il governo di Kiev") == []

