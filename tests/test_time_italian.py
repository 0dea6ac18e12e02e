"""Italian time expressions found on the second Italian set's dev documents (our own sentences): what is
not a time (ages, idioms), parts of the day, dates with a clock or a part of the day, two days sharing a
month, and the report's day not taken from a span's start."""
from test_time_timex3 import analyse, timex3


def test_an_age_is_not_a_duration_but_a_stretch_of_years_is():
    got = timex3(analyse("Una donna di 62 anni è morta. Giovani di età compresa tra 18 e 25 anni. Il sindaco "
                         "Mario Rossi, 54 anni, ha parlato. La guerra dura da tre anni, dopo 30 anni di pace.",
                         lang="it", published="2022-09-10"))
    assert "62 anni" not in got and "25 anni" not in got and "54 anni" not in got
    assert got["tre anni"][:2] == ("DURATION", "P3Y")
    assert got["30 anni"][:2] == ("DURATION", "P30Y")


def test_idioms_name_no_time():
    got = timex3(analyse("Serve una tregua al più presto possibile, e una pace a lungo termine. Presto si "
                         "voterà.", lang="it", published="2022-03-28"))
    assert list(got) == ["Presto"]
    assert got["Presto"][:2] == ("DATE", "FUTURE_REF")


def test_parts_of_the_day_and_their_extents():
    got = timex3(analyse("Durante la notte i droni hanno colpito. La notizia è arrivata nel primo pomeriggio. "
                         "Domattina riprendono i colloqui; ieri alle 21.30 si erano fermati.",
                         lang="it", published="2022-09-10"))
    assert got["la notte"][:2] == ("TIME", "2022-09-10TNI")
    assert got["primo pomeriggio"] == ("TIME", "2022-09-10TAF", "START")
    assert got["Domattina"][:2] == ("TIME", "2022-09-11TMO")
    assert got["21.30"][:2] == ("TIME", "2022-09-09T21:30")


def test_a_date_with_its_clock_or_part_of_the_day_is_one_time():
    got = timex3(analyse("Alle 10:30 del 29 marzo si apre il tavolo. Aggiornato il 23 gennaio 2026, 11:28. "
                         "Nella notte del 22 gennaio 2026 è arrivato l'accordo. Il tavolo si è aperto verso 11.25 ora "
                         "locale.",
                         lang="it", published="2026-01-23"))
    assert got["10:30 del 29 marzo"][:2] == ("TIME", "2026-03-29T10:30")
    assert got["23 gennaio 2026, 11:28"][:2] == ("TIME", "2026-01-23T11:28")
    assert got["notte del 22 gennaio 2026"][:2] == ("TIME", "2026-01-22TNI")
    assert got["11.25"][:2] == ("TIME", "2026-01-23T11:25")


def test_two_days_that_share_a_month():
    got = timex3(analyse("Il vertice si tiene il 15 e 16 giugno; i colloqui tra domenica 14 e lunedì 15 "
                         "dicembre 2025.", lang="it", published="2025-06-02"))
    assert got["15"][:2] == ("DATE", "2025-06-15")
    assert got["16 giugno"][:2] == ("DATE", "2025-06-16")
    assert got["domenica 14"][:2] == ("DATE", "2025-12-14")
    assert got["lunedì 15 dicembre 2025"][:2] == ("DATE", "2025-12-15")


def test_periods_the_news_count_back_and_ahead():
    got = timex3(analyse("Nell'ultima settimana sono morti 7.000 soldati. Un vertice durato oltre tre ore e "
                         "mezzo. Il convoglio è partito mezz'ora fa. Un accordo entro fine anno, la firma entro "
                         "la settimana. Nel week-end nuovi attacchi. In queste ore si tratta.",
                         lang="it", published="2025-08-13"))
    assert got["ultima settimana"][:2] == ("DURATION", "P1W")
    assert got["oltre tre ore e mezzo"] == ("DURATION", "PT3H30M", "MORE_THAN")
    assert got["mezz'ora fa"][:2] == ("DATE", "2025-08-13")
    assert got["fine anno"] == ("DATE", "2025", "END")
    assert got["la settimana"][:2] == ("DATE", "2025-W33")
    assert got["week-end"][:2] == ("DATE", "2025-W32-WE")
    assert got["queste ore"][:2] == ("DATE", "PRESENT_REF")
    got = timex3(analyse("Colloqui durati circa un'ora e dieci minuti. A giorni la firma.", lang="it",
                         published="2025-06-02"))
    assert got == {"circa un'ora e dieci minuti": ("DURATION", "PT1H10M", "APPROX")}


