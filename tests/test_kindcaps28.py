"""Institutions named by a capitalised word that the linker used to leave out (twenty-eighth session, task
kindcaps; extract/institutions.py ``mark_named_institutions``, entities.py ``_opened_by_naming_noun``): the
model's "Governo", "Senato", "Camera", "Consiglio" are ORG mentions of their own (resolution ``institution``) where
they stand alone or inside an office phrase, which keeps its office reading; "la regione Lombardia" is one name.
Our own sentences, read by the shipped Italian model."""
import pytest

from garante import analyse_text
from garante.extract.institutions import institution_words

from conftest import LEAD_IT, needs_it_parser

pytestmark = needs_it_parser


def mentions(text: str) -> dict[str, tuple]:
    """The mentions of ``text`` after an Italian dateline: their words → (label, entity id, resolution, rule)."""
    doc = analyse_text(LEAD_IT + text)
    return {doc.text[m.start:m.end]: (m.label, m.attrs.get("entity_id"), m.attrs.get("resolution"), m.rule)
            for m in doc.layer("mention")}


def test_the_capitalised_words_are_language_data():
    words = institution_words("it")
    assert {"governo", "senato", "camera", "consiglio"} <= words.capitalised
    assert not institution_words("en").capitalised  # English has no list: nothing is marked


def test_a_capitalised_government_is_an_institution_but_not_as_a_bare_qualifier():
    got = mentions("Il Governo ha approvato ieri il decreto sulle pensioni, dopo una settimana di crisi di Governo.")
    assert [(k, v) for k, v in got.items() if v[3] == "institution-name"] == \
        [("Governo", ("ORG", "x:governo", "institution", "institution-name"))]  # "crisi di Governo": no name


def test_the_body_inside_an_office_phrase_is_named_and_the_office_stays():
    got = mentions("La riforma sarà discussa dal presidente del Consiglio dei ministri nella riunione di domani.")
    assert got["Consiglio dei ministri"][2:] == ("institution", "institution-name")
    label, holder, resolution, _ = got["presidente del Consiglio dei ministri"]
    assert (label, resolution) == ("PER", "role") and holder  # the office keeps its holder


def test_the_chamber_a_president_presides_is_named():
    got = mentions("La presidente della Camera ha convocato i capigruppo per martedì.")
    assert got.get("Camera", ())[2:] == ("institution", "institution-name")


def test_a_premier_s_government_is_the_government_and_the_premier():
    got = mentions("Il Governo Renzi ha ottenuto la fiducia della Camera.")
    assert got["Governo"][2] == "institution" and got["Renzi"][0] == "PER"


def test_the_president_of_the_senate_still_speaks_as_himself():
    doc = analyse_text(LEAD_IT + "Il presidente del Senato Mario Bianchi ha detto che la seduta è rinviata a lunedì.")
    assert any(doc.text[m.start:m.end] == "Senato" and m.rule == "institution-name" for m in doc.layer("mention"))
    assert [(st.speaker_name, st.speaker_entity_id) for st in doc.statements] == [("Mario Bianchi", "x:mario-bianchi")]


def test_a_capitalised_government_is_no_actor_of_its_own():
    # the governments of two capitals are not one actor: attribution reads "Il Governo" as the description it was
    for city in ("ROMA", "MOSCA"):
        doc = analyse_text(f"{city} — Il Governo ha detto che non invierà truppe in Ucraina.")
        assert any(m.rule == "institution-name" for m in doc.layer("mention"))
        assert [(st.speaker_name, st.speaker_entity_id, st.on_behalf_of_id) for st in doc.statements] == \
            [("Il Governo", None, None)]


@pytest.mark.parametrize("text, name", [
    ("La regione Lombardia ha stanziato dieci milioni per i pendolari.", "regione Lombardia"),
    ("Il presidente della regione Toscana ha firmato il decreto.", "regione Toscana"),
])
def test_a_region_named_after_its_noun_is_one_body(text, name):
    assert mentions(text).get(name, ())[:1] == ("ORG",)


def test_a_region_with_of_stays_a_place():
    got = mentions("Il terremoto ha colpito la regione di Haskovo nella notte.")
    assert not [k for k, v in got.items() if v[0] == "ORG"]
