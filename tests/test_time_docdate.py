"""The document date read off the text (extract/time/infer.py) when the page gives none or only its
month: a dateline, a date given with "today", a dated event of the knowledge base with a relative day.
Our own sentences."""
from garante.document import Document, Span
from garante.extract.sentences import SentenceSplitter
from garante.extract.timex import TimeTagger
from garante.kb import Entity, KnowledgeBase
from garante.pipeline import Context
from test_time_timex3 import analyse, timex3


def test_a_dateline_with_its_year_dates_an_undated_page():
    doc = analyse("Vertice sulla tregua\nBruxelles, 15 dicembre 2025 – I leader si sono riuniti ieri.",
                  lang="it", published=None)
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2025-12-15", "inferred:dateline")
    assert timex3(doc)["ieri"][1] == "2025-12-14"
    doc = analyse("KYIV, March 3, 2025 — Officials said on Sunday that talks would resume.", published=None)
    assert doc.meta["published"] == "2025-03-03"
    assert timex3(doc)["Sunday"][1] == "2025-03-02"


def test_a_date_given_with_today_dates_an_undated_page():
    doc = analyse("Le ultime notizie di oggi, 16 maggio 2025: i negoziati riprendono.", lang="it", published=None)
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2025-05-16", "inferred:today")


def test_a_date_inside_a_sentence_is_not_a_dateline():
    doc = analyse("Dall'invasione del 24 febbraio 2022 alle trattative di oggi, la guerra è cambiata.",
                  lang="it", published=None)
    assert not doc.meta.get("published")
    doc = analyse("The treaty, signed on May 4, 2021, was never ratified.", published=None)
    assert not doc.meta.get("published")


def test_the_header_month_and_a_dated_event_give_the_day():
    text = "Il giorno dopo il vertice di Lisbona, i ministri si sono detti delusi. Ieri il vertice di Lisbona si è chiuso."
    ctx = Context()
    ctx.__dict__["kb"] = KnowledgeBase([Entity(id="summit-b", name="summit-b", type="EVENT",
                                               aliases=["vertice di Lisbona"], data={"date": "2025-06-10"})])
    for month, expected in (("2025-06", "2025-06-11"), ("2025-07", "2025-07")):
        doc = Document(source="test", raw=text, text=text,
                       meta={"language": "it", "published": month, "published_precision": "month"})
        doc.add(Span(0, len(text), "zone", "body"))
        SentenceSplitter()(doc, ctx)
        TimeTagger()(doc, ctx)
        assert doc.meta["published"] == expected  # an event outside the header's month dates nothing
    assert doc.meta["published_precision"] == "month"
