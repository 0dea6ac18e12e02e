"""The temporal tagger: expressions found and normalised against the document date and the tense; the
document date inferred from dated events only when the clues agree; date_at for statements."""
import pytest

from garante.document import Document, Span
from garante.extract.sentences import SentenceSplitter
from garante.extract.timex import TimeTagger, date_at, easter
from garante.kb import Entity, KnowledgeBase
from garante.pipeline import Context


def analyse(text, lang="it", published=None, precision=None, kb=None):
    doc = Document(source="test", raw=text, text=text, meta={"language": lang, "published": published})
    if published:
        doc.meta["published_precision"] = precision or {10: "day", 7: "month", 4: "year"}[len(published)]
    doc.add(Span(0, len(text), "zone", "body"))
    ctx = Context()
    if kb is not None:
        ctx.__dict__["kb"] = kb  # a knowledge base of the test's own events instead of the shipped one
    SentenceSplitter()(doc, ctx)
    TimeTagger()(doc, ctx)
    return doc


def times(doc):
    return {s.text_of(doc): s.attrs["value"] for s in doc.layer("timex")}


def value_of(doc, fragment):
    found = [s for s in doc.layer("timex") if fragment in s.text_of(doc)]
    assert found, f"{fragment!r} not tagged in {times(doc)}"
    return found[0].attrs["value"]


# --- absolute and partial dates -------------------------------------------------------------------

def test_absolute_dates_italian():
    doc = analyse("Il vertice si è tenuto il 5 settembre 2025 a Parigi. L'accordo è stato firmato "
                  "giovedì 11 Dicembre 2025. Il 17 dicembre 2021 Mosca ha pubblicato due bozze. "
                  "La scadenza è fissata al 2025-09-05, come da comunicato del 5/9/2025.", published="2025-12-20")
    assert value_of(doc, "5 settembre 2025") == "2025-09-05"
    assert value_of(doc, "11 Dicembre 2025") == "2025-12-11"
    assert value_of(doc, "17 dicembre 2021") == "2021-12-17"
    assert value_of(doc, "2025-09-05") == "2025-09-05"
    assert value_of(doc, "5/9/2025") == "2025-09-05"  # day first in Italian
    span = next(s for s in doc.layer("timex") if "17 dicembre" in s.text_of(doc))
    assert span.text_of(doc) == "Il 17 dicembre 2021" and span.rule == "day-month-year"
    assert span.attrs["precision"] == "day" and span.component == "time"


def test_absolute_dates_english():
    doc = analyse("The talks opened on September 5, 2025 in Geneva. A second round is planned for Sept. 12. "
                  "The memo, dated 9/5/2025, was leaked; another one dated 13/5/2025 too.",
                  lang="en", published="2025-09-08")
    assert value_of(doc, "September 5, 2025") == "2025-09-05"
    assert value_of(doc, "Sept. 12") == "2025-09-12"
    assert value_of(doc, "9/5/2025") == "2025-09-05"  # month first in English
    assert value_of(doc, "13/5/2025") == "2025-05-13"  # unless the first part cannot be a month


def test_english_month_names_that_are_words():
    doc = analyse("Officials may meet again, they said, but the march on the capital is off. "
                  "The deal may be signed in May.", lang="en", published="2025-03-10")
    assert list(times(doc)) == ["in May"]
    assert times(doc)["in May"] == "2025-05"


def test_partial_date_year_across_the_year_boundary():
    # a January report on talks held "il 17 dicembre" means the December just past
    doc = analyse("I colloqui, iniziati il 17 dicembre, sono ripresi ieri.", published="2026-01-08")
    assert value_of(doc, "17 dicembre") == "2025-12-17"
    # and a December report announcing talks "il 10 gennaio" means the coming January
    doc = analyse("Le delegazioni si incontreranno il 10 gennaio a Ginevra.", published="2025-12-20")
    assert value_of(doc, "10 gennaio") == "2026-01-10"
    # with a month-precise document date, a day of that month is in its year
    doc = analyse("Le consultazioni hanno avuto luogo a Ginevra il 10 gennaio.", published="2022-01")
    assert value_of(doc, "10 gennaio") == "2022-01-10"


