"""TIMEX3 types, values and extents (our own sentences, English and Italian), the document date to the
day from a dateline, the tense of a parsed clause, and the TimeML export."""
from garante.document import Document, Span
from garante.extract.sentences import SentenceSplitter
from garante.extract.timeml import to_timeml
from garante.extract.timex import TimeTagger
from garante.nlp import Token
from garante.pipeline import Context


def analyse(text, lang="en", published="2013-03-22", precision="day", tokens=None):
    doc = Document(source="test", raw=text, text=text,
                   meta={"language": lang, "published": published, "published_precision": precision})
    if tokens is not None:
        doc.tokens = tokens
    doc.add(Span(0, len(text), "zone", "body"))
    ctx = Context()
    SentenceSplitter()(doc, ctx)
    TimeTagger()(doc, ctx)
    return doc


def timex3(doc):
    """{TimeML extent text: (type, TIMEX3 value, mod)} of every expression."""
    out = {}
    for s in doc.layer("timex"):
        a, b = s.attrs.get("timeml_extent") or (s.start, s.end)
        out[doc.text[a:b]] = (s.label, s.attrs.get("timeml_value") or s.attrs.get("value"), s.attrs.get("mod"))
    return out


def test_durations_sets_and_references_english():
    got = timex3(analyse("The talks lasted 90 days and the ceasefire held for a month. Inspectors report every "
                         "week, and envoys meet daily. Prices are now higher than in the past; a deal could "
                         "come soon. The 10-year plan took more than two years to draft."))
    assert got["90 days"] == ("DURATION", "P90D", None)
    assert got["a month"] == ("DURATION", "P1M", None)
    assert got["every week"] == ("SET", "P1W", None)
    assert got["daily"] == ("SET", "P1D", None)
    assert got["now"] == ("DATE", "PRESENT_REF", None)
    assert got["the past"] == ("DATE", "PAST_REF", None)
    assert got["soon"] == ("DATE", "FUTURE_REF", None)
    assert got["10-year"] == ("DURATION", "P10Y", None)
    assert got["more than two years"] == ("DURATION", "P2Y", "MORE_THAN")


def test_times_seasons_decades_and_quarters():
    got = timex3(analyse("Troops moved on Friday afternoon. The vote is at 15:00 GMT Saturday. Last summer "
                         "was calm, unlike the 1990s and the 20th century. Profits fell in the third quarter."))
    assert got["Friday afternoon"] == ("TIME", "2013-03-22TAF", None)  # 2013-03-22 is a Friday
    assert got["15:00 GMT Saturday"][:2] == ("TIME", "2013-03-23T15:00")  # ahead: the vote is to come
    assert got["Last summer"][:2] == ("DATE", "2012-SU")
    assert got["1990s"][:2] == ("DATE", "199")  # the article before a figure stays out, as in TimeBank
    assert got["20th century"][:2] == ("DATE", "19")
    assert got["the third quarter"][:2] == ("DATE", "2013-Q3")


def test_extents_leave_out_prepositions_and_focus_adverbs():
    doc = analyse("The raid happened on Friday, in 2010, as early as Monday. It was the last week of the "
                  "Aug. 7 talks and a 2010 commando raid.")
    got = timex3(doc)
    assert {"Friday", "2010", "Monday", "the last week", "Aug. 7"} <= set(got)
    phrase = next(s for s in doc.layer("timex") if s.text_of(doc) == "on Friday")
    assert phrase.attrs["timeml_extent"] == [phrase.start + 3, phrase.end]  # the phrase stays for dating
    assert "as early as Monday" in {s.text_of(doc) for s in doc.layer("timex")}