def test_the_day_a_span_starts_is_not_the_report_day():
    doc = analyse("Dal 6 agosto ad oggi le truppe hanno conquistato 90 villaggi.", lang="it",
                  published="2024-08", precision="month")
    assert doc.meta["published"] == "2024-08"
    assert timex3(doc)["oggi"][:2] == ("DATE", "2024-08")
    doc = analyse("Oggi, 19 agosto, le truppe avanzano.", lang="it", published="2024-08", precision="month")
    assert doc.meta["published"] == "2024-08-19"


def test_a_date_after_tomorrow_or_yesterday_dates_the_report_relatively():
    doc = analyse("Si firma nella giornata di domani 22 luglio a Istanbul.", lang="it", published="2022-07",
                  precision="month")
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2022-07-21", "inferred:relative")


def test_a_future_date_at_the_start_is_not_the_report_day():
    doc = analyse("Manca un giorno al vertice, che si terrà l'11 e il 12 luglio.", lang="it", published="2023-07",
                  precision="month")
    assert doc.meta["published"] == "2023-07"


def test_a_time_stamped_dateline_beats_the_site_banner_above_it():
    doc = analyse("Sabato 31 Gennaio 2026\n\nGuerra in corso\n\n23 Gennaio 2026, 11:28\n\nSono iniziati i colloqui.",
                  lang="it", published=None, precision=None)
    assert doc.meta["published"] == "2026-01-23"


# Found on the third Italian set's dev documents (ny_*; our own sentences).

def test_a_range_of_days_or_months_names_each_end():
    got = timex3(analyse("Le elezioni del 15-17 marzo si avvicinano. I colloqui si tennero da febbraio ad aprile "
                         "2022, il vertice l'11-12 luglio 2023.", lang="it", published="2024-02-17"))
    assert got["15"][:2] == ("DATE", "2024-03-15")
    assert got["17 marzo"][:2] == ("DATE", "2024-03-17")
    assert got["febbraio"][:2] == ("DATE", "2022-02")
    assert got["aprile 2022"][:2] == ("DATE", "2022-04")
    assert got["12 luglio 2023"][:2] == ("DATE", "2023-07-12")


def test_a_clock_time_on_its_own_day_and_in_another_time_zone():
    got = timex3(analyse("Il presidente partirà alle 6:45 di venerdì e lascerà la base alle 17:45 ora locale (3:45 "
                         "di domani, ora dell'Alaska), con rientro sabato mattina presto. L'allarme è scattato "
                         "intorno alle ore 23,30. Il gasolio è salito alle 2,50 euro.", lang="it",
                         published="2025-08-15"))
    assert got["6:45 di venerdì"][:2] == ("TIME", "2025-08-15T06:45")
    assert got["17:45"][:2] == ("TIME", "2025-08-15T17:45")
    assert got["3:45 di domani"][:2] == ("TIME", "2025-08-16T03:45")
    assert got["sabato mattina presto"] == ("TIME", "2025-08-16TMO", "START")
    assert got["23,30"][:2] == ("TIME", "2025-08-15T23:30")
    assert "ora" not in got and "presto" not in got and "2,50" not in got


def test_dawn_of_a_date_this_evening_and_the_year_of_the_report():
    got = timex3(analyse("All'alba del 1° marzo è ripresa l'avanzata. Nella serata odierna parlerà il ministro "
                         "alla conferenza dell'anno. Nelle scorse ore sono arrivati i primi aiuti, e le 2,5 milioni "
                         "di dosi.", lang="it", published="2025-03-01"))
    assert got["alba del 1° marzo"][:2] == ("TIME", "2025-03-01TMO")
    assert got["serata odierna"][:2] == ("TIME", "2025-03-01TEV")
    assert got["anno"][:2] == ("DATE", "2025")
    assert got["scorse ore"][:2] == ("DATE", "PAST_REF")
    assert "2" not in got


def test_a_date_said_to_be_today_beats_a_site_banner_of_another_day():
    doc = analyse("16 aprile 2024\nAggiornato 06:30\n\nLe notizie di oggi 6 marzo 2022: la diretta del conflitto.",
                  lang="it", published=None, precision=None)
    assert doc.meta["published"] == "2022-03-06"


def test_extents_keep_a_time_noun_and_another_but_not_the_article_before_a_date():
    got = timex3(analyse("Dopo le consultazioni avvenute nelle ore precedenti, l'accordo firmato lo scorso 22 luglio "
                         "è stato rinnovato per altri due mesi.", lang="it", published="2022-07-30"))
    assert got["ore precedenti"][:2] == ("DATE", "PAST_REF")
    assert got["scorso 22 luglio"][:2] == ("DATE", "2022-07-22")
    assert got["altri due mesi"][:2] == ("DURATION", "P2M")
