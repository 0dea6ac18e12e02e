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