def test_italian_rules():
    got = timex3(analyse("Ieri sera alle 21:30 il Cremlino ha parlato. I colloqui sono durati circa tre ore e "
                         "riprenderanno la prossima settimana; al momento non c'è accordo. Nel 2022, il 24 "
                         "febbraio, la Russia ha invaso l'Ucraina; da allora sono passati oltre tre anni. "
                         "Si incontrano ogni giorno.", lang="it", published="2025-05-16"))
    assert got["Ieri sera"] == ("TIME", "2025-05-15TEV", None)
    assert got["21:30"][:2] == ("TIME", "2025-05-15T21:30")  # the evening of "ieri sera"
    assert got["circa tre ore"] == ("DURATION", "PT3H", "APPROX")
    assert got["la prossima settimana"][:2] == ("DATE", "2025-W21")
    assert got["momento"][:2] == ("DATE", "PRESENT_REF")
    assert got["2022"][:2] == ("DATE", "2022")
    assert got["24 febbraio"][:2] == ("DATE", "2022-02-24")  # the year the sentence has just named
    assert got["oltre tre anni"] == ("DURATION", "P3Y", "MORE_THAN")
    assert got["ogni giorno"][:2] == ("SET", "P1D")


def test_a_day_after_an_event_is_not_the_day_told_before():
    got = timex3(analyse("Il vertice si è tenuto il 3 aprile. Il giorno dopo, i leader hanno firmato; "
                         "schiereranno truppe il giorno dopo la firma di una tregua.", lang="it",
                         published="2025-04-10"))
    assert got["Il giorno dopo"][:2] == ("DATE", "2025-04-04")
    assert "giorno dopo la" not in " ".join(got)


def test_document_date_to_the_day_from_a_dateline():
    doc = analyse("Parigi, 27 mar. (askanews) – Il vertice si è chiuso ieri sera.", lang="it",
                  published="2025-03", precision="month")
    assert doc.meta["published"] == "2025-03-27"
    assert doc.meta["published_source"] == "inferred:dateline"
    assert timex3(doc)["ieri sera"][1] == "2025-03-26TEV"


def test_a_date_outside_the_header_month_does_not_date_the_document():
    doc = analyse("Roma, 3 aprile – Il vertice è previsto per lunedì.", lang="it", published="2025-03",
                  precision="month")
    assert doc.meta["published"] == "2025-03" and doc.meta["published_precision"] == "month"


def parsed(text, words):
    """Tokens of the linguistic layer at their offsets in text: (word, lemma, pos, morph, head, dep) each."""
    out, pos = [], 0
    for i, (w, lemma, upos, morph, head, dep) in enumerate(words):
        start = text.index(w, pos)
        out.append(Token(i, start, start + len(w), w, lemma, upos, morph, head, dep, 0))
        pos = start + len(w)
    return out


def test_tense_from_the_parse_wins_over_the_nearest_verb():
    # "said" is the nearest verb, but "will meet" governs "Monday": the meeting is ahead
    text = "Officials said on Wednesday that envoys will meet Monday."
    tokens = parsed(text, [("Officials", "official", "NOUN", "Number=Plur", 1, "nsubj"),
                           ("said", "say", "VERB", "Mood=Ind|Tense=Past|VerbForm=Fin", 1, "root"),
                           ("on", "on", "ADP", "", 3, "case"),
                           ("Wednesday", "Wednesday", "PROPN", "Number=Sing", 1, "obl"),
                           ("that", "that", "SCONJ", "", 7, "mark"),
                           ("envoys", "envoy", "NOUN", "Number=Plur", 7, "nsubj"),
                           ("will", "will", "AUX", "VerbForm=Fin", 7, "aux"),
                           ("meet", "meet", "VERB", "VerbForm=Inf", 1, "ccomp"),
                           ("Monday", "Monday", "PROPN", "Number=Sing", 7, "obl:tmod"),
                           (".", ".", "PUNCT", "", 1, "punct")])
    got = timex3(analyse(text, published="2025-06-11", tokens=tokens))  # a Wednesday
    assert got["Wednesday"][1] == "2025-06-11"
    assert got["Monday"][1] == "2025-06-16"


def test_timeml_export():
    doc = analyse("Talks resumed on Friday after 90 days.", published="2013-03-22")
    xml = to_timeml(doc)
    assert '<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">' in xml
    assert ('on <TIMEX3 tid="t1" type="DATE" value="2013-03-22" temporalFunction="true" anchorTimeID="t0">'
            'Friday</TIMEX3>') in xml
    assert '<TIMEX3 tid="t2" type="DURATION" value="P90D">90 days</TIMEX3>' in xml


