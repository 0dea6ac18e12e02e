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


# --- a page dated to the month: the day its lead tells, and a yearless day of the page's own month

from garante.pipeline import Context, analyse_text  # noqa: E402

CTX = Context()


def _statements(header: str, paragraphs: list[str]):
    capture = f" date {header} MONDO\nGaranzie di sicurezza, il confronto continua\n\n" + "\n\n".join(paragraphs) + "\n"
    return analyse_text(capture, source="test.txt", ctx=CTX).statements


OPENING = ("Il sostegno europeo all'Ucraina torna al centro dell'agenda delle cancellerie, mentre al fronte "
           "orientale i combattimenti non conoscono pause e le forniture di munizioni restano scarse. Le capitali "
           "cercano una linea comune sulle garanzie da offrire a Kiev dopo un eventuale cessate il fuoco.")


def test_a_page_dated_to_the_month_dates_its_statements_by_the_day_its_lead_tells():
    sts = _statements("2024-05", [OPENING,
        "I ministri degli Esteri si sono riuniti a Praga il 14 maggio per discutere del sostegno all'Ucraina.",
        "Alla riunione non ha partecipato il ministro ungherese Péter Szijjártó.",
        "Il segretario generale della Nato Mark Rutte ha seguito i lavori da Bruxelles.",
        "«Serve un impegno di lungo periodo», ha detto il ministro ceco al termine della riunione."])
    st = next(s for s in sts if "impegno di lungo periodo" in s.content)
    assert st.date == "2024-05-14" and st.date_source == "story"
    # two days told in the lead: the month stays
    sts = _statements("2024-05", [OPENING,
        "I ministri si sono riuniti a Praga il 14 maggio e di nuovo a Vienna il 20 maggio.",
        "Alla riunione non ha partecipato il ministro ungherese Péter Szijjártó.",
        "Il segretario generale della Nato Mark Rutte ha seguito i lavori da Bruxelles.",
        "«Serve un impegno di lungo periodo», ha detto il ministro ceco al termine della riunione."])
    assert next(s for s in sts if "impegno di lungo periodo" in s.content).date == "2024-05"


def test_a_yearless_day_of_the_pages_own_month_keeps_the_pages_year():
    from garante.extract.time import find, grammar  # noqa: F401
    doc = analyse_text(" date 2024-05 MONDO\nIl piano e le sue origini\n\nIl presidente ha illustrato il piano, "
                       "scritto nel marzo 2022 a Ginevra, durante un incontro con i sindaci il 14 maggio.\n",
                       source="t.txt", ctx=CTX)
    days = {doc.text[t.start:t.end]: t.attrs.get("value") for t in doc.layer("timex")}
    assert days["il 14 maggio"] == "2024-05-14"
    other = analyse_text(" date 2024-05 MONDO\nIl piano e le sue origini\n\nIl piano fu scritto nel marzo 2022 a "
                         "Ginevra e discusso di nuovo il 14 aprile.\n", source="u.txt", ctx=CTX)
    days = {other.text[t.start:t.end]: t.attrs.get("value") for t in other.layer("timex")}
    assert days["il 14 aprile"] == "2022-04-14"  # another month: the year just told


OPENING_EN = ("European support for Ukraine is back at the top of the agenda in the capitals, while fighting on the "
              "eastern front goes on without a pause and ammunition remains scarce for the troops holding the line.")


def _statements_en(header: str, paragraphs: list[str]):
    capture = f" date {header} WORLD\nSecurity guarantees debate goes on\n\n" + "\n\n".join(paragraphs) + "\n"
    return analyse_text(capture, source="test.txt", ctx=CTX).statements


def test_a_day_inside_the_clause_that_is_said_does_not_date_the_saying():
    sts = _statements_en("2025-06-10", [OPENING_EN,
        "The ministry spokesman said that the draft had been handed over after the summit on June 2."])
    st = next(s for s in sts if "the draft had been handed over" in s.content)
    assert st.date == "2025-06-10"
    # the day of the saying, before the clause that is said, dates it
    sts = _statements_en("2025-06-10", [OPENING_EN,
        "The ministry spokesman said on Monday that the draft had been handed over after the summit."])
    assert next(s for s in sts if "the draft had been handed over" in s.content).date == "2025-06-09"


@pytest.mark.parametrize("text,date", [
    ("LONDON, March 12, 2025 - Ministers of twelve countries met in London.\n\nThe next round will be held in "
     "Brussels on March 20. \"We are ready to sign,\" the British foreign secretary David Lammy told reporters.",
     "2025-03-12"),
    ("ROMA, 12 marzo 2025 - I ministri di dodici paesi si sono riuniti a Roma.\n\nIl prossimo incontro si terrà "
     "a Bruxelles il 20 marzo. \"Siamo pronti a firmare\", ha detto il ministro degli Esteri Antonio Tajani.",
     "2025-03-12"),
    # since the nineteenth session a sentence with nobody named in it dates no statement (it tells the event the
    # speaker answers, not his answer: tests/test_dates19.py), past or to come
    ("LONDON, March 12, 2025 - Ministers of twelve countries met in London.\n\nThe last round was held in "
     "Brussels on March 10. \"We are ready to sign,\" the British foreign secretary David Lammy told reporters.",
     "2025-03-12"),
])
def test_a_day_to_come_told_before_a_quote_does_not_date_it(text, date):
    # the sentence before, with nobody in it, does not date a quotation with no date of its own: the page's
    # date stands
    assert [s.date for s in analyse_text(text).statements] == [date]


def test_a_page_of_furniture_only_is_still_dated_by_its_stamp():
    # no line of prose below the head: the stamp found above it is not thrown away
    meta = clean(Capture("x.txt", "Ministers weigh a plan\n\nRevised: 2024-11-08 14:05\n\nShare on Facebook\n\nRead more",
                         "text")).meta
    assert (meta["published"], meta["published_source"]) == ("2024-11-08", "head stamp")
