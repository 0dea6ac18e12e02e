"""Statement dates on unseen news (nineteenth session): the day the head lines of an undated page spell out,
a labelled stamp under the article, a dateline giving the day alone in the header's month, a day told before
the first year an undated page spells out, a part of the day ("ieri sera") as the day the lead tells, and a
sentence with nobody named in it no longer dating the next speaker's words. Sentences written for these
tests."""
from __future__ import annotations

from helpers import date_of as _date, page as _page


# --- an undated page: the one day its head lines spell out


def test_the_day_in_the_headline_of_an_undated_page_dates_its_statements():
    doc = _page("Ministri a Varsavia il 14 marzo 2025\n\n"
                "Il ministro degli Esteri polacco Radosław Sikorski ha affermato che l'Europa deve spendere di "
                "più per la propria difesa.\n\n"
                "Il ministro ha aggiunto che gli alleati si incontreranno di nuovo entro l'estate.\n")
    assert doc.meta.get("published") is None  # the story's day, not the page's date
    assert doc.meta.get("story_day") == "2025-03-14"
    assert _date(doc, "spendere di più") == "2025-03-14"


def test_two_days_in_the_head_lines_date_nothing():
    doc = _page("Ministri a Varsavia il 14 marzo 2025, poi a Praga il 16 marzo 2025\n\n"
                "Il ministro degli Esteri polacco Radosław Sikorski ha affermato che l'Europa deve spendere di "
                "più per la propria difesa.\n")
    assert doc.meta.get("story_day") is None
    assert _date(doc, "spendere di più") is None


# --- a labelled stamp under the article


def test_a_publication_stamp_under_the_article_dates_the_page():
    doc = _page("Talks on the border resume\n\n"
                "The Finnish president Alexander Stubb said yesterday that the border would stay closed for "
                "the winter.\n\n"
                "He added that the decision would be reviewed in the spring.\n\n"
                "Published at: 2024-11-14 09:12:40\n")
    assert doc.meta["published"] == "2024-11-14"
    assert doc.meta["published_source"] == "foot stamp"
    assert _date(doc, "stay closed") == "2024-11-13"


def test_two_stamps_under_the_article_are_a_list_not_the_page_date():
    doc = _page("Talks on the border resume\n\n"
                "The Finnish president Alexander Stubb said that the border would stay closed for the winter.\n\n"
                "He added that the decision would be reviewed in the spring.\n\n"
                "Published at: 2024-11-14 09:12:40\n\n"
                "Published at: 2024-10-02 17:45:03\n")
    assert doc.meta.get("published") is None


# --- a dateline giving the day alone, under a header of the month


def test_a_dateline_with_the_day_alone_gives_the_day_of_the_headers_month():
    doc = _page(" date 2023-09 ESTERI\n"
                "Milano , 14. Il ministro della Difesa Guido Crosetto ha detto ieri sera che l'Italia manterrà "
                "il proprio sostegno all'Ucraina.\n\n"
                "Il ministro ha aggiunto che il nuovo pacchetto sarà pronto entro fine mese.\n")
    assert doc.meta["published"] == "2023-09-14"
    assert _date(doc, "manterrà") == "2023-09-13"  # "ieri sera": the day before, a part of the day


# --- an undated page: a day told before the first year it spells out


def test_a_day_told_before_the_first_year_of_an_undated_page_takes_that_year():
    doc = _page("Allies pledge more air defence\n\n"
                "The announcement was made by the alliance's secretary general Mark Rutte on October 9 after a "
                "meeting of defence ministers. Rutte said that most members had agreed to buy more systems.\n\n"
                "Set up in May 2024, the fund pools orders from twelve countries.\n")
    value = next(t.attrs.get("value") for t in doc.layer("timex") if "October 9" in doc.text[t.start:t.end])
    assert value == "2024-10-09"
    assert _date(doc, "buy more systems") == "2024-10-09"


def test_a_day_after_the_last_year_is_left_to_the_page():
    doc = _page("Allies pledge more air defence\n\n"
                "The announcement was made by the alliance's secretary general Mark Rutte on October 9 after a "
                "meeting of defence ministers.\n")
    assert not any(t.attrs.get("value") for t in doc.layer("timex") if "October 9" in doc.text[t.start:t.end])


# --- a sentence with nobody named in it does not date the next speaker's words


def test_the_event_a_speaker_answers_does_not_date_the_answer():
    doc = _page(" date 2024-05-10 WORLD\nA pact draws fire\n\n"
                "The Kremlin on Friday rejected a defence pact signed by three Baltic states.\n\n"
                "On May 7 in Riga, the three governments signed a declaration on a joint air patrol.\n\n"
                "Kremlin spokesman Dmitry Peskov said that the declaration posed a threat to Russia.\n")
    assert _date(doc, "posed a threat") == "2024-05-10"


def test_a_day_told_about_the_speaker_still_dates_his_words():
    doc = _page(" date 2024-05-10 WORLD\nA pact draws fire\n\n"
                "On May 7 in Riga, Dmitry Peskov met reporters after the vote.\n\n"
                "Peskov said that the declaration posed a threat to Russia.\n")
    assert _date(doc, "posed a threat") == "2024-05-07"


def test_a_year_alone_after_the_day_is_background_and_gives_it_no_year():
    doc = _page("Envoy sets out demands\n\n"
                "The deputy foreign minister Sergei Ryabkov spoke on Thursday, December 23, about the talks. He "
                "said that the alliance must return to the lines of the Founding Act signed in 1997.\n")
    assert not any(t.attrs.get("value") for t in doc.layer("timex") if "December 23" in doc.text[t.start:t.end])


# --- a participle of plan right before its time points ahead


def test_a_meeting_planned_for_a_month_lies_ahead_and_dates_no_statement():
    doc = _page(" date 2024-04 ESTERI\nIl Cremlino e la conferenza\n\n"
                "Dopo l'esclusione dalla conferenza di pace prevista a giugno in Svizzera, il portavoce del "
                "Cremlino Dmitry Peskov ha detto che la Russia non accetterà condizioni.\n")
    value = next(t.attrs.get("value") for t in doc.layer("timex") if "giugno" in doc.text[t.start:t.end])
    assert value == "2024-06"
    assert _date(doc, "non accetterà") == "2024-04"