def test_more_italian_phrasings():
    got = timex3(analyse("Negli anni Novanta la Nato si allargò. Il vertice è a mezzogiorno; nel fine settimana "
                         "e a fine mese ci saranno altri incontri, tra due settimane un nuovo round.",
                         lang="it", published="2025-05-14"))
    assert got["anni Novanta"][:2] == ("DATE", "199")
    assert got["mezzogiorno"][:2] == ("TIME", "2025-05-14T12:00")
    assert got["fine settimana"][:2] == ("DATE", "2025-W20-WE")
    assert got["fine mese"] == ("DATE", "2025-05", "END")
    assert got["due settimane"][:2] == ("DATE", "2025-W22")


def test_document_date_inferred_from_an_event_and_yesterday_evening():
    from garante.kb import Entity, KnowledgeBase
    text = "Ieri sera al vertice di Lisbona i leader hanno discusso delle garanzie."
    doc = Document(source="test", raw=text, text=text, meta={"language": "it", "published": None})
    doc.add(Span(0, len(text), "zone", "body"))
    ctx = Context()
    ctx.__dict__["kb"] = KnowledgeBase([Entity(id="summit-a", name="summit-a", type="EVENT",
                                               aliases=["vertice di Lisbona"], data={"date": "2025-06-10"})])
    SentenceSplitter()(doc, ctx)
    TimeTagger()(doc, ctx)
    assert doc.meta["published"] == "2025-06-11"
    assert timex3(doc)["Ieri sera"][:2] == ("TIME", "2025-06-10TEV")


def test_a_time_of_day_on_a_date_or_after_a_day_is_that_day():
    got = timex3(analyse("The offer now expires at 5 p.m. EST, Nov. 9, and talks began yesterday at 9 a.m.",
                         published="2013-11-04"))
    assert got["5 p.m. EST, Nov. 9"][:2] == ("TIME", "2013-11-09T17:00")
    assert got["9 a.m."][:2] == ("TIME", "2013-11-03T09:00")
    got = timex3(analyse("The blast came at 10:35 a.m. (0735 GMT) Friday.", published="2013-11-04"))
    assert got["10:35 a.m."][:2] == ("TIME", "2013-11-01T10:35")
    got = timex3(analyse("Aggiornato il 02/03/2022 ore 08.31. Ieri alle 21.30 il vertice si è chiuso.", lang="it",
                         published="2022-03-02"))
    assert got["02/03/2022 ore 08.31"][:2] == ("TIME", "2022-03-02T08:31")
    assert got["21.30"][:2] == ("TIME", "2022-03-01T21:30")


def test_a_count_from_the_time_the_story_tells():
    got = timex3(analyse("Russia annexed Crimea in 2014. A year earlier, the talks had failed; five years ago "
                         "they resumed.", published="2025-03-12"))
    assert got["A year earlier"][1] == "2013"
    assert got["five years ago"][1] == "2020"
    got = timex3(analyse("La Russia ha annesso la Crimea nel 2014. Un anno dopo fu firmato l'accordo; i colloqui "
                         "si sono chiusi un giorno prima rispetto al previsto.", lang="it", published="2025-03-12"))
    assert got["Un anno dopo"][1] == "2015"
    assert "un giorno prima" not in got


def test_the_quarter_a_report_is_about_and_the_year_before_it():
    got = timex3(analyse("Profit in the third quarter rose to $5 million from $3 million a year earlier. The "
                         "quarter's sales fell; in the year-ago quarter they had risen.", published="1995-11-02"))
    assert got["the third quarter"][1] == "1995-Q3"
    assert got["a year earlier"][1] == "1994-Q3"
    assert got["The quarter"][1] == "1995-Q3"
    assert got["the year-ago quarter"][1] == "1994-Q3"
    assert timex3(analyse("Last year the company lost money.", published="1995-11-02"))["Last year"][1] == "1994"
    assert timex3(analyse("Sales rose in the latest quarter.", published="1995-11-02"))["the latest quarter"][1] \
        == "1995-Q3"


