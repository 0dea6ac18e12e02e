"""General knowledge of attribution checked for transfer on news nobody read (issue 12, ninth round):
Italian quotations with no verb of saying in their sentence, whose speaker the next sentence names — by a
verb of saying with "così" and its subject ("«…». Il ministro X commenta così …"), by a noun of saying with
a participle and its agent ("«…». Questo l'invito rivolto da X …", "È l'avvertimento lanciato da X"), by "le
parole di X" — and a quotation opening the page after its dateline, whose next sentence has a person as the
subject of its main verb after an opening adjunct; a quotation opening its paragraph after a paragraph
that ends with a colon ("X ha risposto:"). Sentences of our own."""
from __future__ import annotations

import pytest

from conftest import LEAD_IT, speakers_of as by, statements as said
from garante import nlp

needs_models = pytest.mark.skipif(not nlp.available("it"), reason="needs the shipped parse models")


# -- 1. a verb of saying with "così": its subject speaks the quotation before ---------------------------

@needs_models
@pytest.mark.parametrize("tag", [
    "Il ministro russo Sergei Lavrov ha commentato così le parole di Emmanuel Macron.",
    "Il ministro russo Sergei Lavrov commenta così la proposta arrivata da Parigi.",
    "Sergei Lavrov ha spiegato così il rifiuto di Mosca.",
])
def test_a_verb_of_saying_with_cosi_gives_the_quotation_before_to_its_subject(tag):
    got = said("La riunione è durata tre ore. «La Nato non deve avvicinarsi ai nostri confini». " + tag)
    assert by(got, "La Nato non deve avvicinarsi ai nostri confini") == ["Sergey Lavrov"]


@needs_models
def test_cosi_after_narrative_or_before_a_colon_points_back_to_no_quotation():
    got = said("La riunione è durata tre ore e ha deciso nuove sanzioni. Il ministro russo Sergei Lavrov ha "
               "commentato così le decisioni di Bruxelles.")
    assert not by(got, "La riunione è durata tre ore")
    got = said("La riunione è durata tre ore. Il ministro russo Sergei Lavrov ha commentato così: «La Nato non "
               "deve avvicinarsi ai nostri confini».")
    assert by(got, "La Nato non deve avvicinarsi ai nostri confini") == ["Sergey Lavrov"]
    assert not by(got, "La riunione è durata tre ore")


# -- 2. a noun of saying with its agent, or "le parole di X", opening the next sentence -------------------

@needs_models
@pytest.mark.parametrize("tag", [
    "Questo l'invito rivolto da Emmanuel Macron ai partner europei.",
    "È l'avvertimento lanciato da Emmanuel Macron durante il vertice.",
    "Le parole del presidente francese, Emmanuel Macron, arrivano dopo il vertice di Londra.",
])
def test_a_noun_of_saying_in_the_next_sentence_names_the_speaker(tag):
    got = said("La giornata si è aperta con un nuovo attacco su Odessa. «Servono garanzie di sicurezza "
               "credibili per Kiev prima di ogni tregua». " + tag)
    assert by(got, "Servono garanzie di sicurezza credibili") == ["Emmanuel Macron"]


# -- 3. a quotation opening the page: the subject of the next sentence's main verb --------------------------

@needs_models
def test_a_quotation_after_the_dateline_is_the_subject_of_the_next_sentence():
    got = said("«Nessun passo indietro sulle garanzie per Kiev, la pace deve essere giusta». Dopo il vertice di "
               "Bruxelles, il ministro degli Esteri Antonio Tajani incontra i colleghi europei.")
    assert by(got, "Nessun passo indietro sulle garanzie") == ["Antonio Tajani"]


@needs_models
def test_a_person_after_the_main_verb_of_the_next_sentence_does_not_speak():
    got = said("«Nessun passo indietro sulle garanzie per Kiev, la pace deve essere giusta». Dopo il vertice di "
               "Bruxelles, i ministri hanno incontrato Antonio Tajani.")
    assert not by(got, "Nessun passo indietro sulle garanzie")


# -- 4. a colon that ends the paragraph before introduces the quotation that opens the next -------------

@needs_models
def test_a_quotation_opening_its_paragraph_is_the_words_of_whoever_the_colon_before_introduces():
    got = said("Il vertice di Ginevra si è chiuso senza intese. Il ministro iraniano ha parlato di sanzioni. Alla "
               "domanda sulle condizioni per la pace, ricordando la promessa di Donald Trump, Sergei Lavrov ha "
               "risposto:\n«Il presidente Putin ha ribadito la nostra disponibilità a negoziare sulla base dei "
               "principi concordati».")
    assert by(got, "ha ribadito la nostra disponibilità a negoziare") == ["Sergey Lavrov"]


@needs_models
def test_a_colon_after_a_name_with_no_verb_introduces_the_next_paragraph_too():
    got = said("Il vertice di Ginevra si è chiuso senza intese. Steve Witkoff sul prossimo passo, un incontro "
               "bilaterale che secondo la Russia non ci sarà:\n«Questa settimana incontro gli ucraini a New York, "
               "ed è un segnale importante per tutti».")
    assert by(got, "Questa settimana incontro gli ucraini") == ["Steve Witkoff"]
