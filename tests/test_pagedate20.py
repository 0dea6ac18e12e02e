"""Page dates from the head lines of English pages (twentieth session): a byline joined to its date by
"on", a line of byline and reading time around the date, and a published day beside an updated one.
Sentences written for these tests."""
from __future__ import annotations

from garante.pipeline import Context, analyse_text

CTX = Context()

_BODY = ("\n\nThe Estonian defence minister Hanno Pevkur said that the Baltic states would buy more air "
         "defence systems this year.\n\nHe added that the purchase had been agreed with the allies.\n")


def _page(head: str):
    return analyse_text("Baltic states to buy air defences\n" + head + _BODY, source="test.txt", ctx=CTX)


def test_a_byline_joined_to_its_date_by_on_dates_the_page():
    assert _page("Written by Laura Field on April 9, 2024").meta.get("published") == "2024-04-09"


def test_a_name_and_a_reading_time_around_the_date_make_a_stamp():
    assert _page("Laura Field · April 9, 2024 · 4 min read").meta.get("published") == "2024-04-09"


def test_the_published_day_beats_the_updated_day_on_one_line():
    doc = _page("Last updated: April 11, 2024 | Published: April 9, 2024")
    assert doc.meta.get("published") == "2024-04-09"


def test_the_published_day_on_a_later_head_line_beats_the_updated_stamp():
    doc = _page("Updated: April 11, 2024 10:15\nPublished: April 9, 2024 08:30")
    assert doc.meta.get("published") == "2024-04-09"


def test_a_name_then_a_date_in_a_sentence_is_no_stamp():
    doc = _page("Laura Field wrote that the ministers met in Tallinn on April 9, 2024 to agree the purchase")
    assert doc.meta.get("published") is None
