"""A season, a week or a quarter spelled with its year sets the year of the partial dates told after it in
the sentence, as a full date does, and never stops the page's analysis (a season's TIMEX3 value "2024-SU"
has no month number). Sentences written for these tests."""
from __future__ import annotations

from garante.pipeline import Context, analyse_text

CTX = Context()


def _timexes(text: str):
    doc = analyse_text(f" date 2025-06-03 WORLD\nTalks resume\n\n{text}\n", source="test.txt", ctx=CTX)
    return {doc.text[t.start:t.end]: t.attrs.get("value") for t in doc.layer("timex")}


def test_a_season_with_its_year_dates_the_day_told_after_it_in_that_year():
    found = _timexes("During the summer of 2024 the offensive slowed and on 16 August the army withdrew "
                     "from two villages, the general said.")
    assert found["on 16 August"] == "2024-08-16"


def test_a_season_of_the_page_year_leaves_the_page_year_to_the_day_after_it():
    found = _timexes("In the spring of 2025 the talks stalled, and on March 16 the envoys met again, "
                     "the minister said.")
    assert found["on March 16"] == "2025-03-16"


def test_an_italian_season_with_its_year_is_read_without_error():
    doc = analyse_text(" date 2025-06-03 ESTERI\nNegoziati\n\nNell'estate del 2024 l'offensiva ha rallentato "
                       "e il 16 agosto l'esercito si è ritirato da due villaggi, ha detto il generale.\n",
                       source="test.txt", ctx=CTX)
    assert any(t.attrs.get("value") == "2024-08-16" for t in doc.layer("timex"))
