"""Cleaning of text captures: the line classifier, metadata and the map back to the raw characters.

Checked on the seeds against the hand annotation (with the scorer's own comparison functions) and on
captures written for these tests in the shape of other outlets (tests/data/clean/, expectations in
expected.json), in Italian, English and German.
"""
from __future__ import annotations

import importlib.util
import json
import unicodedata
from pathlib import Path

import pytest

from conftest import SHARED, SEEDS, needs_seeds
from garante.clean import clean
from garante.clean.capture import classify
from garante.ingest import Capture, read_inputs

DATA = Path(__file__).parent / "data" / "clean"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))["captures"]
ARTICLE_LABELS = {"title", "standfirst", "body", "subheading"}


def bare(s: str | None) -> str:
    """Lower case, one kind of quote, single spaces: how the scorer compares text."""
    s = unicodedata.normalize("NFC", s or "").casefold()
    for q in "’‘`´":
        s = s.replace(q, "'")
    for q in "“”«»„‟":
        s = s.replace(q, '"')
    return " ".join(s.split())


def clean_file(path: Path):
    (capture,) = [c for c in read_inputs([str(path)]) if isinstance(c, Capture)]
    return clean(capture)


def line_labels(doc) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for ln in doc.lines:
        out.setdefault(doc.raw[ln.raw_start:ln.raw_end].strip(), []).append(ln.label)
    return out


