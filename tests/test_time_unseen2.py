"""Statement dates and page dates in page shapes of the thirteenth session's rounds: the day before the page
told by its date in the lead, deeper leads. Sentences written for these tests."""
from __future__ import annotations

from garante.pipeline import Context, analyse_text

CTX = Context()

OPENING_EN = ("Diplomacy around the war in Ukraine picked up pace again this week, with several rounds of talks "
              "planned in European capitals and envoys travelling between them.")
OPENING_IT = ("La diplomazia intorno alla guerra in Ucraina ha ripreso slancio in questi giorni, con diversi "
              "incontri in programma nelle capitali europee e inviati in viaggio tra l'una e l'altra.")


def _statements(header: str, paragraphs: list[str], title: str = "Envoys meet again on a peace framework"):
    capture = f" date {header} WORLD\n{title}\n\n" + "\n\n".join(paragraphs) + "\n"
    return analyse_text(capture, source="test.txt", ctx=CTX).statements


def _one(sts, words: str):
    return next(s for s in sts if words in s.content)


# --- the day before the page, told by its date in the lead


def test_the_day_before_the_page_told_by_its_date_in_the_lead_dates_the_report():
    lead = ("The foreign ministers of four countries ended a long meeting in Oslo on March 3, as work on a "
            "framework for the end of the war entered a new phase.")
    sts = _statements("2025-03-04", [lead, "Jonas Gahr Store has kept in touch with the other capitals.",
                                     "After the meeting, the Norwegian foreign minister said that the "
                                     "framework was close to being agreed by all four."])
    assert _one(sts, "framework was close").date == "2025-03-03"


def test_a_date_in_the_lead_two_weeks_before_the_page_is_background():
    lead = ("The foreign ministers of four countries ended a long meeting in Oslo on February 17, and work on a "
            "framework for the end of the war has gone on since then.")
    sts = _statements("2025-03-04", [lead, "Jonas Gahr Store has kept in touch with the other capitals.",
                                     "The Norwegian foreign minister said that the framework was close "
                                     "to being agreed by all four."])
    assert _one(sts, "framework was close").date == "2025-03-04"


def test_a_lead_of_two_paragraphs_tells_the_day_before_further_in():
    sts = _statements("2025-11-20", [
        OPENING_IT,
        "Le cancellerie cercano ancora una linea comune sulle garanzie da offrire a Kiev dopo un cessate il "
        "fuoco, mentre i combattimenti al fronte non si fermano.",
        "I ministri degli Esteri di sei paesi si sono riuniti a Varsavia il 19 novembre 2025 per discutere "
        "della missione.",
        "Radoslaw Sikorski ha ricevuto i colleghi nella sede del ministero.",
        "Il ministro degli Esteri lituano ha detto che Vilnius vuole garanzie solide per l'Ucraina."],
        title="Garanzie per Kiev, il confronto continua")
    assert _one(sts, "Vilnius vuole garanzie").date == "2025-11-19"


# --- a full date right before the page in a clause that modifies a noun; a span of days up to the page's day


def test_the_day_before_the_page_in_a_clause_modifying_a_noun_dates_the_report():
    lead = ("The allies backed a plan for a monitoring mission approved by twelve governments on Monday, "
            "March 3, at a meeting in Oslo of the countries supporting Ukraine.")
    sts = _statements("2025-03-04", [lead, "Jonas Gahr Store has kept in touch with the other capitals.",
                                     "The Danish prime minister said that the mission would be ready within "
                                     "weeks of a ceasefire."])
    assert _one(sts, "mission would be ready").date == "2025-03-03"


def test_a_span_of_days_running_to_the_page_day_leaves_the_page_date():
    lead = ("I negoziati tra le due delegazioni a Oslo, tenutisi il 3 e 4 marzo con la mediazione norvegese, "
            "non hanno prodotto progressi significativi sui temi principali.")
    sts = _statements("2025-03-04", [lead, "Jonas Gahr Store ha seguito i lavori dalla capitale.",
                                     "Il ministro degli Esteri danese ha detto che la missione sarà pronta "
                                     "entro poche settimane."], title="Oslo, nessun accordo")
    assert _one(sts, "missione sarà pronta").date == "2025-03-04"
