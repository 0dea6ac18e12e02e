"""Italian sources the layer read wrong (twenty-sixth session): a title after the name "secondo" opens, a place and
a date before a backward cue, a profession's epithet after someone else's words. Sentences of our own."""
from __future__ import annotations

import pytest

from garante import nlp

from conftest import speakers_of, statements

needs_it = pytest.mark.skipif(not nlp.available("it"), reason="no Italian model in data/models")


def test_a_title_after_the_name_secondo_opens_is_who_the_source_is():
    got = statements("Secondo Mario Rossi, direttore dell'osservatorio di Milano, la tregua non reggerà senza truppe.")
    assert got == [("Mario Rossi", "la tregua non reggerà senza truppe")]
    # a clause after the first comma is what the source holds
    got = statements("Secondo Mario Rossi, le sanzioni funzionano, ma servono tempi lunghi.")
    assert got == [("Mario Rossi", "le sanzioni funzionano, ma servono tempi lunghi")]


def test_a_place_and_a_date_before_a_backward_cue_are_not_what_was_said():
    got = statements("Napoli, 14 aprile 2025. Lo dice senza giri di parole il ministro Antonio Tajani: l'Italia non "
                     "invierà truppe in Ucraina.")
    assert all(not content.startswith("Napoli") for _, content in got)
    assert ("Antonio Tajani", "l'Italia non invierà truppe in Ucraina") in got
    # a sentence before the cue is still the speaker's
    got = statements("L'Italia non manderà soldati in Ucraina. Lo ha detto il ministro Guido Crosetto.")
    assert got == [("Guido Crosetto", "L'Italia non manderà soldati in Ucraina")]


@needs_it
def test_a_profession_after_someone_elses_words_is_another_person():
    got = statements("Il presidente Zelensky ha chiesto garanzie solide. L'esperto ha spiegato che senza truppe la "
                     "tregua non regge.")
    assert speakers_of(got, "la tregua non regge") == ["L'esperto"]
    # where the article called the person so, the epithet is theirs
    got = statements("«Le garanzie devono essere vincolanti», ha detto Nathalie Tocci, analista dell'Istituto Affari "
                     "Internazionali. «Senza truppe la tregua non regge», ha aggiunto l'analista.")
    assert speakers_of(got, "la tregua non regge") == ["Nathalie Tocci"]
    # an office keeps going on from the person quoted before it
    got = statements("Il presidente Zelensky ha chiesto garanzie solide. «Senza truppe la tregua non regge», ha "
                     "aggiunto il presidente.")
    assert speakers_of(got, "la tregua non regge") == ["Volodymyr Zelensky"]


def test_an_outlet_in_the_channel_between_the_cue_and_the_speaker_is_not_who_spoke():
    got = statements("«Non manderemo soldati in Ucraina», ha dichiarato in un'intervista al quotidiano La Stampa il "
                     "ministro della Difesa Guido Crosetto.")
    assert got == [("Guido Crosetto", "Non manderemo soldati in Ucraina")]
    # no one named after the channel: the speaker named before, never the paper
    got = statements("Il ministro Guido Crosetto è stato chiaro. «Non manderemo soldati in Ucraina», ha detto al "
                     "quotidiano La Stampa.")
    assert speakers_of(got, "Non manderemo soldati") == ["Guido Crosetto"]


def test_a_body_opening_the_sentence_speaks_in_its_second_verb():
    got = statements("Il ministro Andrij Sybiha ha parlato a Kiev. Il Pentagono non ha commentato le indiscrezioni, "
                     "ma ha sottolineato che nessuna decisione è stata presa.")
    assert speakers_of(got, "nessuna decisione") == ["Pentagon"]
    # a place a preposition governs is no subject: the speaker the text goes on from
    got = statements("Il ministro Andrij Sybiha ha parlato a Kiev. A Mosca la tensione è salita, ma ha sottolineato "
                     "che nessuna decisione è stata presa.")
    assert speakers_of(got, "nessuna decisione") == ["Andrii Sybiha"]
