"""Italian attribution of the nineteenth session (itattr, issue 12): a trailing tag whose title ends at a comma
before the speaker's name; a name inside the audience's or the channel's phrase after the cue is no speaker;
the reflexive "dirsi" with a predicate and its infinitive; "parlare di" with a noun of position; a dialogue
dash after a full stop; "«…», è il parere di X". Sentences written for these tests."""
from conftest import en, speakers_of, statements


def test_title_then_name_after_a_comma_is_the_speaker():
    got = statements("Il governo ha presentato il piano.\n"
                     "«La diga è di nuovo in funzione», ha annunciato il governatore della provincia controllata "
                     "dai russi nel sud, Ivan Petrenko.\n")
    assert speakers_of(got, "La diga è di nuovo in funzione") == ["Ivan Petrenko"]


def test_english_title_then_name_after_a_comma():
    got = en("The talks ended on Monday.\n"
             "“We will not raise tariffs on anyone,” said the former head of the trade office, Carl Whitby.\n")
    assert speakers_of(got, "We will not raise tariffs") == ["Carl Whitby"]


def test_a_name_in_the_audience_phrase_is_no_speaker():
    got = statements("Il ministro Carlo Bianchi ha visitato Kiev.\n"
                     "«Non vorrei aumentare i dazi sulla Russia», ha detto ai giornalisti della Casa Bianca "
                     "durante una conferenza.\n")
    assert speakers_of(got, "Non vorrei aumentare i dazi") == ["Carlo Bianchi"]


def test_a_parliament_in_the_speaker_title_is_no_audience():
    got = statements("Il vertice si è chiuso ieri.\n"
                     "Le parti sono «vicine a un accordo», con alcune condizioni, ha detto il presidente del "
                     "parlamento turco Numan Kurtulmuş.\n")
    assert speakers_of(got, "vicine a un accordo") == ["Numan Kurtulmuş"]


def test_the_newspaper_of_an_interview_is_no_speaker():
    got = statements("Il presidente finlandese Aleksi Koivu ha parlato a lungo.\n"
                     "«Le garanzie richiedono forza», ha detto in un'intervista con il quotidiano Guardian a "
                     "Helsinki.\n")
    assert speakers_of(got, "Le garanzie richiedono forza") == ["Aleksi Koivu"]


def test_reflexive_dirsi_with_an_infinitive():
    got = statements("Il presidente Marco Neri si è detto pronto a rispettare la tregua.\n")
    assert speakers_of(got, "pronto a rispettare la tregua") == ["Marco Neri"]


def test_reflexive_dirsi_with_a_predicate_tagged_as_a_noun():
    got = statements("Il ministro Carlo Bianchi si è detto contrario all'invio di truppe.\n")
    assert speakers_of(got, "contrario all'invio di truppe") == ["Carlo Bianchi"]


def test_parlare_di_with_a_noun_of_position_reports():
    got = statements("Il ministro Aleksi Koivu ha parlato della necessità di un esercito forte e capace di "
                     "difendersi.\n")
    assert speakers_of(got, "esercito forte e capace di difendersi") == ["Aleksi Koivu"]


def test_parlare_di_with_a_plain_noun_does_not_report():
    got = statements("Il ministro Aleksi Koivu ha parlato della situazione sul fronte.\n")
    assert not speakers_of(got, "situazione sul fronte")


def test_dialogue_dash_after_a_full_stop_tags_the_sentence_before():
    got = statements("Il ministro Pavel Orlov ha parlato a lungo.\n"
                     "Prima erano in tre, ma ora possiamo parlare di quattro, da quando la Polonia si è unita a "
                     "Francia e Germania. — ha spiegato Orlov, specificando che nel contingente non ci saranno "
                     "truppe americane.\n")
    assert speakers_of(got, "ora possiamo parlare di quattro") == ["Pavel Orlov"]
    assert speakers_of(got, "non ci saranno truppe americane") == ["Pavel Orlov"]


def test_a_noun_of_view_after_the_quotation_names_its_speaker():
    got = statements("Il presidente Olek Marchenko ha chiesto una tregua.\n"
                     "«Penso solo che Mosca stia cercando tempo», è invece il parere del presidente americano "
                     "Joe Biden, intervenuto dalla Casa Bianca.\n")
    assert speakers_of(got, "Penso solo che Mosca stia cercando tempo") == ["Joe Biden"]


def test_the_speaker_after_the_audience_still_speaks():
    got = statements("Il vertice si è chiuso ieri sera.\n"
                     "«Non ci sono novità», ha detto ai giornalisti il portavoce del Cremlino Dmitry Peskov.\n")
    assert speakers_of(got, "Non ci sono novità") == ["Dmitry Peskov"]
