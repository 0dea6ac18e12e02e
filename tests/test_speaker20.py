"""Speakers named by an office or occupation the office linker could not resolve (issue 12): the person quoted
right before, as an epithet is. Sentences written for this test."""

from conftest import LEAD_IT, en as _said


def test_an_occupation_after_a_quoted_person_is_that_person():
    got = _said("John Healey said on Monday that the border talks would resume in March. The veteran radio "
                "presenter also said that the ceasefire line had to be monitored from the air.")
    assert [who for who, content in got if "monitored" in content] == ["John Healey"]


def test_an_office_with_modifiers_the_linker_leaves_is_the_person_quoted_before():
    got = _said("John Healey warned on Monday that the convoy had crossed the border. The outspoken deputy "
                "secretary said the allies would have to send more air defence systems before the winter.")
    assert [who for who, content in got if "air defence" in content] == ["John Healey"]


def test_a_former_employer_in_the_description_names_no_side():
    got = _said("Pete Hegseth said on Monday that Washington would not send troops to Ukraine. The former Fox "
                "News presenter also said that any peacekeeping force should be a European mission.")
    assert [who for who, content in got if "European mission" in content] == ["Pete Hegseth"]


def test_a_current_employer_of_another_side_still_blocks_the_link():
    got = _said("Pete Hegseth said on Monday that Washington would not send troops to Ukraine. The Kremlin "
                "spokesman said that any peacekeeping force would be a legitimate target.")
    assert [who for who, content in got if "legitimate target" in content] != ["Pete Hegseth"]


def test_an_office_noun_after_an_unnamed_source_stays_a_description():
    got = _said("A senior official said on Monday that the convoy had crossed the border. The ambassador "
                "added that the talks would resume.")
    assert [who for who, content in got if "resume" in content] == ["The ambassador"]


def test_an_italian_former_office_after_a_quoted_person_is_that_person():
    got = _said("Guido Crosetto ha detto lunedì che i colloqui riprenderanno a marzo. L'ex presidente della Lega "
                "calcio ha poi spiegato che servono garanzie scritte.", LEAD_IT)
    assert [who for who, content in got if "garanzie scritte" in content] == ["Guido Crosetto"]


def test_a_relative_clause_inside_the_speaker_s_apposition_keeps_the_speaker():
    got = _said("“The talks will not resume before the winter,” Harold Quimby, a Dutch diplomat who chairs the "
                "Vienna Forum, told Sky News.")
    assert [who for who, content in got if "resume" in content] == ["Harold Quimby"]


def test_a_name_right_after_the_cue_is_still_the_speaker():
    got = _said("The talks must resume before the winter, said Harold Quimby at the OSCE Permanent Council.")
    assert [who for who, content in got if "resume" in content] == ["Harold Quimby"]


def test_an_epithet_the_linker_gave_the_last_office_holder_named_is_the_person_quoted_before():
    got = _said("Foreign Minister Andrii Sybiha met reporters in Kyiv on Tuesday. Sybiha recalled that the White "
                "House, under Trump, had revised its aid to Kyiv. Kyiv will not sign any accord without a UN "
                "mandate, the official added.")
    assert [who for who, content in got if "UN mandate" in content] == ["Andrii Sybiha"]


def test_an_italian_epithet_the_linker_gave_the_last_office_holder_named_is_the_person_quoted_before():
    got = _said("Il ministro degli Esteri Andrii Sybiha ha incontrato i cronisti a Kiev. Sybiha ha ricordato che "
                "la Casa Bianca, con Trump, aveva rivisto gli aiuti a Kiev. Kiev non firmerà nulla senza un "
                "mandato dell'Onu, ha aggiunto il funzionario.", LEAD_IT)
    assert [who for who, content in got if "mandato" in content] == ["Andrii Sybiha"]


def test_an_office_the_linker_gave_its_holder_keeps_that_holder():
    got = _said("President Donald Trump met Harold Quimby in Washington on Friday. Quimby said the talks had been "
                "useful. The president said that sanctions on Moscow would stay in place.")
    assert [who for who, content in got if "sanctions" in content] == ["Donald Trump"]


def test_an_office_in_capitals_with_no_name_is_a_description_the_person_quoted_before_fills():
    got = _said("John Healey said on Tuesday that the talks had stalled. The Secretary added that any pullback "
                "of American troops would weaken the whole continent.")
    assert [who for who, content in got if "pullback" in content] == ["John Healey"]


def test_an_office_governed_through_an_article_is_no_speaker_beside_the_name_it_describes():
    got = _said("Later that evening, Harold Quimby, adviser to the Ukrainian President, stated that neutrality could "
                "be agreed only on Ukrainian terms.")
    assert [who for who, content in got if "neutrality" in content] == ["Harold Quimby"]


def test_an_office_with_an_article_and_no_preposition_still_speaks():
    got = _said("Later that evening, the Ukrainian President stated that neutrality could be agreed only on "
                "Ukrainian terms.")
    assert [who for who, content in got if "neutrality" in content] == ["Volodymyr Zelensky"]
