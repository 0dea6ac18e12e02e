"""Speakers of the seventeenth session (attr17b, issue 12): a quotation that closes on a comma is followed by
its own tag, which names the speaker even where an adjunct or a cited source after the tag kept it from
reading as a trailing tag; the text does not simply go on with the speaker before it. Sentences written for
these tests."""
from conftest import en, speakers_of, statements


def test_tag_with_adjunct_after_a_quotation_of_two_sentences():
    got = en("The Kremlin dismissed the proposal on Monday.\n"
             "“Nothing about this plan can work. It ignores every one of our concerns,” Ilse Brandauer said "
             "shortly before a summit in Vienna.\n")
    assert speakers_of(got, "Nothing about this plan can work") == ["Ilse Brandauer"]


def test_inverted_tag_with_office_and_cited_outlet():
    got = en("The Kremlin dismissed the proposal on Monday.\n"
             "“There is no basis for such a deal. Nobody in Moscow takes it seriously,” said Kremlin spokesman "
             "Dmitry Peskov, quoted by a British daily.\n")
    assert speakers_of(got, "There is no basis for such a deal") == ["Dmitry Peskov"]


def test_italian_tag_after_the_closing_mark():
    got = statements("Il Cremlino ha respinto la proposta.\n"
                     "«Questo piano non regge. Ignora le nostre richieste», ha detto Ilse Brandauer poco prima "
                     "del vertice di Vienna.\n")
    assert speakers_of(got, "Questo piano non regge") == ["Ilse Brandauer"]


def test_a_name_a_preposition_governs_is_no_tag():
    got = statements("Il portavoce del Cremlino Dmitry Peskov ha parlato con i giornalisti.\n"
                     "Ha detto che i colloqui proseguono.\n"
                     "«Non ci sono novità», ha risposto a una domanda sul vertice fra Vladimir Putin e il "
                     "presidente americano.\n")
    assert "Vladimir Putin" not in speakers_of(got, "Non ci sono novità")


def test_the_name_before_the_verb_speaks_not_its_addressee():
    got = en("The Kremlin dismissed the proposal on Monday.\n"
             "“We will not give up a single village. Not now and not later,” Ilse Brandauer told Volodymyr "
             "Zelensky during a phone call after the summit.\n")
    assert speakers_of(got, "We will not give up a single village") == ["Ilse Brandauer"]