def test_scorso_fixes_the_direction():
    doc = analyse("Durante l'incontro del 2 dicembre scorso sono state superate le incomprensioni.",
                  published="2025-12-11")
    assert value_of(doc, "2 dicembre scorso") == "2025-12-02"
    doc = analyse("Dopo l'incontro del 20 dicembre scorso nulla è cambiato.", published="2025-12-11")
    assert value_of(doc, "20 dicembre scorso") == "2024-12-20"


def test_months_and_years():
    doc = analyse("Le proposte avanzate nel giugno 2024 ricalcano quelle presentate nel dicembre 2021. "
                  "L'offensiva del febbraio 2022 e i colloqui di Istanbul nel 2022 restano il riferimento. "
                  "Nel 2023 morirono 2024 soldati.", published="2025-12-11")
    assert value_of(doc, "giugno 2024") == "2024-06"
    assert value_of(doc, "dicembre 2021") == "2021-12"
    assert value_of(doc, "febbraio 2022") == "2022-02"
    assert value_of(doc, "nel 2022") == "2022"
    assert value_of(doc, "Nel 2023") == "2023"
    assert "2024 soldati" not in " ".join(times(doc))  # a bare number is not a year


def test_month_without_year_follows_tense():
    past = analyse("A marzo il ministro ha firmato il decreto.", published="2025-02-10")
    assert value_of(past, "A marzo") == "2024-03"
    future = analyse("A marzo il ministro firmerà il decreto.", published="2025-02-10")
    assert value_of(future, "A marzo") == "2025-03"


def test_named_days():
    doc = analyse("Le intese raggiunte nel vertice di Ferragosto sono state confermate. A Natale "
                  "i combattimenti non si sono fermati, né a Pasqua.", published="2025-12-30")
    assert value_of(doc, "Ferragosto") == "2025-08-15"
    assert value_of(doc, "Natale") == "2025-12-25"
    assert value_of(doc, "Pasqua") == "2025-04-20"
    en = analyse("Talks resumed after Christmas and before New Year's Day; a truce held over Easter 2024.",
                 lang="en", published="2025-12-29")
    assert value_of(en, "Christmas") == "2025-12-25"
    assert value_of(en, "New Year's Day") == "2026-01-01"
    assert value_of(en, "Easter 2024") == "2024-03-31"
    # the adjective "natale" (native) is not Christmas
    assert not times(analyse("È tornato nella sua città natale.", published="2025-12-30"))


def test_easter_computus():
    assert [easter(y).isoformat() for y in (2022, 2024, 2025, 2026)] == \
        ["2022-04-17", "2024-03-31", "2025-04-20", "2026-04-05"]


# --- weekdays and tense -----------------------------------------------------------------------------

def test_weekday_on_the_day_of_publication_and_past_tense():
    # published on Friday 2025-09-05
    doc = analyse("Il Cremlino ha dichiarato venerdì che le truppe straniere non sono accettabili. "
                  "Mercoledì, il presidente russo ha ringraziato il leader nordcoreano.", published="2025-09-05")
    assert value_of(doc, "venerdì") == "2025-09-05"
    assert value_of(doc, "Mercoledì") == "2025-09-03"
    span = next(s for s in doc.layer("timex") if s.text_of(doc) == "Mercoledì")
    assert span.attrs["tense"] == "past" and span.attrs["relative"] is True


def test_weekday_future_tense_goes_forward():
    past = analyse("Il ministro ha incontrato l'inviato americano martedì.", published="2025-09-05")
    future = analyse("Il ministro incontrerà l'inviato americano martedì.", published="2025-09-05")
    assert value_of(past, "martedì") == "2025-09-02"
    assert value_of(future, "martedì") == "2025-09-09"
    en_past = analyse("The minister met the US envoy on Tuesday.", lang="en", published="2025-09-05")
    en_future = analyse("The minister will meet the US envoy on Tuesday.", lang="en", published="2025-09-05")
    assert value_of(en_past, "on Tuesday") == "2025-09-02"
    assert value_of(en_future, "on Tuesday") == "2025-09-09"


