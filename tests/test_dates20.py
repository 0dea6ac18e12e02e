"""Statement dates that hold on unseen pages (twentieth session): the sentence that sets the scene of a
speaker's words by the report's own clock ("Oggi il Cremlino …") dates them; a head line signed by a byline
or a wire dateline of the same day dates the page. Sentences written for these tests."""
from __future__ import annotations

from helpers import date_of as _date, page as _page


# a paragraph with no time in it, to put what follows beyond the lead the page's day is read from
FILLER = ("Le due delegazioni hanno discusso a lungo del testo, delle garanzie e del calendario dei prossimi "
          "incontri, senza che nessuna delle parti rendesse pubblici i dettagli delle rispettive proposte. Gli "
          "osservatori presenti hanno descritto un clima teso ma corretto, con pause frequenti e consultazioni "
          "riservate tra i capi delle squadre negoziali e le rispettive capitali.\n\n")


# --- the sentence right before a speaker's words, with nobody named in it


def _vilnius(scene: str) -> str:
    return (" date 2024-06-12 ESTERI\nI colloqui di Vilnius\n\n"
            "Le delegazioni si sono riunite ieri a Vilnius per discutere di un nuovo accordo.\n\n"
            + FILLER + FILLER +
            scene + " «Non vediamo alcun progresso reale», ha dichiarato il portavoce Dmitrij Peskov.\n")


def test_the_lead_tells_yesterday_and_the_scene_tells_today():
    doc = _page(_vilnius("Oggi il Cremlino ha raffreddato le speranze."))
    assert _date(doc, "progresso reale") == "2024-06-12"


def test_without_a_scene_the_words_take_the_day_the_lead_tells():
    doc = _page(_vilnius("Il Cremlino ha raffreddato le speranze."))
    assert _date(doc, "progresso reale") == "2024-06-11"


def test_a_calendar_date_in_the_scene_is_the_event_answered_not_the_answer():
    doc = _page(" date 2024-05-10 WORLD\nA pact draws fire\n\n"
                "The Kremlin on Friday rejected a defence pact signed by three Baltic states.\n\n"
                "On May 7 in Riga, the three governments signed a declaration on a joint air patrol. "
                "Kremlin spokesman Dmitry Peskov said that the declaration posed a threat to Russia.\n")
    assert _date(doc, "posed a threat") == "2024-05-10"


def test_a_scene_in_the_paragraph_before_does_not_date_the_words():
    doc = _page(_vilnius("Oggi il Cremlino ha raffreddato le speranze.\n\nIntanto a Mosca si attende."))
    assert _date(doc, "progresso reale") == "2024-06-11"


# --- a head line signed by a byline or a wire dateline dates the page


_LAVROV = ("\n\nRussia's Foreign Minister Sergei Lavrov said on Monday that Moscow would not accept foreign troops "
           "in Ukraine.\n\nHe added that the West was escalating the war.\n")


def test_a_byline_with_the_reporter_s_place_dates_the_page():
    doc = _page("Lavrov rejects troops\nBy Jane Miller in Warsaw March 4, 2025" + _LAVROV)
    assert doc.meta.get("published") == "2025-03-04"
    assert _date(doc, "foreign troops") == "2025-03-03"  # "on Monday", against the page's day


def test_a_byline_with_the_agency_dates_the_page():
    doc = _page("Lavrov rejects troops\nBy Jane Miller, Reuters March 4, 2025" + _LAVROV)
    assert doc.meta.get("published") == "2025-03-04"


def test_a_wire_dateline_repeating_the_day_dates_the_page():
    doc = _page("Lavrov rejects troops\nWarsaw, March 4 (AFP) March 4, 2025" + _LAVROV)
    assert doc.meta.get("published") == "2025-03-04"


def test_a_byline_under_a_standfirst_still_dates_the_page():
    doc = _page("Lavrov rejects troops\nThe Kremlin hardens its line on a ceasefire force and warns Europe against "
                "sending soldiers.\nBy Jane Miller in Warsaw March 4, 2025" + _LAVROV)
    assert doc.meta.get("published") == "2025-03-04"


def test_a_sentence_below_the_first_body_line_is_no_stamp():
    doc = _page("Lavrov rejects troops\nThe Kremlin hardens its line on a ceasefire force and warns Europe against "
                "sending soldiers.\nThe foreign ministers of the alliance will meet again on March 4, 2025." + _LAVROV)
    assert doc.meta.get("published") is None


def test_a_dateline_of_another_day_does_not_sign_the_date():
    doc = _page("Lavrov rejects troops\nWarsaw, March 2 (AFP) March 4, 2025" + _LAVROV)
    assert doc.meta.get("published") != "2025-03-04"


def test_a_headline_that_names_a_day_is_no_stamp():
    doc = _page("Leaders will meet in Warsaw on March 4, 2025" + _LAVROV)
    assert doc.meta.get("published") is None


# --- a day with its part of the day dates the verb as the day alone does


_FAR = ("The alliance met in Brussels to discuss its plans for the coming year and the budget. " * 8) + "\n\n"


def test_a_weekday_night_told_with_the_verb_dates_the_words():
    doc = _page(" date 2025-03-05 WORLD\nLavrov rejects troops\n\n" + _FAR
                + "Russia's Foreign Minister Sergei Lavrov said Tuesday night that Moscow would not accept foreign "
                  "troops in Ukraine.\n")
    assert _date(doc, "foreign troops") == "2025-03-04"


def test_a_weekday_evening_told_with_the_verb_dates_the_words():
    doc = _page(" date 2025-03-05 WORLD\nLavrov rejects troops\n\n" + _FAR
                + "Russia's Foreign Minister Sergei Lavrov said on Tuesday evening that Moscow would not accept "
                  "foreign troops in Ukraine.\n")
    assert _date(doc, "foreign troops") == "2025-03-04"


def test_an_italian_evening_of_yesterday_dates_the_words():
    doc = _page(" date 2025-03-05 ESTERI\nLavrov respinge le truppe\n\n" + FILLER + FILLER
                + "Il ministro degli Esteri russo Sergej Lavrov ha affermato ieri sera che la Russia non accetterà "
                  "soldati europei in Ucraina.\n")
    assert _date(doc, "soldati europei") == "2025-03-04"
