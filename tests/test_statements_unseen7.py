"""General knowledge of attribution checked for transfer on news nobody read (issue 12, seventh round): the
entity linker reads who an unknown person is from the description the article gives him, after his name
or before it, and the statements take his side from there; who speaks when a clause is set before the
subject; what the listeners asked; a name right after a dateline. Sentences of our own."""
from __future__ import annotations

import pytest

from conftest import said_for, sides_of, LEAD_EN, LEAD_IT
from garante import nlp

pytestmark = pytest.mark.skipif(not nlp.available("it") or not nlp.available("en"),
                                reason="needs the shipped parse models")


def analysed(text: str, lead: str = LEAD_EN):
    from garante.pipeline import analyse_text
    return analyse_text(lead + text)


def said(text: str, lead: str = LEAD_EN) -> list[tuple]:
    return said_for(text, lead)


by = sides_of


def mention_of(doc, name: str):
    return next(m for m in doc.layer("mention") if doc.text[m.start:m.end] == name)


# -- 1. the side of an unknown person: the linker's ``of``, from the description beside his name ----------

@pytest.mark.parametrize("text, lead, name, of", [
    # the knowledge base knows the Polish defence ministry (organisations.yaml, part of Poland): the body itself
    ("Irena Kowalczyk, portavoce del ministero della Difesa polacco, ha parlato in serata.", LEAD_IT,
     "Irena Kowalczyk", "poland-mod"),
    ("Anders Lund, a senior adviser to the Swedish defence ministry, said the plan was vague.", LEAD_EN,
     "Anders Lund", "sweden"),
    ("In the afternoon we met Anders Lund, one of the Swedish negotiators.", LEAD_EN, "Anders Lund", "sweden"),
    # the knowledge base knows the Ifri (a think tank, organisations.yaml): the description beside the name
    # names it first; a former office ("già") comes after
    ("Il presidente dell'Ifri, Paolo Serra, già segretario generale della Farnesina, ha detto che la tregua "
     "è fragile.", LEAD_IT, "Paolo Serra", "ifri"),
])
def test_the_linker_reads_the_side_of_an_unknown_person_from_his_description(text, lead, name, of):
    m = mention_of(analysed(text, lead), name)
    assert m.attrs.get("of") == of


def test_an_office_in_apposition_names_the_person_not_the_holder_of_the_office():
    """"X, the Ukrainian foreign ministry spokesman, said": X speaks, not whoever held the office then."""
    got = said("Taras Hnatyuk, the Ukrainian foreign ministry spokesman, said the draft ignored Kyiv's demands.")
    assert by(got, "the draft ignored") == [("Taras Hnatyuk", "ukraine")]


def test_a_subject_after_a_comma_is_no_description_of_the_name_before():
    """"According to X, the Turkish leader stressed …": the leader is the subject of his own verb."""
    got = said("According to Taras Hnatyuk, the Turkish leader stressed that talks without Kyiv would fail.")
    assert by(got, "talks without Kyiv") == [("Recep Tayyip Erdoğan", "turkey")]


@pytest.mark.parametrize("text, lead, words, speaker, side", [
    ("India's UN envoy Ravi Mehra said the council should stay neutral.", LEAD_EN, "the council should stay",
     "Ravi Mehra", "india"),
    ("L'ambasciatore cinese all'Onu Zhang Wei ha affermato che serve pazienza.", LEAD_IT, "serve pazienza",
     "Zhang Wei", "china"),
])
def test_the_state_that_posts_a_named_envoy_is_his_side(text, lead, words, speaker, side):
    """A body named between the state and the office ("India's UN envoy") is where he serves; "Zhang" alone
    is a known alias of another person only after his full name, and does not stop "Zhang Wei"."""
    assert by(said(text, lead), words) == [(speaker, side)]


def test_the_side_read_in_a_description_carries_to_the_statements_of_a_later_surname():
    got = said("Alla riunione c'era anche Irena Kowalczyk, portavoce del ministero della Difesa polacco. "
               "«Non manderemo soldati senza un mandato», ha spiegato Kowalczyk.", LEAD_IT)
    assert [side for _, side in by(got, "Non manderemo soldati")] == ["poland"]


# -- 2. who speaks, and what is no statement ----------------------------------------------------------

def test_a_person_named_in_a_clause_set_before_the_subject_does_not_speak():
    """"After meeting X, the ministers said …": the ministers, not X."""
    got = said("After meeting Emmanuel Macron in Paris, the ministers said the sanctions would stay in place.")
    assert [speaker for speaker, _ in by(got, "the sanctions would stay")] == ["the ministers"]


def test_what_the_listeners_asked_is_no_statement_of_the_speaker():
    got = said("Keir Starmer told the journalists, who asked about the deployment, that nothing was decided.")
    assert not [c for _, _, c in got if c.startswith("about the deployment")]
    assert [c for _, _, c in got if "nothing was decided" in c]


def test_scandire_reports_speech_and_each_verb_its_own_clause():
    got = said("Il ministro Guido Crosetto scandisce che l'Italia resterà al fianco di Kiev, ma avverte che "
               "servono garanzie credibili.", LEAD_IT)
    assert by(got, "resterà al fianco di Kiev") == [("Guido Crosetto", "italy")]
    assert by(got, "servono garanzie credibili") == [("Guido Crosetto", "italy")]


def test_a_name_right_after_a_dateline_is_a_person():
    """The model may read the dateline's date into the name, or propose nothing there."""
    doc = analysed("Marek Dvorak said on Monday that the convoy had reached the border.", "BRUSSELS, March 3 - ")
    m = mention_of(doc, "Marek Dvorak")
    assert m.label == "PER" and m.attrs["entity_id"] == "x:marek-dvorak"
    assert [s.speaker_entity_id for s in doc.statements if "the convoy had reached" in s.content] == ["x:marek-dvorak"]
