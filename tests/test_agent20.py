"""Italian periphrases of office (issue 12): a noun of person after a definite article and before a state, its
capital or a seat of power ("l'uomo di Kiev", "l'uomo forte del Cremlino") names that side's leader, not the
state; before a person or after an indefinite article it names no office. Sentences written for this test."""
from garante.pipeline import analyse_text

from conftest import LEAD_IT


def _said(text: str) -> list[tuple]:
    return [(s.speaker_name, s.content) for s in analyse_text(LEAD_IT + text).statements]


def test_the_man_of_a_capital_is_its_leader_not_the_state():
    got = _said("Volodymyr Zelensky ha incontrato i cronisti a Vilnius. \"Le garanzie vanno messe per iscritto\", "
                "ha detto l'uomo di Kiev.")
    assert [who for who, content in got if "per iscritto" in content] == ["Volodymyr Zelensky"]


def test_the_strong_man_of_a_seat_of_power_is_who_heads_it():
    got = _said("Vladimir Putin ha ricevuto l'inviato americano. \"Non faremo passi indietro sulle regioni\", ha "
                "detto l'uomo forte del Cremlino.")
    assert [who for who, content in got if "passi indietro" in content] == ["Vladimir Putin"]


def test_the_man_of_a_person_is_not_that_person_s_office():
    got = _said("Vladimir Putin ha incontrato i cronisti. L'uomo di Putin, Kirill Dmitriev, ha detto che i colloqui "
                "proseguiranno a Riad.")
    assert [who for who, content in got if "Riad" in content] == ["Kirill Dmitriev"]


def test_a_man_of_a_city_after_an_indefinite_article_is_no_leader():
    got = _said("Volodymyr Zelensky ha incontrato i cronisti a Vilnius. Un uomo di Kiev ha raccontato che la "
                "corrente manca da giorni.")
    assert "Volodymyr Zelensky" not in [who for who, content in got if "corrente" in content]


def test_the_agent_of_another_participle_after_the_cue_is_not_the_speaker():
    got = _said("Donald Trump ha parlato dei dazi. \"Non voglio sanzioni contro Mosca\", ha detto ai cronisti dopo "
                "l'intervista pubblicata ieri da Nbc News.")
    assert [who for who, content in got if "sanzioni" in content] == ["Donald Trump"]


def test_a_name_after_the_cue_still_speaks_before_an_agent_phrase():
    got = _said("\"Non voglio sanzioni contro Mosca\", ha detto ai cronisti Antonio Tajani dopo l'intervista "
                "pubblicata ieri da Nbc News.")
    assert [who for who, content in got if "sanzioni" in content] == ["Antonio Tajani"]


def test_a_passive_cue_keeps_its_agent_as_speaker():
    got = _said("\"Le garanzie sono pronte\", è stato detto dal ministro Antonio Tajani.")
    assert [who for who, content in got if "garanzie" in content] == ["Antonio Tajani"]


def test_a_description_with_a_body_s_short_name_is_the_person_presented_with_its_full_name():
    got = _said("Il Papa ha affidato una missione al cardinale Matteo Zuppi, arcivescovo di Bologna e presidente "
                "della Conferenza episcopale italiana (Cei), per favorire il dialogo. Il porporato è rientrato ieri "
                "da Mosca, dove ha visto il consigliere Yuri Ushakov.\n\n«Serve una pace giusta e duratura», ha "
                "detto il presidente della Cei.")
    assert [who for who, content in got if "pace giusta" in content] == ["Matteo Zuppi"]



def test_a_name_a_preposition_governs_is_no_subject_of_the_gerund_s_clause():
    got = _said("Il segretario Pete Hegseth ha parlato a Bruxelles. Ha anche delineato un cambiamento nelle priorità "
                "della difesa degli Stati Uniti, affermando che Washington deve concentrarsi sul Pacifico.")
    assert [who for who, content in got if "Pacifico" in content] == ["Pete Hegseth"]
