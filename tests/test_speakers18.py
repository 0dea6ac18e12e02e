"""Speakers named by a description (issue 12): the person the article names for it. Sentences written for
this test."""

from conftest import LEAD_IT, en as _said


def test_a_role_with_the_name_in_apposition_right_after_it_is_that_person():
    got = _said("Zelensky's chief of staff, Harold Quimby, has welcomed the talks, noting that the delegations "
                "agreed to meet again in March.")
    assert [who for who, content in got if "meet again" in content] == ["Harold Quimby"]


def test_a_definite_role_with_the_name_right_after_it_before_a_colon_quote():
    got = _said("The ministry spokesperson Greta Vallone later rejected that reading: “We have never asked "
                "for fewer troops on the border.”")
    assert [who for who, content in got if "fewer troops" in content] == ["Greta Vallone"]


def test_a_name_that_opens_the_content_is_not_the_role_s_apposition():
    got = _said("According to the diplomat, Putin wants a pause in the fighting before the winter.")
    assert [who for who, content in got if "pause" in content] != ["Vladimir Putin"]


def test_a_bare_office_is_the_holder_who_acts_not_the_last_one_named():
    got = _said("President Donald Trump met President Volodymyr Zelensky in Washington on Friday. Trump welcomed "
                "Zelensky at the White House, where the president said that the talks with Moscow would resume "
                "within two weeks.")
    assert [who for who, content in got if "resume" in content] == ["Donald Trump"]


def test_an_epithet_with_no_speaker_before_is_the_one_person_the_sentence_before_names():
    got = _said("Nella stessa giornata Andrii Sybiha ha incontrato a Bruxelles i colleghi europei. Il diplomatico "
                "ucraino ha poi spiegato che il governo non firmerà alcun accordo senza garanzie scritte.", LEAD_IT)
    assert [who for who, content in got if "garanzie scritte" in content] == ["Andrii Sybiha"]


def test_an_epithet_stays_a_description_where_the_sentence_before_names_two_people():
    got = _said("Nella stessa giornata Andrii Sybiha ha incontrato a Bruxelles Marco Rubio. Il diplomatico "
                "ucraino ha poi spiegato che il governo non firmerà alcun accordo senza garanzie scritte.", LEAD_IT)
    assert [who for who, content in got if "garanzie scritte" in content] == ["Il diplomatico ucraino"]


def test_an_unnamed_source_s_epithet_goes_on_with_its_own_words():
    got = _said("A senior official said on Monday that the convoy had crossed the border. Later Dmytro Kuleba met "
                "his colleagues in Brussels. The official also said that the talks would resume.")
    assert [who for who, content in got if "resume" in content] == ["The official"]