def test_weekday_modifiers():
    doc = analyse("Trump ha incontrato venerdì scorso il presidente russo e lunedì prossimo vedrà Zelensky.",
                  published="2025-08-22")  # a Friday
    assert value_of(doc, "venerdì scorso") == "2025-08-15"
    assert value_of(doc, "lunedì prossimo") == "2025-08-25"
    en = analyse("They spoke last Friday and will talk again next Monday.", lang="en", published="2025-08-20")
    assert value_of(en, "last Friday") == "2025-08-15"
    assert value_of(en, "next Monday") == "2025-08-25"


def test_weekday_without_a_day_precise_date_is_unresolved():
    doc = analyse("Il portavoce ha parlato mercoledì.", published="2025-08")
    assert value_of(doc, "mercoledì") is None


# --- relative expressions ---------------------------------------------------------------------------

def test_relative_expressions_italian():
    doc = analyse("Ieri il ministro ha parlato con il suo omologo; oggi è a Bruxelles e domani sarà a Roma. "
                  "La scorsa settimana i delegati si sono visti, il mese scorso avevano rotto i negoziati e "
                  "l'anno scorso non si parlavano. All'inizio di quest'anno le truppe hanno respinto "
                  "l'offensiva. Un accordo arriverà nei prossimi giorni. Due giorni fa è arrivato a Kiev. "
                  "Nella notte tra martedì e mercoledì sono caduti dieci missili.", published="2025-09-05")
    assert value_of(doc, "Ieri") == "2025-09-04"
    assert value_of(doc, "oggi") == "2025-09-05"
    assert value_of(doc, "domani") == "2025-09-06"
    assert value_of(doc, "scorsa settimana") == "2025-W35"
    assert value_of(doc, "mese scorso") == "2025-08"
    assert value_of(doc, "anno scorso") == "2024"
    span = next(s for s in doc.layer("timex") if "inizio di quest" in s.text_of(doc))
    assert span.attrs["value"] == "2025" and span.attrs["mod"] == "START"
    coming = next(s for s in doc.layer("timex") if "prossimi giorni" in s.text_of(doc))
    assert coming.attrs["value"] == "FUTURE_REF"
    assert value_of(doc, "Due giorni fa") == "2025-09-03"
    night = next(s for s in doc.layer("timex") if "notte tra" in s.text_of(doc))
    assert night.label == "TIME" and night.attrs["value"] == "2025-09-02" and night.attrs["timeml_value"] == "2025-09-02TNI"


def test_relative_expressions_english():
    doc = analyse("Yesterday the minister spoke to his counterpart. Last week the delegates met, last month "
                  "talks broke down and last year they did not speak. Earlier this year troops pushed back "
                  "the offensive. A deal is expected in the coming days. Two days ago he arrived in Kyiv.",
                  lang="en", published="2025-09-05")
    assert value_of(doc, "Yesterday") == "2025-09-04"
    assert value_of(doc, "Last week") == "2025-W35"
    assert value_of(doc, "last month") == "2025-08"
    assert value_of(doc, "last year") == "2024"
    assert value_of(doc, "Earlier this year") == "2025"
    assert value_of(doc, "in the coming days") == "FUTURE_REF"
    assert value_of(doc, "Two days ago") == "2025-09-03"


def test_durations_and_sets():
    doc = analyse("Gli alleati lavorano da diverse settimane al piano; i colloqui si tengono ogni settimana.",
                  published="2025-09-05")
    spans = {s.text_of(doc): s for s in doc.layer("timex")}
    assert spans["da diverse settimane"].label == "DURATION" and spans["da diverse settimane"].attrs["value"] == "PXW"
    assert spans["ogni settimana"].label == "SET"


def test_nothing_resolves_against_a_missing_date_but_absolute_dates():
    doc = analyse("Ieri il ministro ha parlato. Il 17 dicembre 2021 Mosca ha pubblicato le bozze.")
    assert value_of(doc, "Ieri") is None
    assert value_of(doc, "17 dicembre 2021") == "2021-12-17"
    assert doc.meta["published"] is None


