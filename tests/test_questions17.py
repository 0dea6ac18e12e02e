"""Quoted questions of the seventeenth session (quest17, issue 12): a speaker's quotation that ends in "?" or
"!" is a statement of that speaker, and the tag right after it ("“…?” X said", "«…!» ha detto X") names
him, not the speaker the text went on from; a journalist's question put to someone ("Asked whether …") stays
no statement. Sentences written for these tests."""
from conftest import en, speakers_of, statements


def test_tag_after_a_rhetorical_question_names_the_speaker():
    got = en("The Kremlin dismissed the proposal on Monday.\n"
             "“Who would ever trust a promise from Moscow again?” Ilse Brandauer said at a press conference "
             "in Vienna.\n")
    assert speakers_of(got, "Who would ever trust a promise") == ["Ilse Brandauer"]


def test_inverted_tag_after_a_question():
    got = en("The Kremlin dismissed the proposal on Monday.\n"
             "“Why should Europe pay for a war it did not start?” asked Ilse Brandauer, the Austrian "
             "foreign minister.\n")
    assert speakers_of(got, "Why should Europe pay") == ["Ilse Brandauer"]


def test_tag_after_an_exclamation():
    got = en("The Kremlin dismissed the proposal on Monday.\n"
             "“This is the end of every illusion about the talks!” Ilse Brandauer said after the vote.\n")
    assert speakers_of(got, "the end of every illusion") == ["Ilse Brandauer"]


def test_italian_tag_after_a_question():
    got = statements("Il Cremlino ha respinto la proposta.\n"
                     "«Chi potrebbe mai fidarsi di una promessa di Mosca?», ha detto Ilse Brandauer ai "
                     "giornalisti.\n")
    assert speakers_of(got, "Chi potrebbe mai fidarsi") == ["Ilse Brandauer"]


def test_italian_question_after_a_colon():
    got = statements("Il Cremlino ha respinto la proposta.\n"
                     "Ilse Brandauer ha detto: «Chi potrebbe mai fidarsi di una promessa di Mosca?»\n")
    assert speakers_of(got, "Chi potrebbe mai fidarsi") == ["Ilse Brandauer"]


def test_a_question_put_to_the_speaker_is_no_statement():
    got = en("The Kremlin dismissed the proposal on Monday.\n"
             "Asked whether she would travel to Kyiv, Ilse Brandauer said she had no plans to do so.\n")
    assert not speakers_of(got, "travel to Kyiv")
    assert speakers_of(got, "no plans to do so")


def test_a_question_an_interviewer_puts_to_the_guest_is_no_statement():
    got = en("The minister spoke to a television channel on Sunday.\n"
             "“Would you sign a treaty that leaves Crimea to Russia?” asked the presenter, Ilse Brandauer.\n"
             "“Can you promise that American troops will stay in Europe?” Ilse Brandauer asked.\n")
    assert not speakers_of(got, "Would you sign a treaty")
    assert not speakers_of(got, "Can you promise that American troops")


def test_italian_question_to_the_guest_is_no_statement():
    got = statements("Il ministro ha parlato a una televisione domenica.\n"
                     "«Siete pronti a firmare un trattato che lascia la Crimea alla Russia?», ha chiesto la "
                     "conduttrice Ilse Brandauer.\n")
    assert not speakers_of(got, "Siete pronti a firmare")


def test_a_question_asked_of_nobody_in_particular_stays():
    got = en("The Kremlin dismissed the proposal on Monday.\n"
             "“Why should Europe pay for a war it did not start?” Ilse Brandauer asked.\n")
    assert speakers_of(got, "Why should Europe pay") == ["Ilse Brandauer"]
