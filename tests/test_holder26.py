"""Speaker resolution that knows the article (session 26, holder): bylines with their date, a bare office
next to its holder's name, a reporting "he" after a quotation or a possessive description."""
from garante.clean.capture import _byline
from garante.clean.cues import cues


def test_name_slash_date_is_a_byline():
    c = cues()
    assert _byline("Marta Villani / April 3, 2024", c) == "Marta Villani"
    assert _byline("Carlo Benedetti / 3 aprile 2024", c) == "Carlo Benedetti"


def test_by_name_comma_date_is_a_byline():
    assert _byline("By Oskar Lindqvist, June 9, 2023", cues()) == "Oskar Lindqvist"


def test_a_dateline_place_is_no_byline():
    c = cues()
    assert _byline("New York, June 9, 2023", c) is None
    assert _byline("WARSAW / June 9, 2023", c) is None
    assert _byline("Warsaw / June 9, 2023", c) is None


from conftest import en as _said  # noqa: E402


def test_a_bare_office_is_its_holder_named_before_it_in_its_sentence():
    got = _said("Ukrainian President Volodymyr Zelensky arrived in Washington on Sunday for a new round of talks. "
                "The delegations met at Trump's golf club, where the president said the gap between Kyiv and "
                "Moscow had narrowed a lot.")
    assert [who for who, content in got if "narrowed" in content] == ["Donald Trump"]


def test_a_possessor_of_the_speaker_s_title_is_not_the_next_he():
    got = _said("Dmitry Peskov spoke to reporters in Moscow on Tuesday.\n\n"
                "“Nobody in Moscow wants a wider war,” Vladimir Putin's spokesman said.\n\n"
                "He also added that the troops near the border were on routine exercises.")
    assert [who for who, content in got if "routine exercises" in content] == ["Dmitry Peskov"]


def _person(doc, name):
    return next(m for m in doc.layer("mention") if m.label == "PER" and doc.text[m.start:m.end] == name)


def test_a_name_a_preposition_governs_outside_the_subject_opens_no_sentence():
    from garante.extract.attribution.pick import _not_opener
    from garante.pipeline import analyse_text
    doc = analyse_text("LONDON, March 3, 2025 - We will never hand our cities to anyone. This would only be a gift "
                       "for Putin, Zelensky said.")
    assert _not_opener(doc, _person(doc, "Putin"), None)


def test_a_name_inside_the_subject_still_opens_its_sentence():
    from garante.extract.attribution.pick import _not_opener
    from garante.pipeline import analyse_text
    doc = analyse_text("LONDON, March 3, 2025 - Macron's remarks followed the summit in Brussels, where he urged "
                       "the bloc to prepare for talks.")
    assert not _not_opener(doc, _person(doc, "Macron"), None)


def test_the_name_a_sentence_is_sourced_to_is_the_next_he():
    got = _said("According to Prime Minister Robert Fico, Slovakia will not send any weapons to Kyiv this year.\n\n"
                "Speaking in Bratislava, he said that the gas transit had to be settled first.")
    assert [who for who, content in got if "gas transit" in content] == ["Robert Fico"]
