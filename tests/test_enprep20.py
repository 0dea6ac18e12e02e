"""English prepositions of complement and agent (issue 12 speakers): after an active cue of saying, a name that
"with", "at", "in" … (an article may stand between) or "by" governs is where, with whom or by whom something
else was done, never the cue's speaker; a passive cue's own "by"-agent is its speaker. Sentences written for
this test."""
from garante.pipeline import analyse_text

from conftest import LEAD_EN


def _said(text: str, word: str) -> list:
    return [s.speaker_name for s in analyse_text(LEAD_EN + text).statements if word in s.content]


def test_a_name_in_a_complement_of_company_after_the_cue_is_not_the_speaker():
    got = _said("\"We will never trade land for a ceasefire,\" said an official after the talks with Dmitry Peskov.",
                "ceasefire")
    assert "Dmitry Peskov" not in got


def test_a_name_under_an_article_after_a_preposition_of_place_is_not_the_speaker():
    got = _said("\"We will never trade land for a ceasefire,\" said a senior diplomat at the meeting with Dmitry "
                "Peskov.", "ceasefire")
    assert "Dmitry Peskov" not in got


def test_the_agent_of_another_participle_after_an_active_cue_is_not_the_speaker():
    got = _said("\"We will never trade land for a ceasefire,\" said an official after the statement issued by "
                "Dmitry Peskov.", "ceasefire")
    assert "Dmitry Peskov" not in got


def test_a_name_after_the_cue_still_speaks_before_an_agent_phrase():
    got = _said("\"Sanctions on Moscow must stay,\" said Keir Starmer after the interview aired by NBC News.",
                "Sanctions")
    assert got == ["Keir Starmer"]


def test_a_passive_cue_keeps_its_by_agent_as_speaker():
    assert _said("\"The guarantees have to be written down,\" it was announced by the Kremlin.",
                 "written down") == ["Kremlin"]
    assert _said("\"The guarantees have to be written down,\" was stated by Dmitry Peskov at the meeting.",
                 "written down") == ["Dmitry Peskov"]


def test_the_subject_before_a_cue_is_kept_over_a_company_complement():
    got = _said("Keir Starmer spoke on Monday. \"Europe must pay for its own defence,\" he said at a meeting with "
                "Emmanuel Macron.", "defence")
    assert got == ["Keir Starmer"]