# --- the document date ------------------------------------------------------------------------------

def event(eid, day, *aliases, triggers=(), end=None):
    data = {"date": day, **({"end": end} if end else {}), **({"triggers": list(triggers)} if triggers else {})}
    return Entity(id=eid, name=eid, type="EVENT", aliases=list(aliases), data=data)


def test_document_date_from_metadata_is_kept():
    doc = analyse("Ieri il vertice in Alaska si è concluso.", published="2025-03-01")
    assert doc.meta["published"] == "2025-03-01" and "published_source" not in doc.meta


def test_document_date_inferred_from_event_and_yesterday():
    kb = KnowledgeBase([event("summit-a", "2025-06-10", "vertice di Lisbona")])
    doc = analyse("Ieri al vertice di Lisbona i leader hanno discusso delle garanzie.", kb=kb)
    assert doc.meta["published"] == "2025-06-11"
    assert doc.meta["published_precision"] == "day"
    assert doc.meta["published_source"] == "inferred:event+relative"
    assert value_of(doc, "Ieri") == "2025-06-10"  # relative expressions resolved against the inferred date


def test_document_date_inferred_with_the_shipped_events():
    # the Alaska summit (Friday 2025-08-15) "last week" and the White House meeting (Monday 2025-08-18)
    # "on Monday" put the report in the week of 18-24 August; "mercoledì" may be any earlier day the
    # report tells about, so the day stays unknown (a wrong day is worse than none)
    text = ("I ministri hanno discusso mercoledì delle garanzie di sicurezza, ha riferito un funzionario. "
            "Un generale, presente al vertice della scorsa settimana in Alaska, ha partecipato. "
            "Trump ha incontrato venerdì scorso Putin in Alaska e lunedì ha ospitato alla Casa Bianca "
            "Zelensky e i leader europei.")
    assert analyse(text).meta["published"] is None
    # "ieri" with the White House meeting fixes the day, and relative days resolve against it
    doc = analyse(text.replace("e lunedì ha ospitato", "e ieri ha ospitato"))
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2025-08-19", "inferred:event+relative")
    assert value_of(doc, "mercoledì") == "2025-08-13"


def test_inference_refuses_when_clues_disagree():
    kb = KnowledgeBase([event("summit-a", "2025-06-10", "vertice di Lisbona"),
                        event("summit-b", "2025-06-20", "vertice di Oslo")])
    doc = analyse("Ieri al vertice di Lisbona i leader hanno discusso. Due giorni fa, al vertice di Oslo, "
                  "si è parlato di sanzioni.", kb=kb)
    assert doc.meta["published"] is None
    assert value_of(doc, "Ieri") is None


def test_inference_refuses_an_ambiguous_event_without_other_clues():
    kb = KnowledgeBase([event("summit-a", "2025-06-10", "vertice di Lisbona"),
                        event("summit-a2", "2024-06-12", "vertice di Lisbona")])
    doc = analyse("Ieri al vertice di Lisbona i leader hanno discusso.", kb=kb)
    assert doc.meta["published"] is None


def test_inference_refuses_a_loose_window():
    kb = KnowledgeBase([event("summit-a", "2025-06-10", "vertice di Lisbona")])
    doc = analyse("Il vertice di Lisbona della scorsa settimana non ha prodotto risultati.", kb=kb)
    assert doc.meta["published"] is None  # a week, not a day, and no weekday narrows it


def test_ambiguous_event_resolved_by_another_event():
    kb = KnowledgeBase([event("paris-1", "2025-03-27", "vertice di Parigi"),
                        event("paris-2", "2025-09-04", "vertice di Parigi"),
                        event("forum-2024", "2024-09-03", triggers=["forum\\s+di\\s+Vladivostok"], end="2024-09-06"),
                        event("forum-2025", "2025-09-03", triggers=["forum\\s+di\\s+Vladivostok"], end="2025-09-06")])
    doc = analyse("Il presidente ha parlato al forum di Vladivostok. Ieri, dopo il vertice di Parigi, "
                  "Trump ha telefonato a Zelensky.", kb=kb)
    assert doc.meta["published"] == "2025-09-05"


