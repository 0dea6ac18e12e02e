"""Italian statements the rules missed (issue 12, twenty-fifth session): an adverb between the auxiliary and the
participle ("ha subito esortato", "ha finora escluso"), "quest'ultimo" for the person named last, an infinitive a
mark of time opens ("… prima di ribadire che …") and adverbs before a noun of position ("ha ribadito con forza la
necessità di …"). Sentences written for these tests."""
from __future__ import annotations

from garante.ingest import Capture


def statements(pipeline, text):
    doc = pipeline.analyse_capture(Capture(source="t.txt", raw=text, format="text"))
    return [(st.speaker_name, st.content) for st in doc.statements]


def test_adverb_between_auxiliary_and_participle(news):
    out = statements(news, "Il premier Keir Starmer ha finora escluso l'invio di soldati britannici in Ucraina.")
    assert out == [("Keir Starmer", "l'invio di soldati britannici in Ucraina")]


def test_adverb_between_modal_and_infinitive(news):
    out = statements(news, "Il presidente turco Recep Tayyip Erdogan ha subito esortato le parti a riprendere "
                           "i negoziati di pace.")
    assert [c for _, c in out] == ["le parti a riprendere i negoziati di pace"]


def test_quest_ultimo_is_the_person_named_last(news):
    out = statements(news, "Il ministro francese ha incontrato il collega Johann Wadephul. Quest'ultimo ha "
                           "precisato che la Germania non invierà truppe.")
    assert out == [("Johann Wadephul", "la Germania non invierà truppe")]


def test_infinitive_after_prima_di_has_the_clause_subject(news):
    out = statements(news, "Il ministro degli Esteri Antonio Tajani è arrivato a Bruxelles ieri mattina prima di "
                           "ribadire che l'Italia non invierà soldati in Ucraina.")
    assert out == [("Antonio Tajani", "l'Italia non invierà soldati in Ucraina")]


def test_infinitive_of_purpose_reports_nothing(news):
    out = statements(news, "Il ministro degli Esteri Antonio Tajani è intervenuto al Senato per assicurare che "
                           "i fondi arrivino in tempo.")
    assert out == []


def test_adverbial_phrase_before_a_noun_of_position(news):
    out = statements(news, "Nel suo discorso il ministro Guido Crosetto ha ribadito con forza la necessità di una "
                           "tregua immediata.")
    assert out == [("Guido Crosetto", "la necessità di una tregua immediata")]
