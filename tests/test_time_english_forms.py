"""English TIMEX3 forms the TempEval-3 AQUAINT study found missed or misread (our own sentences): a duration
modifier's preposition inside the extent, fractions and "-long" lengths, clock times told by the half of
the day, anaphoric mornings, years before 1900, hyphenated bounds, vague stretches ahead, and ages that
are not decades; "the past decade" as a stretch."""
from test_time_timex3 import analyse, timex3


def test_duration_modifier_keeps_its_first_word_in_the_extent():
    got = timex3(analyse("The envoys will stay for at least 72 hours, and the monitors for up to two weeks. "
                         "The inspection took about three days."))
    assert got["at least 72 hours"] == ("DURATION", "PT72H", "EQUAL_OR_MORE")
    assert got["up to two weeks"] == ("DURATION", "P2W", "EQUAL_OR_LESS")
    assert got["three days"] == ("DURATION", "P3D", "APPROX")  # an approximation stays outside


def test_fractions_and_lengths_as_adjectives():
    got = timex3(analyse("The minister spent 5 1/2 hours in the capital after a day-long meeting that ended "
                         "a decades-long dispute."))
    assert got["5 1/2 hours"] == ("DURATION", "PT5H30M", None)
    assert got["day-long"] == ("DURATION", "P1D", None)
    assert got["decades-long"] == ("DURATION", "PXY", None)


def test_clock_time_told_by_the_half_of_the_day():
    got = timex3(analyse("The convoy will leave at 4 in the morning and return at 7 in the evening."))
    assert got["4 in the morning"] == ("TIME", "2013-03-22T04:00", None)
    assert got["7 in the evening"] == ("TIME", "2013-03-22T19:00", None)


def test_next_morning_counts_from_the_day_told_before():
    got = timex3(analyse("The delegation arrived on Tuesday and met the president the next morning."))
    assert got["the next morning"] == ("DATE", "2013-03-20", None)


def test_year_before_1900_after_a_preposition_but_not_a_bare_count():
    got = timex3(analyse("The treaty was first signed in 1878, and 1500 soldiers guard the border."))
    assert got["1878"] == ("DATE", "1878", None)
    assert "1500" not in got


def test_hyphenated_bound_and_stretch_ahead():
    got = timex3(analyse("The plan was drafted in late-November. More aid will follow in the coming years, "
                         "not next year."))
    assert got["late-November"][1:] == ("2012-11", "END")
    assert got["the coming years"] == ("DURATION", "PXY", None)
    assert got["next year"] == ("DATE", "2014", None)


def test_an_age_is_not_a_decade():
    got = timex3(analyse("The envoy, now in his 60s, first served in the 1990s."))
    assert got == {"now": ("DATE", "PRESENT_REF", None), "1990s": ("DATE", "199", None)}


def test_the_past_decade_is_a_stretch_the_last_decade_a_calendar_decade():
    got = timex3(analyse("Over the past decade the alliance grew; in the last decade it had shrunk."))
    assert got["the past decade"] == ("DURATION", "P10Y", None)
    assert got["the last decade"] == ("DATE", "200", None)


def test_recent_after_a_determiner_qualifies_its_noun():
    got = timex3(analyse("The recent attacks were condemned; the envoy recently returned after a recent visit."))
    assert set(got) == {"recently"}
    assert got["recently"] == ("DATE", "PAST_REF", None)


def test_idioms_with_a_time_word_name_no_time():
    got = timex3(analyse("It is high noon for the coalition, which fears for its future; in the future it "
                         "will meet at noon."))
    assert set(got) == {"the future", "noon"}
    assert got["noon"] == ("TIME", "2013-03-22T12:00", None)


def test_previously_orders_events_and_is_no_time():
    got = timex3(analyse("The minister had previously rejected the plan, but recently changed course."))
    assert set(got) == {"recently"}


def test_the_week_of_a_date_is_that_calendar_week():
    got = timex3(analyse("The hearing was moved to the week of April 8."))
    assert got["the week of April 8"] == ("DATE", "2013-W15", None)


def test_a_later_day_joined_to_a_date_is_a_date_of_that_month():
    got = timex3(analyse("The summit on April 24 and 25 in Washington follows talks on May 3-4. On March 3 and 25 "
                         "people died."))
    assert got["25"] == ("DATE", "2013-04-25", None)
    assert got["4"] == ("DATE", "2013-05-04", None)
    assert sum(1 for v in got.values() if v[1] == "2013-03-25") == 0  # "25 people": a count


def test_a_unit_capitalised_inside_a_sentence_names_a_title_not_a_duration():
    got = timex3(analyse("The envoy told CBS's 60 Minutes that the talks had lasted 90 minutes."))
    assert "60 Minutes" not in got
    assert got["90 minutes"] == ("DURATION", "PT90M", None)


def test_pre_and_post_before_a_year_bound_it_and_leave_the_article_out():
    got = timex3(analyse("The post-1991 order and the pre-2014 border were redrawn; the mid-1980s talks failed."))
    assert got["post-1991"] == ("DATE", "1991", "AFTER")
    assert got["pre-2014"] == ("DATE", "2014", "BEFORE")
    assert got["the mid-1980s"] == ("DATE", "198", "MID")  # a decade keeps its article


def test_the_day_before_or_after_a_named_day_shifts_it():
    got = timex3(analyse("The day before last Tuesday the envoys met; they meet again on the day after March 30."))
    assert got["The day before last Tuesday"] == ("DATE", "2013-03-18", None)
    assert got["the day after March 30"] == ("DATE", "2013-03-31", None)


def test_a_holiday_week_is_the_calendar_week_of_the_holiday():
    got = timex3(analyse("Pilgrims will gather in Easter week; the talks resumed on Easter.", published="2013-03-22"))
    assert got["Easter week"] == ("DATE", "2013-W13", None)  # Easter 2013 fell on March 31
    assert got["Easter"] == ("DATE", "2013-03-31", None)