# --- date_at ----------------------------------------------------------------------------------------

def sentence_of(doc, fragment):
    i = doc.text.index(fragment)
    return next(s for s in doc.layer("sentence") if s.start <= i < s.end)


def test_date_at_prefers_the_expression_of_the_reporting_clause():
    doc = analyse("Il Cremlino ha dichiarato venerdì che le truppe straniere non sono accettabili. "
                  "Lavrov ha detto che durante l'incontro del 2 dicembre scorso le parti hanno chiarito tutto. "
                  "«Lo faremo il 3 settembre», ha detto il ministro. "
                  "Il portavoce ha aggiunto che Mosca è soddisfatta.", published="2025-12-12")
    s = sentence_of(doc, "Il Cremlino")
    assert date_at(doc, s.start, s.end) == ("2025-12-12", "expression")
    s = sentence_of(doc, "Lavrov")  # the date of the meeting is not the date of the statement
    assert date_at(doc, s.start, s.end) == ("2025-12-12", "document")
    s = sentence_of(doc, "Lo faremo")  # an expression inside the quote does not date it
    assert date_at(doc, s.start, s.end) == ("2025-12-12", "document")


def test_date_at_weekday_outside_the_quote():
    doc = analyse("«Non siamo d'accordo», ha dichiarato Lavrov mercoledì, secondo l'agenzia.",
                  published="2025-08-22")
    s = doc.layer("sentence")[0]
    assert date_at(doc, s.start, s.end) == ("2025-08-20", "expression")


def test_date_at_takes_the_day_the_lead_tells_the_occasion_on():
    # a statement with no time of its own, on a page dated to the day, was made on the occasion the lead
    # tells of with a relative day ("Mercoledì", "ieri", "on Sunday"), not on the day of publication
    doc = analyse("Mercoledì, il presidente ha ringraziato il leader alleato.\n\n"
                  "«Le vostre truppe hanno combattuto con coraggio», ha detto il ministro.", published="2025-09-05")
    first = sentence_of(doc, "ha ringraziato")
    second = sentence_of(doc, "Le vostre truppe")
    assert date_at(doc, first.start, first.end) == ("2025-09-03", "expression")
    assert date_at(doc, second.start, second.end) == ("2025-09-03", "lead")
    # a lead that tells of two days, or dates a background event in full, tells no one occasion
    for lead in ("Mercoledì il presidente ha ringraziato il leader alleato, martedì aveva visto il premier.",
                 "Il 3 settembre il presidente aveva ringraziato il leader alleato."):
        doc = analyse(lead + "\n\n«Le vostre truppe hanno combattuto con coraggio», ha detto il ministro.",
                      published="2025-09-05")
        second = sentence_of(doc, "Le vostre truppe")
        assert date_at(doc, second.start, second.end) == ("2025-09-05", "document")


def test_date_at_ignores_future_dates_and_falls_back():
    doc = analyse("Il ministro ha detto lunedì prossimo che firmerà.", published="2025-09-05")
    s = doc.layer("sentence")[0]
    assert date_at(doc, s.start, s.end) == ("2025-09-05", "document")
    undated = analyse("Il ministro ha detto che firmerà.")
    s = undated.layer("sentence")[0]
    assert date_at(undated, s.start, s.end) == (None, None)


def test_bad_rule_data_names_the_file(tmp_path, monkeypatch):
    from garante import lang
    from garante.extract import timex
    folder = tmp_path / "xx"
    folder.mkdir()
    (folder / "time.yaml").write_text("months: {}\nweekdays: {}\nrules:\n  - {name: broken, kind: date, "
                                      "pattern: \"{nosuch}\"}\n", encoding="utf-8")
    monkeypatch.setattr(lang, "LANG_DIR", tmp_path)
    lang.resources.cache_clear()
    timex.grammar.cache_clear()
    try:
        with pytest.raises(lang.DataFileError, match=r"xx/time\.yaml.*broken.*nosuch"):
            timex.grammar("xx")
    finally:
        lang.resources.cache_clear()
        timex.grammar.cache_clear()


