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


@pytest.mark.parametrize("text, words", [
    ("Secondo il ministro Antonio Tajani la conferenza di Roma sarà un successo per tutti, ma molti dubitano.",
     "la conferenza di Roma sarà un successo"),
    ("Secondo Antonio Tajani non ci sarà alcun soldato italiano in Ucraina.", "alcun soldato italiano"),
])
def test_secondo_without_a_comma_reports_the_clause_after_the_name(text, words):
    got = said(text)
    assert by(got, words) == ["Antonio Tajani"]
    assert [content for _, content in got if content.startswith("ma molti")] == []


def test_secondo_with_a_comma_still_reports_what_follows_it():
    got = said("Secondo Antonio Tajani, la conferenza di Roma sarà un successo per tutti.")
    assert by(got, "la conferenza di Roma sarà un successo") == ["Antonio Tajani"]



@pytest.mark.parametrize("text, words, speaker", [
    ("Il presidente Donald Trump ha salutato l'intesa come un grande progresso verso la pace.",
     "un grande progresso", "Donald Trump"),
    ("Il presidente Donald Trump indica l'Europa come garante della futura difesa ucraina.",
     "garante della futura difesa", "Donald Trump"),
])
def test_a_verb_of_presenting_reports_with_a_quotation_or_a_predicate(text, words, speaker):
    assert by(said(text), words) == [speaker]


@pytest.mark.parametrize("text", [
    "La Nato considera l'ipotesi di nuove esercitazioni nel Baltico.",
    "Il presidente ha salutato i soldati al fronte prima di ripartire.",
])
def test_a_verb_of_presenting_or_thinking_alone_reports_nothing(text):
    assert said(text) == []
