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


# --- second round: day counts, time stamps, and what does not date the report -----------------------

def parsed(text, lang="en", published=None, precision=None):
    """Sentences, the linguistic layer and the time layer, with the shipped knowledge base."""
    from garante.nlp import LinguisticLayer
    doc = Document(source="test", raw=text, text=text,
                   meta={"language": lang, "published": published, "published_precision": precision})
    doc.add(Span(0, len(text), "zone", "body"))
    ctx = Context()
    SentenceSplitter()(doc, ctx)
    LinguisticLayer()(doc, ctx)
    TimeTagger()(doc, ctx)
    return doc


def test_the_day_of_the_war_counted_in_the_lead_dates_the_report():
    doc = analyse("Diretta\nGuerra in Ucraina, giorno 52. Mosca insiste su Mariupol.", lang="it", published=None)
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2022-04-16", "inferred:daycount")
    doc = analyse("Oggi è il ventiquattresimo giorno di guerra. Kiev chiede colloqui.", lang="it", published=None)
    assert doc.meta["published"] == "2022-03-19"
    doc = analyse("On the 100th day of the war, Kyiv asked for more artillery.", published=None)
    assert doc.meta["published"] == "2022-06-03"


def test_the_day_of_a_meeting_named_by_its_place():
    doc = analyse("Secondo e ultimo giorno del summit della Nato a Vilnius. Biden vede Zelensky.",
                  lang="it", published=None)
    assert doc.meta["published"] == "2023-07-12"
    # a third day of a two-day summit is no day of it
    doc = analyse("Terzo giorno del summit della Nato a Vilnius.", lang="it", published=None)
    assert not doc.meta.get("published")


def test_the_page_time_stamp_anywhere_in_the_text():
    doc = analyse("Biden e Putin hanno parlato giovedì sera.\nBiden-Putin a colloquio\nTelegiornale 31.12.2021, 13:30\n"
                  "Quella di oggi è stata la seconda telefonata.", lang="it", published=None)
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2021-12-31", "inferred:stamp")
    doc = analyse("World / Minister rules out talks By Anna Ricci Posted Mar 4, 2024 10:05 AM CST Copied The "
                  "minister spoke on Monday.", published=None)
    assert doc.meta["published"] == "2024-03-04"
    doc = analyse("Moscow published on December 17, 2021 its draft treaties.", published=None)
    assert not doc.meta.get("published")  # a verb of the sentence, no label
    # stamps of two days (a timeline, a live blog over days): no one day of the report
    doc = analyse("Notizie\nAggiornamento 12.03.2022, 10:15\nTesto.\nAggiornamento 13.03.2022, 09:00\nAltro.",
                  lang="it", published=None)
    assert not doc.meta.get("published")


def test_a_date_complementing_a_noun_at_the_body_start_is_not_the_report_day():
    doc = analyse("Dopo l'incontro di martedì 7 dicembre, Biden e Putin sono tornati a parlarsi.",
                  lang="it", published="2021-12", precision="month")
    assert doc.meta["published"] == "2021-12"


def test_a_day_without_its_year_next_to_today_is_placed_by_the_event_named():
    doc = analyse("Vilnius accoglie a partire da oggi martedì 11 luglio i leader della NATO. Zelensky chiede "
                  "un segnale chiaro al vertice di Vilnius.", lang="it", published=None)
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2023-07-11", "inferred:today+event")
    doc = analyse("A partire da oggi martedì 11 luglio i leader discutono.", lang="it", published=None)
    assert not doc.meta.get("published")  # no event: any year


def test_a_lead_opening_on_its_weekday_and_date():
    doc = analyse("Colloqui ad Abu Dhabi\nVenerdì 23 gennaio 2026, la capitale degli Emirati ospita i colloqui.",
                  lang="it", published=None)
    assert doc.meta["published"] == "2026-01-23"
    doc = analyse("Colloqui ad Abu Dhabi\nGiovedì 23 gennaio 2026, la capitale degli Emirati ospita i colloqui.",
                  lang="it", published=None)
    assert not doc.meta.get("published")  # the 23rd was a Friday


def test_the_day_an_event_is_said_to_happen_is_not_the_report_day():
    # "on Friday" dates the Alaska summit (Friday 2025-08-15); the report may be of any day after it
    doc = analyse("Putin on Friday said at the Alaska summit that Ukraine's security must be ensured.", published=None)
    assert not doc.meta.get("published")


def test_a_relative_day_of_another_clause_does_not_date_the_event():
    # "ieri" tells when the officials decided, not when the Alaska summit was (the parse says so)
    doc = parsed("Il vertice in Alaska è stato ricordato dai funzionari che ieri hanno deciso di avviare "
                 "nuovi colloqui.", lang="it")
    assert not doc.meta.get("published")
    doc = parsed("Durante il vertice in Alaska, tenutosi ieri, Trump ha parlato con Putin.", lang="it")
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2025-08-16", "inferred:event+relative")


def test_an_undated_page_dates_its_statements_by_the_day_its_lead_tells():
    from garante.extract.time import date_at
    doc = analyse("I negoziatori si sono visti a Ginevra il 23 marzo 2025 per un nuovo giro di colloqui. "
                  "L'intesa è vicina, come annunciato da Witkoff.", lang="it", published=None)
    i = doc.text.index("L'intesa")
    assert not doc.meta.get("published")  # a date in a sentence is no dateline: the page stays undated
    assert date_at(doc, i, len(doc.text)) == ("2025-03-23", "story")
    # a lead that spells two days (a chronology) tells no one day
    doc = analyse("Il 16 maggio 2025 a Istanbul, il 2 giugno 2025 ancora a Istanbul. Medinsky ha parlato.",
                  lang="it", published=None)
    assert date_at(doc, doc.text.index("Medinsky"), len(doc.text)) == (None, None)


def test_an_undated_page_dates_its_statements_by_the_event_its_lead_names():
    from garante.extract.time import date_at
    doc = parsed("Trump e Putin si sono incontrati venerdì in Alaska per un vertice. Trump ha detto che tutto "
                 "è andato bene.", lang="it")
    assert not doc.meta.get("published") and doc.meta["story_day"] == "2025-08-15"
    i = doc.text.index("Trump ha detto")
    assert date_at(doc, i, len(doc.text)) == ("2025-08-15", "story")
    # one of several Paris summits: the day of the month the lead gives picks it
    assert parsed("Macron spoke after the summit in Paris on January 6. He said it was historic.").meta[
        "story_day"] == "2026-01-06"
    # told ahead, or two events in the lead: no story day
    assert "story_day" not in parsed("Il vertice in Alaska si terrà venerdì. Trump ha detto che andrà bene.",
                                     lang="it").meta
    assert "story_day" not in parsed("Dopo il vertice in Alaska, Zelensky è andato alla Casa Bianca con i "
                                     "leader europei.", lang="it").meta
    # an event named as the point another time counts from: an anniversary is not the event's day
    assert "story_day" not in parsed("Nel primo anniversario dell'invasione russa dell'Ucraina, la Cina "
                                     "presenta il suo piano di pace.", lang="it").meta
