"""Institutions named by a common noun (twenty-eighth session, task kindorg; extract/institutions.py): "la
polizia", "il governo", "il ministero degli Esteri" are ORG mentions without their article, with the adjectives
after the noun and, for a ministry or a council, the complement that names it; a body with a state's adjective the
knowledge base knows is left to the linker. Our own sentences, read by the shipped Italian model."""
import pytest

from garante import analyse_text
from garante.extract.institutions import institution_words

from conftest import LEAD_IT, needs_it_parser

pytestmark = needs_it_parser


def institutions(text: str) -> dict[str, tuple[str, str]]:
    """The institution mentions of ``text`` (after an Italian dateline): their words → (entity id, resolution)."""
    doc = analyse_text(LEAD_IT + text)
    return {doc.text[m.start:m.end]: (m.attrs["entity_id"], m.attrs["resolution"]) for m in doc.layer("mention")
            if m.rule == "institution"}


def test_the_list_is_language_data():
    words = institution_words("it")
    assert {"governo", "polizia", "ministero"} <= words.nouns
    assert "ministero" in words.named_by_complement and "governo" not in words.named_by_complement
    assert not institution_words("en").nouns  # English has no list: nothing is marked


def test_a_definite_institution_without_its_article():
    got = institutions("Dopo la rapina la polizia ha fermato due uomini vicino alla stazione.")
    assert got == {"polizia": ("x:polizia", "institution")}


def test_the_adjectives_after_the_noun_are_part_of_it():
    got = institutions("I vigili urbani hanno chiuso la strada e la polizia locale ha deviato il traffico.")
    assert "polizia locale" in got


def test_a_ministry_keeps_the_complement_that_names_it():
    got = institutions("La nota è stata diffusa dal ministero della difesa dopo la riunione del consiglio dei "
                       "ministri.")
    assert {"ministero della difesa", "consiglio dei ministri"} <= set(got)


def test_a_place_after_the_noun_is_a_name_of_its_own():
    doc = analyse_text(LEAD_IT + "La procura di Torino ha aperto un fascicolo sull'incendio.")
    spans = {doc.text[m.start:m.end]: m.rule for m in doc.layer("mention")}
    assert spans.get("procura") == "institution" and "procura di Torino" not in spans


def test_a_body_with_a_known_state_adjective_is_left_to_the_linker():
    doc = analyse_text(LEAD_IT + "Il governo cinese tace. La polizia russa ha arrestato due attivisti davanti al "
                       "tribunale.")
    got = [(doc.text[m.start:m.end], m.attrs["entity_id"], m.rule) for m in doc.layer("mention") if m.start > 20]
    assert ("governo cinese", "china", "state-body") in got  # China acting, the linker's rule
    assert ("russa", "russia", "adjective") in got and not [g for g in got if g[2] == "institution"]


def test_no_institution_where_the_noun_is_not_one():
    got = institutions("Il pubblico ministero ha chiesto tre anni. I governi europei non hanno risposto. "
                       "Un governo tecnico sarebbe una soluzione.")
    assert got == {}  # a magistrate, several governments, an indefinite one


def test_a_noun_inside_a_longer_mention_is_left_to_it():
    doc = analyse_text(LEAD_IT + "Il portavoce del governo ucraino ha parlato con i giornalisti.")
    assert not [m for m in doc.layer("mention") if m.rule == "institution"]


@pytest.mark.parametrize("text, speaker", [
    ("Il ministro degli Esteri Antonio Tajani ha detto che il governo sostiene l'invio di aiuti.", "Tajani"),
    ("Il governo italiano è pronto a discutere le garanzie, ha detto il ministro Guido Crosetto.", "Crosetto"),
])
def test_a_government_mention_steals_no_speaker_from_a_named_minister(text, speaker):
    doc = analyse_text(LEAD_IT + text)
    assert doc.statements and all(speaker in (st.speaker_name or "") for st in doc.statements)


def test_an_adjective_the_parse_hangs_on_the_word_before_still_belongs_to_the_noun():
    # the parse hangs the adjective on "portavoce"/"militari"; it agrees with the institution's noun
    got = institutions("Lo ha riferito un portavoce dell'esercito nigeriano. Erano militari della guardia costiera.")
    assert {"esercito nigeriano", "guardia costiera"} <= set(got)


def test_a_government_named_by_its_noun_is_no_actor_of_its_own():
    # "il governo" of two capitals is not one actor: attribution reads it as the description it was (no entity
    # id, no side of its own), so no state-level row "governo" joins Rome's and Moscow's governments
    docs = [analyse_text(f"{city} — Il governo ha detto che non invierà truppe in Ucraina, nemmeno come forza "
                         "di rassicurazione.") for city in ("ROMA", "MOSCA")]
    for doc in docs:
        assert any(m.rule == "institution" for m in doc.layer("mention"))
        assert [(st.speaker_name, st.speaker_entity_id) for st in doc.statements] == [("Il governo", None)]
        assert all(st.on_behalf_of_id != "x:governo" for st in doc.statements)
