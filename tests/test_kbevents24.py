"""The negotiation's dated events of 2021-2025 (data/kb/events.yaml) as world knowledge of the time layer:
an undated page dated by an event and a relative day, a day without its year placed by an event named
beside it, and events named as points of reference (reference: true) that date nothing by being named.
Our own sentences."""
from test_time_docdate import parsed
from test_time_timex3 import analyse


def test_an_undated_page_is_dated_by_yesterdays_event():
    doc = analyse("La visita a sorpresa di Biden a Kiev di ieri ha irritato il Cremlino.", lang="it", published=None)
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2023-02-21", "inferred:event+relative")
    doc = analyse("Two days ago the Lavrov and Kuleba meeting in Antalya ended without a ceasefire.", published=None)
    assert doc.meta["published"] == "2022-03-12"


def test_an_event_named_as_a_point_of_reference_does_not_veto_the_date():
    # the full-scale invasion is named years after it happened: it says nothing of the report's day
    doc = analyse("Since the full-scale invasion, no US president had come. Biden's surprise visit to Kyiv "
                  "yesterday changed that.", published=None)
    assert doc.meta["published"] == "2023-02-21"
    # but an event named in the same text as a meeting, and held a year apart, still does
    doc = analyse("Biden's surprise visit to Kyiv yesterday was long prepared. The Elmau summit had promised it.",
                  published=None)
    assert not doc.meta.get("published")


def test_a_reference_event_with_a_relative_day_still_dates_the_page():
    doc = analyse("Prigozhin's mutiny yesterday shook the Kremlin.", published=None)
    assert doc.meta["published"] == "2023-06-25"


def test_a_day_without_its_year_takes_the_year_of_the_event_named_beside_it():
    doc = analyse("Oggi, giovedì 13 giugno, si apre il G7 in Puglia. Meloni accoglie i leader.",
                  lang="it", published=None)
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2024-06-13", "inferred:today+event")
    doc = analyse("Today, November 15, leaders gather for the G20 summit in Bali.", published=None)
    assert doc.meta["published"] == "2022-11-15"
    # a reference event gives no year: the day stays unplaced
    doc = analyse("Today, June 26, a year has passed since the Wagner mutiny.", published=None)
    assert not doc.meta.get("published")


def test_a_shared_name_is_chosen_by_the_day_the_lead_gives():
    # "the London summit" names several meetings: the lead's day of the month picks one
    assert parsed("Starmer spoke after the London summit on March 2. He said Europe must step up.").meta[
        "story_day"] == "2025-03-02"
    assert parsed("Starmer spoke after the London summit on October 24. He said Europe must step up.").meta[
        "story_day"] == "2025-10-24"
    # a reference event the lead counts from is not the story's day
    assert "story_day" not in parsed("Since the Kursk incursion, Zelensky said, Russia has felt the war.").meta
