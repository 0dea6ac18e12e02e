"""An outlet that passes on what a state, a body or a person did or decided is cited, not the speaker: the
subject of the clause speaks (GUIDE section 13: the original speaker; the outlet is ``cited_source``). A
person's own "according to" keeps that person as the speaker. Sentences written for this test."""
from garante.pipeline import analyse_text

from conftest import LEAD_EN, LEAD_IT


def _said(text: str, lead: str = LEAD_IT) -> list[tuple]:
    return [(s.speaker_name, s.cited_source, s.content) for s in analyse_text(lead + text).statements]


def test_a_state_decision_passed_on_by_an_agency_is_the_states():
    got = _said("La Spagna ha deciso di aumentare il proprio contributo al fondo per l'Ucraina. "
                "Lo riferisce l'agenzia Reuters.")
    assert [(who, cited) for who, cited, content in got if "contributo" in content] == [("Spain", "Reuters")]


def test_a_person_named_in_the_clause_an_outlet_reports_is_the_speaker():
    got = _said("According to Bloomberg, Finland is ready to send more air defence systems to Kyiv.", LEAD_EN)
    assert [(who, cited) for who, cited, content in got if "air defence" in content] == [("Finland", "Bloomberg")]


def test_a_persons_according_to_keeps_that_person():
    got = _said("Secondo Tajani, la Russia non vuole una vera tregua in Ucraina.")
    assert [who for who, _, content in got if "tregua" in content] == ["Antonio Tajani"]
