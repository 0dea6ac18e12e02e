"""General constructions of attribution checked for transfer on news nobody read (issue 12, fifth round):
a body or a state the parse reads as the subject of a verb of saying speaks, not a state the rules took from
the verb's complement; before a colon with no verb, the one a preposition introduces is addressed, not the
speaker. Sentences of our own."""
from __future__ import annotations

import pytest

from conftest import en, speakers_of, statements
from garante import nlp

pytestmark = pytest.mark.skipif(not nlp.available("it") or not nlp.available("en"),
                                reason="needs the shipped parse models")


def test_a_body_subject_of_coordinated_verbs_speaks_not_a_state_in_the_complement():
    got = en("The Kremlin considers Western troops in Ukraine unacceptable and maintains that the talks are stalled.")
    assert speakers_of(got, "the talks are stalled") == ["Kremlin"]
    got = statements("Il Cremlino considera inaccettabili le truppe europee in Ucraina e sostiene che i colloqui "
                     "sono fermi.")
    assert speakers_of(got, "i colloqui sono fermi") == ["Kremlin"]


def test_a_person_subject_still_speaks():
    got = en("Keir Starmer called on Vladimir Putin to accept a ceasefire, stressing that Britain would keep "
             "supporting Kyiv.")
    assert speakers_of(got, "Britain would keep supporting Kyiv") == ["Keir Starmer"]


def test_an_apostrophe_in_the_title_before_a_trailing_tag_is_no_quotation_mark():
    got = en("Kyiv will never accept neutrality without firm guarantees, Deputy Head of the President’s Office "
             "Ihor Zhovkva said.")
    assert speakers_of(got, "Kyiv will never accept neutrality") == ["Ihor Zhovkva"]


@pytest.mark.parametrize("sentence, words, speaker", [
    ("“We will not be lectured by Moscow about European security,” Kaja Kallas fumed.",
     "We will not be lectured by Moscow", "Kaja Kallas"),
    ("Mark Rutte pointed out that the allies had already promised more air defence for Kyiv.",
     "the allies had already promised more air defence", "Mark Rutte"),
    ("Emmanuel Macron lamented that Europe had waited too long to rebuild its own defences.",
     "Europe had waited too long", "Emmanuel Macron"),
    ("“Nobody is asking Washington to send soldiers,” Keir Starmer retorted.",
     "Nobody is asking Washington to send soldiers", "Keir Starmer"),
])
def test_verbs_that_tag_a_quotation_or_report_a_clause_speak(sentence, words, speaker):
    """Verbs of saying beyond say and tell ("fumed", "pointed out that", "lamented that", "retorted") carry
    their speaker, as the issue's list of frames outside the lexicon asks."""
    assert speakers_of(en(sentence), words) == [speaker]