def test_that_year_is_the_year_just_told_and_this_summer_is_this_years():
    got = timex3(analyse("The envoy fled in June 1998 and returned later that year. For the year, exports rose; "
                         "talks began this summer.", published="2000-03-12"))
    assert got["later that year"][1] == "1998"
    assert got["the year"][:2] == ("DURATION", "P1Y")
    assert got["this summer"][1] == "2000-SU"
    got = timex3(analyse("Nel marzo 2014 la Russia ha annesso la Crimea; nello stesso mese e in quell'anno le "
                         "sanzioni sono cresciute.", lang="it", published="2025-03-12"))
    assert got["stesso mese"][1] == "2014-03" and got["quell'anno"][1] == "2014"


def test_halves_and_counts_of_a_half_and_approximate_counts():
    got = timex3(analyse("Talks took two and a half years and half an hour; in the first half of 2025 and the "
                         "second half of the year, little changed.", published="2025-03-12"))
    assert got["two and a half years"][:2] == ("DURATION", "P30M")
    assert got["half an hour"][:2] == ("DURATION", "PT30M")
    assert got["the first half of 2025"][1] == "2025-H1" and got["the second half of the year"][1] == "2025-H2"
    got = timex3(analyse("Nella seconda metà del 2025, ogni lunedì e tutti i giorni; un paio di giorni, una decina "
                         "di giorni fa, un anno e mezzo e mezz'ora.", lang="it", published="2025-03-12"))
    assert got["seconda metà del 2025"][1] == "2025-H2"
    assert got["ogni lunedì"][:2] == ("SET", "XXXX-WXX-1") and got["tutti i giorni"][:2] == ("SET", "P1D")
    assert got["un paio di giorni"][1] == "P2D" and got["una decina di giorni fa"][1] == "2025-03-02"
    assert got["un anno e mezzo"][1] == "P18M" and got["mezz'ora"][1] == "PT30M"


def test_the_end_of_the_month_and_a_count_from_now():
    doc = analyse("Troops will leave by the end of the month, two weeks from now.", published="2025-03-12")
    got = timex3(doc)
    assert got["the end of the month"] == ("DATE", "2025-03", "END")
    assert got["two weeks from now"][1] == "2025-W13"


def test_more_italian_nights_weeks_and_past_years():
    got = timex3(analyse("Nella notte di sabato i droni hanno colpito; la notte scorsa di nuovo. In settimana si "
                         "tratta, come negli anni passati.", lang="it", published="2025-05-14"))
    assert got["notte di sabato"][:2] == ("TIME", "2025-05-10TNI")
    assert got["la notte scorsa"][:2] == ("TIME", "2025-05-13TNI")
    assert got["settimana"][1] == "2025-W20"
    assert got["anni passati"][1] == "PAST_REF"


def test_sets_of_months_and_recent_stretches():
    got = timex3(analyse("They meet each July and every summer; prices fell in recent months, a week or so ago.",
                         published="2025-03-12"))
    assert got["each July"][:2] == ("SET", "XXXX-07") and got["every summer"][:2] == ("SET", "XXXX-SU")
    assert got["recent months"][:2] == ("DURATION", "PXM")
    assert got["a week or so ago"][:2] == ("DATE", "2025-W10")


def test_a_month_or_day_of_a_year_said_relatively_is_one_expression():
    got = timex3(analyse("Assets were frozen in July last year and on December 23 last year; the budget for the "
                         "current fiscal year is due by January next year.", published="1997-04-01"))
    assert got["July last year"][1] == "1996-07" and got["December 23 last year"][1] == "1996-12-23"
    assert got["the current fiscal year"][1] == "1997" and got["January next year"][1] == "1998-01"
    got = timex3(analyse("Lo hanno fatto a luglio dell'anno scorso e lo rifaranno nel gennaio del prossimo anno.",
                         lang="it", published="1997-04-01"))
    assert got["luglio dell'anno scorso"][1] == "1996-07" and got["gennaio del prossimo anno"][1] == "1998-01"


def test_a_second_round_is_no_second_of_time():
    got = timex3(analyse("He won a second term; for a second, nobody spoke.", published="2025-03-12"))
    assert "a second" in got and got["a second"][:2] == ("DURATION", "PT1S") and len(got) == 1
