"""General knowledge of attribution checked for transfer on news nobody read (issue 12, eighth round): one
owner for the side a speaker speaks for (attribution/sides.py), read by the rules, the parse and the
renames alike. Sentences of our own."""
from __future__ import annotations

import pytest

from conftest import said_for as said, sides_of, LEAD_EN, LEAD_IT
from garante import nlp
from garante.extract.attribution.sides import DESCRIPTION, KNOWLEDGE_BASE, speaker_side

needs_models = pytest.mark.skipif(not nlp.available("it") or not nlp.available("en"),
                                  reason="needs the shipped parse models")


def analysed(text: str, lead: str = LEAD_IT):
    from garante.pipeline import analyse_text
    return analyse_text(lead + text)


by = sides_of


# -- 1. the side of a speaker: the knowledge base first, then the description the linker read ----------

class _Entity:
    def __init__(self, id, name):
        self.id, self.name = id, name


class _KB:
    """A knowledge base that knows one official and one state."""
    def affiliation(self, entity_id, date=None):
        return "italy" if entity_id == "guido-crosetto" else None

    def get(self, entity_id):
        return {"italy": _Entity("italy", "Italy"), "poland": _Entity("poland", "Poland")}.get(entity_id)

    def top(self, entity_id):
        return entity_id if self.get(entity_id) else None


class _Mention:
    def __init__(self, entity_id, of=None):
        self.attrs = {"entity_id": entity_id, **({"of": of} if of else {})}


def test_the_knowledge_base_gives_the_side_first():
    mentions = [_Mention("guido-crosetto", of="poland")]
    assert speaker_side(_KB(), "guido-crosetto", "2025-03-03", mentions=mentions) == ("italy", KNOWLEDGE_BASE)


def test_an_unknown_person_takes_the_side_his_description_names():
    mentions = [_Mention("x:irena-kowalczyk", of="poland")]
    assert speaker_side(_KB(), "x:irena-kowalczyk", None, mentions=mentions) == ("poland", DESCRIPTION)


def test_without_the_mentions_the_description_is_not_read():
    assert speaker_side(_KB(), "x:irena-kowalczyk", None) == (None, None)
    assert speaker_side(None, "guido-crosetto") == (None, None)


@needs_models
@pytest.mark.parametrize("text, lead, words, speaker, side", [
    # the rules' statement and the parse's: the same side for the same unknown person
    ("Irena Kowalczyk, portavoce del ministero della Difesa polacco, ha detto che la tregua è fragile.",
     LEAD_IT, "la tregua è fragile", "Irena Kowalczyk", "poland"),
    ("«La tregua è fragile», ha detto Irena Kowalczyk, portavoce del ministero della Difesa polacco.",
     LEAD_IT, "La tregua è fragile", "Irena Kowalczyk", "poland"),
    ("Anders Lund, a senior adviser to the Swedish defence ministry, said the plan was vague.",
     LEAD_EN, "the plan was vague", "Anders Lund", "sweden"),
])
def test_an_unknown_person_speaks_for_his_described_side_whichever_path_found_him(text, lead, words, speaker, side):
    assert by(said(text, lead), words) == [(speaker, side)]


# -- 2. a second "che" or a second verb of saying joined to the first: two statements of one speaker -----

@needs_models
@pytest.mark.parametrize("text, first, second", [
    # an infinitive in the first clause does not take the "e che" for itself
    ("Il ministro Guido Crosetto ha affermato che l’Europa è pronta a offrire garanzie a Kiev e che l’Italia "
     "parteciperà allo sforzo comune.", "l’Europa è pronta a offrire garanzie a Kiev",
     "l’Italia parteciperà allo sforzo comune"),
    # a comma after the second "che"
    ("Il ministro Guido Crosetto ha aggiunto che gli alleati “resteranno uniti” e che, in ogni caso, “non "
     "lasceranno sola Kiev”.", "gli alleati “resteranno uniti”", "“non lasceranno sola Kiev”"),
    # a second verb of saying joined to the first: the first subject's, not a name inside the first clause
    ("Il ministro Guido Crosetto ha affermato che la Russia non ha mai rispettato gli accordi e ha ribadito "
     "che le sue minacce non fermeranno gli aiuti.", "la Russia non ha mai rispettato gli accordi",
     "le sue minacce non fermeranno gli aiuti"),
])
def test_two_clauses_joined_after_one_verb_of_saying_are_two_statements(text, first, second):
    got = said(text)
    assert by(got, first) == [("Guido Crosetto", "italy")] and by(got, second) == [("Guido Crosetto", "italy")]
    assert not any(first in c and second in c for _, _, c in got)


@needs_models
def test_an_act_joined_after_a_reported_clause_stays_inside_it():
    """"X ha detto che la Russia ha violato la tregua e ha minacciato …": who threatened is not clear; one statement."""
    got = said("Il ministro Guido Crosetto ha detto che la Russia ha violato la tregua e ha minacciato nuove offensive.")
    assert by(got, "ha minacciato nuove offensive") == [("Guido Crosetto", "italy")]


@needs_models
def test_an_english_second_verb_of_saying_joined_to_the_first_is_the_first_subjects():
    got = said("Defence Secretary John Healey said the Kremlin had broken every promise and insisted that "
               "British support would not end.", LEAD_EN)
    assert [c for s, _, c in got if s == "John Healey"] == ["the Kremlin had broken every promise",
                                                             "British support would not end"]
