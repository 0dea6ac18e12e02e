"""General constructions read off news the rules were not written on (issue 12): who introduces a quotation
with a colon; a role noun alone ("l'ambasciatore", "the ambassador") that names the person the article named
in that role; a name governed by a preposition is no subject; a dropped subject is not the object the rules took
for it; "the Ukrainian side" is Ukraine; "aprire a" before an
elided preposition and after a dropped subject; "X was quoted as saying"; "ha detto X prima di partire";
a cleft ("È stato X a dire che …"); "he said" after a
sentence whose subject the parse names deep into it. Sentences of our own."""
from __future__ import annotations

import pytest

from conftest import en, statements
from garante import nlp

pytestmark = pytest.mark.skipif(not nlp.available("it") or not nlp.available("en"),
                                reason="needs the shipped parse models")


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


AMBASSADOR_IT = ("L'ambasciatore polacco a Roma, Anna Maria Anders, ringrazia il governo per il sostegno.\n\n"
                 "«Siamo grati all'Italia per la sua posizione chiara sulle sanzioni alla Russia. Questa linea è "
                 "stata seguita da tutti i governi. Lo abbiamo visto anche a Varsavia lo scorso mese», ha detto "
                 "ancora l'ambasciatore. «Il sostegno deve continuare».\n\n"
                 "L'ambasciatore parla anche delle dichiarazioni di Silvio Berlusconi: «Siamo molto delusi dalle "
                 "sue parole su Zelensky».")


def test_a_role_noun_alone_is_the_person_named_before_in_that_role():
    got = dict((content[:20], sp) for sp, content in statements(AMBASSADOR_IT))
    assert got["Siamo grati all'Ital"] == "Anna Maria Anders"  # "ha detto ancora l'ambasciatore"
    assert got["Il sostegno deve con"] == "Anna Maria Anders"  # the quotation going on
    assert got["Siamo molto delusi d"] == "Anna Maria Anders"  # "L'ambasciatore parla …: «…»", not Berlusconi
    got = en("Poland's ambassador to London, Anna Maria Anders, thanked the government on Monday.\n\n"
             "\"We are grateful for your clear position on sanctions against Russia,\" the ambassador said.")
    assert [sp for sp, content in got if content.strip('"').startswith("We are grateful")] == ["Anna Maria Anders"]


def test_a_role_noun_no_one_was_named_in_goes_on_from_the_last_speaker():
    got = statements("Il portavoce del Cremlino Dmitry Peskov ha detto che la Russia è pronta a trattare. Il "
                     "presidente Emmanuel Macron ha ricevuto il cancelliere Friedrich Merz, ha aggiunto il "
                     "consigliere.")
    assert [sp for sp, content in got if "Merz" in content] == ["Dmitry Peskov"]


def test_a_name_a_preposition_governs_is_not_the_subject_of_a_coordinated_cue():
    got = en("Chancellor Olaf Scholz turned down the offer made by Vladimir Putin and said that Germany would "
             "not negotiate under threats.")
    assert got == [("Olaf Scholz", "Germany would not negotiate under threats")]


def test_a_dropped_subject_is_not_the_object_or_complement_before_the_cue():
    got = statements("Il presidente polacco Andrzej Duda è arrivato ieri a Roma. Poi ha ringraziato l'Italia e ha "
                     "avvertito: «Senza garanzie americane non ci sarà pace». «La Russia non si fermerà».")
    assert [sp for sp, _ in got] == ["Andrzej Duda", "Andrzej Duda"]  # not Italy, the object of "ringraziato"
    got = statements("Il presidente Donald Trump ha parlato a lungo dell'Ucraina. Ma, rispondendo alla Cnn, ha "
                     "chiarito: «Non manderemo soldati in Ucraina».")
    assert got == [("Donald Trump", "Non manderemo soldati in Ucraina")]


def test_a_side_named_by_its_state_is_that_state():
    got = en("The Polish side stated that it wanted to take part in the next round of talks.")
    assert got == [("Poland", "it wanted to take part in the next round of talks")]
    # sides in the plural, or of two states, stay a description
    got = en("The Polish and Lithuanian sides stated that they wanted to take part in the next round of talks.")
    assert all(sp not in ("Poland", "Lithuania") for sp, _ in got)


def test_opening_to_after_an_elided_preposition_or_a_dropped_subject():
    got = statements("Il premier Donald Tusk ha detto che la Polonia è pronta. Ha poi aperto all'invio di istruttori "
                     "militari in Ucraina.")
    assert ("Donald Tusk", "all'invio di istruttori militari in Ucraina") in got  # (the elided "all'" is read)
    got = statements("Il premier Donald Tusk ha detto che la Polonia è pronta. E apre alla ripresa dei colloqui con "
                     "Mosca.")
    assert ("Donald Tusk", "ripresa dei colloqui con Mosca") in got
    # a present form after an article is a noun, not a cue
    assert len(statements("Il premier Donald Tusk ha detto che la Polonia è pronta. La critica al piano resta.")) == 1


def test_quoted_as_saying_is_a_tag_of_its_own():
    got = en("Poland's foreign minister spoke on Monday. \"This is an option that could be considered a compromise,\" "
             "Polish Foreign Minister Radoslaw Sikorski was quoted as saying by PAP.")
    assert [sp for sp, content in got if content.startswith("This is an option")] == ["Radosław Sikorski"]
    got = en("Polish Foreign Minister Radoslaw Sikorski was quoted as saying that the option could be considered a "
             "compromise.")
    assert got == [("Radosław Sikorski", "the option could be considered a compromise")]


def test_a_tag_s_speaker_followed_by_prima_di_or_dopo_aver():
    for adjunct in ("prima di lasciare Varsavia", "dopo aver incontrato Macron"):
        got = statements("Fonti diplomatiche parlano di un clima disteso. «Siamo qui per difendere la sovranità della "
                         f"Polonia», ha detto Tusk {adjunct}.")
        assert got == [("Donald Tusk", "Siamo qui per difendere la sovranità della Polonia")]


def test_a_cleft_puts_the_speaker_first():
    got = statements("È stato il ministro Sikorski a dire che la Polonia non manderà soldati.")
    assert got == [("Radosław Sikorski", "la Polonia non manderà soldati")]
    assert statements("Il primo a parlare è stato Sikorski.") == []


def test_he_said_goes_to_the_subject_of_the_sentence_before_however_far_into_it():
    got = en("\"We need more pressure on Moscow,\" Scott Bessent said on Sunday.\nDespite the warnings from "
             "American officials, Sikorski focused his remarks on European defence. \"We will keep working with "
             "Washington on the ceasefire,\" he said.")
    assert [sp for sp, content in got if content.startswith("We will keep")] == ["Radosław Sikorski"]
