"""General knowledge of attribution checked for transfer on news nobody read (issue 12, sixth round): the
side an unknown person speaks for, read from the description beside his name. Sentences of our own."""
from __future__ import annotations

import pytest

from conftest import LEAD_EN, LEAD_IT
from garante import nlp

pytestmark = pytest.mark.skipif(not nlp.available("it") or not nlp.available("en"),
                                reason="needs the shipped parse models")


def sides(text: str, lead: str = LEAD_EN) -> list[tuple]:
    """(speaker, on_behalf_of id, content) of each statement."""
    from garante.pipeline import analyse_text
    return [(s.speaker_name, s.on_behalf_of_id, s.content) for s in analyse_text(lead + text).statements]


def side_of(got: list[tuple], words: str) -> list:
    return [side for _, side, c in got if words in c]


@pytest.mark.parametrize("text, lead, words, side", [
    ("«Le garanzie devono essere solide», ha scritto Oleg Petrenko, portavoce del ministero degli Esteri ucraino.",
     LEAD_IT, "Le garanzie devono essere solide", "ukraine"),
    ("«Serve un cessate il fuoco», ha detto Bela Szabo, portavoce del governo ungherese.",
     LEAD_IT, "Serve un cessate il fuoco", "hungary"),
    ("Petro Kovalenko, the Ukrainian foreign ministry spokesman, said the talks had stalled.",
     LEAD_EN, "the talks had stalled", "ukraine"),
    ("“Guarantees without troops mean little,” said Petro Kovalenko, a spokesman for Ukraine's foreign ministry.",
     LEAD_EN, "Guarantees without troops mean little", "ukraine"),
])
def test_an_unknown_person_speaks_for_the_state_his_apposition_names(text, lead, words, side):
    assert side_of(sides(text, lead), words) == [side]


def test_the_side_from_the_first_mention_carries_to_a_later_surname():
    got = sides("In serata ha parlato ai giornalisti Oleg Petrenko, portavoce del ministero degli Esteri ucraino. "
                "«Nessuno ci imporrà la neutralità», ha aggiunto Petrenko.", LEAD_IT)
    assert side_of(got, "Nessuno ci imporrà la neutralità") == ["ukraine"]


def test_a_journalist_of_an_outlet_speaks_for_no_side():
    got = sides("Petro Kovalenko, a Reuters correspondent, said the talks had stalled.")
    assert side_of(got, "the talks had stalled") == [None]


@pytest.mark.parametrize("text, question", [
    ("Dmitry Peskov spoke to reporters on Monday. Asked whether Moscow would sign a treaty with Kyiv, he said "
     "that no draft existed yet.", "Moscow would sign a treaty"),
    ("Asked whether he would meet the Russian leader in Geneva, the chancellor said the time was not right.",
     "he would meet the Russian leader"),
])
def test_the_question_a_speaker_was_asked_is_no_statement_of_his(text, question):
    """"Asked whether …, X said": the bare participle of a verb of asking and a word that opens a question
    introduce what a journalist wanted to know; the answer stays a statement."""
    got = sides(text)
    assert not [c for _, _, c in got if question in c]
    assert got


def test_a_request_made_with_a_verb_of_asking_stays():
    got = sides("The Kremlin asked that NATO withdraw its forces from Eastern Europe.")
    assert [c for _, _, c in got if "NATO withdraw its forces" in c]
    got = sides("Zelensky ha chiesto che gli alleati inviino nuovi sistemi di difesa aerea.", LEAD_IT)
    assert [c for _, _, c in got if "gli alleati inviino nuovi sistemi" in c]


def test_a_demonstrative_object_of_a_verb_of_saying_is_no_content():
    """"announced this during a press conference": what was announced is in the sentences before; a clause
    whose subject is the demonstrative, and a verb of naming with its predicate, stay."""
    got = sides("Emmanuel Macron announced this during a press conference in Paris. Keir Starmer said this "
                "position as the talks resumed. Olaf Scholz said this is a mistake. Zelensky described this as a "
                "betrayal.")
    contents = [c for _, _, c in got]
    assert not [c for c in contents if c.startswith("this during") or c.startswith("this position as")]
    assert [c for c in contents if "this is a mistake" in c]
    assert [c for c in contents if "this as a betrayal" in c]


@pytest.mark.parametrize("person, date, side", [
    ("wang-yi", "2023-03-01", "china"),  # between his two terms as foreign minister: the party's foreign affairs office
    ("zhang-jun", "2022-06-01", "china"),
    ("ihor-zhovkva", "2024-01-15", "ukraine"),
    ("oleg-nikolenko", "2022-09-01", "ukraine"),
    ("heorhii-tykhyi", "2025-02-01", "ukraine"),
    ("alexander-novak", "2023-05-01", "russia"),
    ("alain-berset", "2023-06-01", "switzerland"),
    ("ruslan-khomchak", "2020-11-01", "ukraine"),
])
def test_officials_of_the_knowledge_base_speak_for_their_state_at_the_date(person, date, side):
    from garante import kb
    assert kb.check().affiliation(person, date) == side


def test_an_envoy_the_knowledge_base_knows_speaks_for_his_state_in_a_sentence():
    got = sides("“Security in Europe cannot be built against Russia,” Zhang Jun told the Security Council.",
                "NEW YORK, February 24, 2023 - ")
    assert side_of(got, "Security in Europe cannot be built against Russia") == ["china"]
