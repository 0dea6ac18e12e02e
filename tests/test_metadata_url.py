"""What a page's URL tells: the publication date, when the capture gives none or only the month, and
which head line is the headline, when the site's tagline stands above it."""
from __future__ import annotations

import json

import pytest

from garante.clean import clean
from garante.clean.capture import slug_words
from garante.clean.metadata import date_from_url
from garante.ingest import Capture, read_inputs

BODY = ("Il portavoce del Cremlino ha detto ieri che Mosca non accetterà truppe straniere in Ucraina. "
        "Lo ha ribadito durante il consueto briefing con la stampa.\n")


@pytest.mark.parametrize("url,date", [
    ("https://example.it/esteri/2025/08/21/262375.html", "2025-08-21"),
    ("https://example.it/2025-02-20/cremlino-preoccupato/16420754/", "2025-02-20"),
    ("https://example.com/world/20250220-kremlin-troops", "2025-02-20"),
    ("https://example.it/2024/03/articolo-sulle-garanzie", "2024-03"),
    ("https://example.com/2025/02/30/not-a-day", "2025-02"),
    ("https://example.it/news/351008/ucraina-negoziati", None),
    ("https://example.it/?p=20250220", None),  # a query string is no path
    ("https://example.it/12-07-2023/936194-ucraina-garanzie/", "2023-07-12"),  # day first
    ("https://example.it/video/conte-contro-meloni-01-03-2024-529013", "2024-03-01"),
    ("https://example.it/a-31-02-2024-b", None),
    ("https://example.it/ultime-notizie-del-17-febbraio-2024-ucraina", "2024-02-17"),  # in words
    ("https://example.com/news/talks-resume-march-3-2025", "2025-03-03"),
    ("https://example.it/top-10-cose-2024", None),
    ("https://example.it/news.php?nid=20220306-549076", "2022-03-06"),  # a dated item's number
])
def test_date_in_a_url_path(url, date):
    assert date_from_url(url) == date


def test_a_jsonl_record_is_dated_by_its_url_when_its_text_gives_no_date(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"url": "https://example.it/esteri/2025/08/21/cremlino.html", "text": BODY}) + "\n",
                    encoding="utf-8")
    capture = next(c for c in read_inputs([str(path)]) if isinstance(c, Capture))
    meta = clean(capture).meta
    assert (meta["published"], meta["published_precision"], meta["published_source"]) == ("2025-08-21", "day", "url")


def test_a_url_day_refines_a_header_month_it_agrees_with_and_loses_to_one_it_contradicts():
    def published(header: str, url: str) -> str:
        doc = clean(Capture(source="page.txt", format="text", raw=f" date {header} " + BODY, hints={"url": url}))
        return doc.meta["published"]
    assert published("2025-08", "https://example.it/2025/08/21/a.html") == "2025-08-21"
    assert published("2025-10", "https://example.it/2025/08/21/a.html") == "2025-10"
    # a capture saved in the month after the publisher's day: the path's day ("date 2025-09", "/2025/08/31/")
    assert published("2025-09", "https://example.it/2025/08/31/a.html") == "2025-08-31"


TAGLINE_PAGE = (" date 2025-09-05 Il quotidiano della provincia per la provincia\n\n"
                "Meloni: «Le garanzie per Kiev devono arrivare subito»\n\n"
                "La presidente del Consiglio ha detto ieri che le garanzie di sicurezza per l'Ucraina devono "
                "scattare prima della fine dei combattimenti, e che l'Italia farà la sua parte.\n\n"
                "Lo ha ribadito in una conferenza stampa a Palazzo Chigi, dove ha incontrato i giornalisti.\n")


def test_the_head_line_the_url_slug_spells_is_the_headline_not_the_tagline_above_it():
    url = "https://example.it/politica/meloni-le-garanzie-per-kiev-devono-arrivare-subito/123456"
    assert slug_words(url) >= {"meloni", "garanzie", "kiev", "devono", "arrivare", "subito"}
    with_url = clean(Capture(source="page.txt", format="text", raw=TAGLINE_PAGE, hints={"url": url}))
    assert with_url.meta["title"] == "Meloni: «Le garanzie per Kiev devono arrivare subito»"
    without = clean(Capture(source="page.txt", format="text", raw=TAGLINE_PAGE))
    assert without.meta["title"] != with_url.meta["title"]  # the tagline, without the URL to tell them apart
    unrelated = "https://example.it/politica/articolo/123456"
    assert clean(Capture(source="page.txt", format="text", raw=TAGLINE_PAGE,
                         hints={"url": unrelated})).meta["title"] == without.meta["title"]


