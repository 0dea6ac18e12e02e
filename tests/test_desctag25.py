"""A quotation tagged by a definite description is the described person's (issue 12: a quote with its own tag
never inherits; twenty-fifth session): "“…,” the former governor exclaimed", "«…», ha aggiunto il
neurochirurgo in pensione" name the person the article described with that noun before (an apposition), not
the speaker the text went on from; a description the article gave no one stays the description
(extract/attribution/own_tags.py ``_described``). Our own sentences and invented names."""
from __future__ import annotations

from garante.pipeline import analyse_text

EN = ("Governor race heats up\n\n"
      "BOISE, Idaho - Mayor Dana Whitcomb opened her campaign on Monday. Her opponent, Gerald Pruitt, a former "
      "governor, toured the north of the state.\n\n"
      "\"We will fix the roads first and the bridges next,\" Whitcomb said.\n\n")

IT = ("Elezioni in Liguria\n\n"
      "GENOVA - Il governatore Marco Bellandi ha presentato ieri il suo programma. Il suo sfidante, "
      "Luca Ferri, un neurochirurgo in pensione, ha criticato le liste.\n\n"
      "«Non accettiamo lezioni da nessuno su questi temi», ha detto Bellandi.\n\n")


def _by_content(text: str, words: str):
    doc = analyse_text(text)
    return doc, next(st for st in doc.statements if words in st.content)


def test_an_unlisted_verb_tag_with_a_description_is_the_described_person():
    doc, st = _by_content(EN + "\"She has had eight years to fix them and did nothing,\" the former governor "
                               "exclaimed.", "eight years")
    assert st.speaker_name == "Gerald Pruitt"
    assert doc.text[st.speaker_start:st.speaker_end] == "the former governor"
    assert st.cue == "exclaimed"


def test_an_italian_postverbal_description_is_the_person_of_the_apposition():
    doc, st = _by_content(IT + "«Il programma non ha nessuna copertura finanziaria», ha aggiunto il neurochirurgo "
                               "in pensione.", "copertura")
    assert st.speaker_name == "Luca Ferri"
    assert doc.text[st.speaker_start:st.speaker_end].startswith("il neurochirurgo")


def test_a_private_occupation_the_article_gave_no_one_is_not_the_last_speaker():
    doc, st = _by_content(IT + "«Le liste sono piene di nomi riciclati da anni», ha aggiunto il politologo.",
                          "riciclati")
    assert st.speaker_name != "Marco Bellandi"
    assert doc.text[st.speaker_start:st.speaker_end] == "il politologo"


def test_an_object_of_the_tag_is_not_taken_for_its_speaker():
    doc, st = _by_content(IT + "«Le liste sono piene di nomi riciclati da anni», ha ripetuto più volte Bellandi.",
                          "riciclati")
    assert st.speaker_name == "Marco Bellandi"