# --- the clause decides the direction of a weekday ---------------------------------------------------

def test_future_clause_inside_a_past_sentence_points_forward():
    # published on a Wednesday: the clause's own verb, not the nearest one in the sentence, decides
    en = analyse("The Danish prime minister, who will chair a meeting of defence ministers on Saturday, said "
                 "the offer stood.", lang="en", published="2025-06-11")
    assert value_of(en, "on Saturday") == "2025-06-14"
    it = analyse("Il cancelliere, che ospiterà i ministri degli Esteri sabato a Berlino, ha detto che l'offerta "
                 "resta valida.", published="2025-06-11")
    assert value_of(it, "sabato") == "2025-06-14"
    past = analyse("On Saturday, the Danish prime minister said the offer stood.", lang="en", published="2025-06-11")
    assert value_of(past, "On Saturday") == "2025-06-07"


def test_a_deadline_is_ahead_unless_it_has_passed():
    en = analyse("Asked whether Friday was still the deadline for an answer, the envoy shrugged.", lang="en",
                 published="2025-06-11")
    assert value_of(en, "Friday") == "2025-06-13"
    gone = analyse("The deadline expired on Friday without an answer, the envoy said.", lang="en",
                   published="2025-06-11")
    assert value_of(gone, "on Friday") == "2025-06-06"
    it = analyse("Gli è stato chiesto se venerdì fosse ancora la scadenza per una risposta.", published="2025-06-11")
    assert value_of(it, "venerdì") == "2025-06-13"
    it_gone = analyse("La scadenza di venerdì è ormai superata, ha ammesso il negoziatore.", published="2025-06-11")
    assert value_of(it_gone, "venerdì") == "2025-06-06"


def test_modal_verbs_point_forward():
    en = analyse("The envoy said the two delegations would meet in Riyadh on Monday.", lang="en",
                 published="2025-06-11")
    assert value_of(en, "on Monday") == "2025-06-16"
    it = analyse("Secondo fonti diplomatiche, i negoziatori dovrebbero incontrarsi lunedì a Riad.",
                 published="2025-06-11")
    assert value_of(it, "lunedì") == "2025-06-16"


def test_focus_adverb_is_part_of_the_expression():
    it = analyse("Da Kiev la risposta era arrivata già martedì, con una nota del ministero.", published="2025-06-12")
    span = next(s for s in it.layer("timex") if "martedì" in s.text_of(it))
    assert span.text_of(it) == "già martedì" and span.attrs["value"] == "2025-06-10"
    en = analyse("Officials had flagged the problem as early as Tuesday, a spokesman said.", lang="en",
                 published="2025-06-12")
    span = next(s for s in en.layer("timex") if "Tuesday" in s.text_of(en))
    assert span.text_of(en) == "as early as Tuesday" and span.attrs["value"] == "2025-06-10"


def test_the_same_day_takes_the_day_just_told():
    en = analyse("The foreign ministers met in Warsaw on 4 May. The Polish president made a similar offer the "
                 "same day, in a speech to parliament.", lang="en", published="2025-06-20")
    assert value_of(en, "the same day") == "2025-05-04"
    it = analyse("I ministri degli Esteri si sono riuniti a Varsavia il 4 maggio. Lo stesso giorno il presidente "
                 "polacco ha fatto un'offerta simile.", published="2025-06-20")
    assert value_of(it, "Lo stesso giorno") == "2025-05-04"
    # nothing dated before it: unresolved rather than guessed
    alone = analyse("The Polish president made a similar offer the same day.", lang="en", published="2025-06-20")
    assert value_of(alone, "the same day") is None
    far = analyse("The ministers met in Warsaw on 4 May. " + "The talks covered many subjects at length. " * 20
                  + "Another offer came the same day.", lang="en", published="2025-06-20")
    assert value_of(far, "the same day") is None
