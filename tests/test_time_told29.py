"""Days read off what the story has just told (extract/time/tagger.py): "that same day" after a month told
later than the last day named, and a clock time that a parenthesis restates with its day. Our own sentences."""
from test_time_timex3 import analyse, timex3


def test_the_same_day_lies_in_the_month_told_after_the_last_day():
    # the convoy's day is somewhere in last March: not Tuesday, the day named before the month
    text = ("The envoy met the minister on Tuesday. The convoy was shelled last March, when the corridor "
            "opened. The observers left that same day.")
    got = timex3(analyse(text, published="2025-06-13"))
    assert got["Tuesday"] == ("DATE", "2025-06-10", None)
    assert got["that same day"] == ("DATE", "2025-03-XX", None)


def test_the_same_day_is_the_day_named_when_no_month_follows_it():
    got = timex3(analyse("The envoy met the minister on Tuesday. The observers left that same day.",
                         published="2025-06-13"))
    assert got["that same day"] == ("DATE", "2025-06-10", None)


def test_the_same_day_after_a_month_italian():
    text = ("Il convoglio fu colpito lo scorso marzo, quando si aprì il corridoio. Gli osservatori partirono "
            "quello stesso giorno.")
    got = timex3(analyse(text, lang="it", published="2025-06-13"))
    assert got["quello stesso giorno"] == ("DATE", "2025-03-XX", None)


def test_a_clock_time_restated_in_a_parenthesis_takes_its_day():
    text = "The delegation will fly out at 5 in the morning (5 a.m. CET, June 14), a spokesman said."
    got = timex3(analyse(text, published="2025-06-13"))
    assert got["5 in the morning"] == ("TIME", "2025-06-14T05:00", None)


def test_a_clock_time_before_another_sentence_keeps_the_document_day():
    text = "The delegation will fly out at 5 in the morning, a spokesman said. The talks open Saturday."
    got = timex3(analyse(text, published="2025-06-13"))
    assert got["5 in the morning"] == ("TIME", "2025-06-13T05:00", None)


def test_a_parenthesis_in_another_time_zone_is_no_restatement():
    # 6 p.m. in Washington is 2 a.m. in Moscow the next day: the parenthesis gives another hour, not its day
    text = "The summit will end at 6 p.m. (2 a.m. Moscow time Saturday), an aide said."
    got = timex3(analyse(text, published="2025-06-13"))
    assert got["6 p.m."] == ("TIME", "2025-06-13T18:00", None)
