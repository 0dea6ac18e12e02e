"""General knowledge of attribution checked for transfer on news nobody read (issue 12, eighth round): one
owner for the side a speaker speaks for (attribution/sides.py), read by the rules, the parse and the
renames alike. Sentences of our own."""
from __future__ import annotations

import pytest

from conftest import LEAD_EN, LEAD_IT
from garante import nlp
from garante.extract.attribution.sides import DESCRIPTION, KNOWLEDGE_BASE, speaker_side

needs_models = pytest.mark.skipif(not nlp.available("it") or not nlp.available("en"),
                                  reason="needs the shipped parse models")


def analysed(text: str, lead: str = LEAD_IT):
    from garante.pipeline import analyse_text
    return analyse_text(lead + text)


def said(text: str, lead: str = LEAD_IT) -> list[tuple]:
    """(speaker, on_behalf_of id, content) of each statement."""
    return [(s.speaker_name, s.on_behalf_of_id, s.content) for s in analysed(text, lead).statements]


def by(got: list[tuple], words: str) -> list[tuple]:
    return [(speaker, side) for speaker, side, c in got if words in c]


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
