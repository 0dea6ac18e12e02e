"""General knowledge of attribution checked for transfer on news nobody read (issue 12, sixteenth session):
where one predicted content covered two statements of the guide. A second verb of saying joined by a bare
conjunction to the first ("si dice deluso dalla risposta di Mosca e lamenta che …") has its subject dropped:
the name just before the conjunction ("Mosca") is no subject of it, so the first content ends at the
conjunction and the second verb reports a statement of its own, by the first verb's speaker. A name inside
quotation marks is no subject of a verb outside them (for the coordinated verb's speaker, and for the parse's
correction of it). A verb joined by a conjunction with its subject dropped ("He said A, but warned that B")
speaks for the speaker of the verb of saying before it in the sentence, not for the first person its content
names. Sentences of our own."""
from __future__ import annotations

import pytest

from conftest import LEAD_EN, LEAD_IT, speakers_of as by, statements as said
from garante import nlp

needs_it = pytest.mark.skipif(not nlp.available("it"), reason="needs the shipped parse models")
needs_en = pytest.mark.skipif(not nlp.available("en"), reason="needs the shipped parse models")


# -- 1. a name before a bare conjunction is no subject of the verb after it --------------------------------

@needs_it
@pytest.mark.parametrize("sentence, first, second", [
    ("Il cancelliere Merz si dice \"deluso\" dalla risposta di Mosca e lamenta che il negoziato sarebbe fermo "
     "da settimane.", "dalla risposta di Mosca", "il negoziato sarebbe fermo"),
    ("Il cancelliere Merz ha criticato la lentezza di Bruxelles e ha sottolineato che servono nuovi aiuti "
     "per l'inverno.", "la lentezza di Bruxelles", "servono nuovi aiuti"),
])
def test_a_second_verb_after_a_name_and_a_conjunction_is_the_first_speakers(sentence, first, second):
    got = said(sentence)
    assert by(got, first) == ["Friedrich Merz"]
    assert by(got, second) == ["Friedrich Merz"]
    assert not any(first in content and second in content for _, content in got)


@needs_en
def test_the_same_holds_in_english():
    got = said("Chancellor Friedrich Merz said he was disappointed with Moscow and complained that the talks had "
               "stalled for weeks.", LEAD_EN)
    assert by(got, "disappointed with Moscow") == ["Friedrich Merz"]
    assert by(got, "the talks had stalled") == ["Friedrich Merz"]
    assert not any("Moscow" in content and "stalled" in content for _, content in got)


@needs_it
def test_names_joined_by_a_conjunction_still_make_a_subject():
    # "Mosca e i suoi alleati" is a subject of two names: what the minister reports stays one statement
    got = said("Il ministro Tajani ha detto che Mosca e i suoi alleati hanno chiesto garanzie solide.")
    assert by(got, "Mosca e i suoi alleati hanno chiesto garanzie solide") == ["Antonio Tajani"]


# -- 2. a name inside quotation marks is no subject of a verb outside them --------------------------------

@needs_en
@pytest.mark.parametrize("quoted", ["Washington security pledge", "Joe Biden pledge"])
def test_a_quoted_name_does_not_speak_for_the_coordinated_verb(quoted):
    got = said("Prime Minister Keir Starmer flew to Paris on Monday for talks with Emmanuel Macron. He insisted "
               f"that only a “{quoted}” would deter Moscow and stated he would raise "
               "the plan with Donald Trump next week.", LEAD_EN)
    assert by(got, "would deter Moscow") == ["Keir Starmer"]
    assert by(got, "he would raise the plan") == ["Keir Starmer"]


# -- 3. the coordinated verb's speaker is the verb of saying's before it ------------------------------------

@needs_it
def test_a_second_verb_after_an_act_and_its_object_is_the_same_speakers():
    got = said("Il cancelliere Merz ha elogiato gli aiuti decisi da Bruxelles nei giorni scorsi e ha sottolineato "
               "che servono nuove sanzioni.")
    assert by(got, "gli aiuti decisi da Bruxelles") == ["Friedrich Merz"]
    assert by(got, "servono nuove sanzioni") == ["Friedrich Merz"]
    assert not any("Bruxelles" in content and "sanzioni" in content for _, content in got)


@needs_en
def test_the_coordinated_verb_speaks_for_the_first_verbs_speaker_not_a_name_in_its_content():
    got = said("Vladimir Putin met his security council on Friday. He said the Trump team had offered a new round "
               "of talks in Geneva, but warned that Russia would not wait for long. \"We want answers,\" he said.",
               LEAD_EN)
    assert by(got, "had offered a new round") == ["Vladimir Putin"]
    assert by(got, "Russia would not wait for long") == ["Vladimir Putin"]
    assert by(got, "We want answers") == ["Vladimir Putin"]