STANDFIRST_FIRST_PAGE = ("Kremlin calls European troop plan a threat to Russia\n\n"
                         "09:152/10/2025, Thursday\nAA\nArchive image\nArchive image\n\n"
                         "Spokesman says any foreign contingent on Ukrainian soil would be a legitimate target for the army\n\n"
                         "The Kremlin on Thursday said that European plans to send troops to Ukraine after a ceasefire were "
                         "a threat to Russia and would not be accepted.\n\n"
                         "Speaking to reporters, the spokesman said the plans had been discussed in Paris without Moscow.\n")


def test_the_line_first_taken_for_the_headline_becomes_the_standfirst_under_the_slug_headline():
    url = "https://example.com/en/news/kremlin-calls-european-troop-plan-a-threat-to-russia-123456"
    doc = clean(Capture(source="page.txt", format="text", raw=STANDFIRST_FIRST_PAGE, hints={"url": url}))
    zones = {z.label: doc.text[z.start:z.end] for z in reversed(doc.layer("zone"))}
    assert zones["title"] == "Kremlin calls European troop plan a threat to Russia"
    assert zones["standfirst"].startswith("Spokesman says any foreign contingent")


@pytest.mark.parametrize("url,outlet", [
    ("http://3.127.128.221/?p=1232968", None),  # a mirror at a bare address names no outlet
    ("http://[2001:db8::7]/news/1", None),
    ("https://www.example-news.it/esteri/articolo", "example-news.it"),
])
def test_the_outlet_a_url_names(url, outlet):
    from garante.clean.metadata import outlet_from_url
    assert outlet_from_url(url)[1] == outlet


PROSE = ("The leaders of the alliance met for two days and agreed on a long-term plan of support for Kyiv, "
         "with training, weapons and money for the years to come.\n\n"
         "The ministers said the plan would be reviewed every year by the member states.\n")


def test_a_date_line_that_opens_with_a_place_is_the_dateline_not_a_banner():
    placed = clean(Capture(source="page.txt", format="text", raw="Vilnius, Wednesday, 12 July 2023\n\n" + PROSE))
    assert (placed.meta["published"], placed.meta["published_source"]) == ("2023-07-12", "dateline")
    banner = clean(Capture(source="page.txt", format="text", raw="Wednesday, 12 July 2023\n\n" + PROSE))
    assert banner.meta["published"] is None  # a site's banner date: when the page was seen, not written


def test_a_bulleted_date_line_and_a_dateline_of_two_places_date_the_page():
    bulleted = clean(Capture(source="page.txt", format="text",
                             raw="Alliance leaders agree a plan for Kyiv\n\n  • 18 Feb. 2023 -\n  • |\n"
                                 "  • Last updated: 18 Feb. 2023 17:02\n\n" + PROSE))
    assert (bulleted.meta["published"], bulleted.meta["published_precision"]) == ("2023-02-18", "day")
    assert "18 Feb. 2023" not in bulleted.body
    two_places = clean(Capture(source="page.txt", format="text",
                               raw="Alliance leaders agree a plan for Kyiv\n\nWashington/Budapest, October 18, 2025 – "
                                   + PROSE))
    assert (two_places.meta["published"], two_places.meta["published_source"]) == ("2025-10-18", "dateline")


MENU_PAGE = ("1. Skip to content\n2. Skip to main menu\n3. Skip to more sites\n"
             "Allies answer Moscow's treaty demands\n\nMarch 3, 2022\n\n"
             "The foreign minister said the allies made no concessions but offered talks on arms control in Europe.\n\n"
             "Flags of two countries in front of a grey sky\n"
             "The two sides exchanged letters for weeksImage: picture agency/Archive\n\n"
             "The allies said on Thursday that they had sent written answers to the demands made in December.\n\n"
             "It comes after weeks of warnings that troops could cross the border at any time\n\n"
             "Moscow had demanded that the alliance stop its expansion and pull back its forces, which the allies "
             "rejected as a matter of principle.\n\n"
             "The minister said the answers would not be published, because diplomacy needs room to work.\n")


def test_a_headline_among_menu_links_is_found_by_the_slug_and_a_glued_credit_ends_its_caption():
    url = "https://example.com/en/allies-send-written-answer-to-moscows-treaty-demands/a-123"
    doc = clean(Capture(source="page.txt", format="text", raw=MENU_PAGE, hints={"url": url}))
    assert doc.meta["title"] == "Allies answer Moscow's treaty demands"  # "answer" / "answers": same stem
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2022-03-03", "dateline")
    assert "The allies said on Thursday that they had sent written answers" in doc.text  # no longer menu
    assert "picture agency" not in doc.text


def test_a_headline_printed_three_times_above_the_article_is_the_headline():
    headline = "Ministers agree to study a new plan for the region"
    raw = f"{headline}\n\n10:45 | 04.03.2024\n{headline}\n\n{headline}\n\n" + PROSE
    doc = clean(Capture(source="page.txt", format="text", raw=raw))
    assert doc.meta["title"] == headline
    assert doc.text.count(headline) == 1