def assert_offsets_map_back(doc) -> None:
    """Every zone, and every character of the cleaned text that came from the capture, maps to the same
    characters of the raw capture."""
    zones = doc.layer("zone")
    assert zones, "no article zones"
    for z in zones:
        span = doc.raw_span(z.start, z.end)
        assert span is not None, f"zone {z.label} {doc.text[z.start:z.end]!r} has no raw offsets"
        assert doc.raw[span[0]:span[1]] == doc.text[z.start:z.end]
    for seg in doc.segments:
        if seg.raw_start is not None:
            assert doc.raw[seg.raw_start:seg.raw_start + seg.length] == \
                doc.text[seg.text_start:seg.text_start + seg.length]
    # a word in the middle of the body: its raw span is that word, in its line of the capture
    body = doc.layer("zone")[-1]
    mid = doc.text.find(" ", (body.start + body.end) // 2) + 1
    end = doc.text.find(" ", mid, body.end)
    end = body.end if end < 0 else end  # a short last zone: its last word
    a, b = doc.raw_span(mid, end)
    assert doc.raw[a:b] == doc.text[mid:end] and b - a == end - mid


# --- the seeds against the gold annotation ---------------------------------------------------------

@pytest.fixture(scope="module")
def scorer():
    path = SHARED / "eval" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/eval/score.py not present")
    spec = importlib.util.spec_from_file_location("garante_scorer", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def cleaned_seeds():
    return {Path(c.source).name: clean(c) for c in read_inputs([str(SEEDS)]) if isinstance(c, Capture)}


@needs_seeds
def test_seeds_body_keeps_article_and_drops_furniture(gold, cleaned_seeds, scorer):
    kept = want = leaked = furniture = 0
    misses = []
    for name, g in gold.items():
        body = cleaned_seeds[name].body
        for line in g["body_lines"]:
            want += 1
            if scorer.contains(body, line):
                kept += 1
            else:
                misses.append(f"{name}: body misses {line!r}")
        for line in g["boilerplate_lines"]:
            furniture += 1
            if scorer.contains(body, line):
                leaked += 1
                misses.append(f"{name}: furniture kept {line!r}")
    recall, kept_share = kept / want, leaked / furniture
    precision = 1 - kept_share
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.97, misses
    assert not misses


@needs_seeds
def test_seeds_metadata(gold, cleaned_seeds, scorer):
    for name, g in gold.items():
        meta, doc = g["meta"], cleaned_seeds[name].meta
        if meta.get("title") is not None:
            assert scorer.bare(doc["title"]) == scorer.bare(meta["title"]), name
        want = meta.get("published")
        if want is not None:
            assert doc["published"] == want, name
        else:  # unknown stays unknown (or the date the text lets one infer), never the capture date
            assert doc["published"] in (None, meta.get("published_inferable")), name
        if meta.get("outlet"):
            got = scorer.bare(doc["outlet"])
            assert got and any(scorer.bare(a) == got or scorer.bare(a) in got for a in meta["outlet"]), \
                (name, doc["outlet"])
        if meta.get("author"):
            assert scorer.fold_name(doc["author"] or "") == scorer.fold_name(meta["author"]), name
        assert doc["language"] == meta["language"], name


@needs_seeds
def test_seeds_page_banner_is_capture_date_not_publication(cleaned_seeds):
    # a seed with a "giovedì 29 Gennaio 2026"-style banner above the headline and a dateline below it
    banners = {n: d for n, d in cleaned_seeds.items() if d.meta.get("capture_date")}
    assert banners
    for name, doc in banners.items():
        assert doc.meta["published"] != doc.meta["capture_date"], name


@needs_seeds
def test_seeds_offsets_map_back_to_raw(cleaned_seeds):
    for doc in cleaned_seeds.values():
        assert_offsets_map_back(doc)


# --- captures in the shape of other outlets ------------------------------------------------------

@pytest.fixture(scope="module", params=sorted(EXPECTED))
def case(request):
    return request.param, EXPECTED[request.param], clean_file(DATA / request.param)


def test_capture_body(case):
    name, exp, doc = case
    body = bare(doc.body)
    for line in exp["body"]:
        assert bare(line) in body, f"{name}: body misses {line!r}"


def test_capture_furniture_is_not_article_text(case):
    name, exp, doc = case
    labels = line_labels(doc)
    for line in exp["furniture"]:
        assert line in labels, f"{name}: {line!r} is not a line of the capture"
        assert not ARTICLE_LABELS & set(labels[line]), f"{name}: {line!r} labelled {labels[line]}"
        if len(line) > 25:  # long furniture lines must not reach the body text at all
            assert bare(line) not in bare(doc.body), f"{name}: {line!r} in the body"


def test_capture_subheadings(case):
    name, exp, doc = case
    labels = line_labels(doc)
    for line in exp["subheadings"]:
        assert labels.get(line) == ["subheading"], (name, line, labels.get(line))
        assert bare(line) in bare(doc.body)


def test_capture_metadata(case):
    name, exp, doc = case
    meta, m = exp["meta"], doc.meta
    assert m.get("title") == meta["title"], name
    assert m.get("published") == meta["published"], name
    if meta["outlet"] is None:
        assert m.get("outlet") is None, name
    else:
        assert m.get("outlet") in meta["outlet"], (name, m.get("outlet"))
    assert m.get("author") == meta["author"], name
    assert m.get("language") == meta["language"], name
    for key in ("url", "capture_date", "section"):
        if key in meta:
            assert m.get(key) == meta[key], (name, key, m.get(key))


def test_capture_offsets_map_back_to_raw(case):
    _, exp, doc = case
    assert_offsets_map_back(doc)
    for line in exp["body"]:
        i = doc.text.find(line)
        if i >= 0:
            a, b = doc.raw_span(i, i + len(line))
            assert doc.raw[a:b] == line


def test_title_zone_maps_to_the_first_copy_of_a_headline_printed_twice():
    doc = clean_file(DATA / "en_broadsheet_g7_agreement.txt")
    (title,) = [z for z in doc.layer("zone") if z.label == "title"]
    a, b = doc.raw_span(title.start, title.end)
    assert doc.raw.find(doc.meta["title"]) == a
    assert doc.raw[a:b] == doc.meta["title"]


def test_capture_date_banner_is_not_publication_date():
    doc = clean_file(DATA / "it_quotidiano_meloni_kyiv.txt")
    assert doc.meta["capture_date"] == "2024-02-26"
    assert doc.meta["published"] == "2024-02-24"
    assert doc.meta["published_precision"] == "day"


def test_capture_starting_mid_quote_keeps_its_first_paragraph():
    doc = clean_file(DATA / "en_reader_midquote.txt")
    assert doc.body.startswith("not a piece of paper like the one we were given in Budapest,\"")
    assert doc.lines[0].label == "body"


# --- rules on short captures written inline ------------------------------------------------------

def labels_of(raw: str) -> dict[str, str]:
    lines, _ = classify(raw)
    return {ln.text: ln.label for ln in lines}


PROSE_IT = [
    "Il ministro degli Esteri ha incontrato a Bruxelles i colleghi dell'Unione per discutere del sostegno a Kiev.",
    "Secondo fonti diplomatiche, il documento finale sarà approvato dai capi di Stato e di governo a fine mese.",
    "La riunione si è chiusa senza una dichiarazione comune, ma con l'impegno a rivedersi entro due settimane.",
]


def test_header_with_month_precision_and_section():
    raw = " date 2023-07 ESTERI\nVertice Nato a Vilnius, nessuna data per l'adesione di Kiev\n" + "\n".join(PROSE_IT)
    doc = clean(Capture("x.txt", raw, "text"))
    assert doc.meta["published"] == "2023-07"
    assert doc.meta["published_precision"] == "month"
    assert doc.meta["section"] == "ESTERI"
    assert doc.meta["title"] == "Vertice Nato a Vilnius, nessuna data per l'adesione di Kiev"


def test_header_followed_by_article_text_on_the_same_line():
    raw = " date 2022-01 Il portavoce ha detto che Mosca attende una risposta scritta alle sue proposte.\n" + \
        "\n".join(PROSE_IT)
    doc = clean(Capture("x.txt", raw, "text"))
    assert doc.meta["published"] == "2022-01"
    assert doc.body.startswith("Il portavoce ha detto che Mosca attende una risposta scritta")
    i = doc.text.index("Il portavoce")
    a, _ = doc.raw_span(i, i + 12)
    assert a == raw.index("Il portavoce")


def test_byline_shapes_and_author():
    for byline, author in [("di Marco Bellini", "Marco Bellini"), ("By Jane Porter and Omar Haddad",
                                                                        "Jane Porter and Omar Haddad"),
                           ("A cura di Chiara De Santis", "Chiara De Santis")]:
        raw = "\n".join(["Vertice a Bruxelles sul sostegno militare all'Ucraina", byline, "12 marzo 2024",
                         *PROSE_IT])
        doc = clean(Capture("x.txt", raw, "text"))
        assert doc.meta["author"] == author, byline
        assert doc.meta["published"] == "2024-03-12"
        assert byline not in doc.text


def test_banner_with_weekday_above_headline_is_capture_date():
    raw = "\n".join(["Accedi", "mercoledì 14 maggio 2025", "Esteri",
                     "Istanbul, delegazioni russa e ucraina attese per i colloqui diretti", *PROSE_IT])
    doc = clean(Capture("x.txt", raw, "text"))
    assert doc.meta["capture_date"] == "2025-05-14"
    assert doc.meta["published"] is None  # no other date: unknown, not the day of the capture
    assert doc.meta["title"] == "Istanbul, delegazioni russa e ucraina attese per i colloqui diretti"


def test_captions_with_credits_are_not_body():
    captions = ["Il presidente ucraino durante la conferenza stampa a Kiev (Foto: Ansa)",
                "Soldiers at a training ground near Kharkiv | Reuters/Gleb Garanich",
                "Delegates arrive for the talks in Jeddah. Photo: AFP",
                "Il vertice dei leader europei all'Eliseo (LaPresse)"]
    raw = "\n".join(["Europe debates a reassurance force for Ukraine", captions[0], PROSE_IT[0], captions[1],
                     PROSE_IT[1], captions[2], PROSE_IT[2], captions[3], PROSE_IT[0].replace("Bruxelles", "Roma")])
    labels = labels_of(raw)
    for c in captions:
        assert labels[c] == "caption", (c, labels[c])


def test_a_picture_source_or_a_post_time_glued_to_the_text_is_taken_off_it():
    raw = "\n".join([
        "Talks resume in Genevapublished at 09:06 GMTBreaking",
        "Image source, Jane Doe / AFP via Getty ImagesThe foreign ministers met in Geneva on Sunday to review "
        "the draft, officials said, and agreed to meet again next week.",
        "The talks in London focused on air defence and training, officials said on Monday.",
        "Image source, John Roe/ReutersMinisters agreed to meet again in Brussels next month to review the "
        "progress made on the guarantees.",
        "A final text is not expected before the summer, according to two diplomats."])
    doc = clean(Capture("x.txt", raw, "text"))
    body = " ".join(doc.text[z.start:z.end] for z in doc.layer("zone") if z.label == "body")
    assert "The foreign ministers met in Geneva" in body and "Ministers agreed to meet again" in body
    assert "Getty" not in body and "Reuters" not in body and "published at" not in doc.text


def test_a_first_paragraph_opening_on_its_place_and_date_dates_the_article():
    doc = clean(Capture("x.txt", "Piano di pace cinese, le reazioni\n\nRoma, 24 febbraio 2023 - C'era attesa per "
                                 "conoscere i termini del piano cinese sulla crisi ucraina.\n\nLa Cina ha detto che il "
                                 "dialogo è l'unica via.", "text"))
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2023-02-24", "dateline")
    raw = ("Stoltenberg says Zelenskyy accepted invitation\n\nMOSCOW (Harbour News / Sputnik - 21st April, 2023) "
           "Ukrainian President Volodymyr Zelenskyy has accepted an invitation to attend the NATO summit, "
           "Stoltenberg said on Friday.\n\nThe summit will be held in July.")
    doc = clean(Capture("x.txt", raw, "text"))
    assert doc.meta["published"] == "2023-04-21"
    assert "Zelenskyy has accepted an invitation" in doc.text  # the agency in its dateline is no picture credit
    doc = clean(Capture("x.txt", "Putin from Astana\n\nJul 4, 2024 16:20 106\n\nPutin said on Thursday that the "
                                 "agreements could be used for future talks with Kiev.\n\nHe spoke in Astana.", "text"))
    assert doc.meta["published"] == "2024-07-04"  # a date line with its count of views


def test_a_time_stamp_right_above_the_headline_is_the_article_s_date_not_a_banner():
    raw = "\n".join(["Latest news in Harbour", "Putin from Astana: the Istanbul agreement can serve as a basis",
                     "Russia has never refused negotiations and is ready to continue them, he says",
                     "Jul 4, 2024 16:20 106", "Putin from Astana: the Istanbul agreement can serve as a basis",
                     "Putin said on Thursday that the agreements could be used for future talks with Kiev.",
                     "He spoke to reporters in Astana after the summit of the organisation."])
    doc = clean(Capture("x.txt", raw, "text"))
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2024-07-04", "dateline")


def test_related_headlines_and_footer_after_the_article_are_furniture():
    tail = ["Read next", "Oil prices rise as OPEC extends cuts", "Who is the new head of the IAEA?",
            "Storms hit the Atlantic coast", "© 2025 Harbour Street Press Ltd", "Terms of use"]
    raw = "\n".join(["Kyiv and its allies weigh the shape of future guarantees",
                     "The talks in London focused on air defence and training, officials said on Monday.",
                     "Ministers agreed to meet again in Brussels next month to review the progress made.",
                     "A final text is not expected before the summer, according to two diplomats.", *tail])
    doc = clean(Capture("x.txt", raw, "text"))
    labels = labels_of(raw)
    for t in tail:
        assert labels[t] == "furniture", t
        assert t not in doc.text
    assert doc.meta["outlet"] == "Harbour Street Press"


PROSE_EN = ["Russian and US officials agreed on Tuesday to keep working toward ending the war in Ukraine, officials said.",
            "Secretary of State Marco Rubio said both sides would appoint high-level teams to work on a path to peace.",
            "Russian Foreign Minister Sergei Lavrov said troops from NATO countries in Ukraine would be unacceptable."]
HEADLINE_EN = "US and Russia agree to restore embassies after talks in Riyadh"
HEADLINE_IT = "Vertice a Bruxelles sul sostegno a Kiev"

# (head lines, expected author, expected publication date, lines that must stay out of the article)
HEAD_SHAPES = {
    "wire byline in capitals": ([HEADLINE_EN, "By JOHN MILLER and ANNA PETROVA",
                                 "Updated 4:41 PM GMT+1, February 18, 2025"], "John Miller and Anna Petrova",
                                "2025-02-18", []),
    "byline with the outlet": ([HEADLINE_EN, "By Jane Doe, CNN", "4 minute read",
                                "Updated 12:05 PM EST, Tue February 18, 2025"], "Jane Doe", "2025-02-18",
                               ["4 minute read"]),
    "reporter and city": ([HEADLINE_EN, "Pjotr Sauer in Moscow", "Tue 18 Feb 2025 16.35 CET",
                           "First published on Tue 18 Feb 2025 10.00 CET"], "Pjotr Sauer", "2025-02-18",
                          ["First published on Tue 18 Feb 2025 10.00 CET"]),
    "update shown above the first publication": ([HEADLINE_EN, "Pjotr Sauer in Moscow", "Wed 19 Feb 2025 09.10 CET",
                                                  "First published on Tue 18 Feb 2025 16.35 CET"], "Pjotr Sauer",
                                                 "2025-02-18", []),
    "desk byline": ([HEADLINE_IT, "di Redazione", "18 febbraio 2025"], None, "2025-02-18", ["di Redazione"]),
    "date with reading time": ([HEADLINE_EN, "by Martin Fornusek", "February 18, 2025 8:42 PM 2 min read"],
                               "Martin Fornusek", "2025-02-18", ["February 18, 2025 8:42 PM 2 min read"]),
    "published and updated": ([HEADLINE_IT, "di Mario Rossi",
                               "Pubblicato il 18/02/2025 alle 16:41 - Aggiornato il 19/02/2025 alle 09:10"],
                              "Mario Rossi", "2025-02-18", []),
    "credit under the caption": ([HEADLINE_IT, "Il vertice dei ministri a Bruxelles", "©Ansa", "18 febbraio 2025"],
                                 None, "2025-02-18", ["Il vertice dei ministri a Bruxelles", "©Ansa"]),
    "agency desk, city, date, time": ([HEADLINE_IT, "Redazione ANSA", "ROMA", "18 febbraio 2025", "16:41",
                                       "Suggerisci"], None, "2025-02-18", ["Redazione ANSA", "16:41", "Suggerisci"]),
}


@pytest.mark.parametrize("shape", sorted(HEAD_SHAPES))
def test_head_shapes_of_other_outlets(shape):
    head, author, published, furniture = HEAD_SHAPES[shape]
    prose = PROSE_IT if head[0] == HEADLINE_IT else PROSE_EN
    raw = "\n".join([*head, *prose])
    doc = clean(Capture("x.txt", raw, "text"))
    assert doc.meta["title"] == head[0]
    assert doc.meta["author"] == author
    assert doc.meta["published"] == published
    assert doc.body.startswith(prose[0])
    for line in furniture:
        assert line not in doc.text


def test_french_capture_with_a_recommended_link_inside():
    raw = "\n".join([
        "Garanties de sécurité : ce que proposent les Européens", "Par Claire Dubois",
        "Publié le 18 février 2025 à 16h41", "Temps de lecture : 3 min.",
        "Les ministres de la Défense de plusieurs pays européens se sont réunis mardi à Paris pour discuter des garanties.",
        "La France et le Royaume-Uni se disent prêts à envoyer des soldats en Ukraine après un cessez-le-feu.",
        "Lire aussi", "Ukraine : ce que contient le plan américain",
        "Le gouvernement allemand juge ce débat prématuré à ce stade des discussions entre alliés."])
    doc = clean(Capture("x.txt", raw, "text"))
    assert (doc.meta["author"], doc.meta["published"], doc.meta["language"]) == ("Claire Dubois", "2025-02-18", "fr")
    assert "Ukraine : ce que contient le plan américain" not in doc.text
    assert doc.body.endswith("entre alliés.")


def test_reader_comments_after_the_article_are_not_body():
    article = ["Vertice a Bruxelles sul sostegno a Kiev", *PROSE_IT]
    comments = ["Commenti", "Marco R.", "18 febbraio 2025 alle 10:12",
                "Finalmente una posizione chiara dell'Europa, era ora che qualcuno si muovesse davvero su questo tema.",
                "Rispondi", "Giulia", "18 febbraio 2025 alle 11:40",
                "Non sono d'accordo, queste riunioni non servono a niente se poi non si decide nulla di concreto.",
                "Rispondi", "Paolo",  "18 febbraio 2025 alle 12:02",
                "L'Europa dovrebbe pensare prima ai propri cittadini e poi a tutto il resto, come succede sempre.",
                "Ottimo articolo, chiaro e completo. Grazie alla redazione per il lavoro che fate ogni giorno.",
                "Rispondi", "Lascia un commento"]
    doc = clean(Capture("x.txt", "\n".join(article + comments), "text"))
    assert doc.body.endswith(PROSE_IT[-1])
    assert "Finalmente una posizione chiara" not in doc.text and "Ottimo articolo" not in doc.text


def test_hard_wrapped_capture_is_read_as_paragraphs():
    import textwrap
    paragraphs = [
        "Defence ministers from across the European Union met in Brussels on Tuesday to discuss the security "
        "guarantees that Europe could offer Ukraine once a ceasefire is in place, officials said.",
        "Several governments said they were ready to send troops to a reassurance force, while others insisted "
        "that any deployment would need a clear commitment of support from the United States.",
        "The ministers agreed to meet again within two weeks to settle the details of the plan and its costs."]
    raw = ("   Ministers weigh guarantees for Ukraine in Brussels\n\n"
           + "\n\n".join(textwrap.fill(p, 70, initial_indent="   ", subsequent_indent="   ") for p in paragraphs)
           + "\n\n   Related\n   Oil prices fall as supply grows\n   Storm warnings for the weekend\n")
    doc = clean(Capture("wrapped.txt", raw, "text"))
    assert doc.meta["title"] == "Ministers weigh guarantees for Ukraine in Brussels"
    assert doc.body.split("\n\n") == paragraphs
    i = doc.text.index("security guarantees")
    a, b = doc.raw_span(i, i + len("security guarantees"))
    assert raw[a:b].split() == ["security", "guarantees"]  # the two words, across the line break of the capture
    for words in ("Brussels on Tuesday", "reassurance force", "its costs.", paragraphs[1]):
        i = doc.text.index(words)
        a, b = doc.raw_span(i, i + len(words))
        assert raw[a:b].split() == words.split()  # the same words, with the capture's line breaks


def test_capture_wrapped_at_an_uneven_width_is_read_as_paragraphs():
    # a page wrapped by the width of its column in pixels: lines of 45-80 characters, cut mid-sentence
    raw = "\n".join([
        "Europe weighs a reassurance force for Ukraine", "",
        "The defence ministers of twelve countries met on Thursday",
        "in London to discuss the force that would be sent to Ukraine after",
        "a ceasefire, with air patrols and training missions far from the front.",
        "Britain and France said they were ready to lead it,",
        "but several governments insisted that American support was a precondition",
        "for any deployment of their soldiers on Ukrainian soil.",
        "The ministers will meet again next month in Paris,",
        "when the plans and their costs are due to be presented to the leaders of the",
        "coalition, officials said after the talks had ended."])
    doc = clean(Capture("column.txt", raw, "text"))
    assert doc.meta["title"] == "Europe weighs a reassurance force for Ukraine"
    assert "The defence ministers of twelve countries met on Thursday in London" in doc.body
    assert "ready to lead it, but several governments insisted" in doc.body
    assert doc.body.endswith("officials said after the talks had ended.")


def test_short_lines_of_an_ordinary_capture_are_not_joined():
    raw = "\n".join(["Vertice a Bruxelles sul sostegno a Kiev", *PROSE_IT, "Leggi anche",
                     "Ucraina, i leader europei a Washington per il vertice", "Gas, il prezzo torna a salire ad Amsterdam"])
    lines, _ = classify(raw)
    assert [ln.text for ln in lines][1:4] == PROSE_IT


def test_bulleted_sentences_inside_the_article_are_body_but_bulleted_menus_are_not():
    points = ["• Ukraine must give up its bid to join NATO.", "• Western sanctions against Russia must be lifted.",
              "• No troops from NATO countries may be deployed in Ukraine."]
    raw = "\n".join([
        "• World", "• Europe", "Kremlin sets out its conditions for a settlement",
        "Russian Foreign Minister Sergei Lavrov on Friday listed the conditions Moscow attaches to any settlement.",
        "Speaking at a news conference in Moscow, he said Russia would insist on the following points:", *points,
        "Ukrainian officials rejected the list, saying it amounted to a demand for capitulation rather than talks.",
        "Related", "• Oil prices fall as supply grows", "• Storm warnings for the weekend across the north"])
    doc = clean(Capture("b.txt", raw, "text"))
    assert doc.meta["title"] == "Kremlin sets out its conditions for a settlement"
    assert doc.body.startswith("Russian Foreign Minister Sergei Lavrov on Friday")
    for p in points:
        assert p in doc.body
    assert doc.body.endswith("rather than talks.")
    assert "• World" not in doc.text and "Oil prices" not in doc.text


@pytest.mark.parametrize("notice", [
    ["Questo sito utilizza cookie tecnici e di profilazione, propri e di terze parti, per migliorare la navigazione.",
     "Cliccando su Accetta acconsenti all'uso di tutti i cookie; puoi cambiare le preferenze in ogni momento.",
     "Accetta"],
    ["We use cookies and similar technologies to personalise content and ads and to analyse our traffic.",
     "By clicking Accept all, you agree to the storing of cookies on your device.", "Accept all"],
])
def test_cookie_notice_next_to_the_headline_is_not_body(notice):
    raw = "\n".join([*notice, "Vertice a Bruxelles sul sostegno a Kiev", *PROSE_IT])
    doc = clean(Capture("c.txt", raw, "text"))
    assert doc.meta["title"] == "Vertice a Bruxelles sul sostegno a Kiev"
    assert doc.body.startswith(PROSE_IT[0])
    assert "cookie" not in doc.text.casefold()


def test_kicker_over_the_headline_is_not_the_title():
    raw = "\n".join(["Menu", "Guerra in Ucraina", "Vertice a Bruxelles, l'Europa prepara le garanzie per Kiev",
                     "di Mario Rossi", "18 febbraio 2025", *PROSE_IT])
    doc = clean(Capture("k.txt", raw, "text"))
    assert doc.meta["title"] == "Vertice a Bruxelles, l'Europa prepara le garanzie per Kiev"
    assert "Guerra in Ucraina" not in doc.text
    short = "\n".join(["Menu", "Peace talks stall",
                       "Delegations leave Istanbul without agreement on a ceasefire or guarantees for Kyiv and its allies",
                       *PROSE_EN])
    assert clean(Capture("s.txt", short, "text")).meta["title"] == "Peace talks stall"


@pytest.mark.parametrize("line,value", [
    ("18 feb 2025", "2025-02-18"), ("Feb. 18, 2025", "2025-02-18"), ("18 févr. 2025", "2025-02-18"),
    ("18. Februar 2025", "2025-02-18"), ("2025-02-18T10:00:00Z", "2025-02-18"), ("18/02/2025 - 16:41", "2025-02-18"),
    ("pubblicato: 18-02-2025", "2025-02-18"), ("Martedì 18 febbraio 2025", "2025-02-18"),
    ("18 de febrero de 2025", "2025-02-18"), ("Mis à jour le 18 février 2025 à 10h00", "2025-02-18"),
    ("Updated: 18 February 2025, 10:12 am", "2025-02-18"), ("Tuesday, February 18, 2025 - 10:12", "2025-02-18"),
    ("ROMA, 18 febbraio 2025, 13:47", "2025-02-18"), ("Published On 18 Feb 2025", "2025-02-18"),
    ("03/25/2024", "2024-03-25"), ("Febbraio 2025", "2025-02"),
])
def test_date_lines(line, value):
    from garante.clean.capture import _is_date_line
    from garante.clean.cues import cues
    date, _ = _is_date_line(line, cues())
    assert date and date[0] == value


@pytest.mark.parametrize("line", [
    "Il 18 febbraio 2025 i ministri si sono riuniti a Bruxelles.", "On February 18, 2025, the talks resumed in Riyadh.",
    "Aggiornato alle 16:41", "16 ore fa", "2 hours ago", "Vertice del 18 febbraio 2025 a Bruxelles"])
def test_sentences_and_relative_times_are_not_date_lines(line):
    from garante.clean.capture import _is_date_line
    from garante.clean.cues import cues
    assert _is_date_line(line, cues())[0] is None


# --- live pages, mastheads, toolbars and author boxes ----------------------------------------------

def test_one_time_line_is_not_a_live_page():
    # a single "18:05" line between two paragraphs does not make entries: it stays furniture and the
    # short line under it is no entry heading
    raw = "\n".join(["Vertice a Bruxelles sul sostegno a Kiev", PROSE_IT[0], "18:05", "Nuovo incontro in serata",
                     PROSE_IT[1], PROSE_IT[2]])
    lines, _ = classify(raw)
    by_text = {ln.text: ln for ln in lines}
    assert by_text["18:05"].cue != "entry_time"
    assert by_text["Nuovo incontro in serata"].cue != "entry_heading"


def test_live_page_entries_keep_every_paragraph_and_the_page_headline():
    entries = []
    for time, heading, para in zip(["21:40", "20:15", "19:02"],
                                   ["Kallas: nuove sanzioni", "Il Cremlino risponde", "Riunione a Bruxelles"],
                                   PROSE_IT):
        entries += [time, heading, para]
    raw = "\n".join(["Menu", "Ucraina, la diretta di oggi: i ministri Ue discutono le garanzie per Kiev",
                     "Aggiornato alle 21:40 di lunedì 14 luglio 2025", *entries, "Leggi anche",
                     "Borsa, Milano chiude in calo", "Meteo, temporali al Nord"])
    doc = clean(Capture("live.txt", raw, "text"))
    assert doc.meta["title"] == "Ucraina, la diretta di oggi: i ministri Ue discutono le garanzie per Kiev"
    assert doc.meta["published"] == "2025-07-14"  # the last update of a live page
    for para in PROSE_IT:
        assert para in doc.body
    labels = labels_of(raw)
    assert labels["Il Cremlino risponde"] == "subheading" and labels["20:15"] == "furniture"
    assert "Borsa, Milano chiude in calo" not in doc.text


@pytest.mark.parametrize("line,trail", [
    ("Esteri › Medio Oriente", True), ("World > Europe > Ukraine", True),
    ("Zelensky: «Pronti a trattare» » Kiev", False),  # a closing quote mark, not an arrow
    ("Trump says > 50 countries back the plan.", False),
])
def test_breadcrumb_trails_without_a_root_word(line, trail):
    from garante.clean.capture import _crumb_trail
    assert _crumb_trail(line) is trail


def test_commentary_disclaimer_and_author_box_in_italian_are_not_body():
    raw = "\n".join(["Garanzie per Kiev: perché l'Europa deve fare da sola", "Lucia Ferraro",
                     "Ricercatrice, Programma Sicurezza europea", "3 luglio 2025", *PROSE_IT,
                     "Le opinioni espresse in questo articolo sono quelle dell'autrice e non riflettono "
                     "necessariamente la posizione dell'Istituto.",
                     "L'autrice",
                     "Lucia Ferraro è ricercatrice del Programma Sicurezza europea. Ha lavorato al ministero della Difesa."])
    doc = clean(Capture("c.txt", raw, "text"))
    assert doc.meta["title"] == "Garanzie per Kiev: perché l'Europa deve fare da sola"
    assert doc.meta["author"] == "Lucia Ferraro"
    assert doc.body.rstrip().endswith(PROSE_IT[-1])
    assert "opinioni espresse" not in doc.text and "ministero della Difesa" not in doc.text


def test_declared_site_name_beats_the_spelling_of_the_domain():
    paras = "".join(f"<p>{p}</p>" for p in PROSE_EN)
    page = ("<!DOCTYPE html><html><head><title>Allies weigh guarantees for Kyiv | Daily Example</title>"
            '<meta property="og:site_name" content="Daily Example">'
            '<link rel="canonical" href="https://www.example.org/world/allies-weigh-guarantees">'
            "</head><body><header><a href='/'>Example</a></header><article><h1>Allies weigh guarantees for Kyiv</h1>"
            f"{paras}</article><footer>Example home</footer></body></html>")
    doc = clean(Capture("page.html", page, "html"))
    assert doc.meta["outlet"] == "Daily Example"
    assert doc.meta["outlet_source"] == "html metadata"


def test_italian_email_header_gives_title_date_and_sender():
    raw = "\n".join(["---------- Messaggio inoltrato ---------", "Da: Il Punto Europeo <redazione@puntoeuropeo.example>",
                     "Data: mer 5 mar 2025 alle ore 06:45", "Oggetto: I: Bruxelles, il piano per riarmare l'Europa",
                     "A: <lettori@example.org>", "Visualizza questa email nel browser", *PROSE_IT,
                     "Hai ricevuto questa email perché sei iscritto al Punto Europeo. Disiscriviti"])
    doc = clean(Capture("mail.txt", raw, "text"))
    assert doc.meta["title"] == "Bruxelles, il piano per riarmare l'Europa"
    assert doc.meta["published"] == "2025-03-05"
    assert doc.meta["outlet"] == "Il Punto Europeo"
    assert doc.body.startswith(PROSE_IT[0]) and doc.body.rstrip().endswith(PROSE_IT[-1])
    title = doc.layer("zone")[0]
    assert title.label == "title" and doc.raw[slice(*doc.raw_span(title.start, title.end))] == doc.meta["title"]


def test_date_in_the_header_of_a_page_beats_a_later_weekday_in_the_body():
    raw = "\n".join(["Allies meet in Paris as talks on a ceasefire stall", "March 27, 2025 4:40 PM ET", "Anna Fisher",
                     "Leaders said on Friday that they would meet again in April to discuss the plan.", *PROSE_EN])
    doc = clean(Capture("radio.txt", raw, "text"))
    assert doc.meta["published"] == "2025-03-27" and doc.meta["published_source"] == "dateline"
    assert doc.meta["author"] == "Anna Fisher"


def test_place_and_month_closing_a_long_read_is_its_date():
    raw = "\n".join(["Il lungo inverno di Odessa", "Testo di Marta Ferri", *PROSE_IT, "Odessa, febbraio 2025",
                     "Leggi anche", "Il porto che non dorme mai"])
    doc = clean(Capture("rivista.txt", raw, "text"))
    assert doc.meta["published"] == "2025-02" and doc.meta["published_precision"] == "month"
    assert "Odessa, febbraio 2025" not in doc.body


@pytest.mark.parametrize("line", ["Reading time: 6 min", "Tempo di lettura: 4 minuti"])
def test_a_reading_time_names_no_outlet(line):
    raw = "\n".join([HEADLINE_EN, "By Tomas Berg", "12 March 2025", line, *PROSE_EN])
    doc = clean(Capture("x.txt", raw, "text"))
    assert doc.meta["outlet"] is None


@pytest.mark.parametrize("byline, author", [("By Harriet Cole, Political Editor", "Harriet Cole"),
                                            ("di Sara Dallapiccola, inviata", "Sara Dallapiccola"),
                                            ("By Jane Doe, CNN", "Jane Doe")])
def test_job_title_after_the_byline_is_not_part_of_the_author(byline, author):
    raw = "\n".join([HEADLINE_EN, byline, "2 March 2025", *PROSE_EN])
    assert clean(Capture("x.txt", raw, "text")).meta["author"] == author


@pytest.mark.parametrize("line", ["«Siamo pronti a fare la nostra parte» — Giorgia Meloni",
                                  "\"We will not waver\" – Joe Biden",
                                  "IN FULL: What the leaders agreed in London",
                                  "READ MORE: Why the summit matters"])
def test_pull_quotes_and_teasers_between_paragraphs_are_not_body(line):
    raw = "\n".join([HEADLINE_EN, "By Tomas Berg", "12 March 2025", PROSE_EN[0], line, *PROSE_EN[1:]])
    doc = clean(Capture("x.txt", raw, "text"))
    assert line not in doc.text
    assert doc.body.rstrip().endswith(PROSE_EN[-1])


@pytest.mark.parametrize("line", [
    "![Defence ministers meet in Brussels](https://img.example.org/2025/02/11/20250211-8665.jpg)",
    "The ministers at the opening session, Brussels, Feb. 12, 2025. (AP Photo/Jane Doe)",
    "Delegations at the headquarters on Wednesday. (U.S. Air Force photo by Airman 1st Class John Roe)",
    "More on Keir Starmer",
    "(More Pete Hegseth stories.)",
    "Report an error",
    "Live updates: follow the latest news on Russia-Ukraine",
    "Glasgow Times8 hours ago",
    "The two delegations talk to the press at the mission in Geneva, Switzerland, November 23, 2025. /VCG",
    "Disinformation report hotline: 010-85061466",
])
def test_pictures_credits_and_links_between_paragraphs_are_not_body(line):
    raw = "\n".join([HEADLINE_EN, "By Tomas Berg", "12 March 2025", PROSE_EN[0], line, *PROSE_EN[1:]])
    doc = clean(Capture("x.txt", raw, "text"))
    assert line not in doc.text
    assert doc.body.rstrip().endswith(PROSE_EN[-1])


def test_a_live_blogs_military_time_is_no_body_line():
    raw = "\n".join([HEADLINE_EN, "By Tomas Berg", "12 March 2025", PROSE_EN[0], "UPDATE 1958 GMT:", *PROSE_EN[1:]])
    doc = clean(Capture("x.txt", raw, "text"))
    assert "UPDATE 1958" not in doc.text and doc.body.rstrip().endswith(PROSE_EN[-1])


def test_an_undated_page_takes_the_day_of_its_captioned_pictures_as_its_story_day():
    caption = ("The defence ministers meet at Ramstein Air Base, Germany, April 26, 2022. "
               "(U.S. Air Force photo by Airman 1st Class John Roe)")
    raw = "\n".join([HEADLINE_EN, caption, *PROSE_EN])
    doc = clean(Capture("x.txt", raw, "text"))
    assert caption not in doc.text
    assert doc.meta["published"] is None and doc.meta["story_day"] == "2022-04-26"
    dated = clean(Capture("y.txt", "\n".join([HEADLINE_EN, "12 March 2025", caption, *PROSE_EN]), "text"))
    assert dated.meta["published"] == "2025-03-12" and "story_day" not in dated.meta


def test_a_paragraph_of_prose_in_the_capture_header_is_the_pages_lead_not_its_headline():
    lead = ("Moscow, Russia - Russian President Vladimir Putin said on Friday that Moscow would only cease fire "
            "and begin peace talks if Ukraine gave up four of its regions and its bid to join NATO.")
    caption = "Russian President Vladimir Putin spoke to diplomats in Moscow. © REUTERS"
    doc = clean(Capture("x.txt", f" date 2024-06-14 {lead}\n\n{caption}\n\n" + "\n\n".join(PROSE_EN), "text"))
    assert lead in doc.body and doc.meta.get("title") != lead
    short = clean(Capture("y.txt", f" date 2024-06-14 {HEADLINE_EN}\n\n" + "\n\n".join(PROSE_EN), "text"))
    assert short.meta["title"] == HEADLINE_EN  # a headline in the header stays the headline


def test_a_last_paragraph_the_capture_cut_off_mid_sentence_is_still_the_articles():
    cut = "The Russian president also said that peace requires removing the root causes. \u201cThe situation in Ukraine h"
    doc = clean(Capture("x.txt", "\n\n".join([HEADLINE_EN, "By Tomas Berg", "12 March 2025", *PROSE_EN, cut]), "text"))
    assert cut in doc.body
    menu = clean(Capture("y.txt", "\n\n".join([HEADLINE_EN, "By Tomas Berg", "12 March 2025", *PROSE_EN,
                                              "Home News World Sport Business Culture"]), "text"))
    assert "Home News" not in menu.text


def test_a_last_sentence_or_quotation_the_capture_cut_off_is_kept_but_a_closing_headline_is_not():
    """The capture stops mid-sentence: a quotation it opened and never closed, a sentence in sentence case
    that stops on a word no sentence ends on, or one longer than a headline, is the article's last
    paragraph. A headline after the article (title case, or a short line ending on a word of its own) and a
    line of links or handles stay furniture."""
    head = [HEADLINE_EN, "By Tomas Berg", "12 March 2025", *PROSE_EN]
    for cut in ["\u201cWe will never accept foreign bases on our soil, and we will not allow any",
                "Earlier this month the foreign minister told reporters that the talks could resume if the",
                "Later on Tuesday, the alliance\u2019s deputy spokesperson said the members were studying a proposal that",
                "The two delegations met for six hours in the Saudi capital and agreed that a second round of talks would start in Geneva wi"]:
        assert cut in clean(Capture("x.txt", "\n\n".join([*head, cut]), "text")).body, cut
    for tail in ["Kremlin Rejects New European Proposal For Peacekeepers In Ukraine",
                 "Follow our live coverage of the talks on https://example.org/live and @newsdesk",
                 "Allies split over a reassurance force for Kyiv after the summit"]:
        doc = clean(Capture("y.txt", "\n\n".join([*head, tail]), "text"))
        assert tail not in doc.body and doc.body.rstrip().endswith(PROSE_EN[-1].rstrip()), tail


def test_an_official_sites_name_is_the_whole_name_its_domain_word_starts_or_ends():
    """president.gov.ua is "President of Ukraine" as the page spells it at its top, not "President"; a
    word of the domain in running prose with no joined name stays the bare word; a name with no joining
    word after it is not stretched ("The Continental Ledger Reports")."""
    raw = "\n".join(["President of Ukraine", "", "The Coalition now has substantive documents in place – The President",
                     "6 January 2026 - 23:47", *PROSE_EN])
    doc = clean(Capture("page.txt", raw, "text", hints={"url": "https://www.president.gov.ua/en/news/coalition-documents"}))
    assert doc.meta["outlet"] == "President of Ukraine"
    assert doc.meta["outlet_source"] == "the page's spelling of its url domain"
    from garante.clean.metadata import name_spelling_domain
    assert name_spelling_domain("Notizie dal Ministero della Difesa\nIl ministro", "difesa.it") == "Ministero della Difesa"
    assert name_spelling_domain("Read The Continental Ledger Reports today", "continentalledger.com") == "The Continental Ledger"
    assert name_spelling_domain("sostenendo la Difesa Aerea in Ucraina", "difesa.it") == "Difesa"


def test_bylines_a_page_lost_the_space_of_or_that_put_the_date_label_after_the_name():
    for byline, author in [("byRainer Hofmann", "Rainer Hofmann"),
                           ("Sumaira FH Published April 21, 2023 | 03:30 PM", "Sumaira FH")]:
        raw = "\n".join(["Stoltenberg says Zelensky accepted the invitation to the Vilnius summit", byline, *PROSE_EN])
        doc = clean(Capture("c.txt", raw, "text"))
        assert doc.meta["author"] == author, byline
        assert byline not in doc.text and doc.body.startswith(PROSE_EN[0])
    # an agency, not a person, before the label: no author
    raw = "\n".join(["Allies weigh guarantees for Kyiv", "Reuters Published April 21, 2023", *PROSE_EN])
    assert clean(Capture("c.txt", raw, "text")).meta["author"] is None


def test_a_headline_printed_again_with_a_picture_counter_is_the_clean_copy():
    title = "Vladimir Putin from Astana: the Istanbul agreement can serve as a basis for negotiations"
    raw = "\n".join(["Last news in Fakti", "", title, "", "Russia has never refused negotiations, the Kremlin said",
                     "", "Jul 4, 2024 16:20 106", "", title + "  - 1", "", *PROSE_EN])
    assert clean(Capture("c.txt", raw, "text")).meta["title"] == title
