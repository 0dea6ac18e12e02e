"""Sentence splitting that survives news typography, in Italian and English."""
import pytest

from garante.document import Document, Span
from garante.extract.sentences import SentenceSplitter, split

from helpers import sentences_of as sents


@pytest.mark.parametrize("text,lang,want", [
    ("“Decisamente no,” ha dichiarato Peskov. Poi ha lasciato la sala.", "it",
     ["“Decisamente no,” ha dichiarato Peskov.", "Poi ha lasciato la sala."]),
    ("Ha detto: «La guerra è finita.» Poi è ripartito per Mosca.", "it",
     ["Ha detto: «La guerra è finita.»", "Poi è ripartito per Mosca."]),
    ("Il sig. Rossi e il dott. Bianchi hanno incontrato il gen. Verdi alle 10.30 di ieri. Nessun accordo.", "it",
     ["Il sig. Rossi e il dott. Bianchi hanno incontrato il gen. Verdi alle 10.30 di ieri.", "Nessun accordo."]),
    ("L'on. Tajani ha risposto: “Vedremo”. La crescita è stata del 2.5 per cento.", "it",
     ["L'on. Tajani ha risposto: “Vedremo”.", "La crescita è stata del 2.5 per cento."]),
    ("Il conflitto — ora al terzo anno — continua. „Non cederemo“, ha detto.", "it",
     ["Il conflitto — ora al terzo anno — continua.", "„Non cederemo“, ha detto."]),
    ("Pronti a trattare? Non ancora, ha risposto il ministro.", "it",
     ["Pronti a trattare?", "Non ancora, ha risposto il ministro."]),
    ("“Siamo pronti?” ha chiesto il premier ai giornalisti.", "it",
     ["“Siamo pronti?” ha chiesto il premier ai giornalisti."]),
    ("The U.S. envoy met Mr. Putin in St. Petersburg on Jan. 5. Donald J. Trump said it went well.", "en",
     ["The U.S. envoy met Mr. Putin in St. Petersburg on Jan. 5.", "Donald J. Trump said it went well."]),
    ("“We will not accept foreign troops.” Then he left the room. ‘Never,’ he added.", "en",
     ["“We will not accept foreign troops.”", "Then he left the room.", "‘Never,’ he added."]),
    ("He said so… 2025 will be different.", "en", ["He said so…", "2025 will be different."]),
    ("First paragraph without a stop\nSecond one.", "en", ["First paragraph without a stop", "Second one."]),
    # two apostrophes typed for a quotation mark; an initialism that ends a sentence before a quotation
    ("Lo ha detto il ministro. ''La Russia non vincerà'', ha aggiunto.", "it",
     ["Lo ha detto il ministro.", "''La Russia non vincerà'', ha aggiunto."]),
    # a scraped page that lost the space after a full stop; not a web address ("News.Az") or an abbreviation
    ("Le truppe sono ai confini dei territori governati da Mosca.Lo dichiara il portavoce del Cremlino.", "it",
     ["Le truppe sono ai confini dei territori governati da Mosca.", "Lo dichiara il portavoce del Cremlino."]),
    ("Ten leaders took part, News.Az reports. Write to news@example.org.Learn more here.", "en",
     ["Ten leaders took part, News.Az reports.", "Write to news@example.org.", "Learn more here."]),
    ("The plan was backed by the U.S. “We will not abandon Ukraine,” Biden said. Sen. “Bob” Smith agreed.", "en",
     ["The plan was backed by the U.S.", "“We will not abandon Ukraine,” Biden said.", "Sen. “Bob” Smith agreed."]),
])
def test_split(text, lang, want):
    assert sents(text, lang) == want


def test_sentences_stay_inside_zones():
    text = "Titolo senza punto\n\nPrimo paragrafo. Secondo periodo."
    doc = Document(source="<t>", raw=text, text=text, meta={"language": "it"})
    doc.spans += [Span(0, 18, "zone", "title"), Span(20, len(text), "zone", "body")]
    SentenceSplitter()(doc, None)
    got = [s.text_of(doc) for s in doc.layer("sentence")]
    assert got == ["Titolo senza punto", "Primo paragrafo.", "Secondo periodo."]
    assert all(s.component == "sentences" for s in doc.layer("sentence"))


@pytest.mark.parametrize("text,lang,want", [
    ("MOSCOW (Reuters) -Russia rejects the plan. It said so on Monday.", "en",
     ["MOSCOW (Reuters) -", "Russia rejects the plan.", "It said so on Monday."]),
    ("KYIV, Ukraine (AP) — The president spoke late. He left.", "en",
     ["KYIV, Ukraine (AP) —", "The president spoke late.", "He left."]),
    ("ROMA, 5 dicembre (ANSA) - Il governo ha detto no.", "it", ["ROMA, 5 dicembre (ANSA) -", "Il governo ha detto no."]),
    ("UE - Il vertice è finito.", "it", ["UE - Il vertice è finito."]),  # two capitals: a name, not a place
    ("U.S. Secretary of State said the plan would go to Russia next.", "en",
     ["U.S. Secretary of State said the plan would go to Russia next."]),
])
def test_a_dateline_that_opens_a_body_paragraph_is_a_unit_of_its_own(text, lang, want):
    assert [text[a:b] for a, b in split(text, lang, dateline=True)] == want


def test_a_dateline_is_split_off_in_the_body_only():
    text = "ROMA - Titolo con trattino\n\nROMA - Il governo ha detto no."
    doc = Document(source="<t>", raw=text, text=text, meta={"language": "it"})
    doc.spans += [Span(0, 26, "zone", "title"), Span(28, len(text), "zone", "body")]
    SentenceSplitter()(doc, None)
    assert [s.text_of(doc) for s in doc.layer("sentence")] == ["ROMA - Titolo con trattino", "ROMA -",
                                                                "Il governo ha detto no."]
