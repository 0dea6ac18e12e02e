"""Statement dates on unseen news (eighteenth session): a month or a year that is the time of the reporting
verb itself, the year an undated page spelled out carried to its later partial dates, a weekday line in the
month of the page's address. Sentences written for these tests."""
from __future__ import annotations

from garante.pipeline import Context, analyse_text

from helpers import date_of as _date

CTX = Context()


def _doc(paragraphs: list[str], header: str | None = "2023-04-21", title: str = "Envoys weigh a new framework"):
    head = f" date {header} WORLD\n" if header else ""
    return analyse_text(f"{head}{title}\n\n" + "\n\n".join(paragraphs) + "\n", source="test.txt", ctx=CTX)


# --- a month or a year that dates the verb of the reporting clause


def test_a_month_fronting_the_reporting_clause_dates_the_statement():
    doc = _doc(["In September 2022, the Ukrainian president announced that Kyiv was asking for a faster path "
                "into the alliance."])
    assert _date(doc, "faster path") == "2022-09"


def test_a_year_after_the_reporting_verb_dates_the_statement():
    doc = _doc(["The Russian president said in 2021 that the alliance had broken every promise it made."])
    assert _date(doc, "broken every promise") == "2021"


def test_a_year_inside_what_is_said_does_not_date_the_saying():
    doc = _doc(["The secretary general said the 2008 pledge to Kyiv still stands for every member."])
    assert _date(doc, "pledge to Kyiv") == "2023-04-21"


# --- an undated page: the year it spelled out carries to its later partial dates


def test_an_undated_page_carries_its_year_to_a_later_day_and_month():
    doc = _doc(["On July 30, 2025, the White House announced new tariffs on steel from several countries.",
                "On August 4, the president stated that he would raise those tariffs again within weeks."],
               header=None)
    assert _date(doc, "raise those tariffs") == "2025-08-04"


def test_an_undated_page_with_no_year_leaves_a_day_and_month_unresolved():
    doc = _doc(["On August 4, the president stated that he would raise the tariffs again within weeks."],
               header=None)
    assert not any(t.attrs.get("value") for t in doc.layer("timex") if "August" in doc.text[t.start:t.end])


# --- a weekday line in the month of the page's address


def _cleaned(url: str, text: str):
    from garante.clean import clean
    from garante.ingest import Capture
    return clean(Capture(source=url, raw=text, format="text"))


def test_a_weekday_line_in_the_month_of_the_address_dates_the_page():
    text = ("Saturday, May 20, 2023\n\nLeaders back a new package for Kyiv\n\n"
            "The leaders said on Friday that the package would be delivered within weeks.\n")
    doc = _cleaned("https://example.org/2023/05/leaders-back-package", text)
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2023-05-20", "weekday line in the page's month")


def test_a_weekday_line_outside_the_month_of_the_address_is_the_visit_banner():
    text = ("Saturday, May 20, 2023\n\nLeaders back a new package for Kyiv\n\n"
            "The leaders said on Friday that the package would be delivered within weeks.\n")
    assert _cleaned("https://example.org/2022/03/leaders-back-package", text).meta["published"] == "2022-03"
