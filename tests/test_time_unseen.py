"""Page dates and statement dates in page shapes the corpus rounds nobody tuned on brought up (twelfth
session): a page's own stamp in its head lines, a banner day that the dateline repeats without its year,
the year and month as one folder of the address. Sentences written for these tests."""
from __future__ import annotations

import pytest

from garante.clean import clean
from garante.clean.metadata import date_from_url
from garante.ingest import Capture

HEADLINE = "Ministers weigh a long-term plan for Ukraine's defence"
PROSE = [
    "The defence ministers of several European countries met in a northern capital to discuss how a "
    "future ceasefire could be protected, officials familiar with the talks said.",
    "A spokesman for the host government told reporters that no decision had been taken and that the work "
    "would go on at the level of experts in the coming weeks.",
    "Diplomats described the discussion as frank and said the cost of any mission remained the main "
    "question for the capitals involved in the planning.",
]


def _page(*head: str) -> dict:
    return clean(Capture("x.txt", "\n\n".join([*head, *PROSE]), "text")).meta


@pytest.mark.parametrize("line,day", [
    ("Revised: 2024-11-08 14:05", "2024-11-08"),                      # a stamp with its clock time
    ("by Jane Roe March 4, 2025 7:15 PM 4 min read", "2025-03-04"),   # a byline with its stamp
    ("Policy Paper October 9, 2024", "2024-10-09"),                   # a bare date line of the head
    ("Date : 12 Sep , 2023", "2023-09-12"),                          # a label, a stray space before the comma
    ("14 June 2022    Views: 381", "2022-06-14"),                     # a date and the page's count of readers
])
def test_a_date_the_pages_head_prints_as_its_stamp_dates_the_page(line, day):
    meta = _page(HEADLINE, line)
    assert meta["published"] == day and meta["published_source"] in ("head stamp", "dateline")


def test_a_weekday_banner_without_a_clock_stays_the_day_of_the_visit():
    meta = _page("Wednesday, 5 March 2025", HEADLINE)
    assert meta["published"] is None


def test_a_banner_day_repeated_by_a_yearless_dateline_is_the_day_of_the_report():
    lead = ("OSLO, Mar 5 (Wire) - The defence ministers of several European countries met on Wednesday to "
            "discuss how a future ceasefire could be protected, officials said.")
    raw = "\n\n".join(["Wednesday, March 5, 2025", HEADLINE, lead, *PROSE[1:]])
    meta = clean(Capture("x.txt", raw, "text")).meta
    assert meta["published"] == "2025-03-05"
    other = "\n\n".join(["Wednesday, March 5, 2025", HEADLINE, lead.replace("Mar 5", "Mar 3"), *PROSE[1:]])
    assert clean(Capture("y.txt", other, "text")).meta["published"] is None


def test_a_head_stamp_gives_the_day_of_a_header_dated_to_the_month():
    meta = clean(Capture("x.txt", " date 2023-10 " + "\n\n".join([HEADLINE, "17 October 2023 a", *PROSE]), "text")).meta
    assert meta["published"] == "2023-10-17"


@pytest.mark.parametrize("url,date", [
    ("https://news.example.cn/a/202304/05/WS642ca98fa31057c47.html", "2023-04-05"),
    ("https://news.example.cn/a/202313/05/x.html", None),  # no month 13
])
def test_the_year_and_month_as_one_folder_and_the_day_as_the_next(url, date):
    assert date_from_url(url) == date


def test_a_head_line_that_is_a_date_and_little_else_is_a_stamp_even_where_taken_for_the_headline():
    meta = clean(Capture("x.txt", " date 2023-10 " + "\n\n".join(["17 ottobre 2023 a", *PROSE]), "text")).meta
    assert meta["published"] == "2023-10-17"
    named = clean(Capture("y.txt", "\n\n".join(["Talks resume in Oslo on 17 October 2023 after a pause", *PROSE]),
                          "text")).meta
    assert named["published"] is None  # a headline naming a day is not the page's stamp
