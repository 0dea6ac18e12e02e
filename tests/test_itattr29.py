"""Italian attribution of the twenty-ninth session (issue 12; our own sentences, read by the shipped Italian model):
(a) a definite office with no country and no holder named before is held in the article's country, at its date
(``office_country_from_article`` in lang/it/roles.yaml: the dateline's state); (b) "l'ex" before a participle-shaped
office the parser read as the phrase's head (``past_prefixes`` in lang/it/parse.yaml) and feminine office nouns;
(c) the object of a refusal verb with a described speaker (``kept_object_verbs`` in lang/it/attribution.yaml), but
not a refused attack."""
from garante import analyse_text

from conftest import needs_it_parser

pytestmark = needs_it_parser


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(st.speaker_name, st.on_behalf_of_id) for st in analyse_text(text).statements]


def test_an_office_alone_is_held_in_the_country_of_the_dateline():
    text = "che la ricostruzione dell'Ucraina riguarda tutta l'Europa."
    assert speakers("ROMA, 12 aprile 2025 - Il capo dello Stato ha sottolineato " + text) == \
        [("Sergio Mattarella", "italy")]
    assert speakers("MOSCA, 12 aprile 2025 - Il ministro degli Esteri ha sottolineato " + text) == \
        [("Sergey Lavrov", "russia")]


def test_the_holder_is_the_one_at_the_articles_date():
    text = " - Il cancelliere ha promesso che Berlino non lascerà sola Kiev."
    assert speakers("BERLINO, 10 febbraio 2025" + text)[0][0] == "Olaf Scholz"
    assert speakers("BERLINO, 10 giugno 2025" + text)[0][0] == "Friedrich Merz"


def test_no_dateline_or_a_body_the_kb_does_not_know_names_no_one():
    assert speakers("Il presidente della Repubblica ha ricordato che la pace va costruita ogni giorno.") == \
        [("Il presidente della Repubblica", None)]
    got = speakers("ROMA, 12 aprile 2025 - Il presidente della Caritas ha detto che i profughi vanno accolti.")
    assert [name for name, _ in got] == ["Il presidente della Caritas"]
    # a headline's label names the story's subject, not where it was filed
    assert speakers("UCRAINA: il presidente ha detto che Kiev non cederà territori.") == [("il presidente", None)]


def test_a_person_named_before_keeps_the_office():
    got = speakers("ROMA, 12 aprile 2025 - Zelensky è atterrato a Ciampino. Il presidente ha detto che Kiev "
                   "ha bisogno di difesa aerea.")
    assert got == [("Volodymyr Zelensky", "ukraine")]


def test_ex_before_a_participle_office_heads_nothing():
    doc = analyse_text("ROMA, 12 aprile 2025 - L'ex delegato americano ai colloqui ha spiegato che la tregua regge.")
    ex = next(t for t in doc.tokens if t.text == "ex")
    office = doc.tokens[ex.head]
    assert (office.text, office.pos, office.dep) == ("delegato", "NOUN", "nsubj")
    assert [st.speaker_name for st in doc.statements] == ["L'ex delegato americano ai colloqui"]


def test_feminine_office_nouns_speak():
    got = speakers("ROMA, 12 aprile 2025 - L'ex consigliera francese ha avvertito che la Russia si sta riarmando.")
    assert [name for name, _ in got] == ["L'ex consigliera francese"]


def test_a_described_speaker_refusing_a_proposal_is_a_statement():
    doc = analyse_text("ROMA, 12 aprile 2025 - Il governo ha bocciato l'ipotesi di una zona demilitarizzata.")
    assert [(st.speaker_name, st.content) for st in doc.statements] == \
        [("Il governo", "l'ipotesi di una zona demilitarizzata")]


def test_refusing_an_attack_or_people_is_no_statement():
    assert speakers("ROMA, 12 aprile 2025 - La contraerea ha respinto un attacco di missili su Leopoli.") == []
    assert speakers("ROMA, 12 aprile 2025 - La polizia ha respinto i manifestanti davanti al consolato.") == []
