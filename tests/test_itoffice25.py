"""Speakers named by an office whose complement the knowledge base does not know (session 25, itoffice):
the name in apposition after the office's complement is the speaker, a new person holding that office; an
office that heads an unknown body never refers back to the last president named. Invented names."""
from garante import analyse_text

LEAD = ("Il presidente ucraino Volodymyr Zelensky ha parlato a Kiev. "
        "«Serve la pace», ha aggiunto il leader ucraino.\n\n")


def _speakers(text: str, words: str) -> list[str]:
    doc = analyse_text(text)
    return [st.speaker_name for st in doc.statements if words in st.content]


def test_quoted_tag_office_complement_then_name_after_named_president():
    text = LEAD + ("«L'incendio nella centrale è stato spento», ha annunciato il capo dell'amministrazione "
                   "instaurata dai russi nella regione, Marco Tessaro.")
    assert _speakers(text, "incendio nella centrale") == ["Marco Tessaro"]


def test_unquoted_trailing_office_complement_then_name():
    text = ("Le truppe ucraine saranno respinte oltre il fiume, ha annunciato il capo "
            "dell'amministrazione filorussa, Marco Tessaro.")
    assert _speakers(text, "truppe ucraine saranno respinte") == ["Marco Tessaro"]


def test_leading_office_complement_then_name():
    text = LEAD + ("Il sindaco della città occupata, Gianna Ferlito, ha detto che i soldati russi "
                   "resteranno nella regione.")
    assert _speakers(text, "soldati russi") == ["Gianna Ferlito"]


def test_head_of_unknown_body_is_not_the_president_named_before():
    text = LEAD + "Il capo della regione ha detto che le truppe ucraine saranno respinte oltre il fiume."
    found = _speakers(text, "truppe ucraine saranno respinte")
    assert found and "Volodymyr Zelensky" not in found


def test_head_of_state_still_refers_back():
    text = LEAD + "Poi il capo dello Stato ha detto che le truppe russe saranno respinte oltre il fiume."
    assert _speakers(text, "truppe russe saranno respinte") == ["Volodymyr Zelensky"]


def test_known_office_with_apposed_unknown_name_keeps_the_name():
    text = "«L'Italia non manderà soldati in Ucraina», ha detto il presidente del Consiglio, Lucia Mancini."
    doc = analyse_text(text)
    st = [s for s in doc.statements if "soldati in Ucraina" in s.content]
    assert [s.speaker_name for s in st] == ["Lucia Mancini"]
    assert st[0].on_behalf_of_name == "Italy"


def test_english_office_with_apposed_unknown_name():
    text = '"Italy will not send soldiers to Ukraine," the Italian prime minister, Lucia Mancini, said.'
    assert _speakers(text, "send soldiers") == ["Lucia Mancini"]


def test_side_of_office_complement_is_the_state_it_names():
    text = ("«L'incendio nella centrale è stato spento», ha annunciato il capo dell'amministrazione "
            "instaurata dai russi nella regione, Marco Tessaro.")
    st = [s for s in analyse_text(text).statements if "incendio" in s.content]
    assert [(s.speaker_name, s.on_behalf_of_name) for s in st] == [("Marco Tessaro", "Russia")]


def test_head_of_state_without_article_noun_refers_back():
    text = ("A margine dell'incontro tra Putin e il premier ungherese Viktor Orbán, il capo di Stato russo "
            "ha detto che la Nato deve ritirarsi.")
    assert _speakers(text, "Nato deve ritirarsi") == ["Vladimir Putin"]


def test_channel_with_adjective_before_interview_keeps_backward_speaker():
    text = ('"Non possiamo fidarci dei nostri interlocutori". Lo dice in una lunga intervista al quotidiano '
            'Corriere il ministro Gianni Ferrucci.')
    assert _speakers(text, "fidarci dei nostri") == ["Gianni Ferrucci"]


def test_outlet_name_does_not_swallow_the_office_and_name_after_it():
    text = ('"Non possiamo fidarci dei nostri interlocutori". Lo dice in una intervista al quotidiano Corriere '
            "l'ambasciatore russo a Roma, Marco Tessaro.")
    st = [s for s in analyse_text(text).statements if "fidarci" in s.content]
    assert [(s.speaker_name, s.on_behalf_of_name) for s in st] == [("Marco Tessaro", "Russia")]
