"""The page's publication date on captures of formats the finder missed (twenty-third session, task
pagedate): a stamp under the article without a label or without a clock, a closing "Articolo pubblicato
il …" line, a dateline with the place set off by a dash or the agency in brackets after the date, a
paragraph opening on its date, a "Posted by" byline; and what stays undated: a date among the lists under
the article, a date inside the body's prose. Every capture is invented for these tests."""
from __future__ import annotations

import json

import pytest

from garante.clean import clean
from garante.ingest import read_jsonl

URL = "https://notizie-esempio.org/esteri/piano-di-pace"

BODY_IT = ("Il ministro degli Esteri ha detto che il governo sosterrà il piano di pace proposto dagli alleati "
           "europei. \"Serve una garanzia solida\", ha aggiunto durante una conferenza stampa a Bruxelles.\n\n"
           "La riunione proseguirà nelle prossime settimane con nuovi incontri tecnici tra le delegazioni dei "
           "paesi coinvolti nel negoziato, secondo quanto riferito da fonti diplomatiche.")
BODY_EN = ("The foreign minister said the government would back the peace plan put forward by European allies. "
           "\"We need a solid guarantee,\" he added at a press conference in Brussels.\n\n"
           "The meeting will continue in the coming weeks with further technical talks between the delegations "
           "of the countries involved, according to diplomatic sources.")


def _published(text: str, url: str = URL) -> tuple[str | None, str | None]:
    record = json.dumps({"url": url, "text": text}, ensure_ascii=False)
    capture = next(c for c in read_jsonl("t", record.encode(), 10 ** 7) if hasattr(c, "raw"))
    doc = clean(capture)
    return doc.meta.get("published"), doc.meta.get("published_source")


@pytest.mark.parametrize("head, body, foot, want", [
    # a date and a clock right under the article, no label ("• " as sites separate them)
    ("Il governo sostiene il piano di pace", BODY_IT, "14 marzo, 2025 • 17:05", "2025-03-14"),
    ("Il governo sostiene il piano di pace", BODY_IT, "14/03/2025 17:05", "2025-03-14"),
    # a publication label and a date without a clock
    ("Government backs the peace plan", BODY_EN, "Published: 14 March 2025", "2025-03-14"),
    ("Il governo sostiene il piano di pace", BODY_IT, "Pubblicato il 14 marzo 2025", "2025-03-14"),
    # a closing sentence that says when the article was published
    ("Il governo sostiene il piano di pace", BODY_IT, "Articolo pubblicato il 14 marzo 2025", "2025-03-14"),
    ("Government backs the peace plan", BODY_EN, "This article was published on March 14, 2025.", "2025-03-14"),
])
def test_foot_stamp(head, body, foot, want):
    assert _published(f"{head}\n\n{body}\n\n{foot}\n") == (want, "foot stamp")


@pytest.mark.parametrize("text", [
    # a list of other articles under this one, each with its day
    f"Il governo sostiene il piano di pace\n\n{BODY_IT}\n\nLeggi anche\nGli alleati si riuniscono di nuovo\n"
    "12 marzo 2025 10:12\nNuove sanzioni contro Mosca\n11 marzo 2025 18:40\n",
    # one other article, further down than the article's own stamp stands
    f"Government backs the peace plan\n\n{BODY_EN}\n\nRelated\nAllies meet again on the ceasefire plan\n"
    "March 12, 2025 10:12\n",
    # a reader's comment: a name beside the date
    f"Il governo sostiene il piano di pace\n\n{BODY_IT}\n\nCommenti\nLuca Bianchi 12 marzo 2025 10:12\n",
    # a date under the article without a clock or a label: the day of something, not a stamp
    f"Government backs the peace plan\n\n{BODY_EN}\n\nMarch 12, 2025\n",
])
def test_dates_under_the_article_that_are_not_its_stamp(text):
    assert _published(text) == (None, None)


@pytest.mark.parametrize("text, want", [
    # the place set off by a dash
    ("Il governo sostiene il piano di pace\n\nROMA – 14 marzo 2025 – " + BODY_IT, "2025-03-14"),
    # the agency in brackets after a month-first date
    ("Government backs the peace plan\n\nWASHINGTON, Mar 14, 2025 (Reuters) - " + BODY_EN, "2025-03-14"),
    # a paragraph opening on its date and a dash, as search results print a page
    ("Government backs the peace plan\n\nMar 14, 2025 — " + BODY_EN, "2025-03-14"),
])
def test_opening_dateline(text, want):
    assert _published(text) == (want, "dateline")


def test_posted_by_byline_signs_its_date():
    text = f"Government backs the peace plan\nPosted by Jane Smith on March 14, 2025\n\n{BODY_EN}\n"
    assert _published(text)[0] == "2025-03-14"


@pytest.mark.parametrize("text", [
    # a date told inside the first paragraph's prose is the day of an event, not the page's
    "Il governo sostiene il piano di pace\n\nIl 14 marzo 2025 il ministro degli Esteri ha detto che il governo "
    "sosterrà il piano di pace proposto dagli alleati europei, durante una conferenza stampa a Bruxelles.\n\n"
    + BODY_IT,
    "Government backs the peace plan\n\nOn March 14, 2025 the foreign minister said the government would back "
    "the plan put forward by European allies, at a press conference in Brussels.\n\n" + BODY_EN,
    # a date and a dash inside a sentence further on
    f"Government backs the peace plan\n\n{BODY_EN} The talks of March 14, 2025 - the third round - ended early.\n",
])
def test_body_dates_are_not_the_page_date(text):
    assert _published(text) == (None, None)


def test_head_stamp_still_wins_over_a_foot_date():
    text = f"Il governo sostiene il piano di pace\n5 marzo 2025 10:30\n\n{BODY_IT}\n\n14 marzo 2025 17:05\n"
    assert _published(text)[0] == "2025-03-05"


def test_document_number_is_not_a_stamp():
    # a ministry's document number that ends in a date ("231-14-03-2025") is no stamp: the address's day stands
    text = f"Dichiarazione del ministro degli Esteri\n231-14-03-2025\n\n{BODY_IT}\n"
    assert _published(text, "https://notizie-esempio.org/2025/03/18/dichiarazione-del-ministro/") == ("2025-03-18", "url")
    assert _published("Dichiarazione del ministro degli Esteri\n14-03-2025\n\n" + BODY_IT)[0] == "2025-03-14"


@pytest.mark.parametrize("head, body, want", [
    ("Government backs the peace plan\nIssue March 2025", BODY_EN, "2025-03"),
    ("Government backs the peace plan\nIssueFebruary - March 2025", BODY_EN, "2025"),  # two months: the year
    ("Il governo sostiene il piano di pace\nNumero di marzo 2025", BODY_IT, "2025-03"),
])
def test_issue_line_dates_the_page(head, body, want):
    assert _published(f"{head}\n\n{body}\n") == (want, "issue")


def test_issue_word_in_a_sentence_is_no_issue_line():
    text = f"Government backs the peace plan\n\nThe issue in March 2025 was the ceasefire line. {BODY_EN}\n"
    assert _published(text) == (None, None)
